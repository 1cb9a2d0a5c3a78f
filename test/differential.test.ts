/**
 * Differential execution of dockopt's rewrites: the property tests compare texts, these run them.
 * A generated Dockerfile (test/helpers/differential/generator.ts) and dockopt's rewrite of it are
 * both built by a small executor (executor.ts: FROM, WORKDIR, ENV, SHELL, RUN, each RUN a fresh
 * `sh -c` stopping the build at the first failure) over stub programs that log their calls
 * (stub.ts), in a sandbox (sandbox.ts), with dash and with bash as /bin/sh. In each shell the two
 * builds must agree on the ordered stub calls, the final status (zero or not), and, when they
 * succeed, the files they leave (compare.ts).
 *
 * Transform selections tried: the default (safe) set, `only collapse-run`, `only fold-cleanup`, and
 * `only cd-to-workdir`. The last is unsafe for one documented reason: its WORKDIR creates a
 * directory that the `cd` it replaces would have failed on. So when, in a shell, the rewritten
 * build's WORKDIRs create a directory the original's did not, that shell's comparison is not made
 * (the case is counted as not comparable); anything else it changes is reported.
 *
 * `npm test` runs a fixed seed (printed); DOCKOPT_SEED=<n> replays another. `npm run fuzz` runs
 * many more cases from a fresh seed (DOCKOPT_FUZZ_RUNS scales it as for test/property.test.ts;
 * DOCKOPT_DIFFERENTIAL_RUNS sets the count directly). A failure prints the seed, both Dockerfiles
 * and both builds' traces, shrunk.
 */
import fc from 'fast-check';
import { DockerfileParser } from 'dockerfile-ast';
import { initialize, optimizeSync, type OptimizeOptions } from '../src/api.js';
import { dockerfileArbitrary } from './helpers/differential/generator.js';
import { createSandbox, type Sandbox } from './helpers/differential/sandbox.js';
import { execute } from './helpers/differential/executor.js';
import { joinContinuations, planOf } from './helpers/differential/plan.js';
import { differential, formatReport, type ShellOutcome } from './helpers/differential/compare.js';

const FUZZ = process.env.DOCKOPT_FUZZ === '1';
const SEED = process.env.DOCKOPT_SEED
  ? Number(process.env.DOCKOPT_SEED)
  : FUZZ
    ? (Date.now() ^ (process.pid << 16)) | 0
    : 20260802;
/** Generated files in `npm test`; about a quarter come back with the same steps and are not built. */
const CI_RUNS = 40;
const RUNS = process.env.DOCKOPT_DIFFERENTIAL_RUNS
  ? Number(process.env.DOCKOPT_DIFFERENTIAL_RUNS)
  : FUZZ
    ? Math.round((Number(process.env.DOCKOPT_FUZZ_RUNS ?? 20000) * CI_RUNS) / 1000)
    : CI_RUNS;

interface Selection {
  name: string;
  options: OptimizeOptions;
  /** Its share of the generated cases (fold-cleanup and cd-to-workdir alone change few). */
  weight: number;
  /** cd-to-workdir: a WORKDIR that creates a directory where a `cd` failed is expected. */
  createsWorkdirs?: boolean;
}
const SELECTIONS: Selection[] = [
  { name: 'default (safe) transforms', options: {}, weight: 4 },
  { name: 'only collapse-run', options: { only: ['collapse-run'] }, weight: 2 },
  { name: 'only fold-cleanup', options: { only: ['fold-cleanup'] }, weight: 1 },
  {
    name: 'only cd-to-workdir',
    options: { only: ['cd-to-workdir'] },
    weight: 1,
    createsWorkdirs: true,
  },
];

let sandbox: Sandbox;
beforeAll(async () => {
  await initialize();
  sandbox = createSandbox();
  console.log(
    `differential tests: seed ${SEED}, ${RUNS} generated Dockerfiles (replay: DOCKOPT_SEED=${SEED})`,
  );
});
afterAll(() => sandbox?.dispose());

interface Checked {
  rewritten: string;
  /** The rewrite does something else than the original (different steps), so both were built. */
  built: boolean;
  /** How the builds differ (both texts and traces), or null. */
  report: string | null;
  /** Shells whose comparison was not made: cd-to-workdir's documented difference. */
  notComparable: number;
}

