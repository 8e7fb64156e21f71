@NullMarked
package dev.netlint.rules;

import org.jspecify.annotations.NullMarked;
