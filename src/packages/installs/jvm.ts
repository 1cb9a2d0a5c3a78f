/**
 * Maven and Gradle. A build after the source is copied resolves dependencies itself; running
 * `mvn dependency:go-offline` / `gradle dependencies` first, on the build files alone, keeps them
 * in a layer of their own. Multi-module builds, local jars and build scripts that read other files
 * are refused: the build files alone would not resolve the same way.
 */
import type { SimpleCommand, Word } from '../../shell/query.js';
import { refuse, type Classified, type InstallInput, type ProjectFiles } from './types.js';

const MAVEN_WITH_VALUE = new Set([
  '-f',
  '--file',
  '-s',
  '--settings',
  '-gs',
  '--global-settings',
  '-P',
  '--activate-profiles',
  '-pl',
  '--projects',
  '-T',
  '--threads',
  '-t',
  '--toolchains',
  '-l',
  '--log-file',
  '-b',
  '--builder',
  '-rf',
  '--resume-from',
  '-D',
]);
/** Reactor selection makes no sense for a single-module download. */
const MAVEN_DROPPED = new Set([
  '-pl',
  '--projects',
  '-rf',
  '--resume-from',
  '-am',
  '--also-make',
  '-amd',
  '--also-make-dependents',
]);
const MAVEN_FETCH_GOALS =
  /^(dependency:(go-offline|resolve|resolve-plugins)|de\.qaware\.maven:go-offline-maven-plugin:resolve-dependencies)$/;

