package dev.netlint.graph;

import dev.netlint.api.reach.Verdict;
import dev.netlint.model.NetworkAcl;
import dev.netlint.model.NetworkAclEntry;
import dev.netlint.model.ResourceId;
import dev.netlint.model.SecurityGroupRef;
import dev.netlint.model.SecurityGroupRule;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a security group or a network ACL decided for the traffic or its reply. */
sealed interface FilterStep extends Step {

  /**
   * The traffic a network ACL direction sees.
   *
   * @param box the traffic
   * @param outbound true for outbound entries, false for inbound ones
   * @param reply true for the reply on the client's ephemeral ports
   * @param remote how messages name the other end
   */
  record AclTraffic(Box box, boolean outbound, boolean reply, String remote) {}

  /** A security group rule allows the traffic. */
  record SecurityGroupAllows(SecurityGroupRule groupRule, boolean egress, Box box, String remote)
      implements FilterStep {}

  /** A security group rule may or may not match the traffic. */
  record SecurityGroupRuleInDoubt(
      SecurityGroupRule groupRule,
      boolean egress,
      Box box,
      String remote,
      @Nullable Uncertainty why)
      implements FilterStep {}

  /** No security group rule of the groups allows the traffic. */
  record SecurityGroupsDeny(List<SecurityGroupRef> groups, boolean egress, Box box, String remote)
      implements FilterStep {}

  /** What the security groups decide is not known before deploy. */
  record SecurityGroupsInDoubt(
      List<SecurityGroupRef> groups, boolean egress, @Nullable Uncertainty why)
      implements FilterStep {}

  /** The subnet of an end, and so its network ACL, is not known before deploy. */
  record AclSubnetUnknown(String self) implements FilterStep {}

  /** A subnet's network ACL association names a network ACL outside the templates. */
  record AclOutsideTemplates(ResourceId subnet) implements FilterStep {}

  /** A subnet uses its VPC's default network ACL, which allows everything. */
  record DefaultAclAllows(ResourceId subnet, AclTraffic traffic) implements FilterStep {}

  /**
   * A network ACL entry decides: it allows or denies the traffic, or may or may not match it.
   *
   * @param why for {@link Verdict#UNKNOWN}, what is not known; null otherwise
   */
  record AclEntryDecides(
      NetworkAcl acl,
      NetworkAclEntry entry,
      Verdict verdict,
      AclTraffic traffic,
      @Nullable Uncertainty why)
      implements FilterStep {}

  /** What a network ACL decides is not known before deploy, and no one entry decides. */
  record AclInDoubt(NetworkAcl acl, AclTraffic traffic, @Nullable Uncertainty why)
      implements FilterStep {}

  /** No entry of a network ACL allows the traffic: its {@code *} entry denies it. */
  record AclDefaultDenies(NetworkAcl acl, AclTraffic traffic) implements FilterStep {}
}
