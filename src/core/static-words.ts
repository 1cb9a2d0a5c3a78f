/**
 * The argv that `/bin/sh -c '<text>'` runs, when the text is one simple command made only of
 * literal words: plain characters, backslash escapes, single quotes, and double quotes without
 * anything inside that expands. Anything the shell would interpret (`$`, backquotes, globs, `~`,
 * operators, redirections, a leading `VAR=value`, a builtin that is no program of its own) gives
 * null. A leading `exec` is dropped: it only replaces the shell by the same program.
 *
 * Written independently of the shell layer on purpose: the property tests and the corpus runner use
 * it to check rewrites that the shell layer helped make (shell form → exec form).
 */

/** Builtins and keywords with no program of the same name: their exec form would not run. */
const SHELL_ONLY = new Set(
  (
    '. : alias bg break case cd command continue declare do done elif else esac eval exit export ' +
    'fc fg fi for function getopts hash if in jobs local read readonly return select set shift ' +
    'source then times trap type typeset ulimit umask unalias unset until wait while { } !'
  ).split(' '),
);
const PLAIN = /[A-Za-z0-9_./:=@%+,^-]/;

export function staticArgv(text: string): string[] | null {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === '\\') {
      if (i + 1 >= text.length || text[i + 1] === '\n') return null;
      word = (word ?? '') + text[++i];
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close === -1) return null;
      word = (word ?? '') + text.slice(i + 1, close);
      i = close;
    } else if (c === '"') {
      const close = text.indexOf('"', i + 1);
      if (close === -1) return null;
      const inside = text.slice(i + 1, close);
      if (/[$`\\!]/.test(inside)) return null;
      word = (word ?? '') + inside;
      i = close;
    } else if (PLAIN.test(c)) {
      word = (word ?? '') + c;
    } else {
      return null;
    }
  }
  if (word !== null) words.push(word);
  if (words[0] === 'exec') words.shift();
  if (words.length === 0 || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]) || words[0].startsWith('-'))
    return null;
  return SHELL_ONLY.has(words[0]) ? null : words;
}
