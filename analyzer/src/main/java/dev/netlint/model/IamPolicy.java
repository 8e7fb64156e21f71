package dev.netlint.model;

import java.util.List;

/**
 * An {@code AWS::IAM::Policy} or {@code AWS::IAM::ManagedPolicy}: the roles it is given to and its
 * document.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-managedpolicy.html">AWS::IAM::ManagedPolicy</a>.
 *
 * @param resource the policy resource
 * @param roles the resources its {@code Roles} name
 * @param document its {@code PolicyDocument}
 */
public record IamPolicy(Resource resource, List<ResourceId> roles, IamPolicyDocument document) {

  public IamPolicy {
    roles = List.copyOf(roles);
  }
}
