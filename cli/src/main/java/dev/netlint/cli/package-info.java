/**
 * The {@code netlint} command: {@code netlint check} for pull-request checks and pre-commit hooks,
 * {@code netlint rules} to list what it checks. The only package of netlint that writes to standard
 * output.
 */
@NullMarked
package dev.netlint.cli;

import org.jspecify.annotations.NullMarked;
