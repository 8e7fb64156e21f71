package dev.netlint.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The load balancers an {@code AWS::AutoScaling::AutoScalingGroup} registers its instances with.
 * (Where the group runs is its {@link Workload}; how it launches, its {@link Launch}.)
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-autoscaling-autoscalinggroup.html">AWS::AutoScaling::AutoScalingGroup</a>.
 *
 * @param resource the group resource
 * @param targetGroups the resources its {@code TargetGroupARNs} name
 * @param targetGroupArnsOrigin where {@code TargetGroupARNs} stands, or null when absent
 * @param loadBalancerNames the resources its {@code LoadBalancerNames} name
 */
public record AutoScalingGroup(
    Resource resource,
    List<ResourceId> targetGroups,
    @Nullable Origin targetGroupArnsOrigin,
    List<ResourceId> loadBalancerNames) {

  public AutoScalingGroup {
    targetGroups = List.copyOf(targetGroups);
    loadBalancerNames = List.copyOf(loadBalancerNames);
  }
}
