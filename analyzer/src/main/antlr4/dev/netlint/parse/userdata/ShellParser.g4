/*
 * The POSIX shell command language (with the bash extensions user data uses): lists, and-or
 * lists, pipelines and simple commands. Compound commands, redirections and words with their
 * expansions are in the topic grammars this one imports.
 * Follows https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_10
 */
parser grammar ShellParser;

options {
  superClass = ShellBaseParser;
  tokenVocab = ShellLexer;
}

import Shell_compound, Shell_redirection, Shell_expansion;

// Each complete command stands alone: the shell reads and runs them one at a time, and error
// recovery resumes at the first one that does not parse.
script
:
  linebreak
  (
    completeCommand linebreak
  )* EOF
;

completeCommand
:
  andOr
  (
    separatorOp andOr
  )* separatorOp?
;

andOr
:
  pipeline
  (
    (
      AND_IF
      | OR_IF
    ) linebreak pipeline
  )*
;

pipeline
:
  BANG? command
  (
    (
      PIPE
      | PIPE_AMP
    ) linebreak command
  )*
;

command
:
  compoundCommand redirect*
  | functionDefinition
  | simpleCommand
;

simpleCommand
:
  cmdPrefix
  (
    cmdName cmdSuffix?
  )?
  | cmdName cmdSuffix?
;

cmdPrefix
:
  (
    assignment
    | redirect
  )+
;

cmdSuffix
:
  (
    redirect
    | word
  )+
;

// A list inside a compound command: at least one and-or list, newlines allowed around it.
compoundList
:
  linebreak term separator?
;

term
:
  andOr
  (
    separator andOr
  )*
;

separator
:
  separatorOp linebreak
  | newlineList
;

separatorOp
:
  AMP
  | SEMI
;

newlineList
:
  NEWLINE+
;

linebreak
:
  NEWLINE*
;
