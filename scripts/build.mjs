// Compiles apps/, libs/ and test/ with SWC into dist/, rewriting the @one-window/* aliases.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    'node_modules/@swc/cli/bin/swc.js',
    'apps',
    'libs',
    'test',
    '-d',
    'dist',
    '--copy-files',
    '--config-file',
    '.swcrc',
    '--quiet',
  ],
  { cwd: root, stdio: 'inherit' },
);
// The console loads the message catalog it shares with the server from beside itself (ADR 15).
cpSync(
  new URL('../dist/libs/shared/src/messages', import.meta.url),
  new URL('../dist/apps/server/console/libs/shared/src/messages', import.meta.url),
  { recursive: true, filter: (source) => !/\.spec\.js(\.map)?$/.test(source) },
);
// …and the ID-number check digits, so a form refuses a mistyped number before it is sent.
cpSync(
  new URL('../dist/libs/shared/src/id-numbers.js', import.meta.url),
  new URL('../dist/apps/server/console/libs/shared/src/id-numbers.js', import.meta.url),
);
