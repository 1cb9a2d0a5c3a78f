/** The facts' types live in src/core/build-facts.ts, where transforms can read them. */
export * from '../core/build-facts.js';
