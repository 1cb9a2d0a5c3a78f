import type { BuildContext } from '../../src/core/context.js';
import { keywordCasedAs } from '../../src/core/layout.js';
import { copyArguments } from '../../src/core/copy-operands.js';
import { argsText, type DockerfileModel, type InstructionNode } from '../../src/core/model.js';
import { defineTransform } from '../../src/core/transform.js';
import {
  ARCHIVE_HEAD_BYTES,
  hasArchiveName,
  hasExtension,
  isArchiveContent,
  isDirectorySpelling,
} from './archive.js';

/** Flags COPY has too, with the same meaning. */
const SHARED_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude']);
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
const GLOB = /[*?[]/;

type Verdict = { ok: true; byName: boolean } | { ok: false; reason: string };

export default defineTransform({
  meta: {
    id: 'add-to-copy',
    title: 'ADD → COPY for local files that are not archives',
    description:
      'ADD also downloads URLs and unpacks tar archives; for plain local files and directories COPY does the same copy and says so. Kept: remote sources, archives, --checksum and other ADD-only flags.',
    safety: 'safe',
    category: 'practice',
    hadolint: ['DL3020'],
  },
  create(ctx) {
    for (const node of ctx.model.instructions) {
      if (node.keyword === 'ONBUILD' && /^\s*add\b/i.test(argsText(ctx.model, node))) {
        ctx.report({
          message:
            'ONBUILD ADD left as is: it runs in a later build, whose files cannot be looked at',
          node,
        });
        continue;
      }
      if (node.keyword !== 'ADD' || !node.stage) continue;
      const verdict = judge(ctx.model, node, ctx.buildContext);
      if (!verdict.ok) {
        ctx.report({ message: `ADD kept: ${verdict.reason}`, node });
        continue;
      }
      const keywordEnd = node.start + node.keywordText.length;
      ctx.report({
        message: `ADD → COPY: the sources are local and not archives, so ADD only copies them${
          verdict.byName
            ? ` (judged by name: ${ctx.buildContext ? 'not found in the build context' : 'no build context to look in'})`
            : ''
        }`,
        node,
        fix: [{ start: node.start, end: keywordEnd, text: keywordCasedAs(node, 'COPY') }],
      });
    }
  },
});

function judge(
  model: DockerfileModel,
  node: InstructionNode,
  context: BuildContext | null,
): Verdict {
  if (/^<<|\s<</.test(argsText(model, node))) return refuse('it has a heredoc');
  for (const flag of node.flags)
    if (!SHARED_FLAGS.has(flag.name)) return refuse(`\`--${flag.name}\` exists only for ADD`);
  const parsed = copyArguments(model, node);
  if (!parsed) return refuse('its arguments could not be read');
  let byName = false;
  for (const source of parsed.sources) {
    if (source.includes('$')) return refuse(`\`${source}\` uses a variable`);
    if (REMOTE.test(source)) return refuse(`\`${source}\` is downloaded`);
    if (hasArchiveName(source)) return refuse(`\`${source}\` is named like an archive ADD unpacks`);
    const seen = GLOB.test(source) ? null : lookAt(context, source);
    if (seen === 'archive') return refuse(`\`${source}\` is a tar archive, which ADD unpacks`);
    if (seen === 'plain') continue;
    if (isDirectorySpelling(source) || hasExtension(source)) {
      byName = true;
      continue;
    }
    return refuse(
      `cannot tell whether \`${source}\` is a tar archive (ADD would unpack it) without the build context`,
    );
  }
  return { ok: true, byName };
}

/** What the file in the build context is, or null when it cannot be looked at. */
function lookAt(context: BuildContext | null, source: string): 'archive' | 'plain' | null {
  if (!context?.readHead || !context.exists(source)) return null;
  if (context.isDirectory(source)) return 'plain';
  const head = context.readHead(source, ARCHIVE_HEAD_BYTES);
  if (!head) return null;
  return isArchiveContent(head) ? 'archive' : 'plain';
}

function refuse(reason: string): Verdict {
  return { ok: false, reason };
}
