@NullMarked
package dev.netlint.parse.userdata;

import org.jspecify.annotations.NullMarked;
