/**
 * How Docker splits the arguments of ENV and LABEL into words (BuildKit's `parseWords`): blanks
 * separate words, except inside single or double quotes or after the escape character; quotes and
 * escapes stay in the word (they are removed later, when the value is expanded). Needed to know
 * whether a value written one way is still one word when written another.
 */

export interface DockerWord {
  /** The word as written, quotes and escapes included. */
  text: string;
  /** Offsets in the string that was split. */
  start: number;
  end: number;
}

export function dockerWords(text: string, escapeChar = '\\'): DockerWord[] {
  const words: DockerWord[] = [];
  let start = -1;
  let quote: string | null = null;
  const close = (end: number) => {
    if (start !== -1) words.push({ text: text.slice(start, end), start, end });
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote === null && /\s/.test(ch)) {
      close(i);
      continue;
    }
    if (start === -1) start = i;
    if (quote !== null) {
      if (ch === quote) quote = null;
      else if (ch === escapeChar && quote !== "'") i++;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === escapeChar) i++;
  }
  close(text.length);
  return words;
}

/** Whether the text is one Docker word with balanced quotes. */
export function isSingleDockerWord(text: string, escapeChar = '\\'): boolean {
  const words = dockerWords(text, escapeChar);
  return (
    words.length === 1 &&
    words[0].start === 0 &&
    words[0].end === text.length &&
    balanced(text, escapeChar)
  );
}

function balanced(text: string, escapeChar: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== null) {
      if (ch === quote) quote = null;
      else if (ch === escapeChar && quote !== "'") i++;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === escapeChar) i++;
  }
  return quote === null;
}
