/*
 * Redirections, here-documents and here-strings. The target is its first word part here; the
 * command builder adds the parts that touch it. A here-document's body is read by the lexer
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
    redirectOperator wordPart
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
  ) wordPart
;

// A redirection after a compound command ("done < file", "} > /tmp/$NAME.log"): only the rest of
// its target can follow it, so the parts after the first belong to the target.
compoundRedirect
:
  redirect wordPart*
;
