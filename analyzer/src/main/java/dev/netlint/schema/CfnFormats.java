package dev.netlint.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import dev.netlint.model.Cidr;
import java.util.List;
import java.util.function.Predicate;
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
 *   <li>Both read the address and the prefix length with {@link Cidr}, netlint's one parser of
 *       addresses.
 *   <li>{@code AWS::EC2::VPC.Id}, {@code AWS::EC2::Subnet.Id}, {@code AWS::EC2::SecurityGroup.Id}:
 *       literal IDs as cfn-lint's rules E1151, E1154 and E1150 check them ({@code vpc-} and 8 or 17
 *       characters...).
 * </ul>
 *
 * <p>See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html">VPC CIDR
 * blocks</a>.
 */
final class CfnFormats {

  // The written shape the format asks for: a prefix length always, of at most 2 (IPv4) or 3
  // digits, and nothing around the value. Whether the numbers make a prefix is Cidr's to say.
  private static final Pattern IPV4_NETWORK =
      Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}");
  private static final Pattern IPV6_NETWORK = Pattern.compile("[0-9A-Fa-f:.]{2,45}/[0-9]{1,3}");

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
    return IPV4_NETWORK.matcher(s).matches() && Cidr.parse(s).filter(c -> !c.ipv6()).isPresent();
  }

  /** Whether {@code s} is an IPv6 CIDR block ({@code 2001:db8::/56}). */
  static boolean isIpv6Network(String s) {
    return IPV6_NETWORK.matcher(s).matches() && Cidr.parse(s).filter(Cidr::ipv6).isPresent();
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
