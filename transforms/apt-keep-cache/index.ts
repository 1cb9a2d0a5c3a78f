import { baseImageFacts } from '../../src/core/base-image.js';
import { commentBlockAbove, indentOf, keywordCasedAs } from '../../src/core/layout.js';
import type { InstructionNode, Stage } from '../../src/core/model.js';
import { baseImageOf, descendantsOf } from '../../src/core/stages.js';
import { defineTransform, type TransformContext } from '../../src/core/transform.js';
import { updatesBeforeUse } from '../../src/packages/apt.js';
import { lineageTouchesDockerClean } from '../../src/packages/apt-lists.js';
import { instructionSnippet } from '../../src/packages/hygiene.js';
import { isMountedAway } from '../../src/packages/mounts.js';

/** The idiom of the Dockerfile reference's "cache apt packages" example. */
export const KEEP_CACHE_COMMAND =
  'rm -f /etc/apt/apt.conf.d/docker-clean; echo \'Binary::apt::APT::Keep-Downloaded-Packages "true";\' > /etc/apt/apt.conf.d/keep-cache';

const APT_INSTALL_TEXT = /\bapt(-get)?\b[^\n]*\b(install|upgrade|dist-upgrade|build-dep)\b/;

export default defineTransform({
  meta: {
    id: 'apt-keep-cache',
    title: 'Let apt keep its downloads in the cache mount (--cache-strategy mounts)',
    description:
      "Only with `--cache-strategy mounts`: official Debian/Ubuntu images delete downloaded .deb files after every install (/etc/apt/apt.conf.d/docker-clean), which leaves an apt cache mount empty. Adds the Dockerfile reference's `rm -f /etc/apt/apt.conf.d/docker-clean; echo … > /etc/apt/apt.conf.d/keep-cache` before the first RUN with a /var/cache/apt cache mount. Unsafe: the image keeps that apt configuration, so images built FROM it keep .deb files in their layers unless they clean up.",
    safety: 'unsafe',
    category: 'cache',
  },
  create(ctx) {
    if (ctx.settings.cacheStrategy !== 'mounts') return;
    for (const stage of ctx.model.stages) {
      const family = baseImageFacts(baseImageOf(stage)).family;
      if (family !== null && family !== 'debian') continue;
      if (lineageTouchesDockerClean(ctx.model, stage, ctx.shell)) continue;
      const first = stage.instructions.find(
        (n) => n.keyword === 'RUN' && isMountedAway(n, '/var/cache/apt') && installsWithApt(ctx, n),
      );
      if (first) insertBefore(ctx, stage, first);
    }
  },
});

function insertBefore(ctx: TransformContext, stage: Stage, first: InstructionNode): void {
  const later = [
    ...stage.instructions.filter((n) => n.index > first.index),
    ...descendantsOf(ctx.model, stage).flatMap((s) => s.instructions),
  ];
  const unmounted = later.find(
    (n) =>
      (n.keyword === 'ONBUILD' && APT_INSTALL_TEXT.test(ctx.model.text.slice(n.start, n.end))) ||
      (n.keyword === 'RUN' && installsWithApt(ctx, n) && !isMountedAway(n, '/var/cache/apt')),
  );
  if (unmounted) {
    ctx.report({
      message: `docker-clean left in place: ${instructionSnippet(ctx.model, unmounted)} (line ${unmounted.firstLine + 1}) installs with apt without a /var/cache/apt cache mount, and would keep the downloaded .deb files in its layer`,
      node: first,
    });
    return;
  }
  const at = commentBlockAbove(ctx.model, first);
  const text = `${indentOf(ctx.model, first)}${keywordCasedAs(first, 'RUN')} ${KEEP_CACHE_COMMAND}\n`;
  ctx.report({
    message:
      'removed the docker-clean apt config (and told apt to keep downloads) before the first RUN with an apt cache mount, so downloaded .deb files stay in the cache; the image keeps this config: images built FROM it keep .deb files in their layers unless they run `apt-get clean`',
    node: first,
    fix: [{ start: at, end: at, text }],
  });
}

function installsWithApt(ctx: TransformContext, node: InstructionNode): boolean {
  const { script } = ctx.shell(node);
  if (!script) return APT_INSTALL_TEXT.test(ctx.model.text.slice(node.start, node.end));
  return updatesBeforeUse(script).users.length > 0;
}
