/*
 * The parts a word is made of and the quoting and expansions they may be: '...', "...", $'...',
 * $VAR, ${...}, $(...), `...`, $((...)), <(...), and the assignments NAME=word and NAME=(words).
 * Parts with no blank between them make one word; the command builder joins them from their
 * character positions, so that no parsing decision has to look past a part (a predicate on
 * adjacency made prediction scan whole nested substitutions).
 * Follows https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_02
 * and #tag_19_06
 */
parser grammar Shell_expansion;

options {
  tokenVocab = ShellLexer;
}

arrayValue
:
  ASSIGN_ARRAY
  (
    wordPart
    | NEWLINE
  )* RPAREN
;

wordPart
:
  namePart
  | reservedWord
  | ASSIGN_WORD
  | arrayValue
;

namePart
:
  WORD_TEXT
  | IO_NUMBER
  | SQUOTED
  | ANSI_C
  | LONE_DOLLAR
  | VAR
  | VAR_SPECIAL
  | doubleQuoted
  | parameterExpansion
  | commandSubstitution
  | backquoted
  | arithmeticExpansion
  | processSubstitution
;

reservedWord
:
  IF
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
  | IN
  | FUNCTION
  | LBRACE
  | RBRACE
  | BANG
  | DLBRACKET
;

doubleQuoted
:
  DQ_START dqPart* DQ_END
;

dqPart
:
  DQ_TEXT
  | LONE_DOLLAR
  | VAR
  | VAR_SPECIAL
  | parameterExpansion
  | commandSubstitution
  | backquoted
  | arithmeticExpansion
;

parameterExpansion
:
  PARAM_START paramPart* PARAM_END
;

paramPart
:
  PARAM_TEXT
  | SQUOTED
  | LONE_DOLLAR
  | VAR
  | VAR_SPECIAL
  | doubleQuoted
  | parameterExpansion
  | commandSubstitution
  | backquoted
  | arithmeticExpansion
;

commandSubstitution
:
  CMDSUBST_START substitutionBody RPAREN
;

processSubstitution
:
  (
    PROC_IN
    | PROC_OUT
  ) substitutionBody RPAREN
;

substitutionBody
:
  linebreak
  (
    term separator?
  )?
;

backquoted
:
  BQ_START BQ_TEXT* BQ_END
;

arithmeticExpansion
:
  ARITH_START
  (
    arithPart
    | ARITH_RPAREN
  )* ARITH_END
;

arithPart
:
  ARITH_TEXT
  | ARITH_LPAREN arithPart* ARITH_RPAREN
;
