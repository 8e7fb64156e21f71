@NullMarked
package dev.netlint.rules.routing;

import org.jspecify.annotations.NullMarked;
