/**
 * CloudFormation resource schemas: cfn-lint's copies of the registry schemas of the resource types
 * netlint models, bundled in the jar, and the check of a resource's {@code Properties} against them
 * that netlint reports as {@code NL002 resource-schema-violation}. Entry point: {@link
 * dev.netlint.schema.ResourceSchemas}.
 *
 * <p>The check follows cfn-lint without {@code --strict-types}: values CloudFormation converts
 * ({@code "443"}, {@code "true"}) are fine, values known only at deploy time (intrinsic functions,
 * dynamic references) are not judged, and formats are checked for CIDR blocks ({@code
 * ipv4-network}, {@code ipv6-network}) and VPC, subnet and security group IDs.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html">Resource
 * type schema</a>.
 */
@NullMarked
package dev.netlint.schema;

import org.jspecify.annotations.NullMarked;
