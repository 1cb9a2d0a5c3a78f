/**
 * Planning a split from what a build of the original told (`--build`, src/facts): the program the
 * entry point really runs, what it links against and which packages own that, the OS release, and
 * the files the build steps wrote. The smallest runtime the facts allow:
 *   - a static ELF: distroless static (exec-form entry point, a USER distroless has, no shell
 *     HEALTHCHECK), else the slim image of the release;
 *   - an ELF needing only the C library (and libgcc/libstdc++): distroless base (cc), same terms;
 *   - other libraries: the slim image of the same release, with the packages that own them;
 *   - `java -jar`: the JRE package of the JDK package (Debian), or the Temurin JRE image.
 * Every fact used is named in the summary, so the finding says what the build told.
 */
import type { ElfProgram, EntryFacts, Library, StageFacts } from '../../src/core/build-facts.js';
import { keywordCasedAs } from '../../src/core/layout.js';
import { userAt } from '../../src/core/stage-state.js';
import {
  entryArgv,
  hasShellHealthcheck,
  runtimePathFor,
  type Facts,
  type Plan,
  type Refusal,
} from './facts.js';

/** Where make install, go install or cp put what the app may need: copied whole. */
const INSTALL_PREFIXES = /^\/(usr\/local|opt)\/./;
/** Toolchains that live under those prefixes: never runtime files. */
const TOOLCHAINS = /^\/usr\/local\/(go|cargo|rustup|lib\/node_modules)(\/|$)/;
/** Libraries of the C runtime that distroless cc carries besides glibc. */
const CC_LIBRARIES = /^lib(gcc_s|stdc\+\+)\.so/;
/** Libraries whose use means the program talks TLS: the runtime needs CA certificates. */
const TLS_LIBRARIES = /^lib(ssl|crypto|curl|gnutls|nss3)\b/;

export function planFromBuild(facts: Facts, built: StageFacts): Plan | Refusal {
  const entry = built.entry;
  if (!entry) return { refuse: 'the build could not resolve the entry point' };
  if (entry.java) return javaPlan(facts, built, entry);
  const program = entry.program;
  if (program.kind === 'missing')
    return { refuse: `the build shows no ${program.name} where the entry point looks for it` };
  if (program.kind === 'script')
    return {
      refuse: `the build shows ${program.path} is a script (#!${program.shebang}): its interpreter and what it reads stay in the build image`,
    };
  if (program.kind === 'other')
    return { refuse: `the build shows ${program.path} is neither an ELF program nor a script` };
  return elfPlan(facts, built, program);
}

