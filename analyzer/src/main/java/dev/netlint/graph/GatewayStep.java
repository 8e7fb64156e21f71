package dev.netlint.graph;

import dev.netlint.api.reach.Verdict;
import dev.netlint.graph.Topology.ParsedRoute;
import dev.netlint.model.ResourceId;
import dev.netlint.model.VpcEndpoint;
import org.jspecify.annotations.Nullable;

/** Traffic passing a gateway: into or out of a VPC, or beyond what netlint looks through. */
sealed interface GatewayStep extends Step {

  /** A gateway endpoint carries the traffic to its AWS service. */
  record EndpointCarries(VpcEndpoint endpoint, @Nullable String service) implements GatewayStep {}

  /** The traffic leaves through a target netlint does not look beyond. */
  record LeavesThroughOpaque(ParsedRoute route) implements GatewayStep {}

  /** The route's internet gateway is not in the templates. */
  record InternetGatewayOutsideTemplates(ParsedRoute route, @Nullable ResourceId vpc)
      implements GatewayStep {}

  /** No {@code AWS::EC2::VPCGatewayAttachment} attaches the internet gateway to the VPC. */
  record InternetGatewayDetached(ResourceId internetGateway, ResourceId vpc)
      implements GatewayStep {}

  /**
   * Whether the sender has the public IPv4 address traffic out through an internet gateway needs.
   *
   * @param hasPublicIp reachable for yes, blocked for no, unknown when not known before deploy
   */
  record PublicIpOutbound(
      Verdict hasPublicIp, String senderLabel, ResourceId internetGateway, String dstLabel)
      implements GatewayStep {}

  /** A destination in a VPC reached through the internet, which netlint does not follow. */
  record InternetNeedsPublicAddress(String dstLabel) implements GatewayStep {}

  /** A private destination, which the internet does not route. */
  record PrivateRange(String dstLabel) implements GatewayStep {}

  /** Whether the destination is a public address is not known before deploy. */
  record PublicAddressUnknown(String dstLabel) implements GatewayStep {}

  /** Both ends are outside the VPCs of the model. */
  record BothOutside(String srcLabel, String dstLabel) implements GatewayStep {}

  /** The destination's subnet is not known before deploy, nor how the sender enters its VPC. */
  record EntryUnknown(String dstLabel, String senderLabel) implements GatewayStep {}

  /** No internet gateway is attached to the destination's VPC. */
  record NoInternetGateway(ResourceId vpc) implements GatewayStep {}

  /**
   * Whether the destination has the public IPv4 address traffic in from the internet needs.
   *
   * @param hasPublicIp reachable for yes, blocked for no, unknown when not known before deploy
   */
  record PublicIpInbound(Verdict hasPublicIp, ResourceId internetGateway, String dstLabel)
      implements GatewayStep {}

  /** Traffic from a private network enters a VPC through a gateway netlint does not look into. */
  record ThroughPrivateGateway(String senderLabel, @Nullable ResourceId vpc)
      implements GatewayStep {}
}
