/**
 * Reads a RUN as copy-order needs it: a `&&` chain of commands that do not read the project
 * (setup), dependency installs, and what follows them (the rest, which may need the source).
 *
 *   RUN cd /app && npm ci && npm cache clean --force && npm run build
 *       └─ state ─┘ └install┘ └──────── setup ───────┘ └─── rest ───┘
 *
 * The RUN is split after the installs and their setup: that part runs before the source is
 * copied, the rest after it, with the shell state (cd, export...) replayed in front of it. A
 * build command that downloads by itself (`go build`) is a fetch: the RUN stays whole and the
 * download (`go mod download`) is run before the source is copied.
 */
import { simpleCommand, topLevelChain, type SimpleCommand } from '../../src/shell/query.js';
import { textOf, type ShNode, type ShellScript } from '../../src/shell/script.js';
import { classifyCommand, type Install } from '../../src/packages/installs/index.js';
import { joinPath } from '../../src/core/paths.js';

export interface InstallAt {
  install: Install;
  /** Working directory of the command (the WORKDIR, then the `cd`s before it). */
  cwd: string;
}

export interface ChainPlan {
  mode: 'split' | 'fetch';
  installs: InstallAt[];
  /** End of the part that runs before the source is copied (split). */
  prefixEnd: number;
  /** Start of what runs after it; null when the installs end the RUN (split). */
  restStart: number | null;
  /** `cd`, `export`, assignments, `set` before the split: replayed in front of the rest. */
  state: string[];
  /** Paths setup commands write or remove (resolved): must lie outside the copied source. */
  touches: string[];
  /** The build command (fetch). */
  build: SimpleCommand | null;
  /** Tools the RUN installs with, when it cannot be split (for messages and the already-done check). */
  tools?: string[];
}

export type ChainResult =
  | { kind: 'plan'; plan: ChainPlan }
  /** The RUN installs, but cannot be split: why. */
  | { kind: 'refused'; reason: string }
  /** Only setup: it reads nothing of the project. */
  | { kind: 'setup'; touches: string[] }
  | { kind: 'none' };

type Item =
  | { kind: 'state'; node: ShNode; text: string; cd?: string | null }
  | { kind: 'setup'; node: ShNode; touches: string[] }
  | { kind: 'install'; node: ShNode; install: Install }
  | { kind: 'refused'; node: ShNode; reason: string }
  | { kind: 'other'; node: ShNode };

