// Types of indexes.js for the TypeScript tests (the scripts are plain JavaScript).
export type Stanza = Record<string, string>;
export interface Alternative {
  name: string;
  arch: string | null;
  version: { op: string; value: string } | null;
}
export type RelationGroup = Alternative[];
export function createStanzaReader(onStanza: (stanza: Stanza) => void): {
  line(line: string): void;
  end(): void;
};
export function parseStanzas(text: string): Stanza[];
export function parseRelations(value: string | undefined): RelationGroup[];
export function parseContentsLine(
  line: string,
): { program: string; packages: string[] } | { header: true; packages: string[] } | null;
export function parseRelease(text: string): {
  fields: Record<string, string>;
  files: Map<string, { sha256: string; size: number }>;
};
export function addAlternativeStems(programsByPackage: Map<string, string[]>): void;
