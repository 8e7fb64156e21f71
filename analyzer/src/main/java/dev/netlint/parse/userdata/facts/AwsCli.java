package dev.netlint.parse.userdata.facts;

import dev.netlint.model.AwsCliCall;
import dev.netlint.model.HostValue;
import dev.netlint.model.ScriptLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code aws ec2 ...} commands (AWS CLI v1 and v2) and the older EC2 API tools' {@code
 * ec2-modify-instance-attribute}, {@code ec2-create-route} and {@code ec2-replace-route}.
 *
 * <p>See <a href="https://docs.aws.amazon.com/cli/latest/reference/ec2/">aws ec2</a>.
 */
final class AwsCli {
  private AwsCli() {}

  /** Global options of the AWS CLI that take a value. */
  private static final Set<String> GLOBAL_WITH_VALUE =
      Set.of(
          "--region",
          "--profile",
          "--output",
          "--endpoint-url",
          "--query",
          "--color",
          "--ca-bundle",
          "--cli-read-timeout",
          "--cli-connect-timeout",
          "--cli-binary-format");

  /** Reads the arguments of {@code aws}; empty unless it calls EC2. */
  static Optional<AwsCliCall> aws(List<HostValue> args, ScriptLine at) {
    int i = 0;
    String service = null;
    String operation = null;
    Map<String, HostValue> options = new LinkedHashMap<>();
    List<String> flags = new ArrayList<>();
    while (i < args.size()) {
      String a = lit(args.get(i));
      if (a.startsWith("--")) {
        int eq = a.indexOf('=');
        String name = eq > 0 ? a.substring(0, eq) : a;
        if (eq > 0) {
          options.put(name, HostValue.literal(a.substring(eq + 1)));
          i++;
        } else if (GLOBAL_WITH_VALUE.contains(name) && i + 1 < args.size()) {
          options.put(name, args.get(i + 1));
          i += 2;
        } else if (service != null
            && operation != null
            && i + 1 < args.size()
            && !lit(args.get(i + 1)).startsWith("--")) {
          options.put(name, args.get(i + 1));
          i += 2;
        } else {
          flags.add(name);
          i++;
        }
      } else if (service == null) {
        service = a;
        i++;
      } else if (operation == null) {
        operation = a;
        i++;
      } else {
        i++;
      }
    }
    if (!"ec2".equals(service) || operation == null) {
      return Optional.empty();
    }
    return Optional.of(new AwsCliCall(at, operation, options, flags));
  }

  /**
   * Reads the EC2 API tools: {@code ec2-modify-instance-attribute i-1 --source-dest-check false},
   * {@code ec2-create-route rtb-1 -r 0.0.0.0/0 -i i-1}.
   */
  static Optional<AwsCliCall> apiTools(String program, List<HostValue> args, ScriptLine at) {
    String operation =
        switch (program) {
          case "ec2-modify-instance-attribute", "ec2mia" -> "modify-instance-attribute";
          case "ec2-create-route", "ec2crt" -> "create-route";
          case "ec2-replace-route", "ec2reprt" -> "replace-route";
          default -> null;
        };
    if (operation == null) {
      return Optional.empty();
    }
    Map<String, HostValue> options = new LinkedHashMap<>();
    List<String> flags = new ArrayList<>();
    boolean route = !operation.equals("modify-instance-attribute");
    for (int i = 0; i < args.size(); i++) {
      String a = lit(args.get(i));
      boolean hasValue = i + 1 < args.size();
      if (!a.startsWith("-")) {
        options.putIfAbsent(route ? "--route-table-id" : "--instance-id", args.get(i));
      } else if (hasValue && (a.equals("-r") || a.equals("--cidr"))) {
        options.put("--destination-cidr-block", args.get(++i));
      } else if (hasValue && route && (a.equals("-i") || a.equals("--instance"))) {
        options.put("--instance-id", args.get(++i));
      } else if (hasValue && (a.equals("--source-dest-check") || a.equals("-s"))) {
        options.put("--source-dest-check", args.get(++i));
      } else {
        flags.add(a);
      }
    }
    return Optional.of(new AwsCliCall(at, operation, options, flags));
  }

  private static String lit(HostValue v) {
    return v.literalText().orElse("");
  }
}
