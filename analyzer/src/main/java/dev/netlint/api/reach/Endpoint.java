package dev.netlint.api.reach;

import dev.netlint.model.ResourceId;

/**
 * One end of a flow: a workload of the model (an instance, a Lambda function, a database, a load
 * balancer, ...), a CIDR outside the model, the internet, or an AWS service reached through a VPC
 * endpoint or the internet ({@code ssm}, {@code s3}).
 */
public sealed interface Endpoint {

  /** A workload resource of the model. */
  record Workload(ResourceId resource) implements Endpoint {
    @Override
    public String toString() {
      return resource.logicalId();
    }
  }

  /** The internet ({@code 0.0.0.0/0} beyond an internet gateway). */
  record Internet() implements Endpoint {
    @Override
    public String toString() {
      return "internet";
    }
  }

  /** An IPv4 or IPv6 CIDR that is not a workload of the model. */
  record Cidr(String cidr) implements Endpoint {
    @Override
    public String toString() {
      return cidr;
    }
  }

  /** A regional AWS service by its endpoint service name ({@code ssm}, {@code ssmmessages}). */
  record AwsService(String name) implements Endpoint {
    @Override
    public String toString() {
      return "AWS service " + name;
    }
  }
}
