import { baseImageFacts } from '../../src/core/base-image.js';
import { argsText, type DockerfileModel, type InstructionNode } from '../../src/core/model.js';
import { baseImageOf } from '../../src/core/stages.js';
import { defineTransform, type TransformContext } from '../../src/core/transform.js';
import { simpleCommand } from '../../src/shell/query.js';
import { parseShellForm } from '../../src/core/run/shell.js';
import { findAll, type ShellScript } from '../../src/shell/script.js';
import { hasPipe, pipefailTrap } from './traps.js';

const PREFIX = 'set -o pipefail && ';

export default defineTransform({
  meta: {
    id: 'pipefail',
    title: 'pipefail for RUNs with pipes, where the shell is bash',
    description:
      'Without pipefail, `curl … | tar x` succeeds when curl fails. Where the shell is bash, the SHELL gets `-o pipefail` (or each RUN `set -o pipefail &&`). Unsafe: a command that failed silently before a pipe now fails the build.',
    safety: 'unsafe',
    category: 'practice',
    hadolint: ['DL4006'],
  },
  create(ctx) {
    const model = ctx.model;
    const governing = governingShells(model);
    const handled = new Set<InstructionNode>();

    // A bash SHELL without pipefail: add it there, if every pipe it governs is safe with it.
    for (const shell of model.instructions.filter((n) => n.keyword === 'SHELL')) {
      const argv = shellArgv(shell);
      if (!argv || !isBash(argv) || hasPipefail(argv)) continue;
      const users = [...governing].filter(([, s]) => s === shell).map(([n]) => n);
      const piped = users.filter((n) => usesPipe(ctx, n));
      if (piped.length === 0) continue;
      const blocked = piped.map((n) => ({ node: n, why: blocker(ctx, n) }));
      const at = firstStringEnd(model, shell);
      if (blocked.every((b) => b.why === null) && at !== null) {
        piped.forEach((n) => handled.add(n));
        ctx.report({
          message: `added -o pipefail to the bash SHELL: ${piped.length} instruction(s) with pipes under it now fail when any command of a pipe fails, not only the last (images built FROM this one inherit the SHELL)`,
          node: shell,
          fix: [{ start: at, end: at, text: ', "-o", "pipefail"' }],
        });
        continue;
      }
      for (const b of blocked) {
        if (b.why === null) continue;
        handled.add(b.node);
        ctx.report({ message: `no pipefail: ${b.why}`, node: b.node });
      }
      // The others still get it one by one below (the shell is bash).
    }

    for (const stage of model.stages) {
      for (const node of stage.instructions) {
        if (node.keyword !== 'RUN' || handled.has(node)) continue;
        const { script } = ctx.shell(node);
        if (!script || !hasPipe(script) || setsPipefail(script)) continue;
        const argv = node.shell ?? ['/bin/sh', '-c'];
        if (hasPipefail(argv)) continue;
        const shell = isBash(argv)
          ? { bash: true, why: 'the SHELL is bash' }
          : shIsBash(node, argv);
        if (!shell.bash) {
          ctx.report({ message: `no pipefail: ${shell.why}`, node });
          continue;
        }
        const trap = pipefailTrap(script);
        if (trap) {
          ctx.report({ message: `no pipefail: ${trap}`, node });
          continue;
        }
        ctx.report({
          message: `prefixed \`${PREFIX.trim()}\` (${shell.why}): a failure before a pipe now fails the build`,
          node,
          fix: [{ start: script.start, end: script.start, text: PREFIX }],
        });
      }
    }
  },
});

/** For each RUN/CMD/ENTRYPOINT/ONBUILD of a stage, the SHELL instruction in effect (null: default). */
function governingShells(model: DockerfileModel): Map<InstructionNode, InstructionNode | null> {
  const map = new Map<InstructionNode, InstructionNode | null>();
  const atEnd = new Map<unknown, InstructionNode | null>();
  for (const stage of model.stages) {
    let current = stage.parent ? (atEnd.get(stage.parent) ?? null) : null;
    for (const node of stage.instructions) {
      if (node.keyword === 'SHELL') current = node;
      else if (['RUN', 'CMD', 'ENTRYPOINT', 'ONBUILD'].includes(node.keyword))
        map.set(node, current);
    }
    atEnd.set(stage, current);
  }
  return map;
}

