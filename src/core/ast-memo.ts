/**
 * Makes dockerfile-ast tokenise each instruction's arguments once instead of five or six times.
 *
 * `Instruction.getRawArguments()` walks the instruction's text character by character and maps
 * every argument back to a line/character position; the library calls it from `getArguments`,
 * `getFlags`, `getArgumentsRange`, `getRawArgumentsContent` and the JSON-form constructor, so
 * parsing a RUN tokenised it five or six times: about a fifth of the engine's time over real
 * Dockerfiles went there (see README, "Speed").
 *
 * An instruction's text never changes after parsing (a document is parsed once and dockopt never
 * edits it through the library), so the result depends on the instance alone. Callers mutate the
 * array they get (`ModifiableInstruction.getArguments` shifts the flags off it), so each call gets
 * a fresh copy; the Argument objects themselves are never mutated by the library or by dockopt.
 * test/ast-memo.test.ts checks that the memoized and the original method agree.
 */
import { Instruction, type Argument } from 'dockerfile-ast';

type RawArguments = (this: Instruction) => Argument[];

interface WithRawArguments {
  getRawArguments: RawArguments & { original?: RawArguments };
}

const prototype = Instruction.prototype as unknown as WithRawArguments;
// A second copy of this module (two builds in one process) must not wrap the wrapper.
const original: RawArguments = prototype.getRawArguments.original ?? prototype.getRawArguments;

/** The library's own method, uncached: for the equivalence test. */
export function tokeniseArguments(instruction: Instruction): Argument[] {
  return original.call(instruction);
}

const memo = new WeakMap<Instruction, Argument[]>();

function memoized(this: Instruction): Argument[] {
  let args = memo.get(this);
  if (args === undefined) memo.set(this, (args = original.call(this)));
  return args.slice();
}

if (prototype.getRawArguments === original)
  prototype.getRawArguments = Object.assign(memoized, { original });
