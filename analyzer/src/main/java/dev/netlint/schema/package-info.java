@NullMarked
package dev.netlint.schema;

import org.jspecify.annotations.NullMarked;