function usesPipe(ctx: TransformContext, node: InstructionNode): boolean {
  if (node.keyword === 'RUN' && node.json) return false;
  if ((node.keyword === 'CMD' || node.keyword === 'ENTRYPOINT') && node.json) return false;
  const script = scriptOf(ctx, node);
  if (script) return hasPipe(script);
  return argsText(ctx.model, node).includes('|');
}

/** Why a pipe under the SHELL cannot take pipefail, or null when it can. */
function blocker(ctx: TransformContext, node: InstructionNode): string | null {
  const script = scriptOf(ctx, node);
  if (!script)
    return `line ${node.firstLine + 1} has a pipe this tool cannot read (${node.keyword === 'ONBUILD' ? 'ONBUILD' : 'heredoc or unparsed shell'})`;
  const trap = pipefailTrap(script);
  return trap ? `line ${node.firstLine + 1}: ${trap}` : null;
}

function scriptOf(ctx: TransformContext, node: InstructionNode): ShellScript | null {
  if (node.keyword === 'RUN') return ctx.shell(node).script;
  if (node.keyword === 'CMD' || node.keyword === 'ENTRYPOINT')
    return parseShellForm(ctx.model, node).script;
  return null;
}

/** Whether /bin/sh is bash for this RUN (a RHEL-family base), with the reason either way. */
function shIsBash(node: InstructionNode, argv: string[]): { bash: boolean; why: string } {
  const name = argv[0].split('/').pop();
  if (name !== 'sh') return { bash: false, why: `the shell is ${argv[0]}; only bash is handled` };
  const base = baseImageFacts(baseImageOf(node.stage!));
  if (base.family === 'rhel') return { bash: true, why: `/bin/sh is bash in \`${base.name}\`` };
  return { bash: false, why: notBash(base.name, base.family) };
}

function notBash(name: string, family: string | null): string {
  switch (family) {
    case 'debian':
      return `/bin/sh is dash in \`${name}\`, which has no pipefail; a SHELL ["/bin/bash", "-o", "pipefail", "-c"] would switch every later RUN to bash, so that is left to the author`;
    case 'alpine':
    case 'busybox':
      return `/bin/sh is busybox in \`${name}\`, whose pipefail support depends on how it was built`;
    default:
      return `which shell /bin/sh is in \`${name}\` is not known`;
  }
}

function shellArgv(node: InstructionNode): string[] | null {
  if (!node.json) return null;
  try {
    const argv: unknown = JSON.parse(node.ast.getRawArgumentsContent() ?? '');
    return Array.isArray(argv) && argv.every((a) => typeof a === 'string') ? argv : null;
  } catch {
    return null;
  }
}

function isBash(argv: string[]): boolean {
  return argv[0]?.split('/').pop() === 'bash';
}

function hasPipefail(argv: string[]): boolean {
  return argv.some((a, i) => a === 'pipefail' && /^-[a-z]*o$/.test(argv[i - 1] ?? ''));
}

/** The script turns pipefail on itself (`set -o pipefail`, `set -euo pipefail`). */
function setsPipefail(script: ShellScript): boolean {
  return findAll(script.root, 'command').some((node) => {
    const cmd = simpleCommand(script, node);
    return (
      cmd.name === 'set' &&
      cmd.args.some(
        (a, i) => a.value === 'pipefail' && /^-[a-zA-Z]*o$/.test(cmd.args[i - 1]?.value ?? ''),
      )
    );
  });
}

/** Offset just after the first string of a SHELL's JSON array (`["/bin/bash"|, "-c"]`). */
function firstStringEnd(model: DockerfileModel, node: InstructionNode): number | null {
  const args = node.args;
  if (!args) return null;
  const text = model.text.slice(args.start, args.end);
  const match = /^\[\s*"(?:[^"\\\n]|\\.)*"/.exec(text);
  return match ? args.start + match[0].length : null;
}
