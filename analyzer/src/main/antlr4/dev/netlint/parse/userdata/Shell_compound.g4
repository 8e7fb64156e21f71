/*
 * Compound commands: groups, subshells, if, for, while, until, case, function definitions, and
 * bash's [[ ]] and (( )).
 * Follows https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_09_04
 */
parser grammar Shell_compound;

options {
  tokenVocab = ShellLexer;
}

compoundCommand
:
  braceGroup
  | subshell
  | ifClause
  | forClause
  | whileClause
  | untilClause
  | caseClause
  | condCommand
  | arithCommand
;

braceGroup
:
  LBRACE compoundList RBRACE
;

subshell
:
  LPAREN compoundList RPAREN
;

ifClause
:
  IF compoundList THEN compoundList elifPart* elsePart? FI
;

elifPart
:
  ELIF compoundList THEN compoundList
;

elsePart
:
  ELSE compoundList
;

whileClause
:
  WHILE compoundList doGroup
;

untilClause
:
  UNTIL compoundList doGroup
;

forClause
:
  FOR word linebreak
  (
    IN word* sequentialSeparator
    | sequentialSeparator
  )? doGroup
  | FOR arithCommand sequentialSeparator? doGroup
;

sequentialSeparator
:
  SEMI linebreak
  | newlineList
;

doGroup
:
  DO compoundList DONE
  | braceGroup
;

caseClause
:
  CASE word linebreak IN linebreak caseItem* ESAC
;

caseItem
:
  LPAREN? pattern RPAREN caseBody caseTerminator?
;

pattern
:
  word
  (
    PIPE word
  )*
;

caseBody
:
  linebreak
  (
    term separator?
  )?
;

caseTerminator
:
  (
    DSEMI
    | SEMI_AND
    | DSEMI_AND
  ) linebreak
;

functionDefinition
:
  FUNCTION word
  (
    LPAREN RPAREN
  )? linebreak functionBody
  | cmdName LPAREN RPAREN linebreak functionBody
;

functionBody
:
  compoundCommand redirect*
;

// bash's conditional expression: its operators are words, && || ! ( ) < > group them.
condCommand
:
  DLBRACKET condPart* DRBRACKET
;

condPart
:
  word
  | AND_IF
  | OR_IF
  | BANG
  | LPAREN
  | RPAREN
  | LESS
  | GREAT
  | PIPE
  | NEWLINE
;

arithCommand
:
  ARITH_CMD
  (
    arithPart
    | ARITH_RPAREN
  )* ARITH_END
;
