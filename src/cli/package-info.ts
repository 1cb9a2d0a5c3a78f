/** dockopt's own name, version and home, read from its package.json (found above this module). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageInfo {
  name: string;
  version: string;
  homepage: string;
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  // src/cli (ts-jest) or dist/src/cli (built): climb until dockopt's package.json.
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (pkg.name === 'dockopt')
        return (cached = {
          name: pkg.name,
          version: pkg.version,
          homepage: pkg.homepage ?? 'https://www.npmjs.com/package/dockopt',
        });
    } catch {
      // no package.json here: keep climbing
    }
    if (dirname(dir) === dir) return (cached = { name: 'dockopt', version: '0.0.0', homepage: '' });
  }
}
