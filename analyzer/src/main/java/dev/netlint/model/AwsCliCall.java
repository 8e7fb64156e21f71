package dev.netlint.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A call a user-data script makes to the EC2 API at boot through the AWS CLI ({@code aws ec2
 * modify-instance-attribute --no-source-dest-check}, {@code aws ec2 create-route}), with its
 * options as the script gives them.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/cli/latest/reference/ec2/modify-instance-attribute.html">modify-instance-attribute</a>
 * and <a
 * href="https://docs.aws.amazon.com/cli/latest/reference/ec2/create-route.html">create-route</a>.
 *
 * @param at where the script makes the call
 * @param operation the operation ({@code modify-instance-attribute}, {@code create-route})
 * @param options {@code --name value} options, by name with the dashes ({@code --route-table-id})
 * @param flags options given without a value ({@code --no-source-dest-check}), in order
 */
public record AwsCliCall(
    ScriptLine at, String operation, Map<String, HostValue> options, List<String> flags) {

  public AwsCliCall {
    options = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(options));
    flags = List.copyOf(flags);
  }

  /** An option's value. */
  public Optional<HostValue> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /**
   * True for {@code modify-instance-attribute} or {@code modify-network-interface-attribute} that
   * turns the source/destination check off: {@code --no-source-dest-check}, {@code
   * --source-dest-check "{\"Value\": false}"} or {@code Value=false}, or {@code --attribute
   * sourceDestCheck --value false}.
   */
  public boolean disablesSourceDestCheck() {
    if (!operation.equals("modify-instance-attribute")
        && !operation.equals("modify-network-interface-attribute")) {
      return false;
    }
    if (flags.contains("--no-source-dest-check")) {
      return true;
    }
    if (option("--source-dest-check").map(AwsCliCall::saysFalse).orElse(false)) {
      return true;
    }
    return option("--attribute")
            .flatMap(HostValue::literalText)
            .filter(a -> a.equalsIgnoreCase("sourceDestCheck"))
            .isPresent()
        && option("--value").map(AwsCliCall::saysFalse).orElse(false);
  }

  /** True for {@code create-route} and {@code replace-route}. */
  public boolean createsRoute() {
    return operation.equals("create-route") || operation.equals("replace-route");
  }

  private static boolean saysFalse(HostValue v) {
    return v.literalText().map(t -> t.toLowerCase(Locale.ROOT).contains("false")).orElse(false);
  }
}
