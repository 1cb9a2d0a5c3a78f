/**
 * The commands that run after a point of a RUN: later in that RUN, in the later RUNs of its stage
 * (and of stages built from it), and when the container starts (CMD, ENTRYPOINT). What a package
 * manager's flags may take away (recommended packages, weak dependencies) matters only for these.
 */
import type { DockerfileModel, InstructionNode } from '../core/model.js';
import { startupScript } from '../core/run/shell.js';
import { commandsOf, type SimpleCommand } from '../shell/query.js';
import type { ShellResult, ShellScript } from '../shell/script.js';
import { laterInstructions } from './hygiene.js';

export function laterCommands(
  model: DockerfileModel,
  shell: (node: InstructionNode) => ShellResult,
  node: InstructionNode,
  script: ShellScript,
  after: number,
): SimpleCommand[] {
  const out = commandsOf(script).filter((c) => c.node.start > after);
  for (const later of laterInstructions(model, node)) {
    const result =
      later.keyword === 'RUN'
        ? shell(later)
        : later.keyword === 'CMD' || later.keyword === 'ENTRYPOINT'
          ? startupScript(model, later)
          : null;
    if (result?.script) out.push(...commandsOf(result.script));
  }
  return out;
}

/** Programs that run other programs the Dockerfile never names. */
const RUNS_ALSO: Readonly<Record<string, readonly string[]>> = {
  autoreconf: ['automake', 'aclocal', 'autoheader', 'autoconf', 'libtoolize', 'autopoint'],
  cmake: ['make', 'gcc', 'g++'],
  cc: ['gcc'],
  'c++': ['g++'],
  './configure': ['gcc', 'make'],
};

/** The programs a command runs: its own name, and what it is known to run in turn. */
export function programsRun(cmd: SimpleCommand): string[] {
  const name = cmd.name;
  if (!name) return [];
  const base = name.startsWith('./') ? name : name.split('/').pop()!;
  const runs = [base, ...(RUNS_ALSO[base] ?? [])];
  const sshUrl = /^(ssh:\/\/|git@|[\w.-]+@[\w.-]+:)/;
  if (base === 'git' && cmd.args.some((a) => sshUrl.test(a.value ?? ''))) runs.push('ssh');
  return runs;
}

/**
 * Programs every image has, or that are the shell itself: a later command running only these
 * needs nothing a package recommends. Used where no table of what packages provide exists
 * (zypper, dnf).
 */
const BASE_PROGRAMS = new Set([
  ...['cd', 'echo', 'printf', 'test', '[', 'true', 'false', 'export', 'set', 'unset', 'exit'],
  ...['exec', 'eval', 'source', '.', 'shift', 'read', 'trap', 'umask', 'command', 'type'],
  ...['rm', 'mkdir', 'cp', 'mv', 'ln', 'chmod', 'chown', 'chgrp', 'cat', 'touch', 'ls', 'sed'],
  ...['grep', 'find', 'xargs', 'sort', 'head', 'tail', 'tr', 'cut', 'tee', 'env', 'sh', 'bash'],
  ...['rmdir', 'install', 'sleep', 'id', 'whoami', 'uname', 'date', 'basename', 'dirname'],
  ...['useradd', 'groupadd', 'usermod', 'adduser', 'addgroup', 'passwd', 'chpasswd', 'sudo'],
  ...['rpm', 'dnf', 'yum', 'microdnf', 'zypper', 'tar', 'gzip'],
]);

/**
 * The first later program that is not in every image and is not named like a package the install
 * names (`zypper in curl` then `curl`: the package itself provides it), or null when there is none.
 */
export function firstNonBaseProgram(
  commands: readonly SimpleCommand[],
  installed: readonly string[],
): string | null {
  for (const cmd of commands)
    for (const program of programsRun(cmd))
      if (!BASE_PROGRAMS.has(program) && !installed.includes(program)) return program;
  return null;
}
