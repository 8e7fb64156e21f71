@NullMarked
package dev.netlint.parse.cdk;

import org.jspecify.annotations.NullMarked;
