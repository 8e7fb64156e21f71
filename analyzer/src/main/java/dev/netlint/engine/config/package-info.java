/** What a {@code .netlint.yaml} says about findings: suppressions, rule switches, severities. */
@NullMarked
package dev.netlint.engine.config;

import org.jspecify.annotations.NullMarked;
