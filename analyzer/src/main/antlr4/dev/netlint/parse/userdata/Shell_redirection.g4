/*
 * Redirections, here-documents and here-strings. A here-document's body is read by the lexer
 * after the newline ending its operator's line (ShellBaseLexer.hereDocumentBody).
 * Follows https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_07
 */
parser grammar Shell_redirection;

options {
  tokenVocab = ShellLexer;
}

redirect
:
  IO_NUMBER?
  (
    redirectOperator word
    | hereDocument
  )
;

redirectOperator
:
  LESS
  | GREAT
  | DGREAT
  | CLOBBER
  | LESSGREAT
  | LESSAND
  | GREATAND
  | AND_GREAT
  | AND_DGREAT
  | TLESS
;

hereDocument
:
  (
    DLESS
    | DLESSDASH
  ) word
;
