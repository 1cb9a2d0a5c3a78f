/**
 * Reads a Dockerfile into the steps a builder plays: FROM, WORKDIR (resolved against the previous
 * one), ENV, SHELL and shell-form RUN, each RUN with the text its shell receives (Docker joins
 * continuation lines and drops the comment lines inside them), its working directory, its
 * environment and its shell's arguments.
 *
 * Anything else (another instruction, a second stage, RUN flags, exec-form or heredoc RUN,
 * variables in WORKDIR or ENV, a path outside the sandbox) is not modelled and throws: a transform
 * that starts emitting it must be noticed, not played wrongly.
 */
import { isAbsolute, join, normalize } from 'node:path';
import { DockerfileParser, Env, Run, type Instruction } from 'dockerfile-ast';
import { insideRoot } from './sandbox.js';

export interface RunStep {
  kind: 'run';
  line: number;
  /** The text the shell receives: continuation lines joined, comment lines dropped. */
  text: string;
  /** The shell's arguments before the text (`-c`, or `-e -c` from a SHELL). */
  shellArgs: string[];
  cwd: string;
  env: Record<string, string>;
}
export interface WorkdirStep {
  kind: 'workdir';
  line: number;
  dir: string;
}
export type Step = RunStep | WorkdirStep;

/** What Docker hands the shell for a shell-form RUN: continuation lines joined, comments dropped. */
export function joinContinuations(raw: string, escape = '\\'): string {
  const continuation = new RegExp(`${escape.replace(/[\\^$]/g, '\\$&')}[ \\t]*$`);
  let text = '';
  raw.split('\n').forEach((line, i) => {
    // Inside a continuation, comment lines and empty lines are skipped by Docker's parser.
    if (i > 0 && (/^\s*#/.test(line) || /^\s*$/.test(line))) return;
    const end = continuation.exec(line);
    text += end ? line.slice(0, end.index) : line;
  });
  return text.trim();
}

class Unmodelled extends Error {
  constructor(instruction: Instruction, why: string) {
    super(
      `differential plan: line ${instruction.getRange().start.line + 1} ` +
        `(${instruction.getKeyword()}): ${why}`,
    );
  }
}

/** The steps of `dockerfile`, with each RUN's directory, environment and shell resolved. */
export function planOf(dockerfile: string, root: string): Step[] {
  const parsed = DockerfileParser.parse(dockerfile);
  const steps: Step[] = [];
  let cwd = root;
  let env: Record<string, string> = {};
  let shellArgs = ['-c'];
  let stages = 0;
  for (const instruction of parsed.getInstructions()) {
    const keyword = instruction.getKeyword();
    const line = instruction.getRange().start.line + 1;
    const raw = instruction.getRawArgumentsContent() ?? '';
    if (keyword !== 'FROM' && stages === 0) throw new Unmodelled(instruction, 'before FROM');
    switch (keyword) {
      case 'FROM':
        if (++stages > 1) throw new Unmodelled(instruction, 'a second stage');
        break;
      case 'WORKDIR': {
        const path = raw.trim().replace(/^"(.*)"$/, '$1');
        if (path === '' || /[$\\'"\s]/.test(path))
          throw new Unmodelled(instruction, `path ${JSON.stringify(raw)}`);
        const dir = isAbsolute(path) ? normalize(path) : join(cwd, path);
        if (!insideRoot(root, dir))
          throw new Unmodelled(instruction, `${dir} is outside the sandbox ${root}`);
        cwd = dir.replace(/\/$/, '');
        steps.push({ kind: 'workdir', line, dir: cwd });
        break;
      }
      case 'ENV': {
        if (!(instruction instanceof Env)) throw new Unmodelled(instruction, 'not parsed as ENV');
        for (const property of instruction.getProperties()) {
          const value = property.getValue() ?? '';
          if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(property.getName()))
            throw new Unmodelled(instruction, `name ${JSON.stringify(property.getName())}`);
          if (value.includes('$') || value.includes('\\'))
            throw new Unmodelled(instruction, `value ${JSON.stringify(value)}`);
          env = { ...env, [property.getName()]: value };
        }
        break;
      }
      case 'SHELL': {
        const argv: unknown = JSON.parse(raw);
        if (!Array.isArray(argv) || !['/bin/sh', 'sh'].includes(argv[0] as string))
          throw new Unmodelled(instruction, `shell ${raw}`);
        shellArgs = (argv as string[]).slice(1);
        break;
      }
      case 'RUN': {
        if (!(instruction instanceof Run)) throw new Unmodelled(instruction, 'not parsed as RUN');
        if (instruction.getFlags().length > 0) throw new Unmodelled(instruction, 'flags');
        if (instruction.getHeredocs().length > 0) throw new Unmodelled(instruction, 'heredoc');
        if (isJsonArray(raw)) throw new Unmodelled(instruction, 'exec form');
        const text = joinContinuations(raw, parsed.getEscapeCharacter());
        steps.push({ kind: 'run', line, text, shellArgs, cwd, env });
        break;
      }
      default:
        throw new Unmodelled(instruction, 'instruction not modelled');
    }
  }
  if (stages === 0) throw new Error('differential plan: no FROM');
  return steps;
}

/** Docker reads a RUN as exec form when its text is a JSON array (`RUN [ -d x ]` is shell). */
function isJsonArray(raw: string): boolean {
  try {
    return Array.isArray(JSON.parse(raw));
  } catch {
    return false;
  }
}
