/**
 * Plays a Dockerfile's steps (plan.ts) with a real shell, in the sandbox, the way a builder
 * would: each RUN is a fresh `<shell> <args> '<text>'` process whose working directory is the
 * current WORKDIR (created when missing, as builders do) and whose environment is the ENV so far;
 * the build stops at the first step that fails. `/bin/sh` (Docker's default shell, and the first
 * word of a `SHELL ["/bin/sh", ...]`) is played by the shell under test, dash or bash.
 *
 * The steps are written into one driver script run by dash: a process started from Node costs
 * several times a fork from a shell, and a build has up to a dozen steps. The driver marks each
 * step's start and status in the stubs' log, so the calls can be told apart per step.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planOf, type RunStep, type Step } from './plan.js';
import type { Sandbox } from './sandbox.js';
import { shQuote } from './stub.js';

export type ShellName = 'dash' | 'bash';
const SHELL_BINARY: Record<ShellName, string> = { dash: '/bin/dash', bash: '/bin/bash' };

export interface StepTrace {
  /** `RUN (line n)` or `WORKDIR (line n)`. */
  label: string;
  status: number;
  /** Stub calls made during this step. */
  calls: string[];
  /** The first lines of the step's stderr, to explain a failure. */
  stderr: string;
}

export interface Execution {
  shell: ShellName;
  /** 0 when every step succeeded, else the failing step's status. */
  status: number;
  /** The steps played, up to the failing one. */
  steps: StepTrace[];
  /** Every stub call, in order. */
  calls: string[];
  /** The directories WORKDIR steps had to create (not a RUN's directory created again). */
  workdirsCreated: string[];
  /** The sandbox after the build (see Sandbox.snapshot). */
  files: Record<string, string>;
}

const MARK = '@step';

/** Builds `dockerfile` in the sandbox (reset first) with `shell` standing for /bin/sh. */
export function execute(dockerfile: string, sandbox: Sandbox, shell: ShellName): Execution {
  const steps = planOf(dockerfile, sandbox.root);
  sandbox.reset();
  const result = spawnSync('/bin/dash', ['-c', driverScript(steps, sandbox, shell)], {
    cwd: sandbox.scratch,
    env: { PATH: `${sandbox.bin}:/usr/local/bin:/usr/bin:/bin`, HOME: sandbox.root, LC_ALL: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(
      `differential driver: status ${result.status} (${result.signal}): ${result.stderr}`,
    );
  return { shell, ...readTrace(steps, sandbox), files: sandbox.snapshot() };
}

/** One `sh` script that plays the steps, logging `@step <i> start` and `@step <i> <status>`. */
function driverScript(steps: Step[], sandbox: Sandbox, shell: ShellName): string {
  const log = shQuote(sandbox.log);
  const lines = steps.map((step, i) => {
    const err = shQuote(join(sandbox.scratch, `stderr.${i}`));
    const dir = shQuote(step.kind === 'workdir' ? step.dir : step.cwd);
    // The directory first (a WORKDIR, or a RUN's directory an earlier RUN removed).
    const created = `printf '${MARK} %s created\\n' ${i} >>${log}`;
    const makeDir = `{ [ -d ${dir} ] || { mkdir -p -- ${dir} && ${created}; }; } 2>${err}`;
    const body =
      step.kind === 'workdir' ? makeDir : `${makeDir} && ${runIn(dir, step, shell)} 2>${err}`;
    return [
      `printf '${MARK} %s start\\n' ${i} >>${log}`,
      body,
      `s=$?; printf '${MARK} %s %s\\n' ${i} "$s" >>${log}; [ "$s" -eq 0 ] || exit 0`,
    ].join('\n');
  });
  return `${lines.join('\n')}\nexit 0\n`;
}

/** A RUN's process: in its directory, with its ENV, input from /dev/null, output dropped. */
function runIn(dir: string, step: RunStep, shell: ShellName): string {
  const exports = Object.entries(step.env).map(
    ([name, value]) => `export ${name}=${shQuote(value)} && `,
  );
  const argv = [SHELL_BINARY[shell], ...step.shellArgs, step.text].map(shQuote).join(' ');
  // dash exports OLDPWD after a cd: a RUN's environment has no such variable.
  return `( cd -- ${dir} && unset OLDPWD && ${exports.join('')}exec ${argv} ) </dev/null >/dev/null`;
}

/** Splits the log into the steps' calls and statuses. */
function readTrace(steps: Step[], sandbox: Sandbox) {
  const traces: StepTrace[] = [];
  const calls: string[] = [];
  const workdirsCreated: string[] = [];
  for (const line of sandbox.logLines()) {
    const mark = new RegExp(`^${MARK} (\\d+) (start|created|\\d+)$`).exec(line);
    if (!mark) {
      calls.push(line);
      traces[traces.length - 1]?.calls.push(line);
      continue;
    }
    const step = steps[Number(mark[1])];
    if (mark[2] === 'start') {
      const label = `${step.kind === 'run' ? 'RUN' : 'WORKDIR'} (line ${step.line})`;
      traces.push({ label, status: -1, calls: [], stderr: '' });
    } else if (mark[2] === 'created') {
      if (step.kind === 'workdir') workdirsCreated.push(step.dir);
    } else {
      const trace = traces[traces.length - 1];
      trace.status = Number(mark[2]);
      trace.stderr = readFileSync(join(sandbox.scratch, `stderr.${mark[1]}`), 'utf8')
        .split('\n')
        .slice(0, 3)
        .join('\n')
        .trim();
    }
  }
  const last = traces[traces.length - 1];
  if (last && last.status === -1)
    throw new Error(`differential driver: ${last.label} has no status`);
  return { status: last?.status ?? 0, steps: traces, calls, workdirsCreated };
}
