package dev.netlint.model;

import static dev.netlint.model.ModelIndex.items;
import static dev.netlint.model.ModelIndex.text;

import dev.netlint.model.NetworkAttachment.PublicIp;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code AWS::EC2::VPCEndpoint} into {@link VpcEndpoint}s, an interface endpoint also into a
 * {@link Workload} listening on 443, and decides which service an endpoint service name names: the
 * one matcher of {@code com.amazonaws.REGION.SERVICE} names.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html">Access
 * an AWS service using an interface VPC endpoint</a>.
 */
final class EndpointConverter {
  private static final Pattern SERVICE_NAME =
      Pattern.compile("^(?:com\\.amazonaws|aws\\.[a-z0-9-]+|cn\\.com\\.amazonaws)\\.[^.]+\\.(.+)$");

  private final ModelIndex index;
  private final NetworkModel model;

  EndpointConverter(ModelIndex index) {
    this.index = index;
    this.model = index.model;
  }

  /** The service part of an endpoint service name, after the region. */
  static @Nullable String serviceOf(String rendered) {
    Matcher m = SERVICE_NAME.matcher(rendered.trim());
    return m.matches() ? m.group(1) : null;
  }

  void convert() {
    for (Resource r : model.resourcesOfType(ResourceTypes.VPC_ENDPOINT)) {
      Value typeValue = r.property("VpcEndpointType");
      String t = typeValue == null ? "Gateway" : text(typeValue);
      VpcEndpoint.Type type;
      if (t == null) {
        type = VpcEndpoint.Type.OTHER;
      } else if (t.equalsIgnoreCase("Interface")) {
        type = VpcEndpoint.Type.INTERFACE;
      } else if (t.equalsIgnoreCase("Gateway")) {
        type = VpcEndpoint.Type.GATEWAY;
      } else if (t.equalsIgnoreCase("GatewayLoadBalancer")) {
        type = VpcEndpoint.Type.GATEWAY_LOAD_BALANCER;
      } else {
        type = VpcEndpoint.Type.OTHER;
      }
      Value name = r.property("ServiceName");
      String service = name == null ? null : serviceOf(name.render());
      NetworkAttachment attachment = null;
      if (type == VpcEndpoint.Type.INTERFACE) {
        attachment =
            index.placement.attachment(
                items(r.property("SubnetIds")),
                index.groups.groupRefs(r.property("SecurityGroupIds")),
                true,
                null,
                PublicIp.NO,
                r.origin());
        index.put(r, Workload.Kind.VPC_ENDPOINT, List.of(attachment), List.of(443), Boolean.TRUE);
      }
      List<Value> tables = items(r.property("RouteTableIds"));
      List<ResourceId> tableIds = new ArrayList<>();
      for (Value v : tables) {
        ResourceId id = index.referenced(v, ResourceTypes.ROUTE_TABLE);
        if (id != null) {
          tableIds.add(id);
        }
      }
      index.endpoints.put(
          r.id(),
          new VpcEndpoint(
              r,
              index.vpcId(r.property("VpcId")),
              type,
              name,
              service,
              attachment,
              NetworkModel.isTrue(r.property("PrivateDnsEnabled")),
              tables,
              tableIds));
    }
  }
}
