package dev.netlint.parse.userdata.facts;

import dev.netlint.model.ScriptLine;
import org.jspecify.annotations.Nullable;

/**
 * A file as the script leaves it.
 *
 * @param content the text, or null when a program netlint does not follow writes it
 * @param writtenAt where the script last writes it
 */
record ScriptFile(@Nullable String content, ScriptLine writtenAt) {}