/** Rewrites `text` with `selection`, builds both, and reports any difference. */
function check(text: string, selection: Selection): Checked {
  const rewritten = optimizeSync(text, { ...selection.options, filename: 'Dockerfile' }).output;
  // Same steps (say, only a relative WORKDIR made absolute): the builds cannot differ.
  if (stepsOf(rewritten) === stepsOf(text))
    return { rewritten, built: false, report: null, notComparable: 0 };
  const outcomes = differential(text, rewritten, sandbox);
  const comparable = outcomes.filter((o) => !(selection.createsWorkdirs && createsMoreWorkdirs(o)));
  return {
    rewritten,
    built: true,
    report: reportIfDifferent(text, rewritten, comparable, selection.name),
    notComparable: outcomes.length - comparable.length,
  };
}

/** What a build does with the text, line numbers left out. */
const stepsOf = (text: string) =>
  JSON.stringify(planOf(text, sandbox.root).map((step) => ({ ...step, line: 0 })));

/** The rewritten build's WORKDIRs made a directory the original's did not (cd-to-workdir). */
const createsMoreWorkdirs = ({ original, rewritten }: ShellOutcome) =>
  rewritten.workdirsCreated.some((dir) => !original.workdirsCreated.includes(dir));

function reportIfDifferent(
  original: string,
  rewritten: string,
  outcomes: ShellOutcome[],
  heading: string,
): string | null {
  if (outcomes.every((o) => o.differences.length === 0)) return null;
  return formatReport(original, rewritten, outcomes, sandbox.root, `${heading}\n`);
}

/** The text of a Dockerfile whose lines say `R` (a word, or before a `/`) for the sandbox root. */
const dockerfile = (...lines: string[]) =>
  `${lines.join('\n').replace(/(?<=\s)R(?=[/\s]|$)/gm, sandbox.root)}\n`;

