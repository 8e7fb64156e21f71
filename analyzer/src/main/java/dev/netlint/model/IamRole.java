package dev.netlint.model;

import java.util.List;

/**
 * An {@code AWS::IAM::Role}: its managed policies and inline policies.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-role.html">AWS::IAM::Role</a>.
 *
 * @param resource the role resource
 * @param managedPolicyArns the {@code ManagedPolicyArns} values
 * @param inlinePolicies the documents of its {@code Policies}
 */
public record IamRole(
    Resource resource, List<Value> managedPolicyArns, List<IamPolicyDocument> inlinePolicies) {

  public IamRole {
    managedPolicyArns = List.copyOf(managedPolicyArns);
    inlinePolicies = List.copyOf(inlinePolicies);
  }
}
