/**
 * EC2 user data read as the program it is: {@link dev.netlint.parse.userdata.UserDataReader} finds
 * the format (shell script, cloud-init, MIME multipart, Windows), and {@link
 * dev.netlint.parse.userdata.ShellScanner} reads shell with an ANTLR grammar split by topic, as
 * Batfish splits its vendor grammars: {@code ShellLexer.g4} (tokens, with lexer modes for quoting
 * and expansions), {@code ShellParser.g4} (lists, pipelines, simple commands) and the topic
 * grammars it imports, {@code Shell_compound.g4}, {@code Shell_redirection.g4} and {@code
 * Shell_expansion.g4}, under {@code src/main/antlr4}. The generated {@code ShellLexer} and {@code
 * ShellParser} stay in this package: rules see {@link dev.netlint.model.ShellCommand}s, never parse
 * trees.
 */
@NullMarked
package dev.netlint.parse.userdata;

import org.jspecify.annotations.NullMarked;
