/**
 * Which transforms broke the build: bisection over the transforms that changed the file.
 *
 * The full set is known to fail and the empty set (the original) to work. Grow a set known to work:
 * try adding a group of candidates; if the rewrite with them still works keep them all, otherwise
 * split the group in two and try each half. A group of one that fails is a culprit. Each culprit
 * costs about 2·log2(n) trials, everything that works together is kept, and the set kept is one
 * that was actually tried (its last addition passed), never a guess.
 */

export interface Trial<T> {
  ok: boolean;
  /** Whatever the caller wants back about the trial (the measurement, the builder's error). */
  detail: T;
}

export interface Bisection<T> {
  /** The transforms kept, in the order given. */
  kept: string[];
  /** Each culprit with the failed trial that named it. */
  culprits: { id: string; trial: Trial<T> }[];
  trials: number;
}

/**
 * @param ids the transforms that changed the file, in application order
 * @param fullFailure the failed trial of the full set (so it is not built again)
 * @param tryWith builds the rewrite made by exactly these transforms
 */
export async function bisectCulprits<T>(
  ids: readonly string[],
  fullFailure: Trial<T>,
  tryWith: (subset: string[]) => Promise<Trial<T>>,
): Promise<Bisection<T>> {
  const order = new Map(ids.map((id, i) => [id, i]));
  const sorted = (list: string[]) => [...list].sort((a, b) => order.get(a)! - order.get(b)!);
  let kept: string[] = [];
  const culprits: Bisection<T>['culprits'] = [];
  let trials = 0;
  // The same set can come up again (everything kept plus the last group is the full set).
  const seen = new Map<string, Trial<T>>([[sorted([...ids]).join('\0'), fullFailure]]);

  const solve = async (group: string[]): Promise<void> => {
    if (group.length === 0) return;
    const subset = sorted([...kept, ...group]);
    let trial = seen.get(subset.join('\0'));
    if (!trial) {
      trials++;
      trial = await tryWith(subset);
      seen.set(subset.join('\0'), trial);
    }
    if (trial.ok) {
      kept = sorted([...kept, ...group]);
      return;
    }
    if (group.length === 1) {
      culprits.push({ id: group[0], trial });
      return;
    }
    const half = Math.ceil(group.length / 2);
    await solve(group.slice(0, half));
    await solve(group.slice(half));
  };

  await solve([...ids]);
  return { kept, culprits, trials };
}
