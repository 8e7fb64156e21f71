package dev.netlint.model;

import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::SecretsManager::SecretTargetAttachment}: a secret that holds the connection
 * details (host, port) of a database.
 *
 * <p>See <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-secretsmanager-secrettargetattachment.html">AWS::SecretsManager::SecretTargetAttachment</a>.
 *
 * @param resource the attachment resource
 * @param secret the resource its {@code SecretId} names, or null
 * @param target the resource its {@code TargetId} names, or null
 */
public record SecretTargetAttachment(
    Resource resource, @Nullable ResourceId secret, @Nullable ResourceId target) {}
