// Types of select.js for the TypeScript tests (the scripts are plain JavaScript).
import type { Archive, Root } from './closure.js';
export function leftOutForSection(archive: Archive, pkg: string): boolean;
export function selectRoots(
  lossesByRelease: Map<string, Map<string, Root[]>>,
  minRecommenders: number,
): Map<string, Map<string, { roots: Root[]; partial: boolean }>>;
