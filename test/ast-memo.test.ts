/**
 * src/core/ast-memo.ts makes dockerfile-ast tokenise an instruction's arguments once: the memoized
 * method must give what the library's own gives, for every instruction of every fixture, and a
 * caller that mutates the array it got must not change what the next caller gets.
 */
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { tokeniseArguments } from '../src/core/ast-memo.js';
import { fixtureCases, fixtureTransforms } from './helpers/fixtures.js';

const EDGE_CASES = [
  'RUN --mount=type=cache,target=/root/.cache \\\n  --network=none pip install x\n',
  'RUN a \\  \n  b \\\t\n c\n',
  'RUN ["/bin/sh", "-c", "echo \\"hi\\""]\nCMD []\nENTRYPOINT [ ]\n',
  '# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir `\n  c:\\\n',
  'RUN <<EOF\necho a\nEOF\nCOPY --chown=1:1 <<x /a\nhi\nx\n',
  'ONBUILD RUN --mount=type=bind,target=/x make \\\n  # comment\n  install\n',
  'RUN echo a\\ b "c d" \\\r\n  e\r\n',
];

type Raw = { getRawArguments(): ReturnType<Instruction['getArguments']> };
const plain = (args: ReturnType<Instruction['getArguments']>) =>
  args.map((a) => ({ value: a.getValue(), range: a.getRange() }));

describe('memoized dockerfile-ast argument tokenising', () => {
  const texts = [
    ...fixtureTransforms().flatMap((id) => fixtureCases(id).flatMap((c) => [c.input, c.expected])),
    ...EDGE_CASES,
  ];

  it('covers the fixtures', () => expect(texts.length).toBeGreaterThan(500));

  it('gives what the library gives, for every instruction of every fixture', () => {
    let compared = 0;
    for (const text of texts) {
      const dockerfile = DockerfileParser.parse(text);
      const instructions = [...dockerfile.getInstructions(), ...dockerfile.getOnbuildTriggers()];
      for (const instruction of instructions) {
        const memoized = plain((instruction as unknown as Raw).getRawArguments());
        expect(memoized).toEqual(plain(tokeniseArguments(instruction)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('hands each caller its own array', () => {
    const [run] = DockerfileParser.parse('RUN --network=none a b c\n').getInstructions();
    const raw = run as unknown as Raw;
    const first = raw.getRawArguments();
    first.splice(0, first.length);
    expect(raw.getRawArguments().map((a) => a.getValue())).toEqual([
      '--network=none',
      'a',
      'b',
      'c',
    ]);
    // The flag is shifted off getArguments' copy, not off the memo.
    expect(run.getArguments().map((a) => a.getValue())).toEqual(['a', 'b', 'c']);
    expect(run.getArguments().map((a) => a.getValue())).toEqual(['a', 'b', 'c']);
  });
});
