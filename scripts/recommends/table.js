/**
 * The shipped table's compact form (format 1, read by src/data/recommends.ts):
 *
 *   strings   every package and program name once, the most used first (short indexes)
 *   lists     [root, program, program, …]: a recommended package and the programs it brings, as
 *             string indexes; shared by every entry and release with the same list
 *   results   [[list, …], [header, …]]: one package's answer: indexes into `lists`, then string
 *             indexes of the recommended packages that bring C headers (an empty tail is cut)
 *   entries   per release, flat pairs [package, result, …]: packages in ascending string index,
 *             each written as the difference from the previous one; a result index written
 *             bitwise-not (negative) marks a package that also recommends packages the table
 *             leaves out (see select.js)
 *
 * Lists, results and strings are stored once across all releases and numbered most used first;
 * that sharing, and small integers in place of names, is what keeps the file small.
 */

/**
 * Interns values by their JSON text, counting uses; `rank()` numbers them most used first and
 * returns them in that order; `indexOf(value)` then gives a value's number.
 */
function interner() {
  const byKey = new Map();
  const indexes = new Map();
  return {
    add(value) {
      const key = JSON.stringify(value);
      const entry = byKey.get(key) ?? { value, uses: 0 };
      entry.uses++;
      byKey.set(key, entry);
      return value;
    },
    rank() {
      const ranked = [...byKey].sort((a, b) => b[1].uses - a[1].uses);
      ranked.forEach(([key], i) => indexes.set(key, i));
      return ranked.map(([, entry]) => entry.value);
    },
    indexOf: (value) => indexes.get(JSON.stringify(value)),
  };
}

/**
 * Builds the table. `releases`: [{ info, answers: Map<package, { roots: [{ name, programs, dev
 * }], partial: boolean }> }].
 */
export function encodeTable({ header, releases }) {
  const strings = interner();
  const lists = interner();
  const results = interner();
  const perRelease = releases.map(({ info, answers }) => {
    const rows = [];
    for (const [pkg, { roots, partial }] of answers) {
      const listed = roots
        .filter((root) => root.programs.length > 0)
        .map((root) => lists.add([root.name, ...root.programs]));
      const headers = roots.filter((root) => root.dev).map((root) => root.name);
      for (const name of [pkg, ...listed.flat(), ...headers]) strings.add(name);
      rows.push({ pkg, result: results.add([listed, headers]), partial });
    }
    return { info, rows, count: answers.size };
  });

  const stringTable = strings.rank();
  const at = (name) => strings.indexOf(name);
  const listTable = lists.rank().map((names) => names.map(at));
  const resultTable = results.rank().map(([listed, headers]) => {
    const row = [listed.map((names) => lists.indexOf(names)).sort((a, b) => a - b)];
    if (headers.length > 0) row.push(headers.map(at));
    return row;
  });
  const entries = {};
  for (const { info, rows } of perRelease) {
    const numbered = rows
      .map(({ pkg, result, partial }) => ({
        pkg: at(pkg),
        result: results.indexOf(result),
        partial,
      }))
      .sort((a, b) => a.pkg - b.pkg);
    let previous = 0;
    entries[info.codename] = numbered.flatMap(({ pkg, result, partial }) => {
      const delta = pkg - previous;
      previous = pkg;
      return [delta, partial ? ~result : result];
    });
  }
  return {
    format: 1,
    ...header,
    releases: perRelease.map(({ info, count }) => ({ ...info, entries: count })),
    strings: stringTable,
    lists: listTable,
    results: resultTable,
    entries,
  };
}

/**
 * The JSON text: the header pretty-printed, then one line per list, per result and per release,
 * so that a regenerated table can be read and diffed by line.
 */
export function serializeTable(table) {
  const { strings, lists, results, entries, ...header } = table;
  const rows = (array) => array.map((row) => JSON.stringify(row)).join(',\n');
  const releases = Object.entries(entries)
    .map(([codename, flat]) => `${JSON.stringify(codename)}: ${JSON.stringify(flat)}`)
    .join(',\n');
  return (
    `${JSON.stringify(header, null, 2).slice(0, -2)},\n` +
    `"strings": ${JSON.stringify(strings)},\n` +
    `"lists": [\n${rows(lists)}\n],\n` +
    `"results": [\n${rows(results)}\n],\n` +
    `"entries": {\n${releases}\n}\n}\n`
  );
}
