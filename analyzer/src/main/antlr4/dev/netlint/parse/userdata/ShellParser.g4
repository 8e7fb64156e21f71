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
// recovery resumes at the first one that does not parse. Newlines separate them: with nothing
// between two of them, prediction could not tell a word from the start of the next command.
script
:
  linebreak
  (
    completeCommand
    (
      newlineList completeCommand
    )* linebreak
  )? EOF
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
  compoundCommand compoundRedirect*
  | functionDefinition
  | simpleCommand
;

// A simple command is a flat run of word parts and redirections: which parts touch, and so
// make one word, the command builder decides from their character positions. A run that starts
// with a reserved word is not a simple command, so "fi" and "done" end the lists before them.
simpleCommand
:
  (
    redirect
    | ASSIGN_WORD
    | arrayValue
    | namePart
  )
  (
    redirect
    | wordPart
  )*
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
