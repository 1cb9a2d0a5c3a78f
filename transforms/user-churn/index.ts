import { removeInstructionLines } from '../../src/core/layout.js';
import {
  argsText,
  type DockerfileModel,
  type InstructionNode,
  type Stage,
} from '../../src/core/model.js';
import { defineTransform } from '../../src/core/transform.js';

/**
 * Instructions that only write image configuration: nothing in them runs as, or creates files
 * for, the current user. (RUN runs as it; WORKDIR creates its directory as it under BuildKit;
 * COPY/ADD are left out to stay on the safe side.)
 */
const CONFIG_ONLY = new Set([
  'ENV',
  'ARG',
  'LABEL',
  'EXPOSE',
  'STOPSIGNAL',
  'CMD',
  'ENTRYPOINT',
  'HEALTHCHECK',
  'MAINTAINER',
  'SHELL',
]);

export default defineTransform({
  meta: {
    id: 'user-churn',
    title: 'Drop USER switches that change nothing',
    description:
      'A USER that is replaced by another USER before anything runs, or that switches to the user the stage already runs as, has no effect: it is removed.',
    safety: 'safe',
    category: 'practice',
  },
  create(ctx) {
    const userAtEnd = new Map<Stage, string | null>();
    for (const stage of ctx.model.stages) {
      let current: { user: string; node: InstructionNode | null } | null = null;
      if (stage.parent) {
        const inherited = userAtEnd.get(stage.parent) ?? null;
        current = inherited === null ? null : { user: inherited, node: null };
      }
      const instructions = stage.instructions;
      for (let i = 0; i < instructions.length; i++) {
        const node = instructions[i];
        if (node.keyword !== 'USER') continue;
        const user = literalUser(ctx.model, node);
        if (user !== null && current?.user === user) {
          const where = current.node
            ? `line ${current.node.firstLine + 1}`
            : `the stage \`${stage.parent!.name}\` it is built on`;
          ctx.report({
            message: `removed \`USER ${user}\`: the stage already runs as ${user} (${where})`,
            node,
            fix: [removeInstructionLines(ctx.model, node)],
          });
          continue;
        }
        const next = nextUser(instructions, i);
        if (next) {
          ctx.report({
            message: `removed \`USER ${argsText(ctx.model, node).trim()}\`: line ${next.firstLine + 1} switches user again before anything runs as it`,
            node,
            fix: [removeInstructionLines(ctx.model, node)],
          });
          continue;
        }
        current = user === null ? null : { user, node };
      }
      userAtEnd.set(stage, current?.user ?? null);
    }
  },
});

/** The next USER, when only configuration instructions come between. */
function nextUser(instructions: InstructionNode[], at: number): InstructionNode | null {
  for (let j = at + 1; j < instructions.length; j++) {
    const keyword = instructions[j].keyword;
    if (keyword === 'USER') return instructions[j];
    if (!CONFIG_ONLY.has(keyword)) return null;
  }
  return null;
}

/** The user as written, when it means the same wherever it appears (no variables, one line). */
function literalUser(model: DockerfileModel, node: InstructionNode): string | null {
  const user = argsText(model, node).trim();
  if (!user || /[$"'\\\s]/.test(user)) return null;
  return user;
}
