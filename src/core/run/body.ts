/**
 * What the shell actually receives from a shell-form RUN, mapped 1:1 onto the Dockerfile's offsets.
 *
 * Docker joins continuation lines (dropping the escape character and the line break) and removes
 * comment lines and blank lines inside a continued instruction before the shell sees the text. We
 * cannot delete characters (offsets must keep mapping onto the file), so we rewrite them into
 * characters the shell treats the same way, without changing the length:
 *   - `\` (or the `# escape=` character), optional trailing blanks, line break
 *       → blanks, `\`, line break (a shell line continuation);
 *   - a comment line or blank line inside the continuation, with its line break → blanks, so the
 *       previous continuation runs straight into the next real line.
 */
export function shellBodyText(
  text: string,
  start: number,
  end: number,
  escapeChar: string,
): string {
  const out: string[] = [];
  let lineStart = start;
  let first = true;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const hasBreak = lineEnd < end && text[lineEnd] === '\n';
    const line = text.slice(lineStart, lineEnd);
    const trimmed = line.trimStart();
    if (!first && (trimmed === '' || trimmed.startsWith('#'))) {
      out.push(' '.repeat(line.length + (hasBreak ? 1 : 0)));
    } else if (hasBreak) {
      out.push(continuationOf(line, escapeChar), '\n');
    } else {
      out.push(line);
    }
    first = false;
    lineStart = hasBreak ? lineEnd + 1 : lineEnd;
  }
  return out.join('');
}

/**
 * Whether a continuation's escape character follows an odd run of backslashes (`echo a\` then the
 * escape). Docker drops only the escape and the line break, so that last backslash escapes the first
 * character of the next line; a shell line continuation cannot show this (the shell would read an
 * escaped backslash and a real line break), so such a RUN must not be shell-parsed.
 */
export function hasBackslashBeforeContinuation(
  text: string,
  start: number,
  end: number,
  escapeChar: string,
): boolean {
  let lineStart = start;
  for (let lineEnd = text.indexOf('\n', start); lineEnd !== -1 && lineEnd < end;) {
    // Comment lines inside a continuation are removed by Docker before joining: not continuations.
    const isComment =
      lineStart > start && text.slice(lineStart, lineEnd).trimStart().startsWith('#');
    let cut = lineEnd;
    while (cut > lineStart && (text[cut - 1] === ' ' || text[cut - 1] === '\t')) cut--;
    if (!isComment && cut > lineStart && text[cut - 1] === escapeChar) {
      let run = 0;
      while (cut - 2 - run >= lineStart && text[cut - 2 - run] === '\\') run++;
      if (run % 2 === 1) return true;
    }
    lineStart = lineEnd + 1;
    lineEnd = text.indexOf('\n', lineStart);
  }
  return false;
}

/** A line that ends in the escape character plus optional blanks becomes `<blanks>\`. */
function continuationOf(line: string, escapeChar: string): string {
  let cut = line.length;
  while (cut > 0 && (line[cut - 1] === ' ' || line[cut - 1] === '\t')) cut--;
  if (cut > 0 && line[cut - 1] === escapeChar) {
    return line.slice(0, cut - 1) + ' '.repeat(line.length - cut) + '\\';
  }
  return line;
}

/** Replaces everything from `from` (relative) to the end with blanks, keeping the length. */
export function blankFrom(mapped: string, from: number): string {
  return mapped.slice(0, from) + ' '.repeat(mapped.length - from);
}
