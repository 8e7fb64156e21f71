@NullMarked
package dev.netlint.report;

import org.jspecify.annotations.NullMarked;
