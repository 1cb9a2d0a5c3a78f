/** Exec-form arguments as Docker reads them (InstructionNode.jsonArgv). */
import { parseDockerfile } from '../src/core/model.js';

function argv(instruction: string): string[] | null {
  const model = parseDockerfile(`FROM a\n${instruction}\n`);
  return model.instructions[1].jsonArgv;
}

test.each([
  [
    'CMD ["sh", "-c", "gem pristine --all && exec puma"]',
    ['sh', '-c', 'gem pristine --all && exec puma'],
  ],
  ['ENTRYPOINT ["echo","a  b"]', ['echo', 'a  b']],
  ['CMD ["a", \\\n    "b c"]', ['a', 'b c']],
  ['CMD ["a", \\\n# a comment line\n    "b"]', ['a', 'b']],
  ['CMD ["tab\\tand \\"quote\\""]', ['tab\tand "quote"']],
])('%s', (instruction, expected) => expect(argv(instruction)).toEqual(expected));

test.each([['CMD echo a b'], ['CMD [not json]'], ["CMD ['single', 'quotes']"], ['CMD ["a", 1]']])(
  'not an exec form: %s',
  (instruction) => expect(argv(instruction)).toBeNull(),
);
