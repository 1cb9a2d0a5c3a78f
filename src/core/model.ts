/**
 * The Dockerfile model every transform reads: instructions, stages and comments with absolute
 * offsets into the working text. Built on `dockerfile-ast` (which reports line/character ranges);
 * this module converts those to offsets once, so transforms never do position arithmetic.
 */
import {
  Arg,
  DockerfileParser,
  From,
  Instruction,
  JSONInstruction,
  ModifiableInstruction,
  Onbuild,
  Run,
} from 'dockerfile-ast';
import './ast-memo.js';
import { LineIndex } from './line-index.js';
import { isWindowsImage, resolveGlobalArgs, runLooksWindows, WINDOWS_SHELL } from './windows.js';

type Range = ReturnType<Instruction['getRange']>;

export interface Span {
  start: number;
  end: number;
}

export interface FlagNode extends Span {
  name: string;
  value: string | null;
  /** The flag as written, e.g. `--mount=type=cache,target=/root/.cache`. */
  text: string;
}

export interface InstructionNode extends Span {
  /** Position among all top-level instructions of the file. */
  index: number;
  /** Upper-case keyword (`RUN`), whatever the casing in the file. */
  keyword: string;
  /** The keyword as written (`run`). */
  keywordText: string;
  /** Range of the arguments after any flags; null when the instruction has no arguments. */
  readonly args: Span | null;
  readonly flags: FlagNode[];
  /** JSON (exec) form: `RUN ["a", "b"]`, `CMD [...]`. */
  readonly json: boolean;
  /**
   * The strings of the JSON form as Docker reads them (continuations joined, then JSON.parse);
   * null for the shell form or text that is not a JSON array of strings. (dockerfile-ast 0.7's
   * getJSONValue drops the blanks inside a string: `["sh", "-c", "a b"]` gives `ab`.)
   */
  readonly jsonArgv: string[] | null;
  /** Whether the instruction carries a heredoc (`RUN <<EOF`). */
  readonly heredoc: boolean;
  firstLine: number;
  lastLine: number;
  /** The stage the instruction belongs to; null for ARGs (and strays) before the first FROM. */
  stage: Stage | null;
  /**
   * For RUN, CMD and ENTRYPOINT: the shell argv their shell form runs under (default
   * `/bin/sh -c`, or the stage's last `SHELL`).
   */
  shell: string[] | null;
  /** The `dockerfile-ast` node, for details this model does not lift (image names, JSON strings). */
  ast: Instruction;
}

export interface Stage {
  index: number;
  from: InstructionNode;
  /** The `AS name`, as written; null for an unnamed stage. */
  name: string | null;
  /** The image reference as written (`python:3.12-slim`, `${BASE}`, or another stage's name). */
  image: string | null;
  /** The stage this one is built on, when `FROM` names an earlier stage. */
  parent: Stage | null;
  /** Instructions after the FROM, in order. */
  instructions: InstructionNode[];
}

export interface CommentNode extends Span {
  line: number;
  /** Text after the `#`, trimmed. */
  content: string;
  /** True when the comment sits inside a continued instruction (Docker strips such lines). */
  insideInstruction: boolean;
}

export interface DirectiveNode {
  name: string;
  value: string;
  line: number;
}

export interface DockerfileModel {
  text: string;
  lines: LineIndex;
  escapeChar: string;
  instructions: InstructionNode[];
  stages: Stage[];
  comments: CommentNode[];
  directives: DirectiveNode[];
  /** A Windows Dockerfile (PowerShell/cmd shell, backtick escape, Windows base): no Linux rewrites. */
  windows: boolean;
}

export const KNOWN_INSTRUCTIONS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

const DEFAULT_SHELL = ['/bin/sh', '-c'];

