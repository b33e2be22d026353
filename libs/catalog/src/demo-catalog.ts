import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEMO_DIR = join('libs', 'catalog', 'data', 'demo');

/**
 * The shipped demo catalog folder. Walks up from this file to the repository root (the folder
 * holding package.json and the demo data), so it works from the sources (jest) and from `dist/`.
 */
export function demoCatalogDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, DEMO_DIR))) return join(dir, DEMO_DIR);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find ${DEMO_DIR} above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
