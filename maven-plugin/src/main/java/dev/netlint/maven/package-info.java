/**
 * {@code netlint-maven-plugin}: the {@code netlint:check} goal, which fails a build whose
 * CloudFormation templates or CDK cloud assemblies have network bugs.
 */
@NullMarked
package dev.netlint.maven;

import org.jspecify.annotations.NullMarked;
