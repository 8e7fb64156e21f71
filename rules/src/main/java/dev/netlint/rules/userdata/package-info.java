@NullMarked
package dev.netlint.rules.userdata;

import org.jspecify.annotations.NullMarked;
