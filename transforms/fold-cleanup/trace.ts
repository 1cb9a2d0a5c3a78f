/**
 * For a cleanup-only RUN: which earlier RUN of the stage wrote what it deletes, and whether the
 * instructions in between let the cleanup move there. Moving a deletion earlier is only safe when
 * nothing in between reads, writes or depends on the deleted files, and nothing in between changes
 * how the cleanup itself runs (user, shell, environment, working directory).
 */
import { posix } from 'node:path';
import { copyOperands } from '../../src/core/copy-operands.js';
import { workdirsOf, type WorkdirMap } from '../../src/core/workdir.js';
import { argsText, type DockerfileModel, type InstructionNode } from '../../src/core/model.js';
import { apkCommands, apkVirtualName } from '../../src/packages/apk.js';
import { aptCommands, packageName, LIST_READING_SUBCOMMANDS } from '../../src/packages/apt.js';
import { CONDA_INSTALLING, condaCommands } from '../../src/packages/conda.js';
import { isInstalling, nodeCommands } from '../../src/packages/node.js';
import { pythonCommands } from '../../src/packages/pip.js';
import { RPM_INSTALLING, rpmCommands } from '../../src/packages/rpm.js';
import { ZYPPER_INSTALLING, zypperCommands } from '../../src/packages/zypper.js';
import { cleanupOnly, type CleanupEffect } from '../../src/packages/cleanup.js';
import {
  mentions,
  overlaps,
  pathTarget,
  resolveTarget,
  within,
  type PathTarget,
} from '../../src/shell/paths.js';
import { commandsOf, type SimpleCommand } from '../../src/shell/query.js';
import { findAll, textOf, type ShellResult, type ShellScript } from '../../src/shell/script.js';

export interface Trace {
  /** The RUN that wrote (or last worked with) what the cleanup deletes. */
  creator: InstructionNode | null;
  /** A COPY/ADD that put the deleted files in its own layer, found before any creator RUN. */
  copy: InstructionNode | null;
  /** Why the cleanup cannot move past an instruction in between, if it cannot. */
  blocker: string | null;
}

/** Instructions that neither touch files nor change how a later RUN runs. */
const INERT = new Set([
  'LABEL',
  'EXPOSE',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'CMD',
  'ENTRYPOINT',
  'MAINTAINER',
  'ONBUILD',
]);
/** Commands that read and write only the files named in their arguments. */
const NAMED_FILES_ONLY = new Set([
  'mkdir',
  'chmod',
  'chown',
  'chgrp',
  'ln',
  'touch',
  'rm',
  'rmdir',
  'echo',
  'printf',
  'true',
  ':',
]);
/** Deleting under these could break the commands, users or configuration in between. */
const SYSTEM_DIRS = ['/bin', '/sbin', '/usr', '/lib', '/lib32', '/lib64', '/libx32', '/etc'];

export function traceCleanup(
  model: DockerfileModel,
  cleanup: InstructionNode,
  effects: readonly CleanupEffect[],
  shellOf: (node: InstructionNode) => ShellResult,
): Trace {
  const stage = cleanup.stage!;
  const dirs = workdirsOf(model);
  const cwd = dirs.before(cleanup);
  const written = effects.flatMap((e) => e.paths);
  const targets = written.map((t) => resolveTarget(t, cwd));
  const facts: Facts = {
    targets,
    packages: effects.some((e) => e.packages !== null),
    envSensitive: effects.some((e) => e.envSensitive),
    unknown: targets.some((t) => t.kind === 'unknown'),
    // Relative as written: the cleanup must keep running in the directory it ran in.
    relative: written.some((t) => t.kind === 'relative'),
    system: targets.some(
      (t) => t.kind !== 'absolute' || SYSTEM_DIRS.some((d) => within(t.path, d)),
    ),
  };
  let blocker: string | null = null;
  const earlier = stage.instructions.filter((i) => i.index < cleanup.index).reverse();
  for (const node of earlier) {
    const line = node.firstLine + 1;
    if (node.keyword === 'RUN') {
      const { script } = shellOf(node);
      const runCwd = dirs.before(node);
      // A RUN that only deletes things wrote nothing: it is one of the instructions in between.
      if (script && !cleanupOnly(script) && wrote(script, effects, cwd, runCwd))
        return { creator: node, copy: null, blocker };
      blocker ??= script
        ? runBlocker(script, facts, runCwd, line)
        : `the RUN at line ${line} in between is not shell-parsed, so what it uses is unknown`;
      continue;
    }
    if (node.keyword === 'COPY' || node.keyword === 'ADD') {
      // Everything the cleanup deletes is what this COPY/ADD brought in: no RUN wrote it.
      const copied = copiedPaths(node, dirs);
      if (
        copied.length > 0 &&
        !facts.unknown &&
        !facts.packages &&
        targets.every((t) => t.kind === 'absolute' && copied.some((c) => c(t.path)))
      )
        return { creator: null, copy: node, blocker };
    }
    blocker ??= instructionBlocker(model, dirs, node, facts, line);
  }
  return { creator: null, copy: null, blocker };
}