const GRADLE_WITH_VALUE = new Set([
  '-p',
  '--project-dir',
  '-b',
  '--build-file',
  '-c',
  '--settings-file',
  '-I',
  '--init-script',
  '-x',
  '--exclude-task',
  '-g',
  '--gradle-user-home',
  '--console',
  '--warning-mode',
  '--max-workers',
  '--priority',
  '-D',
  '-P',
]);
const GRADLE_DROPPED = new Set([
  '-x',
  '--exclude-task',
  '-p',
  '--project-dir',
  '--continuous',
  '-t',
]);
/** Build scripts that read files besides the build files (conservatively, by name). */
const GRADLE_READS_FILES =
  /\b(apply\s+from|from\s*:|files?\s*\(|fileTree\s*\(|rootProject\.file|readText|readLines|Properties\s*\(|new\s+File\s*\(|includeBuild)/;

interface Split {
  options: Word[][];
  goals: Word[];
  dynamic: boolean;
}

/** Options (each with its separate value, if any) and positionals, keeping the words. */
function split(words: readonly Word[], withValue: ReadonlySet<string>): Split {
  const out: Split = { options: [], goals: [], dynamic: false };
  for (let i = 0; i < words.length; i++) {
    const value = words[i].value;
    if (value === null) out.dynamic = true;
    else if (value.startsWith('-')) {
      if (withValue.has(value) && i + 1 < words.length) {
        out.options.push([words[i], words[i + 1]]);
        i++;
      } else out.options.push([words[i]]);
    } else out.goals.push(words[i]);
  }
  return out;
}

const optionName = (option: Word[]) => option[0].value!.replace(/=.*$/, '');
const optionValue = (option: Word[]) =>
  option[1]?.value ??
  (option[0].value!.includes('=') ? option[0].value!.replace(/^[^=]*=/, '') : null);

export function classifyJvm(cmd: SimpleCommand): Classified | null {
  const base = (cmd.name ?? '').split('/').pop();
  if (base === 'mvn' || base === 'mvnw') return maven(cmd, base === 'mvnw');
  if (base === 'gradle' || base === 'gradlew') return gradle(cmd, base === 'gradlew');
  return null;
}

function maven(cmd: SimpleCommand, wrapper: boolean): Classified {
  const args = split(cmd.args, MAVEN_WITH_VALUE);
  if (args.dynamic) return refuse('the Maven command has arguments that expand at build time');
  if (args.goals.length === 0) return { kind: 'other' };
  const file = args.options.find((o) => ['-f', '--file'].includes(optionName(o)));
  const settings = args.options.find((o) => ['-s', '--settings'].includes(optionName(o)));
  const pom = file ? optionValue(file) : null;
  if (pom !== null && (pom.includes('/') || !pom.endsWith('.xml')))
    return refuse('`-f` points at a build file elsewhere');
  const inputs: InstallInput[] = [
    { path: pom ?? 'pom.xml', required: true },
    { path: '.mvn', required: false, dir: true },
  ];
  if (wrapper) inputs.push({ path: 'mvnw', required: true });
  const settingsPath = settings ? optionValue(settings) : null;
  if (settingsPath && !settingsPath.startsWith('/'))
    inputs.push({ path: settingsPath, required: true });
  const fetchOnly = args.goals.every((g) => MAVEN_FETCH_GOALS.test(g.value!));
  const kept = args.options.filter((o) => !MAVEN_DROPPED.has(optionName(o)));
  return {
    kind: 'install',
    install: {
      tool: 'maven',
      cmd,
      project: '',
      inputs,
      outputs: [],
      fetch: fetchOnly
        ? undefined
        : [cmd.nameWord!.text, ...kept.flat().map((w) => w.text), 'dependency:go-offline'].join(
            ' ',
          ),
      inspect(files: ProjectFiles) {
        const text = files.readText(pom ?? 'pom.xml') ?? '';
        if (/<modules>/.test(text))
          return { ok: false, reason: 'a multi-module Maven build (<modules>)' };
        if (/<systemPath>/.test(text))
          return { ok: false, reason: 'pom.xml uses local jars (<systemPath>)' };
        if (/<url>\s*file:/.test(text))
          return { ok: false, reason: 'pom.xml has a repository in the source tree (file: URL)' };
        return { ok: true, inputs: [] };
      },
    },
  };
}

function gradle(cmd: SimpleCommand, wrapper: boolean): Classified {
  const args = split(cmd.args, GRADLE_WITH_VALUE);
  if (args.dynamic) return refuse('the Gradle command has arguments that expand at build time');
  if (args.goals.length === 0) return { kind: 'other' };
  const names = args.options.map(optionName);
  if (
    names.some((n) =>
      ['-I', '--init-script', '-b', '--build-file', '-c', '--settings-file'].includes(n),
    )
  )
    return refuse('the Gradle command names build or init scripts of its own');
  const projectDir = args.options.find((o) => ['-p', '--project-dir'].includes(optionName(o)));
  const project = projectDir ? (optionValue(projectDir) ?? '') : '';
  const fetchOnly = args.goals.every((g) => g.value === 'dependencies');
  const kept = args.options.filter((o) => !GRADLE_DROPPED.has(optionName(o)));
  const inputs: InstallInput[] = [
    'build.gradle',
    'build.gradle.kts',
    'settings.gradle',
    'settings.gradle.kts',
    'gradle.properties',
  ].map((path) => ({ path, required: false }));
  inputs.push({ path: 'gradle', required: false, dir: true });
  if (wrapper) inputs.push({ path: 'gradlew', required: true });
  return {
    kind: 'install',
    install: {
      tool: 'gradle',
      cmd,
      project,
      inputs,
      outputs: ['.gradle'],
      fetch: fetchOnly
        ? undefined
        : [cmd.nameWord!.text, ...kept.flat().map((w) => w.text), 'dependencies'].join(' '),
      inspect(files: ProjectFiles) {
        const build = files.readText('build.gradle') ?? files.readText('build.gradle.kts');
        if (build === null) return { ok: false, reason: 'no build.gradle(.kts) in the project' };
        const settingsText =
          files.readText('settings.gradle') ?? files.readText('settings.gradle.kts') ?? '';
        if (/^\s*include(Build|Flat)?\b/m.test(settingsText))
          return { ok: false, reason: 'a multi-project Gradle build (settings includes projects)' };
        if (files.copied('buildSrc'))
          return { ok: false, reason: 'buildSrc is compiled from the source' };
        const reads = GRADLE_READS_FILES.exec(build);
        if (reads)
          return { ok: false, reason: `the build script reads other files (\`${reads[0]}\`)` };
        return { ok: true, inputs: [] };
      },
    },
  };
}
