/** A node of a parsed shell tree, as plain data (see script.ts, which makes them). */
export interface ShNode {
  type: string;
  /** Named nodes are grammar symbols (`command`, `word`); anonymous ones are tokens (`&&`, `;`). */
  named: boolean;
  /** The field this node fills in its parent (`name`, `argument`, `body`...), if any. */
  field: string | null;
  start: number;
  end: number;
  children: ShNode[];
  parent: ShNode | null;
}