interface Facts {
  targets: PathTarget[];
  packages: boolean;
  envSensitive: boolean;
  unknown: boolean;
  relative: boolean;
  system: boolean;
}

/**
 * Whether a RUN wrote (or last worked with) what the cleanup deletes. `cwd` is the cleanup's
 * working directory, `runCwd` the RUN's.
 */
function wrote(
  script: ShellScript,
  effects: readonly CleanupEffect[],
  cwd: string | null,
  runCwd: string | null,
): boolean {
  return effects.some((effect) => {
    if (effect.manager) return usedManager(script, effect);
    const words = pathWords(script).map((w) => resolveTarget(w, runCwd));
    return effect.paths.some((target) => {
      const resolved = resolveTarget(target, cwd);
      return words.some((w) => mentions(w, resolved));
    });
  });
}

/**
 * Whether the RUN installed what a package removal removes, or filled the cache a cleanup empties:
 * for a removal, an install naming one of the packages (or, for apk, the `--virtual` name); for
 * apt lists, `apt-get update`; otherwise any install with that manager.
 */
function usedManager(script: ShellScript, effect: CleanupEffect): boolean {
  const names = new Set(effect.packages ?? []);
  const named = (words: readonly { value: string | null }[]) =>
    names.size === 0 || words.some((w) => names.has(packageName(w.value) ?? ''));
  const removing = effect.packages !== null;
  switch (effect.manager) {
    case 'apt': {
      const apt = aptCommands(script);
      if (removing) return apt.some((a) => a.subcommand === 'install' && named(a.packages));
      const lists = effect.paths.some(
        (p) => p.kind === 'absolute' && within(p.path, '/var/lib/apt/lists'),
      );
      return apt.some((a) =>
        lists
          ? a.subcommand === 'update'
          : a.subcommand !== null && LIST_READING_SUBCOMMANDS.has(a.subcommand),
      );
    }
    case 'apk':
      return apkCommands(script).some(
        (a) =>
          (a.subcommand === 'add' &&
            (!removing || named(a.packages) || names.has(apkVirtualName(a) ?? ''))) ||
          (!removing && a.subcommand === 'update'),
      );
    case 'rpm':
      return rpmCommands(script).some(
        (r) =>
          r.subcommand !== null &&
          RPM_INSTALLING.has(r.subcommand) &&
          (!removing || named(r.packages)),
      );
    case 'zypper':
      return zypperCommands(script).some(
        (z) =>
          z.subcommand !== null &&
          ZYPPER_INSTALLING.has(z.subcommand) &&
          (!removing || named(z.packages)),
      );
    case 'npm':
    case 'yarn':
    case 'pnpm':
      return nodeCommands(script).some((c) => c.tool === effect.manager && isInstalling(c));
    case 'pip':
      return pythonCommands(script).some((c) => c.tool === 'pip' && c.subcommand === 'install');
    case 'conda':
      return condaCommands(script).some(
        (c) => c.subcommand !== null && CONDA_INSTALLING.has(c.subcommand),
      );
    default:
      return false;
  }
}

