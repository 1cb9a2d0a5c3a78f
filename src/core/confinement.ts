/**
 * "Text outside the edited ranges is byte-identical", checked on the two texts themselves (by the
 * property tests and the corpus runner: a check on the engine, not used by it).
 *
 * The edited ranges are the lines of what each applied fix is about (the instructions it names,
 * widened to whole lines, so the comments between merged RUNs are in it), with the block of comment
 * lines directly above them, which belongs to the instruction below it (as for ignore comments: an
 * instruction inserted before an instruction goes above its comments). They cut the text before
 * into kept pieces and zones: K0 Z0 K1 Z1 ... Kn. The text after must be K0 X0 K1 X1 ... Kn for some
 * replacements Xi: it starts with K0, ends with Kn, and holds the other kept pieces in order. The
 * pieces are searched leftmost-first, which finds such a split whenever one exists.
 * (A character diff is no help here: a minimal diff freely aligns an inserted `rm -rf` with letters
 * of the next line and reports changes where there are none.)
 */

export interface Zone {
  /** Offsets in the text before. */
  start: number;
  end: number;
}

/** [start, end] widened to whole lines of `text`, the line break at the end included. */
export function lineZone(text: string, start: number, end: number): Zone {
  const zoneStart = start === 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  return { start: zoneStart, end: newline === -1 ? text.length : newline + 1 };
}

/** A zone grown upwards over the comment lines directly above it (no blank line between). */
export function withCommentsAbove(text: string, zone: Zone): Zone {
  let start = zone.start;
  while (start > 0) {
    const lineStart = text.lastIndexOf('\n', start - 2) + 1;
    if (
      !text
        .slice(lineStart, start - 1)
        .trimStart()
        .startsWith('#')
    )
      break;
    start = lineStart;
  }
  return { start, end: zone.end };
}

/**
 * A zone that runs to the end of a text without a final newline also owns the line break before
 * it, and the blank lines above it: deleting the last line of such a file takes them (see
 * `deletionOfLines`), so that the file still ends without a line break.
 */
export function withBreakBeforeLastLine(text: string, zone: Zone): Zone {
  if (zone.end !== text.length || text.endsWith('\n') || zone.start === 0) return zone;
  let start = zone.start - 1; // the line break that ends the line above
  while (start > 0) {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (text.slice(lineStart, start).trim() !== '') return { start, end: zone.end };
    start = lineStart === 0 ? 0 : lineStart - 1;
  }
  return { start: 0, end: zone.end };
}

/**
 * The pieces of `before` outside every zone, in order (zones that overlap or touch merged). The
 * first piece starts at 0 and the last ends at the end of the text, even when they are empty.
 */
export function keptPieces(before: string, zones: readonly Zone[]): Zone[] {
  const sorted = [...zones].sort((a, b) => a.start - b.start);
  const pieces: Zone[] = [];
  let at = 0;
  for (const zone of sorted) {
    if (zone.start > at || pieces.length === 0)
      pieces.push({ start: at, end: Math.max(at, zone.start) });
    at = Math.max(at, zone.end);
  }
  pieces.push({ start: at, end: before.length });
  return pieces;
}

/**
 * The first kept piece of `before` that `after` does not reproduce in place, or null when every
 * byte outside the zones is unchanged.
 */
export function firstChangeOutside(
  before: string,
  after: string,
  zones: readonly Zone[],
): { piece: string; at: number } | null {
  const pieces = keptPieces(before, zones).map((p) => ({
    ...p,
    text: before.slice(p.start, p.end),
  }));
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (pieces.length === 1) return after === first.text ? null : { piece: first.text, at: 0 };
  if (!after.startsWith(first.text)) return { piece: first.text, at: first.start };
  const limit = after.length - last.text.length;
  if (limit < first.text.length || !after.endsWith(last.text))
    return { piece: last.text, at: last.start };
  let cursor = first.text.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = after.indexOf(piece.text, cursor);
    if (found === -1 || found + piece.text.length > limit)
      return { piece: piece.text, at: piece.start };
    cursor = found + piece.text.length;
  }
  return null;
}

/**
 * For an engine result: the first change outside the lines of its applied fixes (and the comments
 * directly above them; a `# syntax=` directive added at the top is allowed too), or null. Texts are
 * working texts (no BOM, `\n` only), which is what finding offsets refer to.
 */
export function changeOutsideFixes(
  before: string,
  after: string,
  findings: readonly { status: string; start: number; end: number }[],
): { piece: string; at: number } | null {
  // A `# syntax=` directive added on top (syntax-directive.ts, for RUN --mount) is a file-level
  // setting, not part of one instruction: it is allowed as long as the rest checks out.
  const directive = /^# syntax=[^\n]*\n/.exec(after)?.[0];
  if (directive && !before.startsWith(directive) && findings.some((f) => f.status === 'fixed'))
    after = after.slice(directive.length);
  const zones = findings
    .filter((f) => f.status === 'fixed')
    .map((f) =>
      withBreakBeforeLastLine(before, withCommentsAbove(before, lineZone(before, f.start, f.end))),
    );
  return firstChangeOutside(before, after, zones);
}
