package dev.netlint.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::EC2::SecurityGroup}, or the default security group of a VPC, with every rule that
 * applies to it: its inline {@code SecurityGroupIngress} and {@code SecurityGroupEgress} items and
 * the standalone {@code AWS::EC2::SecurityGroupIngress} and {@code AWS::EC2::SecurityGroupEgress}
 * resources whose {@code GroupId} (or {@code GroupName}) names it.
 *
 * <p>As AWS does for VPC security groups, a group whose {@code SecurityGroupEgress} property
 * declares no rule keeps the default rule that allows all outbound traffic; standalone egress
 * resources add to that rule and do not remove it. The default security group of a VPC admits all
 * traffic from its own members and allows all outbound traffic, unless the CDK's {@code
 * Custom::VpcRestrictDefaultSG} resource strips its rules.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html">AWS::EC2::SecurityGroup</a>
 * and <a
 * href="https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html">Default
 * security groups for your VPCs</a>.
 *
 * @param ref the group as rules and workloads name it
 * @param resource the security group resource, or the VPC for a VPC's default group
 * @param vpc the VPC ({@code VpcId}) when it is in the model
 * @param ingress the ingress rules, inline ones first, in template order
 * @param egress the egress rules as declared (inline first), without the implicit default rule
 * @param implicitEgress true when AWS adds the default allow-all egress rule ({@link #egress()}
 *     holds no inline rule)
 * @param ingressAt where the inline {@code SecurityGroupIngress} property is written, or null
 * @param egressAt where the inline {@code SecurityGroupEgress} property is written, or null
 */
public record SecurityGroup(
    SecurityGroupRef ref,
    Resource resource,
    @Nullable ResourceId vpc,
    List<SecurityGroupRule> ingress,
    List<SecurityGroupRule> egress,
    boolean implicitEgress,
    @Nullable Origin ingressAt,
    @Nullable Origin egressAt) {

  public SecurityGroup {
    ingress = List.copyOf(ingress);
    egress = List.copyOf(egress);
  }

  /**
   * Where a change to this group's ingress ({@code egress} false) or egress rules belongs: the
   * inline rule list of a security group resource when it has one, else the group itself.
   */
  public Origin rulesOrigin(boolean egress) {
    Origin inline = egress ? egressAt : ingressAt;
    return inline != null && ref.kind() == SecurityGroupRef.Kind.RESOURCE
        ? inline
        : resource.origin();
  }

  /**
   * The egress rules that apply: the declared ones, and first the default allow-all rule ({@code
   * -1} to {@code 0.0.0.0/0}, placed at the group) when AWS adds it.
   */
  public List<SecurityGroupRule> effectiveEgress() {
    if (!implicitEgress) {
      return egress;
    }
    Origin at = resource.origin();
    SecurityGroupRule allowAll =
        new SecurityGroupRule(
            ref,
            SecurityGroupRule.Direction.EGRESS,
            IpProtocol.ALL,
            -1,
            -1,
            true,
            new SecurityGroupRule.Peer.CidrBlock(new Value.Text("0.0.0.0/0", at), Cidr.IPV4_ANY),
            "the default egress rule AWS adds",
            resource,
            at);
    List<SecurityGroupRule> all = new java.util.ArrayList<>(egress.size() + 1);
    all.add(allowAll);
    all.addAll(egress);
    return List.copyOf(all);
  }

  /** The group's display name: its logical ID, or {@code the default security group of Vpc}. */
  public String label() {
    return ref.label();
  }
}
