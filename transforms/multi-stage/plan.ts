/**
 * Per language: what the build produces, which image runs it, and what the runtime stage needs
 * besides the artifact. Each planner returns a plan, a refusal (with the reason), or null when the
 * stage is not a build of that language.
 */
import { variableBefore } from '../../src/core/env.js';
import { keywordCasedAs } from '../../src/core/layout.js';
import { absolutePath } from '../../src/core/stage-state.js';
import {
  cargoBuilds,
  cBuilds,
  compilerOutput,
  javaBuilds,
  linksStatically,
  nodeBuilds,
  npmInstalls,
  stagedInstalls,
} from '../../src/packages/builds.js';
import { aptInstalled } from '../../src/packages/installs.js';
import { jreRuntime, slimRuntime } from './runtimes.js';
import {
  copiedInto,
  entryArgv,
  namedRuntimeLibraries,
  programPath,
  scriptsOf,
  contextFileAt,
  cwdAt,
  searchPath,
  type Facts,
  type Planned,
  type Refusal,
} from './facts.js';

export function planRust(facts: Facts): Planned {
  const builds = scriptsOf(facts).flatMap(({ script }) => cargoBuilds(script));
  if (builds.length === 0) return null;
  if (!builds.every((b) => b.release))
    return { refuse: '`cargo build` without --release: the output directory is the debug profile' };
  const entry = entryArgv(facts.stage);
  const program = entry ? programPath(facts, entry.argv[0], copiedInto(facts)) : null;
  if (!program || !program.includes('/target/release/'))
    return {
      refuse:
        'the entry point does not run a file under target/release/, so the binary cargo builds cannot be named',
      askBuild: true,
    };
  const slim = slimRuntime(facts.runtimes, facts.image);
  if (!slim)
    return {
      refuse: `the Debian release of ${facts.image} is not known, so no matching glibc runtime can be named`,
      askBuild: true,
    };
  const { libs, unnamed } = namedRuntimeLibraries(facts);
  if (unnamed.length)
    return {
      refuse: `the build installs ${unnamed.join(', ')}, and the runtime library package it needs is not named`,
      askBuild: true,
    };
  return {
    language: 'rust',
    runtime: slim,
    artifacts: [program],
    packages: ['ca-certificates', ...libs],
    setup: [],
    summary: `the Rust binary ${program} on ${slim}`,
  };
}

