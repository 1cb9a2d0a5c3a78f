import { baseImageFacts } from '../../src/core/base-image.js';
import {
  argsText,
  type DockerfileModel,
  type InstructionNode,
  type Stage,
} from '../../src/core/model.js';
import { baseImageOf, descendantsOf, lineageOf } from '../../src/core/stages.js';
import { defineTransform } from '../../src/core/transform.js';
import { workdirsOf } from '../../src/core/workdir.js';
import { staticArgv, type StaticArgv } from '../../src/shell/argv.js';
import { parseShellForm } from '../../src/core/run/shell.js';
import { isPosixShell } from '../../src/shell/script.js';
import { checkProgram, type ProgramInputs } from './program.js';

export default defineTransform({
  meta: {
    id: 'exec-form',
    title: 'Shell-form CMD/ENTRYPOINT → JSON (exec) form',
    description:
      'A shell-form CMD runs under `/bin/sh -c`, so the program is not PID 1 and may never see SIGTERM. When the command is one program with literal arguments, the JSON form runs it directly; otherwise it is left alone and the report says why.',
    safety: 'safe',
    category: 'practice',
    hadolint: ['DL3025'],
    buildkit: ['JSONArgsRecommended'],
    options: {
      entrypoint: {
        type: 'boolean',
        default: false,
        description:
          'Also convert a shell-form ENTRYPOINT when no CMD is given to it. Off by default: a shell-form ENTRYPOINT ignores `docker run` arguments, the JSON form appends them.',
      },
      assumeExecutable: {
        type: 'boolean',
        default: false,
        description:
          'Treat the program a CMD names as a binary or a script with a `#!` line even when that cannot be checked. A script without `#!` runs under `sh -c` but fails in exec form.',
      },
      assumeNoBaseEntrypoint: {
        type: 'boolean',
        default: false,
        description:
          'Treat base images this tool does not know as having no ENTRYPOINT. A base ENTRYPOINT receives the CMD words as its arguments, so converting CMD changes what it sees.',
      },
    },
  },
  create(ctx) {
    const inputs = {
      model: ctx.model,
      workdirs: workdirsOf(ctx.model),
      context: ctx.buildContext,
      shellOf: ctx.shell,
    };
    for (const stage of ctx.model.stages) {
      for (const node of stage.instructions) {
        if ((node.keyword !== 'CMD' && node.keyword !== 'ENTRYPOINT') || node.json || !node.args)
          continue;
        const argv = commandWords(ctx.model, node);
        const refusal = !argv.ok
          ? argv.reason
          : (contextRefusal(ctx.model, node, stage, ctx.options) ??
            programRefusal(inputs, node, argv.argv[0], ctx.options));
        if (!argv.ok || refusal) {
          ctx.report({ message: `${node.keyword} left in shell form: ${refusal}`, node });
          continue;
        }
        const json = `[${argv.argv.map((word) => JSON.stringify(word)).join(', ')}]`;
        const dropped = argv.droppedExec
          ? ' (`exec` dropped: the JSON form runs the program directly)'
          : '';
        ctx.report({
          message: `${node.keyword} in exec form, so the program runs as PID 1 and gets signals: ${json}${dropped}`,
          node,
          fix: [{ start: node.args.start, end: node.args.end, text: json }],
        });
      }
    }
  },
});

/** The command's words, when it is one program with literal arguments under a plain shell. */
function commandWords(model: DockerfileModel, node: InstructionNode): StaticArgv {
  const shell = shellRefusal(node);
  if (shell) return { ok: false, reason: shell };
  if (model.comments.some((c) => c.line > node.firstLine && c.line <= node.lastLine))
    return { ok: false, reason: 'it has comment lines inside, which the JSON form cannot keep' };
  const { script, reason } = parseShellForm(model, node);
  return script ? staticArgv(script) : { ok: false, reason };
}

function programRefusal(
  inputs: ProgramInputs,
  node: InstructionNode,
  program: string,
  options: Readonly<Record<string, unknown>>,
): string | null {
  if (options.assumeExecutable) return null;
  const verdict = checkProgram(inputs, node, program);
  return verdict.ok ? null : `${verdict.reason} (option \`assumeExecutable\` converts anyway)`;
}

/** Why the instruction's place in the file makes the JSON form mean something else, if it does. */
function contextRefusal(
  model: DockerfileModel,
  node: InstructionNode,
  stage: Stage,
  options: Readonly<Record<string, unknown>>,
): string | null {
  if (node.keyword === 'ENTRYPOINT') {
    if (!options.entrypoint)
      return 'in JSON form it would receive `docker run` arguments, which it ignores now (option `entrypoint` converts it)';
    const cmd = [stage, ...descendantsOf(model, stage)].some((s) =>
      s.instructions.some((i) => i.keyword === 'CMD'),
    );
    return cmd ? 'a CMD would become its arguments in JSON form (it ignores CMD now)' : null;
  }
  for (const s of lineageOf(stage)) {
    const entrypoint = s.instructions.filter((i) => i.keyword === 'ENTRYPOINT').pop();
    if (!entrypoint) continue;
    // `ENTRYPOINT []` clears any entrypoint: the CMD is then the whole command line.
    if (entrypoint.json && /^\[\s*\]$/.test(argsText(model, entrypoint))) return null;
    return `the stage has an ENTRYPOINT (line ${entrypoint.firstLine + 1}), which would receive the words of the command instead of \`/bin/sh -c "…"\``;
  }
  const base = baseImageFacts(baseImageOf(stage));
  if (!base.noEntrypoint && !options.assumeNoBaseEntrypoint)
    return `the base image \`${base.name}\` may have an ENTRYPOINT, which would receive the words of the command instead of \`/bin/sh -c "…"\` (option \`assumeNoBaseEntrypoint\` converts anyway)`;
  return null;
}

/** A SHELL that does more than run the command (`-l` reads profiles, `-i`...) cannot be dropped. */
function shellRefusal(node: InstructionNode): string | null {
  const argv = node.shell ?? ['/bin/sh', '-c'];
  if (!isPosixShell(argv)) return `it runs under SHELL ${JSON.stringify(argv)}`;
  // Only -e, -u, -x, -o <errexit|nounset|xtrace|pipefail>, ending in -c: none of them changes
  // what a single literal command does.
  const options = argv.slice(1);
  let ok = options.length > 0 && /^-[eux]*c$/.test(options[options.length - 1]);
  for (let i = 0; ok && i < options.length - 1; i++) {
    if (/^-[eux]+$/.test(options[i])) continue;
    if (
      /^-[eux]*o$/.test(options[i]) &&
      /^(pipefail|errexit|nounset|xtrace)$/.test(options[i + 1] ?? '')
    ) {
      i++;
      continue;
    }
    ok = false;
  }
  if (!ok) return `SHELL ${JSON.stringify(argv)} does more than run the command`;
  return null;
}
