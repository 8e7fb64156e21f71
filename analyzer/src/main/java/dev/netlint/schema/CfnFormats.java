package dev.netlint.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code format}s of the cfn-lint schemas that netlint checks. Any other format (an IAM role
 * ARN, an AMI ID, a security group name...) is not checked.
 *
 * <ul>
 *   <li>{@code ipv4-network}: an IPv4 CIDR block, four decimal octets of 0 to 255 and a prefix
 *       length of 0 to 32 ({@code 10.0.0.0/16}). Host bits may be set: EC2 accepts {@code
 *       10.0.0.1/16} in security group rules, and which resources refuse it is for network rules to
 *       say.
 *   <li>{@code ipv6-network}: an IPv6 address and a prefix length of 0 to 128 ({@code
 *       2001:db8::/56}).
 *   <li>{@code AWS::EC2::VPC.Id}, {@code AWS::EC2::Subnet.Id}, {@code AWS::EC2::SecurityGroup.Id}:
 *       literal IDs as cfn-lint's rules E1151, E1154 and E1150 check them ({@code vpc-} and 8 or 17
 *       characters...).
 * </ul>
 *
 * <p>See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html">VPC CIDR
 * blocks</a>.
 */
final class CfnFormats {

  private static final Pattern IPV4_NETWORK =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private CfnFormats() {}

  /** All formats netlint checks. */
  static List<Format> all() {
    return List.of(
        new Checked("ipv4-network", CfnFormats::isIpv4Network),
        new Checked("ipv6-network", CfnFormats::isIpv6Network),
        new Checked("AWS::EC2::VPC.Id", Pattern.compile("vpc-([0-9a-z]{8}|[0-9a-z]{17})")),
        new Checked(
            "AWS::EC2::Subnet.Id", Pattern.compile("subnet-([0-9A-Fa-f]{8}|[0-9A-Fa-f]{17})")),
        new Checked("AWS::EC2::SecurityGroup.Id", Pattern.compile("sg-[a-z0-9]{8,17}")));
  }

  /** Whether {@code s} is an IPv4 CIDR block ({@code 10.0.0.0/16}). */
  static boolean isIpv4Network(String s) {
    Matcher m = IPV4_NETWORK.matcher(s);
    if (!m.matches()) {
      return false;
    }
    for (int i = 1; i <= 4; i++) {
      if (Integer.parseInt(m.group(i)) > 255) {
        return false;
      }
    }
    return Integer.parseInt(m.group(5)) <= 32;
  }

  /** Whether {@code s} is an IPv6 CIDR block ({@code 2001:db8::/56}). */
  static boolean isIpv6Network(String s) {
    int slash = s.indexOf('/');
    if (slash < 0 || slash != s.lastIndexOf('/')) {
      return false;
    }
    String address = s.substring(0, slash);
    String prefix = s.substring(slash + 1);
    if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > 128) {
      return false;
    }
    // Only hex digits, colons and dots reach InetAddress, so it parses a literal and never
    // resolves a host name.
    if (!IPV6_LITERAL.matcher(address).matches() || address.indexOf(':') < 0) {
      return false;
    }
    try {
      InetAddress.getByName(address);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** A format checked by a predicate on the string. */
  private record Checked(String name, Predicate<String> check) implements Format {
    Checked(String name, Pattern pattern) {
      this(name, s -> pattern.matcher(s).matches());
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
      return check.test(value);
    }
  }
}