describe('the harness', () => {
  test('Docker joins continuation lines and drops the comment lines inside them', () => {
    expect(joinContinuations('a && \\\n    # note\n\n    b \\  \n  c')).toBe('a &&     b   c');
    expect(joinContinuations("echo '#x' # y")).toBe("echo '#x' # y");
  });

  test('the executor plays WORKDIR, ENV, SHELL and RUN, and stops at the first failing RUN', () => {
    const text = dockerfile(
      'FROM debian:bookworm',
      'WORKDIR R',
      'ENV V=e1',
      'RUN ok c1 "$V" > out && cd a && ok c2',
      'WORKDIR c/d',
      'RUN export W=x && ok c3 | ok c4 >> R/out',
      'SHELL ["/bin/sh", "-e", "-c"]',
      'RUN ok c5 && \\',
      '    # a comment',
      '    fail c6; ok c7',
      'RUN ok c8',
    );
    for (const shell of ['dash', 'bash'] as const) {
      const build = execute(text, sandbox, shell);
      expect(build.status).toBe(1);
      expect(build.calls).toEqual([
        'ok c1 e1 | cwd=/ V=e1 W=<unset>',
        'ok c2 | cwd=/a V=e1 W=<unset>',
        'ok c3 | cwd=/c/d V=e1 W=x',
        'ok c4 | cwd=/c/d V=e1 W=x',
        'ok c5 | cwd=/c/d V=e1 W=<unset>',
        'fail c6 | cwd=/c/d V=e1 W=<unset>',
      ]);
      expect(build.steps.map((s) => [s.label, s.status])).toEqual([
        ['WORKDIR (line 2)', 0],
        ['RUN (line 4)', 0],
        ['WORKDIR (line 5)', 0],
        ['RUN (line 6)', 0],
        ['RUN (line 8)', 1],
      ]);
      expect(build.files).toMatchObject({ out: 'ok c1 e1\nok c4\n', 'c/d/': '' });
      expect(build.workdirsCreated).toEqual([`${sandbox.root}/c/d`]);
    }
  });

  test('the executor refuses what it does not model', () => {
    const play =
      (...lines: string[]) =>
      () =>
        planOf(dockerfile('FROM debian:bookworm', ...lines), sandbox.root);
    expect(play('COPY . R/')).toThrow(/COPY\): instruction not modelled/);
    expect(play('WORKDIR /elsewhere')).toThrow(/outside the sandbox/);
    expect(play('RUN --network=none ok c1')).toThrow(/flags/);
    expect(play('RUN ["ok", "c1"]')).toThrow(/exec form/);
    expect(play('RUN [ -d R/a ] && ok c1')()).toHaveLength(1);
    expect(play('SHELL ["/bin/bash", "-c"]')).toThrow(/shell/);
    expect(play('ENV V=$W')).toThrow(/value/);
    expect(play('FROM debian:bookworm')).toThrow(/second stage/);
  });

  test('the comparison reports a rewrite that changes what fails (pattern 1 joined by hand)', () => {
    const original = dockerfile(
      'FROM debian:bookworm',
      'WORKDIR R',
      'RUN mkdir R/a',
      "RUN grep -q '^level=' R/app.conf || echo 'level=3' >> R/app.conf",
    );
    const joined = dockerfile(
      'FROM debian:bookworm',
      'WORKDIR R',
      "RUN mkdir R/a && grep -q '^level=' R/app.conf || echo 'level=3' >> R/app.conf",
    );
    const outcomes = differential(original, joined, sandbox);
    for (const outcome of outcomes)
      expect(outcome.differences).toEqual([expect.stringMatching(/^final status: original 1,/)]);
    const report = reportIfDifferent(original, joined, outcomes, 'self-test');
    expect(report).toContain('RUN mkdir /sandbox/a && grep');
    expect(report).toMatch(/dash, rewritten build:\n.*\n *RUN \(line 3\) -> 0/);
  });

  test('the comparison reports changed calls and changed files', () => {
    const original = dockerfile('FROM debian:bookworm', 'WORKDIR R', 'RUN cd a', 'RUN ok c1 > f');
    const leaky = dockerfile('FROM debian:bookworm', 'WORKDIR R', 'RUN cd a && ok c1 > f');
    for (const outcome of differential(original, leaky, sandbox))
      expect(outcome.differences).toEqual([
        'stub call #1: original "ok c1 | cwd=/ V=<unset> W=<unset>", rewritten "ok c1 | cwd=/a V=<unset> W=<unset>"',
        'file a/f: original none, rewritten "ok c1\\n"',
        'file f: original "ok c1\\n", rewritten none',
      ]);
  });

  test("cd-to-workdir: only its documented difference (WORKDIR makes the cd's directory) is left out", () => {
    const cdToWorkdir = SELECTIONS[3];
    const missing = check(
      dockerfile('FROM debian:bookworm', 'WORKDIR R', 'RUN cd R/x && ok c1', 'WORKDIR R'),
      cdToWorkdir,
    );
    expect(missing.rewritten).toContain(`WORKDIR ${sandbox.root}/x\nRUN ok c1\n`);
    expect(missing).toMatchObject({ report: null, notComparable: 2 });
    const existing = check(
      dockerfile('FROM debian:bookworm', 'WORKDIR R', 'RUN cd R/a && ok c1', 'WORKDIR R'),
      cdToWorkdir,
    );
    expect(existing.rewritten).toContain(`WORKDIR ${sandbox.root}/a\nRUN ok c1\n`);
    expect(existing).toMatchObject({ report: null, notComparable: 0 });
  });

  test('a generated build with pipes gives the same trace every time', () => {
    fc.assert(
      fc.property(dockerfileArbitrary(sandbox.root), ({ text }) => {
        fc.pre(/[^|]\|[^|]/.test(text));
        for (const outcome of differential(text, text, sandbox))
          if (outcome.differences.length > 0)
            throw new Error(formatReport(text, text, [outcome], sandbox.root, 'not repeatable\n'));
      }),
      { seed: SEED, numRuns: 4 },
    );
  });

  test('the generated cases find a naive RUN joiner (a && b for every pair)', () => {
    const outcome = fc.check(
      fc.property(dockerfileArbitrary(sandbox.root), ({ text }) => {
        const joined = naiveCollapse(text);
        const outcomes = differential(text, joined, sandbox);
        return outcomes.every((o) => o.differences.length === 0);
      }),
      { seed: SEED, numRuns: 100, endOnFailure: true },
    );
    expect(outcome.failed).toBe(true);
  });
});

/**
 * Hand-written cases, built by the same executor, with the default transforms unless a case names
 * its selection. `R` stands for the sandbox root. The first eleven are behaviour changes dockopt
 * made before issue 19 (a fix that refuses to join them passes as well as one that joins them
 * correctly): the shell's precedence of redirects and pipes (src/shell/precedence.ts) and the
 * refusal to join after a RUN that removes the next one's working directory fixed them.
 */