function elfPlan(facts: Facts, built: StageFacts, program: ElfProgram): Plan | Refusal {
  if (program.closure === null)
    return {
      refuse: `the build could not list the libraries of ${program.path}${program.closureError ? ` (${program.closureError})` : ''}`,
    };
  if (program.missing.length > 0)
    return {
      refuse: `${program.path} misses libraries even in the build image (${program.missing.join(', ')})`,
    };
  const release = debianRelease(built);
  const slim = release ? facts.runtimes.slimFor[release] : null;
  const roots = (built.diff?.roots ?? []).filter(
    (r) => INSTALL_PREFIXES.test(r) && !TOOLCHAINS.test(r) && r !== program.resolved,
  );
  const inRoots = (path: string | null) =>
    path !== null && roots.some((r) => path === r || path.startsWith(`${r}/`));
  const others = program.libraries.filter((l) => !l.libc && !CC_LIBRARIES.test(l.name));
  const unowned = others.filter((l) => l.package === null && !inRoots(l.path));
  if (unowned.length > 0)
    return {
      refuse: `the build shows ${program.path} links ${unowned.map(describe).join(', ')}, which no package owns and the build did not install`,
    };
  const packages = [
    ...new Set(others.filter((l) => !inRoots(l.path) && l.package !== null).map((l) => l.package!)),
  ].filter((p) => p !== 'libc6');
  if (others.some((l) => TLS_LIBRARIES.test(l.name))) packages.push('ca-certificates');
  const localLibraries = others.some((l) => inRoots(l.path));

  const copies = [program.resolved, ...roots];
  const told = [
    `${program.path} is ${program.closure === 'libraries' ? `a dynamic ELF linking ${others.map(describe).join(', ')}` : program.closure === 'libc-only' ? 'an ELF that needs only the C library' : 'a static ELF'}`,
    release ? `the image is Debian ${release}` : null,
    roots.length > 0 ? `the build installed ${roots.join(', ')}` : null,
  ].filter(Boolean);
  const distroless = canUseDistroless(facts);
  let runtime: string | null = null;
  if (program.closure === 'static' && distroless) runtime = facts.runtimes.static;
  else if (program.closure !== 'libraries' && distroless && release) {
    const images = facts.runtimes.distrolessFor[release];
    const needsCc = program.libraries.some((l) => CC_LIBRARIES.test(l.name));
    runtime = images ? (needsCc ? images.cc : images.base) : null;
  }
  const onSlim = runtime === null;
  if (onSlim)
    runtime = slim ?? (program.closure === 'static' ? facts.runtimes.slimFor.bookworm : null);
  if (!runtime)
    return {
      refuse: `the build shows a glibc program on ${built.os?.prettyName ?? 'an unknown OS'}, and no runtime image of that release is known`,
    };
  if (!onSlim && (packages.length > 0 || localLibraries))
    return { refuse: 'internal: distroless chosen for a program that needs packages' };
  const kw = (k: string) => keywordCasedAs(facts.stage.from, k);
  const setup: string[] = [];
  const pathLine = runtimePathFor(facts, program.path);
  if (pathLine) setup.push(`${kw('ENV')} ${pathLine}`);
  return {
    language: 'c',
    runtime,
    artifacts: copies.filter((p) => p !== program.resolved),
    renamed: [{ from: program.resolved, to: program.path }],
    packages: onSlim ? packages : [],
    setup,
    after: localLibraries ? [`${kw('RUN')} ldconfig`] : [],
    summary: `${program.path} on ${runtime} (from the build: ${told.join('; ')})`,
  };
}

function javaPlan(facts: Facts, built: StageFacts, entry: EntryFacts): Plan | Refusal {
  const java = entry.java!;
  if (!java.jar) return { refuse: 'the build shows java, but not `java -jar <file>`' };
  if (!java.jar.exists) return { refuse: `the build shows no ${java.jar.path}` };
  if (java.major === null) return { refuse: 'the build could not tell the Java version' };
  const release = debianRelease(built);
  const owner = java.java.package ?? '';
  const aptJdk = /^openjdk-\d+-(jre|jdk)(-headless)?$/.test(owner);
  const told = `from the build: Java ${java.major}${java.implementor ? ` (${java.implementor})` : ''}, ${aptJdk ? `from the package ${owner}` : `in ${java.home}`}${release ? `, Debian ${release}` : ''}`;
  if (aptJdk && release && facts.runtimes.slimFor[release]) {
    const jre = `openjdk-${java.major}-jre-headless`;
    return {
      language: 'java',
      runtime: facts.runtimes.slimFor[release],
      artifacts: [java.jar.path],
      packages: [jre],
      packagePrelude: 'mkdir -p /usr/share/man/man1',
      setup: [],
      summary: `the jar ${java.jar.path} on ${facts.runtimes.slimFor[release]} with ${jre} (${told})`,
    };
  }
  if (/adoptium|temurin/i.test(java.implementor ?? ''))
    return {
      language: 'java',
      runtime: `eclipse-temurin:${java.major}-jre`,
      artifacts: [java.jar.path],
      packages: [],
      setup: [],
      summary: `the jar ${java.jar.path} on eclipse-temurin:${java.major}-jre (${told})`,
    };
  return { refuse: `no JRE is known to match the build's Java (${told})` };
}

/** The Debian codename the build reported, when it is Debian. */
function debianRelease(built: StageFacts): string | null {
  const os = built.os;
  if (!os || os.id !== 'debian') return null;
  return os.codename;
}

/** A runtime without a shell works: exec-form entry point, a USER it has, no shell HEALTHCHECK. */
function canUseDistroless(facts: Facts): boolean {
  const entry = entryArgv(facts.stage);
  const user = userAt(facts.stage);
  return (
    entry !== null &&
    entry.node.json &&
    !hasShellHealthcheck(facts) &&
    (user === null || /^(root|nonroot|nobody|\d+)(:\S+)?$/.test(user))
  );
}

function describe(library: Library): string {
  return library.package ? `${library.name} (${library.package})` : library.name;
}
