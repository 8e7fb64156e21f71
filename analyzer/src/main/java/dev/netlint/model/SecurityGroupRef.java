package dev.netlint.model;

import org.jspecify.annotations.Nullable;

/**
 * A security group as a property names it ({@code SecurityGroupIds}, {@code GroupId}, {@code
 * SourceSecurityGroupId}, {@code VPCSecurityGroups}): an {@code AWS::EC2::SecurityGroup} of the
 * model, the default security group of a VPC of the model, a literal group ID of a group that
 * already exists ({@code sg-0123}), or a value known only at deploy (a parameter, an import from
 * outside the cloud assembly).
 *
 * <p>Two references name the same group when their {@link #key()}s are equal. Two symbolic
 * references with different keys may still name the same group once deployed.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html">Control traffic
 * to your AWS resources using security groups</a>.
 *
 * @param kind what the reference points at
 * @param resource the security group resource (for {@link Kind#RESOURCE}) or the VPC (for {@link
 *     Kind#VPC_DEFAULT}), else null
 * @param value the property value that names the group, or null for a group no property names (a
 *     resource placed without security groups uses its VPC's default group)
 * @param key a stable identity: {@code resource Stack/LogicalId}, {@code default Stack/VpcId},
 *     {@code id sg-0123}, or {@code symbolic ${Rendered}}
 */
public record SecurityGroupRef(
    Kind kind, @Nullable ResourceId resource, @Nullable Value value, String key)
    implements Comparable<SecurityGroupRef> {

  /** What a reference points at. */
  public enum Kind {
    /** An {@code AWS::EC2::SecurityGroup} of the model. */
    RESOURCE,
    /**
     * The default security group of a VPC of the model ({@code Fn::GetAtt
     * Vpc.DefaultSecurityGroup}).
     */
    VPC_DEFAULT,
    /** A literal group ID: a group outside the templates. */
    EXTERNAL,
    /** Known only at deploy: a parameter, an import, an unresolved expression. */
    SYMBOLIC
  }

  /** A reference to a security group resource of the model. */
  public static SecurityGroupRef resource(ResourceId group, @Nullable Value value) {
    return new SecurityGroupRef(Kind.RESOURCE, group, value, "resource " + group);
  }

  /** The default security group of a VPC of the model. */
  public static SecurityGroupRef vpcDefault(ResourceId vpc, @Nullable Value value) {
    return new SecurityGroupRef(Kind.VPC_DEFAULT, vpc, value, "default " + vpc);
  }

  /** True when the group, and so its rules, are known to the model. */
  public boolean known() {
    return kind == Kind.RESOURCE || kind == Kind.VPC_DEFAULT;
  }

  /** The name to show: the logical ID, {@code default security group of Vpc}, or the value. */
  public String label() {
    return switch (kind) {
      case RESOURCE -> resource == null ? key : resource.logicalId();
      case VPC_DEFAULT ->
          "the default security group of " + (resource == null ? "?" : resource.logicalId());
      case EXTERNAL -> value == null ? key : value.render();
      case SYMBOLIC -> value == null ? key.substring(key.indexOf(' ') + 1) : value.render();
    };
  }

  @Override
  public int compareTo(SecurityGroupRef o) {
    return key.compareTo(o.key);
  }

  @Override
  public String toString() {
    return label();
  }
}
