import type { Command } from 'commander';
import { ProjectionRunner, readModelProjections, type RebuildProgress } from '@one-window/read-models';
import { environmentDeps, type ReadSideCliDeps } from './read-side-deps.js';

export interface RebuildOptions {
  readonly projection?: string[];
}

const BAR = 30;

/** `one-window rebuild`: throws the read models away and replays the log into them, with a progress bar. */
export async function rebuildReadModels(options: RebuildOptions, deps: ReadSideCliDeps): Promise<number> {
  const store = await deps.openStore();
  const db = deps.openReadModels();
  try {
    const calendar = await deps.calendar(store);
    const runner = new ProjectionRunner({ store, db, projections: readModelProjections(calendar) });
    const unknown = (options.projection ?? []).filter((name) => !runner.projectionNames.includes(name));
    if (unknown.length > 0) {
      deps.err(`unknown projection ${unknown.join(', ')}; there are ${runner.projectionNames.join(', ')}`);
      return 1;
    }
    let lastTenth = -1;
    const onProgress = (p: RebuildProgress): void => {
      const line = bar(p);
      deps.progress(line);
      const tenth = Math.floor(fraction(p) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        deps.out(line);
      }
    };
    const result = await runner.rebuild({ projections: options.projection, onProgress });
    deps.progress('\n');
    const perSecond = result.ms > 0 ? Math.round((result.events / result.ms) * 1000) : result.events;
    deps.out(
      `rebuilt ${result.projections.join(', ')}: ${result.events.toLocaleString('en')} events in ` +
        `${(result.ms / 1000).toFixed(1)} s (${perSecond.toLocaleString('en')} events/s)`,
    );
    return 0;
  } finally {
    db.close();
    await store.close();
  }
}

function fraction(p: RebuildProgress): number {
  if (p.head === null || p.head <= 0) return 1;
  return Math.min(1, (p.position ?? 0) / p.head);
}

function bar(p: RebuildProgress): string {
  const f = fraction(p);
  const filled = Math.round(f * BAR);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${String(Math.floor(f * 100)).padStart(3)}%  ${p.processed.toLocaleString('en')} events`;
}

export function registerRebuild(program: Command, deps: ReadSideCliDeps = environmentDeps): void {
  program
    .command('rebuild')
    .description(
      'rebuild the read models (DATA_DIR/read-models.sqlite) from the event log, with a progress bar',
    )
    .option('--projection <name...>', 'only these read models (cases, tasks, obligations)')
    .action(async (options: RebuildOptions) => {
      const code = await rebuildReadModels(options, deps);
      if (code !== 0) process.exitCode = code;
    });
}
