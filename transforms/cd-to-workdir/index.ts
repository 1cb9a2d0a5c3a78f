import { copyArguments } from '../../src/core/copy-operands.js';
import { indentOf, keywordCasedAs } from '../../src/core/layout.js';
import type { DockerfileModel, InstructionNode } from '../../src/core/model.js';
import { configIsObservable } from '../../src/core/stages.js';
import { defineTransform, type TransformContext } from '../../src/core/transform.js';
import { cleanPath, workdirsOf, workdirValue } from '../../src/core/workdir.js';
import { simpleCommand, topLevelChain, type SimpleCommand } from '../../src/shell/query.js';
import type { ShellScript } from '../../src/shell/script.js';

/** Instructions that neither run anything nor name a path relative to the working directory. */
const INDEPENDENT = new Set([
  'ENV',
  'ARG',
  'LABEL',
  'EXPOSE',
  'USER',
  'STOPSIGNAL',
  'MAINTAINER',
  'SHELL',
]);

export default defineTransform({
  meta: {
    id: 'cd-to-workdir',
    title: 'RUN cd /dir && … → WORKDIR /dir',
    description:
      'A RUN that starts with `cd /abs &&` gets a WORKDIR instead, when nothing later in the stage depends on the directory it used to run in (or it already ran in /abs). Unsafe: WORKDIR outlives the RUN.',
    safety: 'unsafe',
    category: 'practice',
    hadolint: ['DL3003'],
  },
  create(ctx) {
    const workdirs = workdirsOf(ctx.model);
    for (const stage of ctx.model.stages) {
      // The directory a WORKDIR proposed in this pass sets, until the next WORKDIR of the stage:
      // a later `cd` to the same directory then only needs removing.
      let proposed: string | null = null;
      for (const node of stage.instructions) {
        if (node.keyword === 'WORKDIR') proposed = null;
        if (node.keyword !== 'RUN') continue;
        const { script } = ctx.shell(node);
        if (!script) continue;
        const chain = topLevelChain(script);
        const first = chain[0]?.node;
        if (!first || first.type !== 'command') continue;
        const cd = simpleCommand(script, first);
        if (cd.name !== 'cd' || cd.wrappers.length > 0) continue;
        const refuse = (why: string) =>
          ctx.report({ message: `\`${textOf(script, cd)}\` left in the RUN: ${why}`, node });
        const current: string | null = proposed ?? workdirs.before(node);
        const dir = cdTarget(cd, current);
        if (typeof dir !== 'string') {
          refuse(dir.why);
          continue;
        }
        if (chain.length < 2 || chain[1].op !== '&&') {
          refuse(
            chain.length < 2
              ? 'nothing follows it in the RUN'
              : 'it is not followed by `&&` (a failing cd would not stop the RUN)',
          );
          continue;
        }
        const removal = { start: first.start, end: chain[1].node.start, text: '' };
        if (ctx.model.comments.some((c) => c.start > removal.start && c.start < removal.end)) {
          refuse('a comment line sits inside what would be removed');
          continue;
        }
        if (current === dir) {
          ctx.report({
            message: `removed \`cd ${dir}\`: the stage already works in ${dir}`,
            node,
            fix: [removal],
          });
          continue;
        }
        const affected = firstAffected(ctx, node);
        if (affected) {
          refuse(affected(dir));
          continue;
        }
        const at = ctx.model.lines.lineStart(commentBlockStart(ctx.model, node));
        const workdir = `${indentOf(ctx.model, node)}${keywordCasedAs(node, 'WORKDIR')} ${dir}\n`;
        proposed = dir;
        ctx.report({
          message: `\`cd ${dir}\` → \`WORKDIR ${dir}\`: nothing later in the stage depends on the directory it ran in before`,
          node,
          fix: [{ start: at, end: at, text: workdir }, removal],
        });
      }
    }
  },
});

/**
 * The literal directory `cd <dir>` goes to, made absolute against the current one when relative;
 * or why it is not known.
 */
function cdTarget(cd: SimpleCommand, current: string | null): string | { why: string } {
  if (cd.prefixes.length > 0) return { why: 'it has a variable prefix' };
  if (cd.args.length !== 1) return { why: 'it is not `cd <one directory>`' };
  const value = cd.args[0].value;
  if (value === null || value.startsWith('~') || value === '-')
    return { why: 'its directory is only known when the shell runs' };
  if (value.startsWith('/')) return cleanPath(value);
  if (current === null)
    return { why: 'its directory is relative to a working directory that is not known' };
  return cleanPath(`${current}/${value}`);
}

/**
 * Why the rest of the stage depends on the working directory (the first instruction that does),
 * for a given new directory; null when nothing does (up to an absolute WORKDIR, or the end of a
 * stage whose configuration no one sees).
 */
function firstAffected(
  ctx: TransformContext,
  node: InstructionNode,
): ((dir: string) => string) | null {
  const stage = node.stage!;
  const line = (n: InstructionNode) => (dir: string) =>
    `line ${n.firstLine + 1} (${n.keyword}) would then run in ${dir}`;
  for (const later of stage.instructions.filter((i) => i.index > node.index)) {
    if (later.keyword === 'WORKDIR') {
      const value = workdirValue(ctx.model, later);
      if (value?.startsWith('/') && !value.includes('$')) return null;
      return line(later);
    }
    if (INDEPENDENT.has(later.keyword)) continue;
    if (later.keyword === 'RUN' && startsWithAbsoluteCd(ctx, later)) continue;
    if (
      (later.keyword === 'COPY' || later.keyword === 'ADD') &&
      absoluteDestination(ctx.model, later)
    )
      continue;
    return line(later);
  }
  if (configIsObservable(ctx.model, stage))
    return (dir) =>
      `the stage's WORKDIR would become ${dir} for \`docker run\` and for stages built on it`;
  return null;
}

function startsWithAbsoluteCd(ctx: TransformContext, node: InstructionNode): boolean {
  const { script } = ctx.shell(node);
  if (!script) return false;
  const chain = topLevelChain(script);
  if (chain.length < 2 || chain[0].node.type !== 'command' || chain[1].op !== '&&') return false;
  const cd = simpleCommand(script, chain[0].node);
  const value = cd.args.length === 1 ? cd.args[0].value : null;
  return cd.name === 'cd' && cd.wrappers.length === 0 && !!value?.startsWith('/');
}

function absoluteDestination(model: DockerfileModel, node: InstructionNode): boolean {
  const args = copyArguments(model, node);
  return !!args && args.destination.startsWith('/');
}

/** The first line of the comments directly above the instruction (they stay with it). */
function commentBlockStart(model: DockerfileModel, node: InstructionNode): number {
  const lines = new Set(model.comments.filter((c) => !c.insideInstruction).map((c) => c.line));
  let line = node.firstLine;
  while (lines.has(line - 1)) line--;
  return line;
}

function textOf(script: ShellScript, cd: SimpleCommand): string {
  return script.source.slice(cd.node.start, cd.node.end);
}
