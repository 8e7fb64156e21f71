package dev.netlint.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::ElasticLoadBalancing::LoadBalancer} (Classic Load Balancer): the instances it
 * names and the ports of its listeners, as written.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancing-loadbalancer.html">AWS::ElasticLoadBalancing::LoadBalancer</a>.
 *
 * @param resource the load balancer resource
 * @param instances the {@code Instances} values
 * @param loadBalancerPorts each listener's {@code LoadBalancerPort}, in listener order (null where
 *     absent)
 * @param instancePorts each listener's {@code InstancePort}, in listener order (null where absent)
 * @param healthCheckTarget {@code HealthCheck.Target} ({@code TCP:8080}, {@code HTTP:80/health}),
 *     or null
 */
public record ClassicLoadBalancer(
    Resource resource,
    List<Value> instances,
    List<@Nullable Value> loadBalancerPorts,
    List<@Nullable Value> instancePorts,
    @Nullable Value healthCheckTarget) {

  public ResourceId id() {
    return resource.id();
  }
}
