package dev.netlint.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::ElasticLoadBalancingV2::ListenerRule}: the target groups its {@code forward}
 * actions send a listener's traffic to.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-listenerrule.html">AWS::ElasticLoadBalancingV2::ListenerRule</a>.
 *
 * @param resource the rule resource
 * @param listener the listener of the model its {@code ListenerArn} names, or null
 * @param targetGroups the target groups of the model its {@code Actions} forward to
 */
public record ListenerRule(
    Resource resource, @Nullable ResourceId listener, List<ResourceId> targetGroups) {

  public ListenerRule {
    targetGroups = List.copyOf(targetGroups);
  }
}
