import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker thread `<name>.js` next to the module at `moduleUrl` (its `import.meta.url`).
 * Run from the TypeScript sources (the tests), the worker is `<name>.ts` loaded through the
 * repository's TypeScript hooks, since a worker thread runs outside Jest.
 */
export function startWorkerBeside(moduleUrl: string, name: string, options: WorkerOptions): Worker {
  if (moduleUrl.endsWith('.ts')) {
    const hooks = new URL('../../../test/support/ts-register.mjs', import.meta.url).href;
    const entry = new URL(`./${name}.ts`, moduleUrl).href;
    return new Worker(`import(${JSON.stringify(hooks)}).then(() => import(${JSON.stringify(entry)}))`, {
      ...options,
      eval: true,
    });
  }
  return new Worker(new URL(`./${name}.js`, moduleUrl), options);
}
