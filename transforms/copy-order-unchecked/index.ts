import { defineTransform } from '../../src/core/transform.js';
import { planCopyOrder } from '../copy-order/plan.js';

export default defineTransform({
  meta: {
    id: 'copy-order-unchecked',
    title: 'copy-order where it cannot be checked: no build context, or a Cargo stub build',
    description:
      "copy-order's rewrite where dockopt cannot prove it: without a build context (the usual manifest names are assumed, optional ones copied with globs) and for Cargo, whose dependency pre-build against a stub main.rs relies on file times. With a build context it leaves everything else to copy-order.",
    safety: 'unsafe',
    category: 'cache',
  },
  create(ctx) {
    planCopyOrder(ctx, 'unchecked');
  },
});
