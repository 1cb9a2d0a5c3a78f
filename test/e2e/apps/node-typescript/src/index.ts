// Prints durations in words: `node dist/index.js 90s 2h` → "1m", "2h".
// `--selftest` checks a few known answers and exits 0 when they all match.
import ms from 'ms';

export function humanize(input: string): string {
  const value = ms(input);
  if (typeof value !== 'number' || Number.isNaN(value)) throw new Error(`not a duration: ${input}`);
  return ms(value, { long: true });
}

function selftest(): number {
  const cases: [string, string][] = [
    ['90s', '2 minutes'],
    ['2h', '2 hours'],
    ['1d', '1 day'],
  ];
  const failed = cases.filter(([input, expected]) => humanize(input) !== expected);
  for (const [input, expected] of failed)
    console.error(`selftest: ${input} gave ${humanize(input)}, expected ${expected}`);
  console.log(`selftest: ${cases.length - failed.length}/${cases.length} ok`);
  return failed.length === 0 ? 0 : 1;
}

const args = process.argv.slice(2);
if (args.includes('--selftest')) process.exit(selftest());
for (const arg of args) console.log(humanize(arg));
