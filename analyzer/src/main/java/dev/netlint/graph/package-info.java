@NullMarked
package dev.netlint.graph;

import org.jspecify.annotations.NullMarked;
