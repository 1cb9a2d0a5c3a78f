import { defineTransform } from '../../src/core/transform.js';
import { planCopyOrder } from './plan.js';

export default defineTransform({
  meta: {
    id: 'copy-order',
    title: 'Copy dependency manifests and install before copying the rest of the source',
    description:
      '`COPY . .` before `npm ci` re-runs the install on every source change. Copies the manifests (package.json and lock file, requirements.txt, go.mod...) first, installs, then copies the rest, so the dependency layer stays cached. Only where the build context on disk shows which manifests exist and that the install reads nothing else; without a context it does nothing (see copy-order-unchecked).',
    safety: 'safe',
    category: 'cache',
  },
  create(ctx) {
    planCopyOrder(ctx, 'checked');
  },
});
