/** Text edits on absolute offsets of the working text, and how they are applied. */

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function insertAt(offset: number, text: string): Edit {
  return { start: offset, end: offset, text };
}

export function replaceRange(start: number, end: number, text: string): Edit {
  return { start, end, text };
}

/** The span a group of edits covers, used to detect fixes that overlap. */
export function spanOf(edits: readonly Edit[]): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const edit of edits) {
    start = Math.min(start, edit.start);
    end = Math.max(end, edit.end);
  }
  return { start, end };
}

/**
 * Applies edits that do not overlap one another (the caller guarantees it). Edits are applied from
 * the end of the text backwards so earlier offsets stay valid.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  // Backwards by start. At one offset, a replacement goes before insertions (it refers to the
  // original text there), and insertions at one point come out in the order they were given.
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.order - a.order);
  let out = text;
  for (const { edit } of sorted) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

/**
 * The line an edit ends on would end in the escape character (and blanks), and did not before:
 * Docker would then read the next line as part of it (removing `&& b` from `echo a\ && b` leaves
 * `echo a\ `, which swallows the next instruction). A line break inside the inserted text is the
 * transform's own; only the line it leaves behind is checked.
 */
export function leavesLineContinued(text: string, edit: Edit, escapeChar: string): boolean {
  const lineEnd = (at: number) => {
    const end = text.indexOf('\n', at);
    return end === -1 ? text.length : end;
  };
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const tail = text.slice(edit.end, lineEnd(edit.end));
  const lastBreak = edit.text.lastIndexOf('\n');
  const head =
    lastBreak === -1
      ? text.slice(lineStart(edit.start), edit.start) + edit.text
      : edit.text.slice(lastBreak + 1);
  const continued = (line: string) => {
    const trimmed = line.replace(/[ \t\r]+$/, '');
    return trimmed.endsWith(escapeChar);
  };
  return continued(head + tail) && !continued(text.slice(lineStart(edit.end), lineEnd(edit.end)));
}
