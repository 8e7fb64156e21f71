@NullMarked
package dev.netlint.model;

import org.jspecify.annotations.NullMarked;
