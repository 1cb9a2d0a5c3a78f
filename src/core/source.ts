/**
 * The source model: what a Dockerfile looked like on disk, so that it can be given back exactly.
 *
 * Transforms and the engine work on `text`, which has no BOM and only `\n` line breaks. Everything
 * that was stripped to get there (a BOM, CRLF line endings) is recorded here and put back by
 * `renderSource`, so a file that dockopt does not change comes back byte for byte, and a file it
 * does change keeps its conventions outside the edited ranges.
 */

export type Eol = '\n' | '\r\n';

export interface Source {
  /** Where the text came from (a file path, or the `--stdin-filepath` name); informative only. */
  path?: string;
  /** The working text: no BOM, `\n` line breaks only. */
  text: string;
  eol: Eol;
  bom: boolean;
  /** Whether the original ended with a line break. Kept by construction: edits never touch it. */
  finalNewline: boolean;
  /** The escape character from a `# escape=` directive: `\` (default) or `` ` ``. */
  escapeChar: string;
}

export class SourceError extends Error {}

const BOM = '\uFEFF';

/**
 * Builds the source model from file contents. Throws `SourceError` for text that cannot be worked
 * on safely: mixed line endings (normalising them would touch lines the user did not ask to change).
 */
export function readSource(raw: string, path?: string): Source {
  const bom = raw.startsWith(BOM);
  let text = bom ? raw.slice(1) : raw;
  const crlf = countOf(text, '\r\n');
  const cr = countOf(text, '\r');
  const lf = countOf(text, '\n');
  let eol: Eol = '\n';
  if (crlf > 0 || cr > 0) {
    if (crlf !== cr || crlf !== lf) {
      throw new SourceError(
        'mixed line endings (CRLF, LF and/or lone CR): left unchanged so that no line is rewritten as a side effect',
      );
    }
    eol = '\r\n';
    text = text.replace(/\r\n/g, '\n');
  }
  return {
    path,
    text,
    eol,
    bom,
    finalNewline: text.endsWith('\n'),
    escapeChar: escapeCharOf(text),
  };
}

/** Turns working text back into file contents with the source's BOM and line endings. */
export function renderSource(source: Source, text: string): string {
  const body = source.eol === '\r\n' ? text.replace(/\n/g, '\r\n') : text;
  return source.bom ? BOM + body : body;
}

/**
 * Reads the escape character from the parser directives at the top of the file. Directives are
 * only recognised before the first comment that is not a directive, blank line or instruction,
 * exactly as BuildKit does.
 */
export function escapeCharOf(text: string): string {
  for (const line of text.split('\n')) {
    const directive = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(\S*)\s*$/.exec(line);
    if (!directive) break;
    if (directive[1].toLowerCase() === 'escape') {
      return directive[2] === '`' ? '`' : '\\';
    }
  }
  return '\\';
}

function countOf(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    count++;
  }
  return count;
}
