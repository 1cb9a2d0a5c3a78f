import type { Edit } from '../../src/core/edits.js';
import { variableBefore } from '../../src/core/env.js';
import { legacyBaseFor, rootImageOf } from '../../src/core/images.js';
import type { InstructionNode } from '../../src/core/model.js';
import { defineTransform, type TransformContext, shellRuns } from '../../src/core/transform.js';
import { decidesDocs, isOfficialRubyImage, rubyCommands } from '../../src/packages/ruby.js';
import type { ShellScript } from '../../src/shell/script.js';
import { bundleCleanup } from './bundle.js';
import { condaCleanup } from './conda.js';
import { gemrcDisablesDocs } from './gemrc.js';

export default defineTransform({
  meta: {
    id: 'gem-hygiene',
    title: 'gem without documentation; bundle and conda caches removed in the RUN that fills them',
    description:
      'Adds `--no-document` to `gem install`/`gem update`, removes the gem and Bundler caches at the end of a RUN that runs `bundle install`, and appends `conda clean -afy` after conda installs. With `--cache-strategy mounts` only `--no-document` is added.',
    safety: 'safe',
    category: 'size',
  },
  create(ctx) {
    for (const { node, script } of shellRuns(ctx)) rewriteRun(ctx, node, script);
  },
});

function rewriteRun(ctx: TransformContext, node: InstructionNode, script: ShellScript): void {
  const edits: Edit[] = [];
  const did: string[] = [];
  const notes: string[] = [];
  addNoDocument(ctx, node, script, edits, did, notes);
  if (ctx.settings.cacheStrategy !== 'mounts') {
    for (const cleanup of [bundleCleanup(ctx, node, script), condaCleanup(ctx, node, script)]) {
      if (typeof cleanup === 'string') notes.push(cleanup);
      else if (cleanup) {
        edits.push(cleanup.edit);
        did.push(`appended \`${cleanup.command}\``);
      }
    }
  }
  if (edits.length > 0)
    ctx.report({ message: `ruby/conda: ${[...new Set(did)].join('; ')}`, node, fix: edits });
  for (const note of new Set(notes)) ctx.report({ message: note, node });
}

/**
 * `--no-document` on `gem install`/`gem update`: RubyGems otherwise generates ri and rdoc
 * documentation for every gem. Not on the official ruby images (their gemrc already says
 * `--no-document`), nor where a gemrc written earlier says so, nor on bases whose RubyGems
 * predates the flag.
 */
function addNoDocument(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  edits: Edit[],
  did: string[],
  notes: string[],
): void {
  const gems = rubyCommands(script).filter(
    (c) =>
      c.tool === 'gem' &&
      (c.subcommand === 'install' || c.subcommand === 'i' || c.subcommand === 'update') &&
      c.sub &&
      !decidesDocs(c) &&
      !c.cmd.args.some((a) => a.value === '--system'),
  );
  if (gems.length === 0) return;
  if (isOfficialRubyImage(rootImageOf(node.stage!))) return;
  if (gemrcDisablesDocs(ctx, node, script, gems[0].cmd.node.start)) return;
  const legacy = legacyBaseFor(node.stage!, 'rubygems');
  if (legacy) {
    notes.push(`--no-document not added: the RubyGems of ${legacy} predates it (RubyGems 2.0)`);
    return;
  }
  if (variableBefore(node, ['GEMRC']) !== null) return;
  for (const gem of gems) {
    edits.push({ start: gem.sub!.end, end: gem.sub!.end, text: ' --no-document' });
    did.push(`added --no-document to \`gem ${gem.subcommand}\``);
  }
}
