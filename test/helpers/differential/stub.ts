/**
 * The stub program of the differential tests: one POSIX sh script installed under several names
 * in a directory put first on PATH. Each call appends one line to a log (its name, its arguments,
 * its working directory relative to the sandbox, the exported V and W) and exits with the status
 * its name asks for: `ok` 0, `fail` 1. It also prints its call on stdout, so that a redirect
 * (`ok c1 > f`) writes something the file comparison can see.
 *
 * It reads its standard input to the end before logging: in `a | b` both run at once, and the log
 * order would depend on scheduling; waiting for the writer's end of the pipe makes it `a` then `b`.
 * (The executor gives every RUN /dev/null as input, so outside a pipe the read ends at once.)
 * It ignores SIGPIPE: when what it writes into a pipe is not read, its status stays its own.
 */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Name → exit status. */
export const STUB_STATUS = { ok: 0, fail: 1 } as const;
export type StubName = keyof typeof STUB_STATUS;

/** Single-quotes a word for sh. */
export const shQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function stubScript(root: string, log: string): string {
  const statuses = Object.entries(STUB_STATUS)
    .map(([name, status]) => `  ${name}) exit ${status} ;;`)
    .join('\n');
  return `#!/bin/sh
# Stub of the differential tests (test/helpers/differential/stub.ts).
trap '' PIPE
while IFS= read -r _line; do :; done
ROOT=${shQuote(root)}
name=\${0##*/}
if cd -P . 2>/dev/null; then dir=$PWD; else dir='<gone>'; fi
case $dir in
  "$ROOT") rel=/ ;;
  "$ROOT"/*) rel=/\${dir#"$ROOT"/} ;;
  *) rel="<outside>$dir" ;;
esac
printf '%s %s | cwd=%s V=%s W=%s\\n' "$name" "$*" "$rel" "\${V-<unset>}" "\${W-<unset>}" >> ${shQuote(log)}
printf '%s %s\\n' "$name" "$*"
case $name in
${statuses}
esac
exit 99
`;
}

/** Writes the stub into `binDir` under every name of STUB_STATUS; returns the directory. */
export function installStubs(binDir: string, root: string, log: string): string {
  mkdirSync(binDir, { recursive: true });
  const script = join(binDir, 'stub');
  writeFileSync(script, stubScript(root, log));
  chmodSync(script, 0o755);
  for (const name of Object.keys(STUB_STATUS)) symlinkSync(script, join(binDir, name));
  return binDir;
}
