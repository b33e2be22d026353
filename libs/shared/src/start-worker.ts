import { Worker } from 'node:worker_threads';

/**
 * A worker thread running `entry` (a path without extension, relative to `here`, the caller's
 * `import.meta.url`): the compiled `.js` next to the caller, or — when the caller runs from its
 * TypeScript source, as in the tests — the `.ts` through the repository's TypeScript hooks, since
 * a worker thread runs outside Jest's module system.
 */
export function startWorker(here: string, entry: string, workerData: unknown): Worker {
  if (here.endsWith('.ts')) {
    const hooks = new URL('../../../test/support/ts-register.mjs', import.meta.url).href;
    const source = new URL(`${entry}.ts`, here).href;
    return new Worker(`import(${JSON.stringify(hooks)}).then(() => import(${JSON.stringify(source)}))`, {
      eval: true,
      workerData,
    });
  }
  return new Worker(new URL(`${entry}.js`, here), { workerData });
}
