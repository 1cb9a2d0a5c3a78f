/**
 * From the probe's raw records to what the entry point runs: an ELF file (static or dynamic, its
 * loader, the libraries it maps and their packages), a script and its interpreter, Java and its
 * jar, or nothing at all.
 */
import { bytesFromHex, parseElf } from './elf.js';
import {
  absoluteIn,
  ownerOf,
  type EntryRequest,
  type LoaderRun,
  type ProbeOutput,
  type RoleRecord,
} from './probe.js';
import type { ElfProgram, EntryFacts, JavaFacts, Library, Located, ProgramFacts } from './types.js';

export function entryFacts(out: ProbeOutput, request: EntryRequest): EntryFacts | null {
  const program = programFacts(out, 'entry');
  if (!program) return null;
  return {
    argv: [...request.argv],
    path: out.path,
    workdir: out.workdir,
    program,
    java: javaFacts(out, 'entry', request),
  };
}

export function programFacts(out: ProbeOutput, role: string): ProgramFacts | null {
  const record = out.roles.get(role);
  if (!record) return null;
  if (record.status === 'missing') return { kind: 'missing', name: record.path };
  const located = locate(out, record);
  if (record.kind === 'elf') {
    const parsed = parseElf(bytesFromHex(record.hex));
    if (!parsed.ok)
      return { ...located, kind: 'other', detail: `not a readable ELF file: ${parsed.reason}` };
    return { ...located, kind: 'elf', elf: parsed.elf, ...closureOf(out, record, parsed.elf) };
  }
  if (record.kind === 'script') {
    return {
      ...located,
      kind: 'script',
      shebang: (record.shebang ?? '').replace(/^#!/, '').trim(),
      interpreter: role === 'entry' ? programFacts(out, 'interpreter') : null,
    };
  }
  const detail =
    record.kind === 'other'
      ? `starts with bytes ${record.magic ?? '?'}`
      : record.kind === 'not-a-file'
        ? 'not a regular file'
        : 'unreadable: od is not in the image';
  return { ...located, kind: 'other', detail };
}

function locate(out: ProbeOutput, record: RoleRecord): Located {
  const resolved = record.resolved ?? record.path;
  return {
    path: record.path,
    resolved,
    package: ownerOf(out, resolved) ?? ownerOf(out, record.path),
  };
}

type Closure = Pick<ElfProgram, 'closure' | 'libraries' | 'missing' | 'closureError'>;

function closureOf(out: ProbeOutput, record: RoleRecord, elf: ElfProgram['elf']): Closure {
  if (elf.linkage !== 'dynamic') return { closure: 'static', libraries: [], missing: [] };
  const run = record.loaderRuns.find((r) => r.interpreter === elf.interpreter);
  if (!run)
    return {
      closure: null,
      libraries: [],
      missing: [],
      closureError: elf.interpreter
        ? `the loader ${elf.interpreter} was not run`
        : 'the loader is named past the bytes read',
    };
  if (run.exit === 'missing')
    return {
      closure: null,
      libraries: [],
      missing: [],
      closureError: `no loader ${run.interpreter} in the image`,
    };
  const { libraries, missing } = parseLoaderList(run.lines);
  for (const library of libraries) library.package = ownerOf(out, library.path);
  if (libraries.length === 0 && missing.length === 0)
    return {
      closure: null,
      libraries,
      missing,
      closureError: `${run.interpreter} --list exited ${run.exit}: ${run.lines.join(' ').trim().slice(0, 200)}`,
    };
  const onlyLibc = missing.length === 0 && libraries.every((l) => l.libc);
  return { closure: onlyLibc ? 'libc-only' : 'libraries', libraries, missing };
}

/**
 * `ld.so --list` output, glibc's and musl's:
 *   libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)     a library found
 *   libfoo.so.1 => not found                                 glibc, missing
 *   Error loading shared library libfoo.so.1: ...            musl, missing
 *   /lib64/ld-linux-x86-64.so.2 (0x...)                      the loader itself
 *   linux-vdso.so.1 (0x...)                                  the kernel's vDSO: left out
 */
export function parseLoaderList(lines: readonly string[]): {
  libraries: Library[];
  missing: string[];
} {
  const libraries: Library[] = [];
  const missing: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    let match = /^(\S+) => not found$/.exec(line);
    if (match) {
      missing.push(match[1]);
      continue;
    }
    match = /^Error loading shared library ([^:]+): /.exec(line);
    if (match) {
      if (!missing.includes(match[1])) missing.push(match[1]);
      continue;
    }
    match =
      /^(\S+) => (\/.*) \(0x[0-9a-fA-F]+\)$/.exec(line) ??
      /^((\/.*)) \(0x[0-9a-fA-F]+\)$/.exec(line);
    if (!match) continue;
    libraries.push({ name: match[1], path: match[2], package: null, libc: isLibc(match[1]) });
  }
  return { libraries, missing };
}

