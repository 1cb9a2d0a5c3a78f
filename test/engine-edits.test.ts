/**
 * How the engine treats a fix's own edits: an insertion at the start of a replacement is applied in
 * front of it (found by the property tests: apt-hygiene's `mkdir … &&` before its `apt` → `apt-get`
 * was dropped on every pass until the pass limit); edits that really overlap, or fall outside the
 * text, are reported as the transform's internal error at once instead of being retried silently.
 */
import { initialize, optimizeSync } from '../src/api.js';
import { defineTransform, type Transform } from '../src/core/transform.js';

beforeAll(() => initialize());

const fixing = (
  id: string,
  edits: (text: string) => { start: number; end: number; text: string }[],
) =>
  defineTransform({
    meta: { id, title: id, description: id, safety: 'safe', category: 'size' },
    create(ctx) {
      const run = ctx.model.instructions.find((n) => n.keyword === 'RUN');
      if (run && !ctx.model.text.includes('done'))
        ctx.report({ message: id, node: run, fix: edits(ctx.model.text) });
    },
  });

const run = (transform: Transform, text: string) =>
  optimizeSync(text, { only: [transform.meta.id], transforms: [transform] });

const TEXT = 'FROM a\nRUN apt install x\n';
const at = TEXT.indexOf('apt');

test('an insertion at the start of a replacement goes in front of it', () => {
  const t = fixing('insert-and-replace', () => [
    { start: at, end: at + 3, text: 'apt-get' },
    { start: at, end: at, text: 'mkdir -p /done && ' },
  ]);
  const result = run(t, TEXT);
  expect(result.errors).toEqual([]);
  expect(result.output).toBe('FROM a\nRUN mkdir -p /done && apt-get install x\n');
});

test('overlapping edits, or an edit outside the text: an internal error at once', () => {
  const overlapping = fixing('overlapping', () => [
    { start: at, end: at + 5, text: 'done' },
    { start: at + 2, end: at + 7, text: 'done' },
  ]);
  expect(run(overlapping, TEXT).errors).toEqual([
    {
      transform: 'overlapping',
      message: 'internal error: a fix has edits that overlap one another; please report this',
    },
  ]);
  const outside = fixing('outside', (text) => [
    { start: text.length, end: text.length + 3, text: 'done' },
  ]);
  const result = run(outside, TEXT);
  expect(result.output).toBe(TEXT);
  expect(result.errors).toEqual([
    {
      transform: 'outside',
      message: 'internal error: a fix has an edit outside the text; please report this',
    },
  ]);
});
