/**
 * Classifies the commands of a RUN for the copy-order transforms: dependency installs (with what
 * they read and write), commands that do not read the project source (setup and cleanup), and
 * everything else, which may read anything.
 */
import type { SimpleCommand } from '../../shell/query.js';
import { textOf, type ShellScript } from '../../shell/script.js';
import { classifyGo } from './go.js';
import { classifyJvm } from './jvm.js';
import { classifyNode } from './node.js';
import { classifyPython } from './python.js';
import { classifyRubyPhp } from './ruby-php.js';
import { classifyDotnetCargo } from './dotnet-cargo.js';
import type { Classified } from './types.js';

export type { Classified, Install, InstallInput, Inspection, ProjectFiles } from './types.js';

/** System package managers: installing named packages does not read the project source. */
const SYSTEM_PACKAGES = new Set(['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper']);
/** Commands that read nothing of the project and write only the paths they are given. */
const PATH_WRITERS = new Set(['rm', 'mkdir', 'chown', 'chmod', 'ln', 'touch']);
const HARMLESS = new Set([
  'true',
  ':',
  'echo',
  'printf',
  'update-ca-certificates',
  'ldconfig',
  'useradd',
  'groupadd',
  'adduser',
  'addgroup',
  'which',
  'node',
  'python',
  'python3',
  'java',
]);

export function classifyCommand(script: ShellScript, cmd: SimpleCommand): Classified {
  const prefixText = (c: SimpleCommand) => c.prefixes.map((p) => textOf(script, p));
  const known =
    classifyNode(cmd) ??
    classifyPython(cmd) ??
    classifyGo(cmd, prefixText) ??
    classifyJvm(cmd) ??
    classifyRubyPhp(cmd) ??
    classifyDotnetCargo(cmd);
  if (known) return known;
  const name = cmd.name;
  if (name === null) return { kind: 'other' };
  if (cmd.args.some((a) => a.value === null)) return { kind: 'other' };
  const values = cmd.args.map((a) => a.value!);
  if (SYSTEM_PACKAGES.has(name)) {
    // A local package file (`apt-get install ./x.deb`) comes from the source.
    return values.some((v) => v.includes('/') || /\.(deb|rpm|apk)$/.test(v))
      ? { kind: 'other' }
      : { kind: 'setup' };
  }
  if (PATH_WRITERS.has(name)) {
    const operands = values.filter((v) => !v.startsWith('-') || /^[-+][rwxXst]/.test(v));
    // chown/chmod: the first operand is the owner or mode, not a path.
    const paths = name === 'chown' || name === 'chmod' ? operands.slice(1) : operands;
    return { kind: 'setup', touches: paths.filter((v) => !/^[-+]/.test(v)) };
  }
  if (
    name === 'set' &&
    values.every((v) => /^[-+][a-z]+$|^-o$|^(errexit|nounset|pipefail|xtrace)$/.test(v))
  )
    return { kind: 'setup' };
  if (HARMLESS.has(name)) {
    // `node -v`, `python3 --version`: asking a version reads nothing; running a script may.
    if (['node', 'python', 'python3', 'java'].includes(name))
      return values.length > 0 && values.every((v) => /^-(-version|v|V)$/.test(v))
        ? { kind: 'setup' }
        : { kind: 'other' };
    return { kind: 'setup' };
  }
  return { kind: 'other' };
}
