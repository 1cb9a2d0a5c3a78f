/**
 * Runs an original Dockerfile and its rewrite with the executor, in dash and in bash, and says how
 * the two builds differ in each shell: the final status (zero or not: all Docker looks at), the
 * ordered stub calls, and, when both builds succeed, the sandbox's files (a failed build leaves no
 * image, so its files do not matter).
 */
import { execute, type Execution, type ShellName } from './executor.js';
import type { Sandbox } from './sandbox.js';

export const SHELLS: readonly ShellName[] = ['dash', 'bash'];

export interface ShellOutcome {
  shell: ShellName;
  original: Execution;
  rewritten: Execution;
  /** Empty when the two builds agree. */
  differences: string[];
}

/** How `rewritten` differs from `original` (run in the same shell); empty when they agree. */
export function compareExecutions(original: Execution, rewritten: Execution): string[] {
  const differences: string[] = [];
  if ((original.status === 0) !== (rewritten.status === 0))
    differences.push(`final status: original ${original.status}, rewritten ${rewritten.status}`);
  const calls = firstDifference(original.calls, rewritten.calls);
  if (calls !== -1)
    differences.push(
      `stub call #${calls + 1}: original ${show(original.calls[calls])}, ` +
        `rewritten ${show(rewritten.calls[calls])}`,
    );
  if (original.status === 0 && rewritten.status === 0) {
    const paths = [...new Set([...Object.keys(original.files), ...Object.keys(rewritten.files)])];
    for (const path of paths.sort())
      if (original.files[path] !== rewritten.files[path])
        differences.push(
          `file ${path}: original ${show(original.files[path])}, ` +
            `rewritten ${show(rewritten.files[path])}`,
        );
  }
  return differences;
}

/** Both Dockerfiles in both shells. */
export function differential(
  original: string,
  rewritten: string,
  sandbox: Sandbox,
): ShellOutcome[] {
  return SHELLS.map((shell) => {
    const a = execute(original, sandbox, shell);
    const b = execute(rewritten, sandbox, shell);
    return { shell, original: a, rewritten: b, differences: compareExecutions(a, b) };
  });
}

/** The failure message: both texts, what differs, and both builds' traces, per shell that differs. */
export function formatReport(
  original: string,
  rewritten: string,
  outcomes: readonly ShellOutcome[],
  root: string,
  heading = '',
): string {
  const display = (text: string) => text.split(root).join('/sandbox');
  const indent = (text: string, by = '    ') => text.replace(/^(?=.)/gm, by);
  const parts = [
    `${heading}(the sandbox ${root} is shown as /sandbox)`,
    `original Dockerfile:\n${indent(display(original))}`,
    `rewritten Dockerfile:\n${indent(display(rewritten))}`,
  ];
  for (const outcome of outcomes) {
    if (outcome.differences.length === 0) continue;
    parts.push(
      `${outcome.shell}: ${outcome.differences.map(display).join('\n    ')}`,
      `${outcome.shell}, original build:\n${indent(display(traceOf(outcome.original)))}`,
      `${outcome.shell}, rewritten build:\n${indent(display(traceOf(outcome.rewritten)))}`,
    );
  }
  return parts.join('\n');
}

/** One build, step by step: status, stderr, stub calls. */
export function traceOf(execution: Execution): string {
  const lines: string[] = [];
  for (const step of execution.steps) {
    lines.push(`${step.label} -> ${step.status}${step.stderr ? `   [${step.stderr}]` : ''}`);
    for (const call of step.calls) lines.push(`    ${call}`);
  }
  lines.push(`build ${execution.status === 0 ? 'succeeded' : `failed (${execution.status})`}`);
  return lines.join('\n');
}

function firstDifference(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

const show = (value: string | undefined) => (value === undefined ? 'none' : JSON.stringify(value));
