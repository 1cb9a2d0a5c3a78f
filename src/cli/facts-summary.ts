/** One line on what a build told about a stage, and what a transform asked, for messages and reports. */
import type { FactsQuestion, ProgramFacts, StageFacts } from '../core/build-facts.js';

/** `app → /usr/local/bin/app (dynamic ELF, needs libz.so.1); debian 12; build steps wrote /usr/local/bin/app` */
export function summarizeFacts(facts: StageFacts): string {
  const parts: string[] = [];
  if (facts.entry) parts.push(`${facts.entry.argv[0]} → ${programSummary(facts.entry.program)}`);
  if (facts.os?.id) parts.push([facts.os.id, facts.os.versionId].filter(Boolean).join(' '));
  if (facts.diff) {
    const roots = facts.diff.roots;
    parts.push(
      roots.length === 0
        ? 'build steps wrote nothing'
        : `build steps wrote ${roots.slice(0, 3).join(', ')}${roots.length > 3 ? ` and ${roots.length - 3} more` : ''}`,
    );
  }
  const checked = Object.entries(facts.checks);
  if (checked.length > 0)
    parts.push(
      checked.map(([path, exists]) => `${path} ${exists ? 'exists' : 'absent'}`).join(', '),
    );
  return parts.join('; ') || 'nothing asked';
}

function programSummary(program: ProgramFacts): string {
  if (program.kind === 'missing') return 'not found';
  if (program.kind === 'other') return `${program.resolved} (not a program: ${program.detail})`;
  if (program.kind === 'script')
    return `${program.resolved} (script run by ${program.shebang || 'the shell'})`;
  const { elf } = program;
  if (elf.linkage !== 'dynamic') return `${program.resolved} (${elf.linkage} ELF)`;
  const needs = program.libraries.filter((l) => !l.libc).map((l) => l.name);
  const closure =
    program.closure === null
      ? 'libraries unknown'
      : program.missing.length > 0
        ? `missing ${program.missing.join(', ')}`
        : needs.length > 0
          ? `needs ${needs.join(', ')}`
          : 'C library only';
  return `${program.resolved} (dynamic ELF, ${closure})`;
}

/** `its entry point (app --serve), the files its build steps write` */
export function describeQuestion(question: FactsQuestion): string {
  const parts: string[] = [];
  if (question.entry) parts.push(`its entry point (${question.entry.argv.join(' ')})`);
  if (question.beforeText !== null) parts.push('the files its build steps write');
  if (question.checks?.length) parts.push(question.checks.join(', '));
  return parts.join(', ') || 'its OS release';
}
