#!/usr/bin/env node
// The `one-window` command: runs the compiled CLI (npm run build compiles it into dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/apps/cli/src/main.js', import.meta.url));
if (!existsSync(entry)) {
  console.error('one-window: not built yet; run `npm run build` first.');
  process.exit(1);
}
await import(entry);
