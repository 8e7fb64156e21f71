@NullMarked
package dev.netlint.parse.intrinsic;

import org.jspecify.annotations.NullMarked;
