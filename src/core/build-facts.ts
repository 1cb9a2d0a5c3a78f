/**
 * What a built image says about itself: the facts src/facts gathers (and caches) when a
 * transform asks (`Report.question`) and `--build` is on, handed back to transforms as
 * `ctx.buildFacts`. Plain data, JSON as is: they cross worker threads and are stored in the cache.
 * The types live in core so that transforms can read them without depending on any builder.
 */

/** Bump when the facts, the probe or the way they are read change: older cache entries are then ignored. */
export const FACTS_VERSION = 1;

export interface OsRelease {
  /** `ID` of /etc/os-release (`debian`, `ubuntu`, `alpine`, `rhel`...), or null when absent. */
  id: string | null;
  /** `ID_LIKE`, split (`["rhel", "fedora"]`). */
  idLike: string[];
  /** `VERSION_ID` (`12`, `3.19.1`); Debian testing and sid have none. */
  versionId: string | null;
  /** `VERSION_CODENAME` (`bookworm`), or the codename in `VERSION` (`12 (bookworm)`). */
  codename: string | null;
  prettyName: string | null;
  /** /etc/alpine-release, /etc/debian_version (`12.5`, `trixie/sid`), /etc/redhat-release. */
  alpineRelease: string | null;
  debianVersion: string | null;
  redhatRelease: string | null;
}

export type ElfLinkage = 'static' | 'static-pie' | 'dynamic';

export interface ElfInfo {
  bits: 32 | 64;
  endian: 'little' | 'big';
  /** `x86_64`, `aarch64`, ..., or `machine-<e_machine>`. */
  machine: string;
  type: 'exec' | 'dyn' | 'rel' | 'core' | 'other';
  /** PT_INTERP: the dynamic loader, e.g. `/lib64/ld-linux-x86-64.so.2`; null without one. */
  interpreter: string | null;
  /** PT_INTERP points past the bytes read: the file is dynamic, its loader unknown. */
  interpreterOutside?: boolean;
  /** A PT_DYNAMIC segment is present. */
  dynamicSection: boolean;
  /** No PT_INTERP: static, or static-pie when it still has PT_DYNAMIC (position-independent). */
  linkage: ElfLinkage;
}

export interface Library {
  /** The name the program asks for (`libc.so.6`), or the loader's path for the loader itself. */
  name: string;
  /** Where the loader found it; null when not found. */
  path: string | null;
  /** The package that ships it (dpkg, apk or rpm name, without architecture); null if unknown. */
  package: string | null;
  /** Part of the C library (libc, libm, libpthread, libdl, librt, the loader...). */
  libc: boolean;
}

/**
 * What the ELF links against: `static` (no loader), `libc-only` (only C library parts), or
 * `libraries` (others too: see `libraries`). null when the loader could not be run.
 */
export type LinkClosure = 'static' | 'libc-only' | 'libraries';

/** How a program was found: the path execvp would run, and that path with symlinks followed. */
export interface Located {
  /** The path PATH lookup (or WORKDIR) gave, before symlinks. */
  path: string;
  /** The file it is, every symlink followed. */
  resolved: string;
  /** Package owning `resolved` (or `path`), when a package database knows it. */
  package: string | null;
}

export interface ElfProgram extends Located {
  kind: 'elf';
  elf: ElfInfo;
  closure: LinkClosure | null;
  /** The libraries the loader maps (the loader included, the vDSO left out); [] when static. */
  libraries: Library[];
  /** Names the loader could not find (`libfoo.so.1 => not found`). */
  missing: string[];
  /** Why `closure` is null: the loader failed or is absent. */
  closureError?: string;
}

export interface ScriptProgram extends Located {
  kind: 'script';
  /** The `#!` line, without `#!`, trimmed. */
  shebang: string;
  /** The program the script runs under (`/usr/bin/env python3` gives python3), described. */
  interpreter: ProgramFacts | null;
}

export interface OtherFile extends Located {
  kind: 'other';
  /** First bytes in hex, or why the file could not be read. */
  detail: string;
}

export interface MissingProgram {
  kind: 'missing';
  /** argv[0] as given. */
  name: string;
}

export type ProgramFacts = ElfProgram | ScriptProgram | OtherFile | MissingProgram;

