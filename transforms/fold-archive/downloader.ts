/**
 * Which download tool a RUN can rely on to replace `ADD <url>`: curl or wget, when this stage (or a
 * stage it is built on) installs it before the RUN, or the base image is buildpack-deps (which has
 * both). Anything else is not known to have one.
 */
import { posix } from 'node:path';
import type { InstructionNode } from '../../src/core/model.js';
import { baseImageOf, lineageOf } from '../../src/core/stages.js';
import type { TransformContext } from '../../src/core/transform.js';
import { aptCommands, packageName } from '../../src/packages/apt.js';
import { apkCommands } from '../../src/packages/apk.js';
import { rpmCommands } from '../../src/packages/rpm.js';

export type Downloader = (url: string, path: string) => string;

const CURL: Downloader = (url, path) => `curl -fsSL --create-dirs -o ${quote(path)} ${quote(url)}`;
const WGET: Downloader = (url, path) =>
  `mkdir -p ${quote(posix.dirname(path))} && wget -q -O ${quote(path)} ${quote(url)}`;

export function downloaderFor(ctx: TransformContext, run: InstructionNode): Downloader | null {
  const stage = run.stage!;
  if (/^(docker\.io\/)?(library\/)?buildpack-deps([:@]|$)/.test(baseImageOf(stage))) return CURL;
  const installed = new Set<string>();
  for (const s of lineageOf(stage)) {
    for (const node of s.instructions) {
      if (s === stage && node.index >= run.index) break;
      if (node.keyword !== 'RUN') continue;
      const { script } = ctx.shell(node);
      if (!script) continue;
      for (const apt of aptCommands(script))
        if (apt.subcommand === 'install')
          apt.packages.forEach((w) => installed.add(packageName(w.value) ?? ''));
      for (const apk of apkCommands(script))
        if (apk.subcommand === 'add')
          apk.packages.forEach((w) => installed.add((w.value ?? '').split(/[=<>~]/)[0]));
      for (const rpm of rpmCommands(script))
        if (rpm.subcommand === 'install') rpm.packages.forEach((w) => installed.add(w.value ?? ''));
    }
  }
  if (installed.has('curl')) return CURL;
  if (installed.has('wget')) return WGET;
  return null;
}

function quote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
