/**
 * The properties the suite asserts for one app, from its measured variants. Each check is
 * { app, name, ok, detail }; none of them can pass without having been measured.
 */

import { sameBuild } from './variants.js';

/**
 * Size transforms whose saving depends on what is there: dockerignore's entries also guard
 * against files that are not in the context yet (a clean checkout has no node_modules).
 */
const MAY_SAVE_NOTHING = new Set(['dockerignore']);

/** Transforms that change the build's result on purpose only by adding layers (copy-order). */
const LAYER_ADDING = new Set(['copy-order']);

/**
 * @param app the app definition (e2e.json + name)
 * @param variants [{ name, text, applied, findings, layersInFile, measured, sameAs }]
 * @param categories Map transform id → category
 */
export function checkApp(app, variants, categories) {
  const checks = [];
  const check = (name, ok, detail = '') =>
    checks.push({ app: app.name, name, ok: Boolean(ok), detail });
  const original = variants.find((v) => v.name === 'original');
  // A skipped variant (its dockopt option does not exist yet) is neither passed nor failed: the
  // run lists it apart.
  const measured = variants.filter((v) => !v.skipped);
  // The variants dockopt made; `best` is the hand-written yardstick, checked on its own below.
  const rewrites = measured.filter((v) => v.name !== 'original' && v.name !== 'best');

  for (const variant of rewrites.filter((v) => typeof v.rolledBack === 'string'))
    check(
      `${variant.name}: dockopt --verify rolled nothing back (exit 0)`,
      variant.rolledBack === '',
      variant.rolledBack,
    );
  for (const variant of measured) {
    const cold = variant.measured?.cold;
    check(`${variant.name}: builds`, cold?.ok, cold && !cold.ok ? lastLines(cold.log) : '');
    if (!cold?.ok) continue;
    const smoke = cold.smoke;
    check(
      `${variant.name}: smoke command passes`,
      smoke?.code === 0,
      smoke?.code === 0
        ? lastLines(smoke.output, 2)
        : `exit ${smoke?.code}: ${lastLines(smoke?.output ?? '')}`,
    );
  }
  if (app.unchanged) {
    for (const variant of rewrites)
      check(
        `${variant.name}: already optimised, comes back unchanged (Dockerfile and .dockerignore)`,
        sameBuild(variant, original),
        sameBuild(variant, original) ? '' : `changed by ${variant.applied.join(', ')}`,
      );
  }

  const base = original.measured?.cold;
  const best = measured.find((v) => v.name === 'best')?.measured?.cold;
  if (best?.ok && base?.ok)
    check(
      'best: the hand-written rewrite is smaller than the original (else its saving is no yardstick)',
      best.size < base.size,
      `${base.size} → ${best.size} bytes`,
    );
  for (const variant of rewrites.filter((v) => !sameBuild(v, original))) {
    const cold = variant.measured?.cold;
    if (!base?.ok || !cold?.ok) continue;
    const added = variant.findings.filter((f) => LAYER_ADDING.has(f.transform)).length;
    check(
      `${variant.name}: size does not grow`,
      cold.size <= base.size,
      `${base.size} → ${cold.size} bytes`,
    );
    check(
      `${variant.name}: layers do not grow${added ? ` (beyond the ${added} copy-order adds)` : ''}`,
      cold.layers <= base.layers + added,
      `${base.layers} → ${cold.layers}`,
    );
    const sizeTransforms = variant.applied.filter(
      (id) => categories.get(id) === 'size' && !MAY_SAVE_NOTHING.has(id),
    );
    if (sizeTransforms.length > 0)
      check(
        `${variant.name}: smaller, since ${sizeTransforms.join(', ')} applied`,
        cold.size < base.size,
        `${base.size} → ${cold.size} bytes`,
      );
    const fileLayers = variant.layersInFile;
    if (
      fileLayers &&
      fileLayers.after < fileLayers.before &&
      !variant.applied.includes('multi-stage')
    )
      check(
        `${variant.name}: fewer layers, since the Dockerfile has fewer RUN/COPY/ADD (${fileLayers.before} → ${fileLayers.after})`,
        cold.layers < base.layers,
        `${base.layers} → ${cold.layers}`,
      );
    if (variant.applied.includes('copy-order')) {
      const reuse = variant.measured.dependencyLayer;
      check(
        `${variant.name}: warm rebuild after a source change re-uses the dependency layer (copy-order)`,
        reuse?.reused === true,
        reuse ? `step: ${reuse.step}` : 'no dependency layer found, or no warm rebuild',
      );
    }
  }
  return checks;
}

function lastLines(text, count = 8) {
  return String(text)
    .split('\n')
    .filter((l) => l.trim())
    .slice(-count)
    .join('\n');
}
