package dev.netlint.model;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How an {@code AWS::EC2::Instance} or {@code AWS::AutoScaling::AutoScalingGroup} is launched: the
 * launch template its {@code LaunchTemplate} (or, for a group, {@code
 * MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification}) names by {@code
 * LaunchTemplateId} or else {@code LaunchTemplateName}, with its {@code Version}, and a group's
 * {@code LaunchConfigurationName}.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-instance-launchtemplatespecification.html">LaunchTemplateSpecification</a>.
 *
 * @param workload the instance or Auto Scaling group
 * @param launchTemplateSpec the launch template specification map as written, or null
 * @param launchTemplateName the value naming the template ({@code LaunchTemplateId}, else {@code
 *     LaunchTemplateName}), or null
 * @param version {@code Version}, or null (the default version)
 * @param launchTemplate the {@code AWS::EC2::LaunchTemplate} of the model it names, or null
 * @param launchConfigurationName a group's {@code LaunchConfigurationName}, or null
 * @param launchConfiguration the {@code AWS::AutoScaling::LaunchConfiguration} of the model it
 *     names, or null
 */
public record Launch(
    ResourceId workload,
    @Nullable Value launchTemplateSpec,
    @Nullable Value launchTemplateName,
    @Nullable Value version,
    @Nullable ResourceId launchTemplate,
    @Nullable Value launchConfigurationName,
    @Nullable ResourceId launchConfiguration) {

  /** The launch template and launch configuration of the model it names, in that order. */
  public List<ResourceId> templates() {
    List<ResourceId> sources = new ArrayList<>();
    if (launchTemplate != null) {
      sources.add(launchTemplate);
    }
    if (launchConfiguration != null) {
      sources.add(launchConfiguration);
    }
    return sources;
  }
}