describe('known shapes', () => {
  const [defaults, , foldCleanup] = SELECTIONS;
  const cases: { name: string; lines: string[]; selection?: Selection }[] = [
    // Fixed (collapse-run), the first five: a later RUN `a || b <redirect> ...` is joined
    // unbraced; tree-sitter-bash reads the redirect as applying to the whole `a || b`, so the
    // RUN seems to have no `||` at its top level, but the shell reads `(earlier && a) || b > f`:
    // a failing earlier RUN no longer fails the build.
    {
      name: 'pattern 1: a later `a || b >> f` after a failing RUN',
      lines: ['RUN mkdir R/a', "RUN grep -q '^level=' R/app.conf || echo 'level=3' >> R/app.conf"],
    },
    { name: 'a later `a || b > f`', lines: ['RUN fail c1', 'RUN ok c2 || ok c3 > f1'] },
    { name: 'a later `a || b > f 2>&1`', lines: ['RUN fail c1', 'RUN ok c2 || ok c3 > f1 2>&1'] },
    { name: 'a later `a || b < f`', lines: ['RUN fail c1', 'RUN ok c2 || ok c3 < f1'] },
    {
      name: 'a later `a || b > f && c`',
      lines: ['RUN fail c1', 'RUN ok c2 || ok c3 > f1 && ok c4'],
    },
    // Fixed (collapse-run, fold-cleanup), the next five: `a && b > f | c` is read by
    // tree-sitter-bash as a pipe whose first member is `(a && b) > f`, so `a` (a cd, an export,
    // an exit) seems to run in a pipe's subshell and not to leak; the shell reads
    // `a && (b > f | c)`, and `a` does leak into what is joined after it. The real-world shape is
    // `RUN cd src && make 2>&1 | tee build.log` followed by `RUN make install`.
    {
      name: 'an earlier `cd a && b 2>&1 | c` (make 2>&1 | tee log)',
      lines: ['RUN cd a && ok c1 2>&1 | ok c2', 'RUN ok c3'],
    },
    {
      name: 'an earlier `cd a && ( b ) > f | c`',
      lines: ['RUN cd a && ( ok c1 ) > f1 | true', 'RUN ok c2'],
    },
    {
      name: 'an earlier `export V=x && { b; } >> f | c`',
      lines: ['RUN export V=x1 && { ok c1; } >> f1 | true', 'RUN ok c2'],
    },
    {
      name: 'a cleanup folded after `cd a && b 2>&1 | c > log`',
      lines: ['RUN cd a && ok c1 2>&1 | ok c2 > log', 'RUN rm -f log'],
      selection: foldCleanup,
    },
    {
      name: 'a cleanup folded after `exit 0 && ( b ) > f | c`',
      lines: ['RUN exit 0 && ( ok c1 ) > R/f1 | true', 'RUN rm -f R/f1'],
      selection: foldCleanup,
    },
    // Fixed (collapse-run): builders create a RUN's working directory when it is missing
    // (BuildKit's runc executor does), so a RUN after one that deleted its WORKDIR runs in a
    // fresh, empty one; joined, it runs in the deleted directory, where `> f1` cannot be created.
    {
      name: 'an earlier RUN that deletes the working directory',
      lines: ['WORKDIR R/x', 'RUN rm -rf R/x', 'RUN ok c1 > f1'],
    },
    {
      name: 'pattern 1 when the first RUN succeeds',
      lines: [
        'RUN mkdir R/data',
        "RUN grep -q '^level=' R/app.conf || echo 'level=3' >> R/app.conf",
      ],
    },
    { name: 'a later `a; b > f`', lines: ['RUN fail c1', 'RUN fail c2; ok c3 > f1'] },
    { name: 'a later `a && b > f`', lines: ['RUN fail c1', 'RUN ok c2 && ok c3 > f1'] },
    { name: 'a later `! a`', lines: ['RUN fail c1', 'RUN ! fail c2'] },
    { name: 'a later pipeline', lines: ['RUN fail c1', 'RUN ok c2 | ok c3'] },
    { name: 'a later `a | b || c`', lines: ['RUN fail c1', 'RUN ok c2 | fail c3 || ok c4'] },
    { name: 'a later `a | b > f`', lines: ['RUN fail c1', 'RUN fail c2 | ok c3 > f1'] },
    { name: 'a later `{ a || b; } > f`', lines: ['RUN fail c1', 'RUN { fail c2 || ok c3; } > f1'] },
    { name: 'an earlier `a || b`', lines: ['RUN fail c1 || fail c2', 'RUN ok c3'] },
    { name: 'an earlier `! a`', lines: ['RUN ! ok c1', 'RUN ok c2'] },
    { name: 'an earlier `cd a | b`', lines: ['RUN cd a | ok c1', 'RUN ok c2'] },
    { name: 'a relative cd after an earlier cd', lines: ['RUN cd a', 'RUN cd b && ok c1'] },
    {
      name: 'an absolute cd after an earlier cd',
      lines: ['RUN cd a && ok c1', 'RUN cd R/c && ok c2', 'RUN ok c3'],
    },
    { name: 'set -e in the earlier RUN', lines: ['RUN set -e; fail c1; ok c2', 'RUN ok c3'] },
    {
      name: 'set -e in a middle RUN',
      lines: ['RUN ok c1', 'RUN set -e; fail c2; ok c3', 'RUN ok c4'],
    },
    {
      name: 'a SHELL with -e',
      lines: ['SHELL ["/bin/sh", "-ec"]', 'RUN cd a; fail c1; ok c2', 'RUN ok c3'],
    },
    { name: 'exit in the earlier RUN', lines: ['RUN ok c1; exit 0', 'RUN ok c2'] },
    { name: 'export in the earlier RUN', lines: ['RUN export V=x1', 'RUN ok c1'] },
    { name: 'a plain assignment over an ENV', lines: ['ENV V=e1', 'RUN V=x3', 'RUN ok c1'] },
    {
      name: 'a cleanup after a RUN that read the file through a relative path',
      lines: ['RUN ok c1 > R/out', 'RUN cd R && grep -q ok out || ok c2', 'RUN rm -f R/out'],
      selection: foldCleanup,
    },
  ];
  for (const { name, lines, selection = defaults } of cases)
    test(`${name} (${selection.name})`, () => {
      const text = dockerfile('FROM debian:bookworm', 'WORKDIR R', ...lines);
      const { report } = check(text, selection);
      if (report !== null) throw new Error(report);
    });
});

