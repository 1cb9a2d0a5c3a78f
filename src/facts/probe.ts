/**
 * Asking an image about itself: the argv that runs the probe script (probe-script.ts) and the
 * parser of its answer into raw records, one per role (`entry`, `interpreter`). program.ts turns
 * those into typed facts.
 */
import { posix } from 'node:path';
import { PRUNED_PATHS } from './fs-diff.js';
import { PROBE_SCRIPT } from './probe-script.js';

export interface EntryRequest {
  /** What the container runs: ENTRYPOINT + CMD as one argv (shell form already resolved). */
  argv: readonly string[];
  /**
   * PATH to look argv[0] up in. Absent: the container's own, which is the image's final
   * `ENV PATH` (base image's included), what the container will really use.
   */
  path?: string;
  /** The WORKDIR a relative argv[0] or jar is taken from. Absent: the image's own WORKDIR. */
  workdir?: string;
}

export interface LoaderRun {
  role: string;
  interpreter: string;
  file: string;
}

export interface ProbeRequest {
  /** Read /etc/os-release and friends. */
  os?: boolean;
  entry?: EntryRequest | null;
  /** Paths whose existence to report (relative ones from the workdir; reported absolute). */
  checks?: readonly string[];
  /** List the files under this directory (`/` in an image), leaving out PRUNED_PATHS below it. */
  list?: string | null;
  /** Run these loaders with `--list` (when the probe's own guess was not PT_INTERP). */
  loaderRuns?: readonly LoaderRun[];
}

/** The command to give Builder.exec. */
export function probeArgv(request: ProbeRequest): string[] {
  const args: string[] = [];
  if (request.os) args.push('os=1');
  if (request.entry) {
    const [program] = request.entry.argv;
    if (program) {
      args.push(`program=${program}`);
      if (request.entry.path !== undefined) args.push(`path=${request.entry.path}`);
      if (request.entry.workdir !== undefined) args.push(`workdir=${request.entry.workdir}`);
    }
  }
  for (const check of request.checks ?? []) args.push(`check=${check}`);
  for (const run of request.loaderRuns ?? [])
    args.push(`ld-role=${run.role}`, `ld-interp=${run.interpreter}`, `ld-file=${run.file}`);
  if (request.list) {
    args.push(`list=${request.list}`);
    // One argument, a path a line (the probe reads `prune=` values as lines): fewer arguments.
    args.push(`prune=${PRUNED_PATHS.map((path) => `.${path}`).join('\n')}`);
  }
  return ['/bin/sh', '-c', PROBE_SCRIPT, 'dockopt-probe', ...args];
}

export interface RoleRecord {
  status: 'found' | 'missing';
  /** argv[0] (missing) or the path found. */
  path: string;
  resolved: string | null;
  kind: 'elf' | 'script' | 'other' | 'not-a-file' | 'unknown' | null;
  magic: string | null;
  hex: string[];
  shebang: string | null;
  loaderRuns: { interpreter: string; exit: string | null; lines: string[] }[];
  javaHome: string | null;
  javaHas: string[];
  javaRelease: string[];
  javaVersion: string[];
}

export interface ProbeOutput {
  /** The header and the final `end` were both seen: nothing was cut off. */
  complete: boolean;
  /** The PATH and working directory the probe used (given, or the container's own). */
  path: string | null;
  workdir: string | null;
  /** Why the probe stopped early (its stderr, or its exit code), set by the caller. */
  probeError: string | null;
  osLines: string[];
  release: { alpine: string | null; debian: string | null; redhat: string | null };
  roles: Map<string, RoleRecord>;
  checks: Map<string, boolean>;
  /** `dpkg`, `apk`, `rpm`, or `none` (no package database tool): null when not asked. */
  ownerTool: string | null;
  /** Package of each path a package database knew (as it answered: the path it shipped). */
  owners: Map<string, string>;
  /** Paths the probe saw through symlinks: path → resolved. */
  aliases: Map<string, string>;
  listing: { format: string; lines: string[]; reason: string | null } | null;
}

export function parseProbeOutput(text: string): ProbeOutput {
  const out: ProbeOutput = {
    complete: false,
    path: null,
    workdir: null,
    probeError: null,
    osLines: [],
    release: { alpine: null, debian: null, redhat: null },
    roles: new Map(),
    checks: new Map(),
    ownerTool: null,
    owners: new Map(),
    aliases: new Map(),
    listing: null,
  };
  const lines = text.split('\n');
  let header = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fields = line.split('\t');
    const [tag] = fields;
    if (tag === 'dockopt-probe') header = true;
    else if (tag === 'end' && fields.length === 1) out.complete = header;
    else if (tag === 'listing') {
      const listing = {
        format: fields[1] ?? 'none',
        lines: [] as string[],
        reason: null as string | null,
      };
      if (fields.length > 2) listing.reason = fields.slice(2).join('\t');
      for (i++; i < lines.length && lines[i] !== 'listing-end'; i++) listing.lines.push(lines[i]);
      out.listing = listing;
    } else readRecord(out, fields);
  }
  return out;
}

