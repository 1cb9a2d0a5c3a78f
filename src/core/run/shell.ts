/**
 * The shell of a RUN (or of a shell-form CMD/ENTRYPOINT), parsed in place: what Docker hands the
 * shell, mapped onto the Dockerfile's own offsets (src/core/run/body.ts), then parsed by the bash
 * layer (src/shell). Exec form, heredocs, a non-POSIX SHELL and bodies the grammar cannot parse
 * give a reason instead of a script: transforms treat that as "do not touch".
 */
import {
  findFirst,
  hasErrexit,
  isPosixShell,
  parseShellTree,
  SHELL_SYNTAX,
  type ShellResult,
} from '../../shell/script.js';
import type { DockerfileModel, InstructionNode } from '../model.js';
import { execArgv } from '../stage-state.js';
import { blankFrom, hasBackslashBeforeContinuation, shellBodyText } from './body.js';

/**
 * Parses the shell of a RUN, or says why it will not: exec form, heredocs, a non-POSIX SHELL, or a
 * body the shell grammar cannot parse. Transforms treat a null script as "do not touch".
 */
export function parseRunShell(model: DockerfileModel, node: InstructionNode): ShellResult {
  // Instruction nodes belong to one immutable model: the result can be kept with the node.
  let result = parsed.get(node);
  if (!result) parsed.set(node, (result = parseUncached(model, node)));
  return result;
}

const parsed = new WeakMap<InstructionNode, ShellResult>();

function parseUncached(model: DockerfileModel, node: InstructionNode): ShellResult {
  if (node.keyword !== 'RUN') return { script: null, reason: 'not a RUN instruction' };
  if (node.json) return { script: null, reason: 'exec-form RUN (no shell)' };
  if (node.heredoc) return { script: null, reason: 'RUN with a heredoc' };
  if (!node.args) return { script: null, reason: 'RUN without a command' };
  return parseBody(model, node, node.shell ?? ['/bin/sh', '-c']);
}

/** Instructions whose shell form hands their text to the shell, as RUN does. */
const SHELL_FORM_COMMANDS = new Set(['CMD', 'ENTRYPOINT']);

/**
 * Parses the shell form of a CMD or ENTRYPOINT: the text the image will hand to `/bin/sh -c` (or
 * the stage's SHELL) when the container starts. Same mapping and reasons as for a RUN.
 */
export function parseShellForm(model: DockerfileModel, node: InstructionNode): ShellResult {
  let result = parsedForms.get(node);
  if (!result) {
    if (!SHELL_FORM_COMMANDS.has(node.keyword))
      result = { script: null, reason: `${node.keyword} has no shell form` };
    else if (node.json) result = { script: null, reason: `exec-form ${node.keyword} (no shell)` };
    else if (!node.args) result = { script: null, reason: `${node.keyword} without a command` };
    else result = parseBody(model, node, node.shell ?? ['/bin/sh', '-c']);
    parsedForms.set(node, result);
  }
  return result;
}

const parsedForms = new WeakMap<InstructionNode, ShellResult>();

/**
 * What a CMD or ENTRYPOINT runs when the container starts, as a shell script to query (never to
 * edit: an exec form's offsets are those of a text made here, not of the Dockerfile). The shell
 * form is `parseShellForm`; an exec form that starts a POSIX shell with `-c` gives that script; any
 * other exec form gives its words, quoted, as one command.
 */
export function startupScript(model: DockerfileModel, node: InstructionNode): ShellResult {
  if (!node.json) return parseShellForm(model, node);
  const argv = execArgv(node);
  if (!argv || argv.length === 0)
    return { script: null, reason: `${node.keyword} without a command` };
  const dashC = argv.indexOf('-c');
  const text =
    isPosixShell(argv) && dashC > 0 && dashC + 1 < argv.length
      ? argv[dashC + 1]
      : argv.map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  const root = parseShellTree(text, 0);
  if (!root) return { script: null, reason: SHELL_SYNTAX };
  return {
    script: { source: text, start: 0, end: text.length, root, comment: null, errexit: false },
  };
}

function parseBody(model: DockerfileModel, node: InstructionNode, argv: string[]): ShellResult {
  if (!isPosixShell(argv))
    return { script: null, reason: `non-POSIX SHELL ${JSON.stringify(argv)}` };
  const { start, end } = node.args!;
  if (hasBackslashBeforeContinuation(model.text, start, end, model.escapeChar))
    return {
      script: null,
      reason:
        'a line continuation right after a backslash, which Docker and a shell read differently',
    };
  let mapped = shellBodyText(model.text, start, end, model.escapeChar);
  let root = parseShellTree(mapped, start);
  if (!root) return { script: null, reason: SHELL_SYNTAX };
  let comment = findFirst(root, 'comment');
  if (comment && /\S/.test(mapped.slice(comment.end - start))) {
    // Docker joined the lines, so the comment swallows the rest of the RUN: parse what runs.
    mapped = blankFrom(mapped, comment.start - start);
    root = parseShellTree(mapped, start);
    if (!root) return { script: null, reason: SHELL_SYNTAX };
    comment = { ...comment, end };
  }
  return {
    script: {
      source: model.text,
      start,
      end,
      root,
      comment,
      errexit: hasErrexit(argv),
    },
  };
}
