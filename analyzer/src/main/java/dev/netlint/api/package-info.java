@NullMarked
package dev.netlint.api;

import org.jspecify.annotations.NullMarked;
