/**
 * What the fake builders' images (test/helpers/fake-builder.sh) answer when something runs in them,
 * for `--build` tests: a program given as $FAKE_BUILDER_EXEC that answers
 *
 *   - the facts probe (`/bin/sh -c <probe> dockopt-probe ...`): a Debian 12 image whose entry point
 *     `app` is /usr/local/bin/app, a dynamic ELF file (the first 4 KiB of this machine's /bin/ls)
 *     linking libz.so.1 and libc.so.6;
 *   - the default check's loader run (`<loader> --list <program>`), as $FAKE_BUILDER_LOADER says:
 *     `ok` (default: every library found), `not-found` (libz.so.1 => not found, exit 0), `missing`
 *     (the loader is not there: exit 127);
 *   - a smoke command (`/bin/sh -c ...`): run on the host, as the fake builder does without this;
 *   - anything else (the start check runs the entry point), as $FAKE_BUILDER_START says: `exit:<n>`
 *     (default `exit:0`), `loader-error` (glibc's message, exit 1), `sleep` (runs until killed).
 *
 * Every run appends `<argv...>` (tab-separated) to $FAKE_BUILDER_RUNS, with `#pid <n>` lines for
 * the processes the `sleep` answer leaves running, so a test can see they were stopped.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The loader this machine's /bin/ls names (PT_INTERP), as the fake image's program names it. */
export const LOADER = (() => {
  const text = readFileSync('/bin/ls').subarray(0, 4096).toString('latin1');
  return /\/[\w/.-]*ld[-\w.]*\.so\.\d/.exec(text)![0];
})();

export const ENTRY_PATH = '/usr/local/bin/app';

/** od's dump of /bin/ls: a dynamic ELF file whose loader is this machine's, as the probe prints it. */
export function lsHex(): string[] {
  const bytes = readFileSync('/bin/ls').subarray(0, 4096);
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16)
    lines.push(
      `hex\tentry\t ${[...bytes.subarray(i, i + 16)].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`,
    );
  return lines;
}

const PROBE_ANSWER = [
  'dockopt-probe\t1',
  'os-release\tID=debian',
  'os-release\tVERSION_ID="12"',
  'os-release\tVERSION_CODENAME=bookworm',
  `resolve\tentry\tfound\t${ENTRY_PATH}`,
  `file\tentry\t${ENTRY_PATH}`,
  'kind\tentry\telf',
  ...lsHex(),
  `ld-run\tentry\t${LOADER}`,
  'ld-exit\tentry\t0',
  'ld\tentry\t\tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x1)',
  'ld\tentry\t\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x2)',
  `ld\tentry\t\t${LOADER} (0x3)`,
  'end',
];

/** Writes the answering program under `dir`; returns the environment that installs it. */
export function fakeImageAnswers(dir: string): Record<string, string> {
  const home = join(dir, 'image-answers');
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'probe.txt'), `${PROBE_ANSWER.join('\n')}\n`);
  const hook = join(home, 'answer.sh');
  writeFileSync(
    hook,
    `#!/bin/sh
# $1: the image's Dockerfile; then the argv run in the image.
dockerfile="$1"
shift
log="$FAKE_BUILDER_RUNS"
case "$*" in
  *dockopt-probe*) echo probe >>"$log"; cat "${join(home, 'probe.txt')}"; exit 0 ;;
esac
( IFS='	'; printf '%s\\n' "$*" ) >>"$log"
# A smoke command (--smoke) runs on the host, as without this program.
if [ "$1" = /bin/sh ] && [ "$2" = -c ]; then FAKE_IMAGE_DOCKERFILE="$dockerfile" exec "$@"; fi
if [ "$1" = "${LOADER}" ] && [ "$2" = --list ]; then
  case "\${FAKE_BUILDER_LOADER:-ok}" in
    ok)
      printf '\\tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x1)\\n\\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x2)\\n'
      exit 0 ;;
    not-found)
      printf '\\tlibz.so.1 => not found\\n\\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x2)\\n'
      exit 0 ;;
    missing)
      echo "exec ${LOADER}: no such file or directory" >&2
      exit 127 ;;
  esac
fi
case "\${FAKE_BUILDER_START:-exit:0}" in
  exit:*) echo "app started"; exit "\${FAKE_BUILDER_START#exit:}" ;;
  loader-error)
    echo "$1: error while loading shared libraries: libz.so.1: cannot open shared object file: No such file or directory" >&2
    exit 1 ;;
  sleep)
    sleep 30 &
    printf '#pid %s\\n#pid %s\\n' "$$" "$!" >>"$log"
    wait ;;
esac
`,
  );
  chmodSync(hook, 0o755);
  return { FAKE_BUILDER_EXEC: hook, FAKE_BUILDER_RUNS: join(home, 'runs.log') };
}

/** The argv of each run in an image, in order (a probe run is `['probe']`). */
export function imageRuns(env: Record<string, string | undefined>): string[][] {
  let text = '';
  try {
    text = readFileSync(env.FAKE_BUILDER_RUNS!, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#pid '))
    .map((line) => line.split('\t'));
}

/** Process ids the `sleep` answer started (the answering shell and its child). */
export function startedPids(env: Record<string, string | undefined>): number[] {
  try {
    return readFileSync(env.FAKE_BUILDER_RUNS!, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('#pid '))
      .map((line) => Number(line.slice(5)));
  } catch {
    return [];
  }
}
