package dev.netlint.model;

import java.util.List;

/**
 * An {@code AWS::EC2::VPC} with its IPv4 CIDR blocks: {@code CidrBlock} and those its {@code
 * AWS::EC2::VPCCidrBlock} resources add. The {@code local} route of every route table of the VPC
 * covers them.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpc.html">AWS::EC2::VPC</a>.
 *
 * @param resource the VPC resource
 * @param cidrBlocks the IPv4 CIDR block values, primary first (a block from an IPAM pool is absent
 *     and makes {@code cidrsKnown} false)
 * @param cidrs the parsed IPv4 CIDR blocks, primary first
 * @param cidrsKnown true when every IPv4 block is known before deploy
 * @param enableDnsSupport {@code EnableDnsSupport} (default true)
 * @param enableDnsHostnames {@code EnableDnsHostnames} (default false)
 */
public record Vpc(
    Resource resource,
    List<Value> cidrBlocks,
    List<Cidr> cidrs,
    boolean cidrsKnown,
    boolean enableDnsSupport,
    boolean enableDnsHostnames) {

  public Vpc {
    cidrBlocks = List.copyOf(cidrBlocks);
    cidrs = List.copyOf(cidrs);
  }

  public ResourceId id() {
    return resource.id();
  }
}
