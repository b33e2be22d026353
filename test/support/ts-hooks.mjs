// Node module hooks that run this repository's TypeScript in a test child process (tests only):
// `@one-window/<lib>` maps to libs/<lib>/src/index.ts and `@one-window/<lib>/<entry>` (nest, store)
// to libs/<lib>/src/<entry>/index.ts, `.js` imports fall back to the `.ts` source, and SWC strips the
// types on the fly. Used by the embedded store's and the projection runner's
// second-process tests through ts-register.mjs.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from '@swc/core';
import { swcTypeScript } from './swc-typescript.mjs';

const root = new URL('../../', import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  const alias = /^@one-window\/([a-z-]+)(\/[a-z-]+)?$/.exec(specifier);
  if (alias) return nextResolve(new URL(`libs/${alias[1]}/src${alias[2] ?? ''}/index.ts`, root).href, context);
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && /^\.{1,2}\//.test(specifier) && specifier.endsWith('.js')) {
      return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    }
    throw error;
  }
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  const { code } = await transform(await readFile(filename, 'utf8'), { ...swcTypeScript, filename });
  return { format: 'module', source: code, shortCircuit: true };
}
