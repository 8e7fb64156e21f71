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

// As POSIX writes it, newlines before "in" are a linebreak but newlines alone are the separator:
// a linebreak that a newline may follow would make every run of blank lines ambiguous.
forClause
:
  FOR wordPart
  (
    sequentialSeparator
    | linebreak IN wordPart* sequentialSeparator
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

// Every item but the last ends with ;; (or ;& ;;&): with the terminator optional, a word after
// a command in an item's body could be read as the next pattern.
caseClause
:
  CASE caseSubject+ linebreak IN linebreak
  (
    caseItem
    (
      caseTerminator caseItem
    )* caseTerminator?
  )? ESAC
;

// The word a case statement matches: any word part but the "in" that ends it.
caseSubject
:
  namePart
  | ASSIGN_WORD
  | arrayValue
  | IF
  | THEN
  | ELIF
  | ELSE
  | FI
  | FOR
  | WHILE
  | UNTIL
  | DO
  | DONE
  | CASE
  | ESAC
  | FUNCTION
  | LBRACE
  | RBRACE
  | BANG
  | DLBRACKET
;

caseItem
:
  LPAREN? pattern RPAREN caseBody
;

pattern
:
  wordPart+
  (
    PIPE wordPart+
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
  FUNCTION wordPart
  (
    LPAREN RPAREN
  )? linebreak functionBody
  | WORD_TEXT LPAREN RPAREN linebreak functionBody
;

functionBody
:
  compoundCommand compoundRedirect*
;

// bash's conditional expression: its operators are words, && || ! ( ) < > group them.
condCommand
:
  DLBRACKET condPart* DRBRACKET
;

condPart
:
  wordPart
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
