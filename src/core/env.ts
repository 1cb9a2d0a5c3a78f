/**
 * Environment variables a RUN sees from the Dockerfile: `ENV` in its stage or in the stages it is
 * built FROM (ENV is part of the image), and `ARG` declared in its own stage (build arguments are
 * set in the environment of the RUNs after them). Used to tell whether a tool is already
 * configured (`PIP_NO_CACHE_DIR`, `npm_config_cache`...).
 */
import { Arg, Env } from 'dockerfile-ast';
import type { InstructionNode, Stage } from './model.js';

/**
 * The PATH an image has when nothing sets one: Docker's default (the official Debian-based images
 * keep it), where a bare program name in CMD, ENTRYPOINT or RUN is looked up.
 */
export const DEFAULT_PATH: readonly string[] = [
  '/usr/local/sbin',
  '/usr/local/bin',
  '/usr/sbin',
  '/usr/bin',
  '/sbin',
  '/bin',
];

export interface VariableSetting {
  name: string;
  /** The value as written (unexpanded); null for an `ARG` without a default. */
  value: string | null;
  instruction: InstructionNode;
}

/**
 * The last setting of one of `names` visible to `node`, or null. `ignoreCase` matches names the
 * way tools that read them case-insensitively do (npm reads `npm_config_*` in any case).
 */
export function variableBefore(
  node: InstructionNode,
  names: readonly string[],
  ignoreCase = false,
): VariableSetting | null {
  const stage = node.stage;
  if (!stage) return null;
  const wanted = new Set(ignoreCase ? names.map((n) => n.toLowerCase()) : names);
  const matches = (name: string) => wanted.has(ignoreCase ? name.toLowerCase() : name);
  const own = settingsIn(
    stage.instructions.filter((i) => i.index < node.index),
    matches,
    true,
  );
  if (own) return own;
  for (let parent: Stage | null = stage.parent; parent; parent = parent.parent) {
    const inherited = settingsIn(parent.instructions, matches, false);
    if (inherited) return inherited;
  }
  return null;
}

function settingsIn(
  instructions: readonly InstructionNode[],
  matches: (name: string) => boolean,
  withArgs: boolean,
): VariableSetting | null {
  for (let i = instructions.length - 1; i >= 0; i--) {
    const instruction = instructions[i];
    const ast = instruction.ast;
    if (ast instanceof Env) {
      const found = ast
        .getProperties()
        .filter((p) => matches(p.getName()))
        .pop();
      if (found) return { name: found.getName(), value: found.getValue(), instruction };
    } else if (withArgs && ast instanceof Arg) {
      const property = ast.getProperty();
      if (property && matches(property.getName()))
        return { name: property.getName(), value: property.getValue(), instruction };
    }
  }
  return null;
}
