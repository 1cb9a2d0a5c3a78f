/**
 * What "still parses" means for a rewritten Dockerfile. dockerfile-ast accepts anything, so the
 * engine compares problems before and after a fix: a fix may not add a problem the input did not
 * have (an unknown instruction, broken JSON in an exec form, a shell body that no longer parses).
 */
import { KNOWN_INSTRUCTIONS, type DockerfileModel } from './model.js';
import { SHELL_SYNTAX } from '../shell/script.js';
import { parseRunShell } from './run/shell.js';

/**
 * `shellOk` caches, by RUN text, whether its shell parses: most RUNs are unchanged between passes.
 */
const JSON_FORMS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL']);

export function problemsOf(model: DockerfileModel, shellOk = new Map<string, boolean>()): string[] {
  const problems: string[] = [];
  const text = model.text;
  for (const node of model.instructions) {
    const body = text.slice(node.start, node.end);
    if (!KNOWN_INSTRUCTIONS.has(node.keyword)) {
      problems.push(`unknown instruction ${node.keywordText}`);
      continue;
    }
    // Text tests before node.args/json: argument parsing is the expensive part of dockerfile-ast.
    const argsText = body.slice(node.keywordText.length);
    if (!/\S/.test(argsText) && node.keyword !== 'HEALTHCHECK')
      problems.push(`${node.keyword} without arguments`);
    if (JSON_FORMS.has(node.keyword) && argsText.includes('[') && node.args) {
      const args = text.slice(node.args.start, node.args.end);
      if (args.startsWith('[') && !node.json) problems.push(`malformed JSON in ${body}`);
    }
    if (node.keyword === 'RUN') {
      const key = `${model.escapeChar}${JSON.stringify(node.shell)}${body}`;
      let ok = shellOk.get(key);
      if (ok === undefined) {
        ok =
          node.json ||
          node.heredoc ||
          !node.args ||
          parseRunShell(model, node).reason !== SHELL_SYNTAX;
        shellOk.set(key, ok);
      }
      if (!ok) problems.push(`shell syntax: ${body}`);
    }
  }
  return problems;
}

/** Problems in `after` that were not in `before` (as a multiset). */
export function newProblems(before: readonly string[], after: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const p of before) counts.set(p, (counts.get(p) ?? 0) + 1);
  const added: string[] = [];
  for (const p of after) {
    const left = counts.get(p) ?? 0;
    if (left > 0) counts.set(p, left - 1);
    else added.push(p);
  }
  return added;
}
