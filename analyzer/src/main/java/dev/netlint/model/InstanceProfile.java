package dev.netlint.model;

import java.util.List;

/**
 * An {@code AWS::IAM::InstanceProfile}: the roles it passes to the instances that use it.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-instanceprofile.html">AWS::IAM::InstanceProfile</a>.
 *
 * @param resource the instance profile resource
 * @param roles the {@code Roles} values
 */
public record InstanceProfile(Resource resource, List<Value> roles) {

  public InstanceProfile {
    roles = List.copyOf(roles);
  }
}