export function analyzeChain(script: ShellScript, workdir: string): ChainResult {
  const chain = topLevelChain(script);
  if (chain.length === 0) return { kind: 'none' };
  const items = chain.map((c) => classifyItem(script, c.node));
  const firstInstall = items.findIndex((i) => i.kind === 'install' || i.kind === 'refused');
  if (firstInstall === -1) {
    if (items.every((i) => i.kind === 'state' || i.kind === 'setup'))
      return { kind: 'setup', touches: resolveTouches(items, workdir) };
    return { kind: 'none' };
  }
  const first = items[firstInstall];
  if (first.kind === 'refused') return { kind: 'refused', reason: first.reason };
  const blocker = items.slice(0, firstInstall).find((i) => i.kind === 'other');
  if (blocker)
    return {
      kind: 'refused',
      reason: `\`${short(textOf(script, blocker.node))}\` runs before the install in the same RUN and may need the source`,
    };
  if (script.comment && script.comment.start < first.node.end)
    return { kind: 'refused', reason: 'a shell comment swallows the rest of the RUN' };
  if (chain.some((c) => c.op !== null && c.op !== '&&'))
    return {
      kind: 'refused',
      reason:
        'the RUN is not a single `&&` chain, so it cannot be split without changing how it fails',
    };

  // Working directory of each item: the WORKDIR, then each literal `cd`.
  let cwd: string | null = workdir;
  const cwds: (string | null)[] = [];
  for (const item of items) {
    cwds.push(cwd);
    if (item.kind === 'state' && item.cd !== undefined)
      cwd = item.cd === null || cwd === null ? null : joinPath(cwd, item.cd);
  }
  if (cwds[firstInstall] === null)
    return { kind: 'refused', reason: 'the RUN changes directory to a path dockopt cannot follow' };

  const firstItem = first as Extract<Item, { kind: 'install' }>;
  if (firstItem.install.fetch) {
    const before = items.slice(0, firstInstall);
    const nonState = before.find((i) => i.kind !== 'state');
    if (nonState)
      return {
        kind: 'refused',
        reason: `\`${short(textOf(script, nonState.node))}\` runs before \`${short(textOf(script, first.node))}\` and would have to run before the download too`,
      };
    return {
      kind: 'plan',
      plan: {
        mode: 'fetch',
        installs: [{ install: firstItem.install, cwd: cwds[firstInstall]! }],
        prefixEnd: first.node.start,
        restStart: first.node.start,
        state: before.map((i) => (i as { text: string }).text),
        touches: [],
        build: firstItem.install.cmd,
      },
    };
  }

  // Split: installs and setup up to the first command that may need the source.
  let end = firstInstall;
  while (
    end + 1 < items.length &&
    (items[end + 1].kind === 'setup' ||
      items[end + 1].kind === 'state' ||
      (items[end + 1].kind === 'install' &&
        !(items[end + 1] as { install: Install }).install.fetch))
  )
    end++;
  const prefix = items.slice(0, end + 1);
  const installs = prefix.flatMap((item, i) =>
    item.kind === 'install' ? [{ install: item.install, cwd: cwds[i] }] : [],
  );
  if (installs.some((i) => i.cwd === null))
    return { kind: 'refused', reason: 'the RUN changes directory to a path dockopt cannot follow' };
  return {
    kind: 'plan',
    plan: {
      mode: 'split',
      installs: installs as InstallAt[],
      prefixEnd: prefix[prefix.length - 1].node.end,
      restStart: end + 1 < items.length ? items[end + 1].node.start : null,
      state: prefix.flatMap((i) => (i.kind === 'state' ? [i.text] : [])),
      touches: resolveTouches(prefix, workdir),
      build: null,
    },
  };
}

function classifyItem(script: ShellScript, node: ShNode): Item {
  if (node.type === 'variable_assignment' || node.type === 'variable_assignments')
    return { kind: 'state', node, text: textOf(script, node) };
  if (node.type !== 'command') return { kind: 'other', node };
  const cmd = simpleCommand(script, node);
  if (cmd.prefixes.length > 0 && cmd.name === null)
    return { kind: 'state', node, text: textOf(script, node) };
  if (cmd.name === 'cd' && cmd.wrappers.length === 0) {
    const target = cmd.args.length === 1 ? cmd.args[0].value : null;
    return {
      kind: 'state',
      node,
      text: textOf(script, node),
      cd: target !== null && target !== '-' ? target : null,
    };
  }
  if ((cmd.name === 'export' || cmd.name === 'set') && cmd.wrappers.length === 0) {
    if (cmd.args.every((a) => a.value !== null))
      return { kind: 'state', node, text: textOf(script, node) };
    return { kind: 'other', node };
  }
  const classified = classifyCommand(script, cmd);
  switch (classified.kind) {
    case 'install':
      return { kind: 'install', node, install: classified.install };
    case 'setup':
      return { kind: 'setup', node, touches: classified.touches ?? [] };
    case 'refused':
      return { kind: 'refused', node, reason: classified.reason };
    default:
      return { kind: 'other', node };
  }
}

/** Paths written by setup commands, resolved against the working directory they run in. */
function resolveTouches(items: Item[], workdir: string): string[] {
  let cwd: string | null = workdir;
  const out: string[] = [];
  for (const item of items) {
    if (item.kind === 'state' && item.cd !== undefined)
      cwd = item.cd === null || cwd === null ? null : joinPath(cwd, item.cd);
    if (item.kind !== 'setup') continue;
    for (const path of item.touches) {
      if (path.startsWith('~')) continue; // the user's home: caches, not the source
      // A relative path under an unknown directory could be anywhere: count it as the source's.
      out.push(cwd === null ? '<unknown>' : joinPath(cwd, path.replace(/\*.*$/, '')));
    }
  }
  return out;
}

export function short(text: string): string {
  const line = text
    .replace(/\\\n\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 50 ? `${line.slice(0, 47)}...` : line;
}