export function parseDockerfile(text: string): DockerfileModel {
  const lines = new LineIndex(text);
  const dockerfile = DockerfileParser.parse(text);
  const offset = (range: Range, end = false) =>
    lines.offsetAt(
      end ? range.end.line : range.start.line,
      end ? range.end.character : range.start.character,
    );

  const stages: Stage[] = [];
  const instructions: InstructionNode[] = [];
  let stage: Stage | null = null;
  let shell = DEFAULT_SHELL;
  let windows = dockerfile.getEscapeCharacter() === '`';
  /** Global ARG defaults (before the first FROM), for `FROM ${BASE}`. */
  const globalArgs = new Map<string, string>();
  const shellAtStageEnd = new Map<Stage, string[]>();

  for (const ast of dockerfile.getInstructions()) {
    const range = ast.getRange();
    const keyword = ast.getKeyword();
    const start = offset(range);
    const end = trimEnd(text, start, offset(range, true));
    const node = new LazyInstruction(
      ast,
      text,
      lines,
      dockerfile.getEscapeCharacter(),
      instructions.length,
      keyword,
      start,
      end,
      range.start.line,
    );
    instructions.push(node);

    if (keyword === 'FROM' && ast instanceof From) {
      if (stage) shellAtStageEnd.set(stage, shell);
      const image = ast.getImage();
      const parent =
        stages.find(
          (s) => s.name !== null && image !== null && s.name.toLowerCase() === image.toLowerCase(),
        ) ?? null;
      stage = {
        index: stages.length,
        from: node,
        name: ast.getBuildStage(),
        image,
        parent,
        instructions: [],
      };
      stages.push(stage);
      node.stage = stage;
      shell = parent ? (shellAtStageEnd.get(parent) ?? DEFAULT_SHELL) : DEFAULT_SHELL;
      if (image && isWindowsImage(resolveGlobalArgs(image, globalArgs))) windows = true;
      continue;
    }
    if (!stage && keyword === 'ARG' && ast instanceof Arg) {
      const property = ast.getProperty();
      const value = property?.getValue();
      if (property && value != null) globalArgs.set(property.getName(), value);
    }
    node.stage = stage;
    stage?.instructions.push(node);
    if (keyword === 'SHELL' && ast instanceof JSONInstruction) {
      const argv = node.jsonArgv ?? [];
      if (argv.length > 0) shell = argv;
      if (argv.length > 0 && WINDOWS_SHELL.test(argv[0])) windows = true;
    }
    if (keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT') node.shell = shell;
    if (
      keyword === 'RUN' &&
      node.args &&
      runLooksWindows(text.slice(node.args.start, node.args.end))
    )
      windows = true;
    if (
      keyword === 'WORKDIR' &&
      node.args &&
      /^[a-zA-Z]:[\\/]/.test(text.slice(node.args.start, node.args.end))
    ) {
      windows = true;
    }
  }

  const comments: CommentNode[] = dockerfile.getComments().map((comment) => {
    const range = comment.getRange();
    const start = offset(range);
    const line = range.start.line;
    return {
      start,
      end: offset(range, true),
      line,
      content: comment.getContent(),
      insideInstruction: instructions.some((i) => i.firstLine < line && i.lastLine >= line),
    };
  });
  // dockerfile-ast reads any `# key=value` line at the top as a parser directive and leaves it out
  // of the comments (even `# hadolint global ignore=DL3008`): every line there is a comment too.
  const firstInstructionLine = instructions[0]?.firstLine ?? lines.lineCount;
  for (let line = 0; line < firstInstructionLine; line++) {
    const lineText = lines.lineText(line);
    const hash = lineText.indexOf('#');
    if (
      hash === -1 ||
      lineText.slice(0, hash).trim() !== '' ||
      comments.some((c) => c.line === line)
    )
      continue;
    const start = lines.lineStart(line) + hash;
    comments.push({
      start,
      end: lines.lineEnd(line),
      line,
      content: lineText.slice(hash + 1).trim(),
      insideInstruction: false,
    });
  }
  comments.sort((a, b) => a.start - b.start);

  const directives = dockerfile.getDirectives().map((d) => ({
    name: d.getName().toLowerCase(),
    value: d.getValue(),
    line: d.getRange().start.line,
  }));

  return {
    text,
    lines,
    escapeChar: dockerfile.getEscapeCharacter(),
    instructions,
    stages,
    comments,
    directives,
    windows,
  };
}

/** For `ONBUILD <trigger>`: the trigger's keyword in upper case, or null. */
export function onbuildTrigger(node: InstructionNode): string | null {
  return node.ast instanceof Onbuild ? (node.ast.getTrigger()?.toUpperCase() ?? null) : null;
}

/** The text of an instruction's arguments (after flags), or '' when it has none. */
export function argsText(model: DockerfileModel, node: InstructionNode): string {
  return node.args ? model.text.slice(node.args.start, node.args.end) : '';
}

/**
 * An instruction whose argument details are computed on first use: dockerfile-ast re-tokenises
 * the arguments on every call, and most instructions are never asked for them.
 */
class LazyInstruction implements InstructionNode {
  readonly keywordText: string;
  readonly lastLine: number;
  stage: Stage | null = null;
  shell: string[] | null = null;
  private cachedArgs: Span | null | undefined;
  private cachedFlags: FlagNode[] | undefined;
  private cachedJson: boolean | undefined;
  private cachedHeredoc: boolean | undefined;
  private cachedJsonArgv: string[] | null | undefined;

  constructor(
    readonly ast: Instruction,
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly escapeChar: string,
    readonly index: number,
    readonly keyword: string,
    readonly start: number,
    readonly end: number,
    readonly firstLine: number,
  ) {
    this.keywordText = ast.getInstruction();
    this.lastLine = lines.lineAt(end);
  }

  private offset(range: Range, end = false): number {
    const position = end ? range.end : range.start;
    return this.lines.offsetAt(position.line, position.character);
  }

  get args(): Span | null {
    if (this.cachedArgs === undefined) {
      const range = this.ast.getArgumentsRange();
      this.cachedArgs = range ? { start: this.offset(range), end: this.offset(range, true) } : null;
    }
    return this.cachedArgs;
  }

  get flags(): FlagNode[] {
    if (this.cachedFlags === undefined) {
      const ast = this.ast;
      this.cachedFlags =
        ast instanceof ModifiableInstruction
          ? ast.getFlags().map((flag) => {
              const start = this.offset(flag.getRange());
              const end = this.offset(flag.getRange(), true);
              const name = flag.getName().toLowerCase();
              return {
                start,
                end,
                name,
                value: flag.getValue(),
                text: this.text.slice(start, end),
              };
            })
          : [];
    }
    return this.cachedFlags;
  }

  get json(): boolean {
    if (this.cachedJson === undefined) {
      this.cachedJson =
        this.ast instanceof JSONInstruction && this.ast.getOpeningBracket() !== null;
    }
    return this.cachedJson;
  }

  get heredoc(): boolean {
    if (this.cachedHeredoc === undefined) {
      // Cheap text test first: only a `<<` can start a heredoc.
      this.cachedHeredoc =
        this.text.slice(this.start, this.end).includes('<<') &&
        this.ast instanceof Run &&
        this.ast.getHeredocs().length > 0;
    }
    return this.cachedHeredoc;
  }

  get jsonArgv(): string[] | null {
    if (this.cachedJsonArgv === undefined) {
      const args = this.args;
      this.cachedJsonArgv =
        this.json && args
          ? parseJsonArgv(this.text.slice(args.start, args.end), this.escapeChar)
          : null;
    }
    return this.cachedJsonArgv;
  }
}

/**
 * A JSON-form argument list as Docker reads it: continuation lines joined (the escape character
 * and line break dropped, comment lines inside removed), then parsed as JSON.
 */
function parseJsonArgv(text: string, escapeChar: string): string[] | null {
  const joined = text
    .split('\n')
    .filter((line, i) => i === 0 || !line.trimStart().startsWith('#'))
    .map((line) => {
      const trimmed = line.replace(/[ \t\r]+$/, '');
      return trimmed.endsWith(escapeChar) ? trimmed.slice(0, -1) : line;
    })
    .join('');
  try {
    const value: unknown = JSON.parse(joined);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
  } catch {
    return null;
  }
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}