test(
  `generated Dockerfiles build the same before and after dockopt (${RUNS} cases)`,
  () => {
    let built = 0;
    let notComparable = 0;
    const selection = fc.oneof(
      ...SELECTIONS.map((s) => ({ arbitrary: fc.constant(s), weight: s.weight })),
    );
    const property = fc.property(
      dockerfileArbitrary(sandbox.root),
      selection,
      ({ text }, chosen) => {
        const checked = check(text, chosen);
        if (checked.built) built++;
        notComparable += checked.notComparable;
        if (checked.report !== null) throw new Error(checked.report);
      },
    );
    try {
      fc.assert(property, { seed: SEED, numRuns: RUNS });
    } catch (error) {
      (error as Error).message =
        `replay with DOCKOPT_SEED=${SEED} npx jest test/differential.test.ts\n${(error as Error).message}`;
      throw error;
    }
    console.log(
      `differential: ${built} of ${RUNS} generated Dockerfiles were rewritten and built; ` +
        `${notComparable} shell comparisons left out (a WORKDIR of cd-to-workdir made a directory)`,
    );
  },
  Math.max(600_000, RUNS * 3_000),
);

/** The self-test's wrong rewrite: every run of consecutive RUNs joined with a bare `&&`. */
function naiveCollapse(text: string): string {
  const instructions = DockerfileParser.parse(text).getInstructions();
  const lines: string[] = [];
  let previousRun = false;
  for (const instruction of instructions) {
    const raw = instruction.getRawArgumentsContent() ?? '';
    if (instruction.getKeyword() === 'RUN') {
      const body = joinContinuations(raw);
      if (previousRun) lines[lines.length - 1] += ` && ${body}`;
      else lines.push(`RUN ${body}`);
      previousRun = true;
    } else {
      lines.push(`${instruction.getKeyword()} ${raw}`);
      previousRun = false;
    }
  }
  return `${lines.join('\n')}\n`;
}