/** Parts of glibc and musl (the C library package), by file name. */
function isLibc(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return (
    /^(libc|libm|libpthread|libdl|librt|libresolv|libutil|libanl|libnsl|libmvec|libBrokenLocale)\.so(\.|$)/.test(
      base,
    ) ||
    /^libc\.musl-/.test(base) ||
    /^ld(-linux[-.\w]*|-musl-[-\w]+|64)?\.so(\.|$)/.test(base)
  );
}

/** The loaders to run again: those of dynamic ELF files whose PT_INTERP the probe did not guess. */
export function loaderRunsNeeded(out: ProbeOutput): LoaderRun[] {
  const runs: LoaderRun[] = [];
  for (const [role, record] of out.roles) {
    if (record.kind !== 'elf' || !record.resolved) continue;
    const parsed = parseElf(bytesFromHex(record.hex));
    const interpreter = parsed.ok ? parsed.elf.interpreter : null;
    if (!interpreter || record.loaderRuns.some((r) => r.interpreter === interpreter)) continue;
    runs.push({ role, interpreter, file: record.resolved });
  }
  return runs;
}

function javaFacts(out: ProbeOutput, role: string, request: EntryRequest): JavaFacts | null {
  const record = out.roles.get(role);
  if (!record?.javaHome) return null;
  const release = new Map<string, string>();
  for (const line of record.javaRelease) {
    const match = /^([A-Z_]+)="?(.*?)"?$/.exec(line.trim());
    if (match) release.set(match[1], match[2]);
  }
  const version =
    /version "([^"]+)"/.exec(record.javaVersion.join('\n'))?.[1] ??
    release.get('JAVA_VERSION') ??
    null;
  return {
    java: locate(out, record),
    home: record.javaHome,
    major: version ? majorOf(version) : null,
    version,
    implementor: release.get('IMPLEMENTOR') ?? null,
    jdk: record.javaHas.includes('javac'),
    jlink: record.javaHas.includes('jlink'),
    jmods: record.javaHas.includes('jmods'),
    versionOutput: record.javaVersion,
    jar: jarOf(out, request),
  };
}

/** `1.8.0_392` is Java 8; `17.0.9`, `21`, `21-ea` are 17 and 21. */
export function majorOf(version: string): number | null {
  const match = /^1\.(\d+)/.exec(version) ?? /^(\d+)/.exec(version);
  return match ? Number(match[1]) : null;
}

/** The jar argument of `java [options] -jar <jar>`, as written (relative to the workdir). */
export function jarArgument(request: EntryRequest): string | null {
  const index = request.argv.indexOf('-jar');
  return (index > 0 && request.argv[index + 1]) || null;
}

function jarOf(out: ProbeOutput, request: EntryRequest): JavaFacts['jar'] {
  const jar = jarArgument(request);
  if (!jar) return null;
  const path = absoluteIn(out.workdir ?? request.workdir ?? '/', jar);
  return { path, exists: out.checks.get(path) ?? false };
}
