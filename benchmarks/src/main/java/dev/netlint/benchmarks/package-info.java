/** JMH benchmarks of netlint's parsing and analysis, run by hand, never asserted in tests. */
@NullMarked
package dev.netlint.benchmarks;

import org.jspecify.annotations.NullMarked;
