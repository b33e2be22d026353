import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';

const SOURCE = fileURLToPath(new URL('../../console/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Compiles the console the way `npm run build` does (SWC, ES modules), for tests that run from sources. */
export async function buildConsole(outDir: string): Promise<string> {
  for (const file of files(SOURCE)) {
    const target = join(outDir, relative(SOURCE, file));
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
