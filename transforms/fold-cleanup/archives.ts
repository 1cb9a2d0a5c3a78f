/**
 * Files that a COPY/ADD layer keeps although a RUN deletes them: reported with their size (from
 * the build context, when it is known). The rewrite is `fold-archive`'s, which is unsafe.
 */
import type { TransformContext } from '../../src/core/transform.js';
import { consumedCopies } from '../../src/core/run/consumed-copy.js';

export function reportCopiedArchives(ctx: TransformContext): void {
  for (const found of consumedCopies(ctx.model, ctx.shell)) {
    const source = found.source.replace(/^\.?\/+/, '');
    const bytes = found.remote ? null : (ctx.buildContext?.size?.(source) ?? null);
    const size = bytes === null ? '' : ` (${formatBytes(bytes)})`;
    ctx.report({
      message: `${found.path}${size} is deleted by the RUN at line ${found.run.firstLine + 1}, but still ships in the layer of the ${found.copy.keyword} at line ${found.copy.firstLine + 1}; fold-archive (unsafe) can ${found.remote ? 'download it in that RUN' : 'bind-mount it into that RUN'} instead`,
      node: [found.copy, found.run],
      ...(bytes !== null && bytes > 0
        ? { estimate: { bytes, basis: `size of ${source} in the build context` } }
        : {}),
    });
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}
