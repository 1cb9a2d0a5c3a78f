/**
 * The `# syntax=` parser directive. `RUN --mount` is part of the Dockerfile frontend 1.2 and later:
 * naming the frontend makes a BuildKit builder use one that has it, whatever its built-in version.
 * Parser directives must come before anything else in the file (comments, blank lines,
 * instructions), so the directive goes on the first line; the BOM, if any, stays in front of it
 * (the working text has none: `renderSource` puts it back).
 */
import type { Edit } from './edits.js';
import type { DockerfileModel } from './model.js';
import type { Report } from './transform.js';

export const DOCKERFILE_SYNTAX = 'docker/dockerfile:1';

/** The edit that adds `# syntax=docker/dockerfile:1`, or null when a syntax directive exists. */
export function syntaxDirectiveEdit(model: DockerfileModel): Edit | null {
  if (model.directives.some((d) => d.name === 'syntax')) return null;
  return { start: 0, end: 0, text: `# syntax=${DOCKERFILE_SYNTAX}\n` };
}

/**
 * The finding that adds the directive, for a transform that added `RUN --mount` in this pass: its
 * own fix (a fix about the first instruction, whose range starts at the top of the file, where the
 * directive goes), so that it does not tie the RUN's fix to the first instruction.
 */
export function syntaxDirectiveReport(model: DockerfileModel): Report | null {
  const edit = syntaxDirectiveEdit(model);
  const first = model.instructions[0];
  if (!edit || !first) return null;
  return {
    message: `added \`# syntax=${DOCKERFILE_SYNTAX}\`: RUN --mount needs the Dockerfile frontend 1.2 or later (BuildKit)`,
    node: first,
    range: { start: 0, end: first.end },
    fix: [edit],
  };
}
