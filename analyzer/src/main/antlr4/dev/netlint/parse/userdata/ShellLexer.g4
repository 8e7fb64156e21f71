/*
 * Tokens of the POSIX shell (with the bash extensions user data uses), as EC2 user data is written.
 * Follows https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html
 *
 * Quoting and expansions are lexer modes: a double-quoted string, ${...}, $(( )) and backquotes
 * each push their own mode, and $( ... ) and ( ... ) push the command mode again, so a word keeps
 * its structure however deeply substitutions nest. ShellBaseLexer tracks what each push opened
 * (to report the line of an unterminated quote), the case patterns whose ')' closes nothing, and
 * reads here-document bodies after the newline that ends their operator's line.
 *
 * Deploy-time CloudFormation values (U+E000 index U+E001) are ordinary word characters here; the
 * command builder turns them into placeholder segments wherever they stand.
 */
lexer grammar ShellLexer;

options {
  superClass = ShellBaseLexer;
}

tokens {
  HEREDOC_BODY
}

// Command mode --------------------------------------------------------------------------------

NEWLINE
:
  '\r'? '\n'
;

BLANK
:
  [ \t\r\f]+ -> channel ( HIDDEN )
;

LINE_CONTINUATION
:
  '\\' '\r'? '\n' -> channel ( HIDDEN )
;

// '#' starts a comment only where a word could start: "a#b" is one word.
COMMENT
:
  '#' {atWordStart()}? ~[\r\n]* -> channel ( HIDDEN )
;

AND_IF
:
  '&&'
;

OR_IF
:
  '||'
;

DSEMI_AND
:
  ';;&'
;

DSEMI
:
  ';;'
;

SEMI_AND
:
  ';&'
;

SEMI
:
  ';'
;

PIPE_AMP
:
  '|&'
;

PIPE
:
  '|'
;

AND_DGREAT
:
  '&>>'
;

AND_GREAT
:
  '&>'
;

AMP
:
  '&'
;

DLESSDASH
:
  '<<-' {hereDocument(true);}
;

TLESS
:
  '<<<'
;

DLESS
:
  '<<' {hereDocument(false);}
;

LESSAND
:
  '<&'
;

LESSGREAT
:
  '<>'
;

PROC_IN
:
  '<(' {openParen();}
;

PROC_OUT
:
  '>(' {openParen();}
;

LESS
:
  '<'
;

DGREAT
:
  '>>'
;

GREATAND
:
  '>&'
;

CLOBBER
:
  '>|'
;

GREAT
:
  '>'
;

ARITH_CMD
:
  '((' -> pushMode ( ARITH )
;

LPAREN
:
  '(' {openGroup();}
;

RPAREN
:
  ')' {closeParen();}
;

// Reserved words: a whole word of these letters. The parser accepts them as ordinary words
// wherever a command name cannot stand.

IF
:
  'if'
;

THEN
:
  'then'
;

ELIF
:
  'elif'
;

ELSE
:
  'else'
;

FI
:
  'fi'
;

FOR
:
  'for'
;

WHILE
:
  'while'
;

UNTIL
:
  'until'
;

DO
:
  'do'
;

DONE
:
  'done'
;

CASE
:
  'case'
;

ESAC
:
  'esac'
;

IN
:
  'in'
;

FUNCTION
:
  'function'
;

LBRACE
:
  '{'
;

RBRACE
:
  '}'
;

BANG
:
  '!'
;

DLBRACKET
:
  '[['
;

DRBRACKET
:
  ']]'
;

// Words and their parts.

ASSIGN_ARRAY
:
  NAME SUBSCRIPT? '+'? '=(' {openParen();}
;

ASSIGN_WORD
:
  NAME SUBSCRIPT? '+'? '=' WORD_CHAR*
;

// A file descriptor number only directly before a redirection operator: "2>&1".
IO_NUMBER
:
  [0-9]+ {ioNumberFollows()}?
;

SQUOTED
:
  '\'' ~'\''* '\''
;

