/**
 * The `# syntax=` parser directive. `RUN --mount` is part of the Dockerfile frontend 1.2 and later:
 * naming the frontend makes a BuildKit builder use one that has it, whatever its built-in version.
 * Parser directives must come before anything else in the file (comments, blank lines,
 * instructions), so the directive goes on the first line; the BOM, if any, stays in front of it
 * (the working text has none: `renderSource` puts it back).
 */
import type { Edit } from './edits.js';
import type { DockerfileModel } from './model.js';

export const DOCKERFILE_SYNTAX = 'docker/dockerfile:1';

/** The edit that adds `# syntax=docker/dockerfile:1`, or null when a syntax directive exists. */
export function syntaxDirectiveEdit(model: DockerfileModel): Edit | null {
  if (model.directives.some((d) => d.name === 'syntax')) return null;
  return { start: 0, end: 0, text: `# syntax=${DOCKERFILE_SYNTAX}\n` };
}
