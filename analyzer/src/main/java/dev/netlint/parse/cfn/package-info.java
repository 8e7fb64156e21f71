@NullMarked
package dev.netlint.parse.cfn;

import org.jspecify.annotations.NullMarked;
