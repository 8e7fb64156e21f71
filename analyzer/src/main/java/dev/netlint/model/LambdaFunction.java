package dev.netlint.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::Lambda::Function}: whether it runs in a VPC and its environment.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-function.html">AWS::Lambda::Function</a>.
 *
 * @param resource the function resource
 * @param vpcConfig true when {@code VpcConfig} is set (a map)
 * @param environmentVariables {@code Environment.Variables}, in template order; null when not a map
 */
public record LambdaFunction(
    Resource resource, boolean vpcConfig, @Nullable Map<String, Value> environmentVariables) {}
