/**
 * The `alpine` policy: apt-get lines become apk lines, package by package, when every package has
 * a known Alpine name (apk-names.json) and nothing else in the stage is Debian-specific.
 */
import type { Edit } from '../../src/core/edits.js';
import type { InstructionNode, Stage } from '../../src/core/model.js';
import { aptCommands, packageName, type AptCommand } from '../../src/packages/apt.js';
import { commandsOf, type SimpleCommand } from '../../src/shell/query.js';
import { deletionContinuesLine, ESCAPED_BLANK_BEFORE } from '../../src/core/run/remove.js';
import type { ShNode, ShellResult } from '../../src/shell/script.js';
import apkNames from './apk-names.json' with { type: 'json' };

/** Commands that exist on Debian and not on Alpine (busybox has adduser/addgroup instead). */
const DEBIAN_ONLY = new Set([
  'dpkg',
  'dpkg-reconfigure',
  'apt-key',
  'apt-cache',
  'apt-mark',
  'add-apt-repository',
  'update-alternatives',
  'useradd',
  'groupadd',
  'usermod',
  'locale-gen',
  'update-locale',
  'bash',
]);

const DROPPED = new Set(['update', 'clean', 'autoclean', 'autoremove']);

export type AlpinePlan =
  { ok: true; edits: Edit[]; translated: string[] } | { ok: false; reason: string };

const names = apkNames as Record<string, string | null | undefined>;

export function apkName(debian: string): string | null | undefined {
  return debian === '$comment' ? undefined : names[debian];
}

export function planAlpine(
  family: Stage[],
  shell: (n: InstructionNode) => ShellResult,
): AlpinePlan {
  const edits: Edit[] = [];
  const unknown: string[] = [];
  const translated: string[] = [];
  for (const stage of family)
    for (const node of stage.instructions) {
      if (node.keyword === 'SHELL' && /bash/.test(node.ast.getArgumentsContent() ?? ''))
        return { ok: false, reason: 'a SHELL uses bash, which Alpine does not have' };
      if (node.keyword !== 'RUN') continue;
      const { script, reason } = shell(node);
      if (!script) return { ok: false, reason: `a RUN cannot be read (${reason})` };
      for (const cmd of commandsOf(script)) {
        if (cmd.name && DEBIAN_ONLY.has(cmd.name))
          return {
            ok: false,
            reason: `the stage runs \`${cmd.name}\`, which Alpine does not have`,
          };
      }
      for (const apt of aptCommands(script)) {
        const sub = apt.subcommand;
        if (sub === null)
          return { ok: false, reason: 'an apt command whose subcommand is not literal' };
        if (DROPPED.has(sub)) {
          const removal = removeCommand(apt.cmd, script.source);
          if (typeof removal === 'string')
            return { ok: false, reason: `\`apt-get ${sub}\` cannot be taken out: ${removal}` };
          edits.push(removal);
          continue;
        }
        if (sub !== 'install' && sub !== 'purge' && sub !== 'remove')
          return { ok: false, reason: `\`apt-get ${sub}\` has no apk equivalent here` };
        const result = translate(
          apt,
          sub === 'install' ? 'apk add --no-cache' : 'apk del',
          unknown,
        );
        if (typeof result === 'string') return { ok: false, reason: result };
        edits.push(...result);
        translated.push(sub);
      }
    }
  if (unknown.length > 0)
    return {
      ok: false,
      reason: `no known Alpine name for ${[...new Set(unknown)].join(', ')} (add them to the mapping to switch)`,
    };
  return { ok: true, edits, translated };
}

/** `apt-get … install -y pkg1 pkg2` → `apk add --no-cache pkg1' pkg2'`, editing words in place. */
function translate(apt: AptCommand, replacement: string, unknown: string[]): Edit[] | string {
  const cmd = apt.cmd;
  const first = apt.packages[0];
  if (!first || !cmd.nameWord) return 'an apt-get command without packages';
  // Replace up to the last word before the packages, so a line break before them stays.
  const before = [cmd.nameWord, ...cmd.args].filter((w) => w.end <= first.start).pop()!;
  const edits: Edit[] = [{ start: cmd.nameWord.start, end: before.end, text: replacement }];
  const packageStarts = new Set(apt.packages.map((p) => p.start));
  for (const word of cmd.args) {
    if (word.start < first.start) continue;
    if (!packageStarts.has(word.start)) {
      // An option after the packages (`--no-install-recommends`): apk has none of them.
      edits.push({ start: word.start, end: word.end, text: '' });
      continue;
    }
    if (word.value === null || /[=/]/.test(word.value))
      return `package ${word.text} is not a plain name`;
    const name = packageName(word.value)!;
    const apk = apkName(name);
    if (apk === undefined) unknown.push(name);
    else if (apk !== name) edits.push({ start: word.start, end: word.end, text: apk ?? '' });
  }
  return edits;
}

/**
 * Deletes `cmd && ` (the command and the && after it), or ` && cmd` when it ends a chain; or says
 * why it cannot be: not joined by && (removing it would change what runs).
 */
function removeCommand(cmd: SimpleCommand, source: string): Edit | string {
  const statement = cmd.statement;
  const parent = statement.parent;
  const notJoined = 'it is not joined with && to the next command';
  if (!parent || parent.type !== 'list') return notJoined;
  const siblings = parent.children;
  const i = siblings.indexOf(statement);
  if (siblings[i + 1]?.type === '&&' && siblings[i + 2])
    return { start: statement.start, end: firstLeaf(siblings[i + 2]).start, text: '' };
  if (i === siblings.length - 1 && siblings[i - 1]?.type === '&&' && siblings[i - 2]) {
    const start = siblings[i - 2].end;
    if (deletionContinuesLine(source, start, statement.end)) return ESCAPED_BLANK_BEFORE;
    return { start, end: statement.end, text: '' };
  }
  return notJoined;
}

function firstLeaf(node: ShNode): ShNode {
  let n = node;
  while (n.children.length > 0) n = n.children[0];
  return n;
}