ANSI_C
:
  '$\'' (
    '\\' .
    | ~[\\']
  )* '\''
;

DQ_START
:
  '$'? '"' -> pushMode ( DQ )
;

ARITH_START
:
  '$((' -> pushMode ( ARITH )
;

CMDSUBST_START
:
  '$(' {openParen();}
;

PARAM_START
:
  '${' -> pushMode ( PARAM )
;

VAR
:
  '$' NAME
;

VAR_SPECIAL
:
  '$' [0-9@*#?$!-]
;

BQ_START
:
  '`' -> pushMode ( BACKQUOTE )
;

LONE_DOLLAR
:
  '$'
;

WORD_TEXT
:
  WORD_CHAR+
;

// Anything else (a lone quote with no partner, a backslash at the very end) is a token the
// parser rejects, so the lexer itself never fails.
ERROR_CHAR
:
  .
;

fragment
NAME
:
  [a-zA-Z_] [a-zA-Z0-9_]*
;

fragment
SUBSCRIPT
:
  '[' ~[\]\r\n]* ']'
;

fragment
WORD_CHAR
:
  ~[ \t\r\n\f;&|<>()'"`$\\]
  | '\\' ~[\r\n]
;

// Inside "...": text, escapes and expansions; newlines are text. -------------------------------

mode DQ;

DQ_END
:
  '"' -> popMode
;

DQ_TEXT
:
  (
    ~["\\$`]
    | '\\' .
  )+
;

DQ_BACKSLASH
:
  '\\' -> type ( DQ_TEXT )
;

DQ_ARITH_START
:
  '$((' -> type ( ARITH_START ) , pushMode ( ARITH )
;

DQ_CMDSUBST_START
:
  '$(' {openParen(); setType(CMDSUBST_START);}
;

DQ_PARAM_START
:
  '${' -> type ( PARAM_START ) , pushMode ( PARAM )
;

DQ_VAR
:
  '$' NAME -> type ( VAR )
;

DQ_VAR_SPECIAL
:
  '$' [0-9@*#?$!-] -> type ( VAR_SPECIAL )
;

DQ_BQ_START
:
  '`' -> type ( BQ_START ) , pushMode ( BACKQUOTE )
;

DQ_DOLLAR
:
  '$' -> type ( LONE_DOLLAR )
;

// Inside ${...}: the operator and its word. -----------------------------------------------------

mode PARAM;

PARAM_END
:
  '}' -> popMode
;

PARAM_TEXT
:
  (
    ~[}$`"'\\]
    | '\\' .
  )+
;

PARAM_BACKSLASH
:
  '\\' -> type ( PARAM_TEXT )
;

PARAM_SQUOTED
:
  '\'' ~'\''* '\'' -> type ( SQUOTED )
;

PARAM_QUOTE
:
  '\'' -> type ( PARAM_TEXT )
;

PARAM_DQ_START
:
  '"' -> type ( DQ_START ) , pushMode ( DQ )
;

PARAM_ARITH_START
:
  '$((' -> type ( ARITH_START ) , pushMode ( ARITH )
;

PARAM_CMDSUBST_START
:
  '$(' {openParen(); setType(CMDSUBST_START);}
;

PARAM_PARAM_START
:
  '${' -> type ( PARAM_START ) , pushMode ( PARAM )
;

PARAM_VAR
:
  '$' NAME -> type ( VAR )
;

PARAM_VAR_SPECIAL
:
  '$' [0-9@*#?$!-] -> type ( VAR_SPECIAL )
;

PARAM_BQ_START
:
  '`' -> type ( BQ_START ) , pushMode ( BACKQUOTE )
;

PARAM_DOLLAR
:
  '$' -> type ( LONE_DOLLAR )
;

// Inside `...`: the command text, kept as it is. ------------------------------------------------

mode BACKQUOTE;

BQ_END
:
  '`' -> popMode
;

BQ_TEXT
:
  (
    ~[`\\]
    | '\\' .
  )+
;

BQ_BACKSLASH
:
  '\\' -> type ( BQ_TEXT )
;

// Inside $(( ... )) and (( ... )): balanced parentheses around arithmetic text. ------------------

mode ARITH;

ARITH_END
:
  '))' -> popMode
;

ARITH_LPAREN
:
  '(' -> pushMode ( ARITH_NESTED )
;

ARITH_RPAREN
:
  ')'
;

ARITH_TEXT
:
  ~[()]+
;

mode ARITH_NESTED;

ARITH_NESTED_LPAREN
:
  '(' -> type ( ARITH_LPAREN ) , pushMode ( ARITH_NESTED )
;

ARITH_NESTED_RPAREN
:
  ')' -> type ( ARITH_RPAREN ) , popMode
;

ARITH_NESTED_TEXT
:
  ~[()]+ -> type ( ARITH_TEXT )
;
