import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';

const SOURCE = fileURLToPath(new URL('../../console/', import.meta.url));
/** The message catalog the console shares with the server, served beside it (ADR 15). */
const MESSAGES = fileURLToPath(new URL('../../../../libs/shared/src/messages/', import.meta.url));
const MESSAGES_AT = 'libs/shared/src/messages';
/** …and the ID-number check digits the forms verify (GB 11643, GB 32100). */
const ID_NUMBERS = fileURLToPath(new URL('../../../../libs/shared/src/id-numbers.ts', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Compiles the console the way `npm run build` does (SWC, ES modules), for tests that run from sources. */
export async function buildConsole(outDir: string): Promise<string> {
  const sources = [
    ...files(SOURCE).map((file) => ({ file, target: join(outDir, relative(SOURCE, file)) })),
    ...files(MESSAGES).map((file) => ({ file, target: join(outDir, MESSAGES_AT, relative(MESSAGES, file)) })),
    { file: ID_NUMBERS, target: join(outDir, 'libs/shared/src/id-numbers.ts') },
  ];
  for (const { file, target } of sources) {
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.spec.ts')) continue;
    if (file.endsWith('.ts')) {
      const { code } = await transformFile(file, {
        swcrc: false,
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
      });
      writeFileSync(target.replace(/\.ts$/, '.js'), code);
    } else copyFileSync(file, target);
  }
  return outDir;
}