function readRecord(out: ProbeOutput, fields: string[]): void {
  const [tag, first = '', ...rest] = fields;
  const tail = rest.join('\t');
  switch (tag) {
    case 'os-release':
      out.osLines.push(fields.slice(1).join('\t'));
      return;
    case 'alpine-release':
      out.release.alpine = first;
      return;
    case 'debian_version':
      out.release.debian = first;
      return;
    case 'redhat-release':
      out.release.redhat = fields.slice(1).join('\t');
      return;
    case 'check':
      out.checks.set(tail, first === 'yes');
      return;
    case 'alias':
      out.aliases.set(first, tail);
      return;
    case 'context':
      if (first === 'path') out.path = tail;
      if (first === 'workdir') out.workdir = tail;
      return;
    case 'owner':
      readOwner(out, first, tail);
      return;
  }
  const role = first;
  if (!role) return;
  if (tag === 'resolve') {
    const [status, ...path] = rest;
    out.roles.set(role, {
      ...emptyRole(),
      status: status === 'found' ? 'found' : 'missing',
      path: path.join('\t'),
    });
    return;
  }
  // A probe asked only to run loaders (gather's second call) has no `resolve` record: its runs
  // are kept under the role, for gather to add to the first probe's.
  if (tag === 'ld-run' && !out.roles.has(role))
    out.roles.set(role, { ...emptyRole(), status: 'found' });
  const record = out.roles.get(role);
  if (!record) return;
  const lastRun = record.loaderRuns[record.loaderRuns.length - 1];
  switch (tag) {
    case 'file':
      record.resolved = tail;
      break;
    case 'kind':
      record.kind = KINDS.find((k) => k === rest[0]) ?? null;
      record.magic = rest[1] ?? null;
      break;
    case 'hex':
      record.hex.push(tail);
      break;
    case 'shebang':
      record.shebang = tail;
      break;
    case 'ld-run':
      record.loaderRuns.push({ interpreter: tail, exit: null, lines: [] });
      break;
    case 'ld-exit':
      if (lastRun) lastRun.exit = tail;
      break;
    case 'ld':
      lastRun?.lines.push(tail);
      break;
    case 'java-home':
      record.javaHome = tail;
      break;
    case 'java-has':
      record.javaHas.push(tail);
      break;
    case 'java-release':
      record.javaRelease.push(tail);
      break;
    case 'java-version':
      record.javaVersion.push(tail);
      break;
  }
}

const KINDS = ['elf', 'script', 'other', 'not-a-file', 'unknown'] as const;

function emptyRole(): RoleRecord {
  return {
    status: 'missing',
    path: '',
    resolved: null,
    kind: null,
    magic: null,
    hex: [],
    shebang: null,
    loaderRuns: [],
    javaHome: null,
    javaHas: [],
    javaRelease: [],
    javaVersion: [],
  };
}

/**
 * dpkg-query -S: `libc6:amd64: /lib/x86_64-linux-gnu/libc.so.6` (several packages: `a, b: path`;
 * diversions are other lines); rpm, as the probe prints it: `name: path`; apk info -W:
 * `/lib/libz.so.1 is owned by zlib-1.3.1-r0`.
 */
function readOwner(out: ProbeOutput, tool: string, line: string): void {
  if (tool === 'none') {
    out.ownerTool = 'none';
    return;
  }
  out.ownerTool = tool;
  if (tool === 'apk') {
    const match = /^(\/.*) is owned by (\S+)$/.exec(line);
    if (match) out.owners.set(match[1], match[2].replace(/-[0-9][^-]*-r[0-9]+$/, ''));
    return;
  }
  const match = /^([^/].*?): (\/.*)$/.exec(line);
  if (!match || line.startsWith('diversion ')) return;
  const first = match[1].split(', ')[0].replace(/:[^:]+$/, '');
  if (!out.owners.has(match[2])) out.owners.set(match[2], first);
}

/**
 * The package owning a path: asked as given, with symlinks followed, and with /usr added or
 * taken away (on merged-/usr systems a package knows only the path it shipped).
 */
export function ownerOf(out: ProbeOutput, path: string | null): string | null {
  if (!path) return null;
  const candidates = [path, toggleUsr(path)];
  const alias = out.aliases.get(path);
  if (alias) candidates.push(alias, toggleUsr(alias));
  for (const candidate of candidates) {
    const owner = candidate && out.owners.get(candidate);
    if (owner) return owner;
  }
  return null;
}

function toggleUsr(path: string): string | null {
  if (/^\/usr\/(lib|lib64|bin|sbin)\//.test(path)) return path.slice(4);
  if (/^\/(lib|lib64|bin|sbin)\//.test(path)) return `/usr${path}`;
  return null;
}

/** A WORKDIR-relative path made absolute and normal, as the container would see it. */
export function absoluteIn(workdir: string, path: string): string {
  return posix.normalize(posix.isAbsolute(path) ? path : posix.join(workdir || '/', path));
}