export interface JavaFacts {
  /** The `java` that runs, described (usually dynamic ELF). */
  java: Located;
  /** JAVA_HOME: the resolved java without `/bin/java` (and without `/jre` for Java 8 JDKs). */
  home: string;
  /** Feature release: 8, 11, 17, 21...; null when `java -version` said nothing readable. */
  major: number | null;
  /** The version string (`17.0.9`, `1.8.0_392`) from `java -version` or JAVA_HOME/release. */
  version: string | null;
  /** `IMPLEMENTOR` of JAVA_HOME/release (`Eclipse Adoptium`), when present. */
  implementor: string | null;
  /** JAVA_HOME has `bin/javac` (a JDK), `bin/jlink`, `jmods/`. */
  jdk: boolean;
  jlink: boolean;
  jmods: boolean;
  /** `java -version` output, first lines. */
  versionOutput: string[];
  /** The jar of `java ... -jar <jar>`, absolute (relative to WORKDIR), and whether it exists. */
  jar: { path: string; exists: boolean } | null;
}

export interface EntryFacts {
  /** The argv the facts are about. */
  argv: string[];
  /** The PATH and WORKDIR argv[0] was looked up with (given, or the image's own). */
  path: string | null;
  workdir: string | null;
  program: ProgramFacts;
  /** Set when the program is `java` (directly or as a script's interpreter). */
  java: JavaFacts | null;
}

export type FileType = 'file' | 'dir' | 'symlink' | 'other';

export interface FileEntry {
  /** Absolute path in the image. */
  path: string;
  type: FileType;
  /** Permission bits (with setuid/setgid/sticky), e.g. 0o755. */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Seconds since the epoch, with the fraction when the listing had it (GNU find). */
  mtime: number;
  /** A symlink's target, as stored. */
  target?: string;
}

export type ChangeKind = 'type' | 'content' | 'mode' | 'owner' | 'target';

export interface ChangedEntry {
  path: string;
  before: FileEntry;
  after: FileEntry;
  /** What differs; `content` means size or mtime (the contents themselves are not compared). */
  what: ChangeKind[];
}

export interface FsDiff {
  /** Entries present only after the build steps (files, symlinks, directories), sorted. */
  created: FileEntry[];
  /** Files and symlinks whose type, size, mtime, mode, owner or target changed; directories only for mode or owner. */
  changed: ChangedEntry[];
  /** Paths gone after the build steps. */
  removed: string[];
  /**
   * The fewest paths that cover everything created or changed: a created directory stands for
   * all below it. `make install` writing /usr/local/bin/x and /usr/local/share/x/... gives
   * ["/usr/local/bin/x", "/usr/local/share/x"]: what a runtime stage would COPY --from.
   */
  roots: string[];
  /** Entries left out as noise (caches, logs, package databases, *.pyc): how many. */
  ignored: number;
}

export interface StageFacts {
  factsVersion: number;
  builder: 'docker' | 'podman' | 'buildah';
  os: OsRelease | null;
  entry: EntryFacts | null;
  /** Paths asked about with `checks` (made absolute), and whether they exist in the built stage. */
  checks: Record<string, boolean>;
  /** What the stage's build steps wrote: null when no `before` was given or it could not be made. */
  diff: FsDiff | null;
  /** Why something above is missing or partial, for messages. */
  notes: string[];
}

/**
 * What a transform would like a build to tell about one stage of the file: which Dockerfile text to
 * build, what to ask the image. Reported with a refusal (`Report.question`); with `--build` the
 * command line gathers the facts and runs the transforms again with `ctx.buildFacts`.
 */
export interface FactsQuestion {
  /** Index of the stage in the file. */
  stage: number;
  /** The Dockerfile to build, the stage last (its final stage is probed). */
  stageText: string;
  /** The same, cut before the stage's first build step; null when no file diff is needed. */
  beforeText: string | null;
  /** Context paths the stage copies (`.` for the whole context): the facts cache depends on them. */
  contextFiles: string[];
  /** The command the container starts with, and the PATH and WORKDIR to look it up with. */
  entry: { argv: string[]; path?: string; workdir?: string } | null;
  /** Absolute paths whose existence to report. */
  checks?: string[];
}

/** The answer to a question: the facts, or why the stage could not be built or probed. */
export type StageAnswer =
  { ok: true; facts: StageFacts; fromCache: boolean } | { ok: false; reason: string };

/** Answers by stage index, for one file. */
export type BuildFacts = Readonly<Record<number, StageAnswer>>;
