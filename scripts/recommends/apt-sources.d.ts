// Types of apt-sources.js for the TypeScript tests (the scripts are plain JavaScript).
export interface SourceEntry {
  type: string;
  uri: string;
  suite: string;
  components: string[];
}
export function parseOneLineSources(text: string): SourceEntry[];
export function parseDeb822Sources(text: string): SourceEntry[];
export function readAptSources(etc?: string): SourceEntry[];
export function archiveCandidates(entries: SourceEntry[]): { uri: string; suite: string }[];
