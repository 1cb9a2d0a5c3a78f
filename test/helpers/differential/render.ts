/**
 * The shell the differential generator (generator.ts) builds, as data, and its text. Stubs are
 * numbered `c1`, `c2`, ... in reading order over the whole Dockerfile, so that each call in a
 * trace points at one place in the file.
 */
import type { StubName } from './stub.js';

/** `>&` stands for `> file 2>&1`; `2>&1` takes no file. */
export type RedirectOp = '>' | '>>' | '2>' | '>&' | '<' | '2>&1';
export type Redirect = { op: RedirectOp; target: string } | null;
export type Simple =
  | { kind: 'stub'; name: StubName; arg: string | null; prefix: string | null }
  | { kind: 'word'; text: string };
export type Command =
  | { kind: 'simple'; simple: Simple; redirect: Redirect }
  | { kind: 'subshell' | 'group'; body: List; redirect: Redirect }
  | { kind: 'if'; condition: List; then: List; otherwise: List | null };
export interface Pipeline {
  bang: boolean;
  commands: Command[];
}
export interface Join {
  op: '&&' | '||' | ';';
  /** Inline, or a continuation line with the operator before or after the line break. */
  layout: 'inline' | 'after' | 'before';
  /**
   * Inside the continuation: a comment line, an empty line (both skipped by Docker), or blanks
   * after the escape character (still a continuation for Docker).
   */
  extra: 'none' | 'comment' | 'empty' | 'blanks';
}
export interface List {
  first: Pipeline;
  rest: { join: Join; pipeline: Pipeline }[];
}
export type RunBody =
  | { kind: 'list'; lead: string | null; list: List; trailingComment: boolean }
  | { kind: 'cleanup'; commands: string[]; orTrue: boolean };
export interface Step {
  /** A line before the RUN (ENV, WORKDIR, SHELL, a comment, a blank), or none. */
  before: string | null;
  run: RunBody;
}

const INDENT = '    ';

/** The Dockerfile: FROM, `WORKDIR <root>`, then each step's line and RUN. */
export function renderDockerfile(root: string, steps: Step[]): string {
  const counter = { stub: 0 };
  const lines = ['FROM debian:bookworm', `WORKDIR ${root}`];
  for (const step of steps) {
    if (step.before !== null) lines.push(step.before);
    lines.push(`RUN ${renderRun(step.run, counter)}`);
  }
  return `${lines.join('\n')}\n`;
}

function renderRun(body: RunBody, counter: { stub: number }): string {
  if (body.kind === 'cleanup')
    return `${body.commands.join(' && ')}${body.orTrue ? ' || true' : ''}`;
  const list = renderList(body.list, counter);
  const text = body.lead === null ? list : `${body.lead} ${list}`;
  return body.trailingComment ? `${text} # the end` : text;
}

function renderList(list: List, counter: { stub: number }): string {
  let text = renderPipeline(list.first, counter);
  for (const { join, pipeline } of list.rest) {
    const escape = join.extra === 'blanks' ? '\\  ' : '\\';
    const inside = { none: '', blanks: '', comment: `${INDENT}# a comment\n`, empty: '\n' }[
      join.extra
    ];
    const next = renderPipeline(pipeline, counter);
    if (join.layout === 'inline') text += ` ${join.op} ${next}`;
    else if (join.layout === 'after') text += ` ${join.op} ${escape}\n${inside}${INDENT}${next}`;
    else text += ` ${escape}\n${inside}${INDENT}${join.op} ${next}`;
  }
  return text;
}

function renderPipeline(pipeline: Pipeline, counter: { stub: number }): string {
  const text = pipeline.commands.map((c) => renderCommand(c, counter)).join(' | ');
  return pipeline.bang ? `! ${text}` : text;
}

function renderCommand(command: Command, counter: { stub: number }): string {
  switch (command.kind) {
    case 'simple':
      return withRedirect(renderSimple(command.simple, counter), command.redirect);
    case 'subshell':
      return withRedirect(`( ${renderList(command.body, counter)} )`, command.redirect);
    case 'group':
      return withRedirect(`{ ${renderList(command.body, counter)}; }`, command.redirect);
    case 'if': {
      // In reading order, so that the stubs are numbered as they appear.
      const condition = renderList(command.condition, counter);
      const then = renderList(command.then, counter);
      const otherwise = command.otherwise ? ` else ${renderList(command.otherwise, counter)};` : '';
      return `if ${condition}; then ${then};${otherwise} fi`;
    }
  }
}

function renderSimple(simple: Simple, counter: { stub: number }): string {
  if (simple.kind === 'word') return simple.text;
  const words = [simple.prefix, simple.name, `c${++counter.stub}`, simple.arg];
  return words.filter((w) => w !== null).join(' ');
}

function withRedirect(text: string, redirect: Redirect): string {
  if (!redirect) return text;
  if (redirect.op === '>&') return `${text} > ${redirect.target} 2>&1`;
  if (redirect.op === '2>&1') return `${text} 2>&1`;
  return `${text} ${redirect.op} ${redirect.target}`;
}
