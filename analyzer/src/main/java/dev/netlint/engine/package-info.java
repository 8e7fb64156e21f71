@NullMarked
package dev.netlint.engine;

import org.jspecify.annotations.NullMarked;