function instructionBlocker(
  model: DockerfileModel,
  dirs: WorkdirMap,
  node: InstructionNode,
  facts: Facts,
  line: number,
): string | null {
  const keyword = node.keyword;
  if (INERT.has(keyword)) return null;
  const what = `${keyword} at line ${line}`;
  switch (keyword) {
    case 'ENV':
    case 'ARG': {
      if (facts.envSensitive || facts.packages)
        return `${what} changes the environment the cleanup would run in`;
      if (/\bPATH\b/.test(argsText(model, node)))
        return `${what} changes PATH, which the cleanup's commands are looked up in`;
      return null;
    }
    case 'WORKDIR': {
      if (facts.relative || facts.unknown || facts.packages)
        return `${what} changes the directory the cleanup runs in`;
      const dir = pathTarget(argsText(model, node).trim());
      const resolved = resolveTarget(dir, dirs.before(node));
      return facts.targets.some((t) => overlaps(resolved, t))
        ? `${what} creates a directory the cleanup deletes`
        : null;
    }
    case 'COPY':
    case 'ADD': {
      if (facts.packages) return `${what} may write files of the packages the cleanup removes`;
      if (facts.unknown) return `${what} may write files the cleanup deletes`;
      const dest = copyDest(node, dirs);
      if (!dest || facts.targets.some((t) => overlaps(dest, t)))
        return `${what} may write files the cleanup deletes`;
      if (node.flags.some((f) => f.name === 'chown') && facts.system)
        return `${what} looks up users in files the cleanup may delete`;
      return null;
    }
    default:
      return `${what} changes how the cleanup runs (${keyword.toLowerCase()})`;
  }
}

/** An in-between RUN may stay before the cleanup when it only touches other, named files. */
function runBlocker(
  script: ShellScript,
  facts: Facts,
  cwd: string | null,
  line: number,
): string | null {
  const what = `the RUN at line ${line} in between`;
  if (facts.packages) return `${what} may use the packages the cleanup removes`;
  if (facts.unknown || facts.system) return `${what} may use the files the cleanup deletes`;
  for (const cmd of commandsOf(script)) {
    if (cmd.name === null || !NAMED_FILES_ONLY.has(cmd.name) || cmd.prefixes.length > 0)
      return `${what} runs \`${cmd.name ?? textOf(script, cmd.node)}\`, which may use the files the cleanup deletes`;
  }
  const words = pathWords(script, true).map((w) => resolveTarget(w, cwd));
  if (words.some((w) => facts.targets.some((t) => overlaps(w, t))))
    return `${what} works with the files the cleanup deletes`;
  return null;
}

/**
 * Words that may name files: arguments and redirection targets. With `strict`, as an in-between
 * RUN's operands (skipping what is data: echo/printf text, modes and owners).
 */
function pathWords(script: ShellScript, strict = false): PathTarget[] {
  const out: PathTarget[] = [];
  for (const cmd of commandsOf(script)) {
    const words = strict
      ? operandWords(cmd)
      : [...(cmd.nameWord ? [cmd.nameWord] : []), ...cmd.args];
    for (const w of words) out.push(pathTarget(w.text));
  }
  for (const redirect of findAll(script.root, 'file_redirect')) {
    const dest = redirect.children.find((c) => c.field === 'destination');
    if (dest && dest.type !== 'number') out.push(pathTarget(textOf(script, dest)));
  }
  return out;
}

function operandWords(cmd: SimpleCommand) {
  if (cmd.name === 'echo' || cmd.name === 'printf' || cmd.name === 'true' || cmd.name === ':')
    return [];
  const operands = [];
  for (let i = 0; i < cmd.args.length; i++) {
    const value = cmd.args[i].value;
    if (value !== null && value.startsWith('-')) {
      if (cmd.name === 'mkdir' && value === '-m') i++;
      continue;
    }
    operands.push(cmd.args[i]);
  }
  // The mode of chmod and the owner of chown/chgrp are not paths.
  return ['chmod', 'chown', 'chgrp'].includes(cmd.name ?? '') ? operands.slice(1) : operands;
}

/**
 * Tests for "this path is what a single-source COPY/ADD brought in": under `<dest>/<name>`, or
 * exactly `<dest>` (which may be the file itself); [] when unsure.
 */
function copiedPaths(node: InstructionNode, dirs: WorkdirMap): ((path: string) => boolean)[] {
  const operands = copyOperands(node);
  const dest = copyDest(node, dirs);
  if (!operands || operands.sources.length !== 1 || dest?.kind !== 'absolute') return [];
  const name = posix.basename(operands.sources[0].replace(/^https?:\/\/[^/]*/, ''));
  if (!name || name === '.' || name === '..' || /[*?[]/.test(name)) return [];
  const inside = posix.join(dest.path, name);
  const under = (path: string) => within(path, inside);
  return operands.dest.endsWith('/') ? [under] : [under, (path) => path === dest.path];
}

function copyDest(node: InstructionNode, dirs: WorkdirMap): PathTarget | null {
  const operands = copyOperands(node);
  if (!operands || !operands.static) return null;
  return resolveTarget(pathTarget(operands.dest), dirs.before(node));
}
