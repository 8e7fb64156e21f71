/**
 * The flows users declare in {@code .netlint.yaml}, and the names that pick the ends of a flow
 * (logical IDs, CDK construct paths, {@code internet}, CIDRs, {@code aws:SERVICE}) for declared
 * flows and for {@code netlint path}.
 */
@NullMarked
package dev.netlint.engine.flows;

import org.jspecify.annotations.NullMarked;