export function planC(facts: Facts): Planned {
  const scripts = scriptsOf(facts);
  const builds = scripts.flatMap(({ script }) => cBuilds(script));
  if (builds.length === 0) return null;
  const entry = entryArgv(facts.stage);
  if (!entry) return { refuse: 'no ENTRYPOINT or CMD whose program can be read' };
  if (
    /\.(sh|py|pl|rb|js)$/.test(entry.argv[0]) ||
    ['sh', 'bash', 'python', 'python3', 'perl', 'node'].includes(entry.argv[0])
  )
    return {
      refuse: `${entry.node.keyword} runs a script from the source tree (${entry.argv[0]})`,
    };
  const written = scripts.flatMap(({ node, script }) =>
    cBuilds(script)
      .map((b) => compilerOutput(b))
      .filter((o): o is string => o !== null)
      .map((o) => absolutePath(o, facts.workdirs.before(node)))
      .filter((o): o is string => o !== null),
  );
  const copied = copiedInto(facts);
  const staged = stagedTree(facts, entry.argv[0]);
  if (staged && 'refuse' in staged) return staged;
  const program = staged?.program ?? programPath(facts, entry.argv[0], [...written, ...copied]);
  if (!program)
    return {
      refuse: `${entry.node.keyword} runs ${entry.argv[0]}, and which file that is cannot be told`,
      askBuild: true,
    };
  if (!staged && written.length > 0 && !written.includes(program) && !copied.includes(program))
    return {
      refuse: `${entry.node.keyword} runs ${entry.argv[0]}, which no visible compiler command writes`,
      askBuild: true,
    };
  const isStatic =
    builds.some((b) => linksStatically(b)) ||
    variableBefore(entry.node, ['LDFLAGS'])?.value === '-static';
  const { libs, unnamed } = namedRuntimeLibraries(facts);
  if (!isStatic && libs.length === 0)
    return {
      refuse:
        'the binary is not linked statically and the Dockerfile names no runtime library packages, so its shared libraries are unknown',
      askBuild: true,
    };
  if (!isStatic && unnamed.length)
    return {
      refuse: `the build installs ${unnamed.join(', ')}, and the runtime library package it needs is not named`,
      askBuild: true,
    };
  const slim =
    slimRuntime(facts.runtimes, facts.image) ?? (isStatic ? facts.runtimes.slimFor.bookworm : null);
  if (!slim)
    return {
      refuse: `the Debian release of ${facts.image} is not known, so no matching glibc runtime can be named`,
      askBuild: true,
    };
  return {
    language: 'c',
    runtime: slim,
    // A staged `make install`: the whole tree it wrote, where the original has it.
    artifacts: [staged?.destdir ?? program],
    packages: isStatic ? [] : libs,
    setup: [],
    summary: `the ${isStatic ? 'static' : 'dynamically linked'} binary ${program}${staged ? ` (with the tree \`make install DESTDIR=${staged.destdir}\` staged)` : ''} on ${slim}`,
  };
}

export function planJava(facts: Facts): Planned {
  const builds = scriptsOf(facts).flatMap(({ script }) => javaBuilds(script));
  if (builds.length === 0) return null;
  const entry = entryArgv(facts.stage);
  if (!entry)
    return {
      refuse: 'the jar the entry point runs is not named literally (dynamic artifact name)',
    };
  if (entry.argv[0] !== 'java') return { refuse: 'the entry point is not `java -jar <file>`' };
  const jarAt = entry.argv.indexOf('-jar');
  const jar = jarAt >= 0 ? entry.argv[jarAt + 1] : undefined;
  if (!jar || /[*?$]/.test(jar))
    return { refuse: 'the jar is not named literally (dynamic artifact name)' };
  const path = absolutePath(jar, facts.workdirs.atEnd(facts.stage));
  if (!path) return { refuse: 'the working directory is not known' };
  const runtime = jreRuntime(facts.runtimes, facts.image);
  if (runtime)
    return {
      language: 'java',
      runtime,
      artifacts: [path],
      packages: [],
      setup: [],
      summary: `the jar ${path} on ${runtime}`,
    };
  const apt = aptJre(facts);
  if ('refuse' in apt) return apt;
  return {
    language: 'java',
    runtime: apt.slim,
    artifacts: [path],
    packages: [apt.jre],
    // OpenJDK's packages fail to configure on slim images without this folder.
    packagePrelude: 'mkdir -p /usr/share/man/man1',
    setup: [],
    summary: `the jar ${path} on ${apt.slim} with ${apt.jre} (the JRE of the ${apt.jdk} the build installs)`,
  };
}

/** A JDK the stage installs with apt (`openjdk-17-jdk-headless`): its JRE package on the slim image of the same release. */
function aptJre(facts: Facts): { slim: string; jre: string; jdk: string } | Refusal {
  const jdks = [...aptInstalled([facts.stage], facts.shell).keys()].filter((p) =>
    /^(openjdk-\d+|default)-jdk(-headless)?$/.test(p),
  );
  if (jdks.length !== 1)
    return {
      refuse:
        jdks.length === 0
          ? `no JRE image is known for ${facts.image}, and the JDK does not come from apt`
          : `the stage installs several JDKs (${jdks.join(', ')})`,
      askBuild: jdks.length === 0,
    };
  const slim = slimRuntime(facts.runtimes, facts.image);
  if (!slim)
    return {
      refuse: `the Debian release of ${facts.image} is not known, so the JRE package of ${jdks[0]} cannot be matched`,
      askBuild: true,
    };
  return { slim, jdk: jdks[0], jre: jdks[0].replace(/-jdk(-headless)?$/, '-jre-headless') };
}

const MANIFEST = /^(\.\/)?(package(-lock)?\.json|package\*\.json|npm-shrinkwrap\.json)$/;

export function planNode(facts: Facts): Planned {
  const scripts = scriptsOf(facts);
  const builds = scripts.flatMap(({ script }) => nodeBuilds(script));
  if (builds.length === 0) return null;
  if (!scripts.some(({ script }) => npmInstalls(script).length > 0))
    return {
      refuse:
        'dependencies are not installed with `npm ci`/`npm install` (yarn/pnpm are not handled)',
    };
  const entry = entryArgv(facts.stage);
  if (!entry) return { refuse: 'no ENTRYPOINT or CMD whose program can be read' };
  if (['nginx', 'serve', 'npx', 'http-server'].includes(entry.argv[0]))
    return {
      refuse: `a static front-end served by ${entry.argv[0]}: moving it to a web-server runtime is not done here`,
    };
  if (entry.argv[0] === 'npm' || entry.argv[0] === 'yarn')
    return { refuse: `${entry.node.keyword} runs an npm script, whose command is in package.json` };
  if (entry.argv[0] !== 'node' || !entry.argv[1])
    return { refuse: 'the entry point is not `node <file>`' };
  const workdir = facts.workdirs.atEnd(facts.stage);
  const script = absolutePath(entry.argv[1], workdir);
  if (!workdir || !script) return { refuse: 'the working directory is not known' };
  const relative = script.startsWith(`${workdir}/`) ? script.slice(workdir.length + 1) : null;
  if (!relative || !relative.includes('/'))
    return {
      refuse: `${entry.node.keyword} runs ${entry.argv[1]}, a script from the source tree rather than a build output folder`,
    };
  const outDir = `${workdir}/${relative.split('/')[0]}`;
  if (/^(src|lib|app)$/.test(relative.split('/')[0]))
    return { refuse: `${entry.node.keyword} runs ${entry.argv[1]} from the source tree` };
  const manifests = facts.stage.instructions.filter(
    (n) =>
      n.keyword === 'COPY' &&
      n.ast
        .getArguments()
        .map((a) => a.getValue())
        .slice(0, -1)
        .every((s) => MANIFEST.test(s)) &&
      n.flags.length === 0,
  );
  const usesCi = scripts.some(({ script }) =>
    npmInstalls(script).some((c) => c.args.some((a) => a.value === 'ci')),
  );
  const kw = (k: string) => keywordCasedAs(facts.stage.from, k);
  let setup: string[];
  if (manifests.length > 0) {
    const lockfile = manifests.some((n) =>
      n.ast.getArguments().some((a) => /package-lock|package\*|shrinkwrap/.test(a.getValue())),
    );
    const install = lockfile ? 'npm ci --omit=dev' : 'npm install --omit=dev';
    setup = [
      ...manifests.map((n) => facts.model.text.slice(n.start, n.end)),
      `${kw('RUN')} ${install}`,
    ];
  } else if (usesCi) {
    // `npm ci` ran, so the build stage has both manifests where it installed them.
    const from = facts.stage.name ?? 'build';
    setup = [
      `${kw('COPY')} --from=${from} ${workdir}/package.json ${workdir}/package-lock.json ${workdir}/`,
      `${kw('RUN')} npm ci --omit=dev`,
    ];
  } else {
    return {
      refuse:
        'package.json is not copied on its own and `npm install` may have run without a lockfile, so the runtime cannot install the same production dependencies',
    };
  }
  return {
    language: 'node',
    runtime: facts.image,
    artifacts: [outDir],
    packages: [],
    setup,
    summary: `the build output ${outDir} with production dependencies only (npm ci --omit=dev) on ${facts.image}`,
  };
}

/**
 * A `make install` staged with DESTDIR into a folder, where the Makefile honours it (it writes
 * `$(DESTDIR)`, or it is generated by configure): the program the entry point runs, when it lies
 * in that tree (an absolute path there, or a PATH folder there) and the Makefile names it. Null when
 * nothing is staged.
 */
function stagedTree(
  facts: Facts,
  argv0: string,
): { destdir: string; program: string } | Refusal | null {
  for (const { node, script } of scriptsOf(facts))
    for (const { cmd, destdir } of stagedInstalls(script)) {
      if (destdir === null)
        return { refuse: '`make install` stages into a DESTDIR that is not a literal path' };
      const cwd = cwdAt(facts, node, script, cmd.node.start);
      const makefile = cwd && contextFileAt(facts, node, cwd, 'Makefile');
      const text = makefile ? (facts.context!.readText(makefile) ?? '') : '';
      const generated = cwd && contextFileAt(facts, node, cwd, 'configure') !== null;
      if (!/\$[({]DESTDIR[)}]/.test(text) && !generated)
        return {
          refuse: `\`make install DESTDIR=${destdir}\`: the Makefile is not in the build context, or does not honour DESTDIR`,
          askBuild: true,
        };
      const name = argv0.split('/').pop()!;
      const inTree = argv0.startsWith('/')
        ? argv0.startsWith(`${destdir}/`) && argv0
        : searchPath(facts)
            .filter((dir) => dir.startsWith(`${destdir}/`))
            .map((dir) => `${dir}/${name}`)[0];
      if (!inTree || !new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text))
        return {
          refuse: `the entry point runs ${argv0}, which the staged \`make install DESTDIR=${destdir}\` is not shown to install`,
          askBuild: true,
        };
      return { destdir, program: inTree };
    }
  return null;
}
