package dev.netlint.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads what an {@code AWS::EC2::Instance}, {@code AWS::EC2::LaunchTemplate} ({@code
 * LaunchTemplateData}) or {@code AWS::AutoScaling::LaunchConfiguration} gives the hosts it
 * launches: its {@code UserData} and its {@code IamInstanceProfile}. A converter like the others of
 * the model, but public and static because user data is read and parsed before the {@link
 * NetworkModel} is built, which holds it.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-launchtemplate-launchtemplatedata.html">LaunchTemplateData</a>.
 */
public final class LaunchData {
  private LaunchData() {}

  /** The {@code UserData} value of an instance, launch template or launch configuration. */
  public static @Nullable Value userData(Resource source) {
    return switch (source.type()) {
      case ResourceTypes.INSTANCE, ResourceTypes.LAUNCH_CONFIGURATION ->
          source.property("UserData");
      case ResourceTypes.LAUNCH_TEMPLATE ->
          ModelIndex.get(source.property("LaunchTemplateData"), "UserData");
      default -> null;
    };
  }

  /**
   * Where {@link #userData} sits under the resource's {@code Properties}: {@code [UserData]}, or
   * {@code [LaunchTemplateData, UserData]} for a launch template.
   */
  public static List<String> userDataPath(Resource source) {
    return source.type().equals(ResourceTypes.LAUNCH_TEMPLATE)
        ? List.of("LaunchTemplateData", "UserData")
        : List.of("UserData");
  }

  /**
   * The {@code IamInstanceProfile} value of an instance, launch template ({@code Arn}, else {@code
   * Name}) or launch configuration.
   */
  public static @Nullable Value instanceProfile(Resource source) {
    if (source.type().equals(ResourceTypes.LAUNCH_TEMPLATE)) {
      Value profile = ModelIndex.get(source.property("LaunchTemplateData"), "IamInstanceProfile");
      Value arn = ModelIndex.get(profile, "Arn");
      return arn != null ? arn : ModelIndex.get(profile, "Name");
    }
    return source.property("IamInstanceProfile");
  }
}
