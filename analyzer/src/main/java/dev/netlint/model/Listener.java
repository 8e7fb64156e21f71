package dev.netlint.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::ElasticLoadBalancingV2::Listener}: the port a load balancer accepts traffic on and
 * the target groups its {@code forward} actions (default actions and those of its {@code
 * AWS::ElasticLoadBalancingV2::ListenerRule}s) send it to.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-listener.html">AWS::ElasticLoadBalancingV2::Listener</a>.
 *
 * @param resource the listener resource
 * @param loadBalancer the load balancer ({@code LoadBalancerArn}) when it is in the model
 * @param port {@code Port}, or null when not literal
 * @param protocol {@code Protocol} ({@code HTTP}, {@code HTTPS}, {@code TCP}, ...), or null
 * @param targetGroups the target groups of the model its forward actions name, without duplicates
 * @param defaultTargetGroups the target groups of the model its {@code DefaultActions} forward to
 */
public record Listener(
    Resource resource,
    @Nullable ResourceId loadBalancer,
    @Nullable Integer port,
    @Nullable String protocol,
    List<ResourceId> targetGroups,
    List<ResourceId> defaultTargetGroups) {

  public Listener {
    targetGroups = List.copyOf(targetGroups);
    defaultTargetGroups = List.copyOf(defaultTargetGroups);
  }

  public ResourceId id() {
    return resource.id();
  }
}
