import type { Command } from 'commander';
import { StreamNotFoundError } from '@one-window/event-store';
import { EVENT_TITLES, ROLE_LABELS, describeEvent, replay, stateView } from '@one-window/read-models';
import type { CaseEvent, CaseState } from '@one-window/case';
import { environmentDeps, type ReadSideCliDeps } from './read-side-deps.js';

export interface ReplayOptions {
  readonly at?: string;
  readonly revision?: string;
  readonly json?: boolean;
}

/** `one-window replay <case-id>`: every event of the case and the case's state after it. Exit 1 on bad input or an unknown case. */
export async function replayCase(
  caseId: string,
  options: ReplayOptions,
  deps: ReadSideCliDeps,
): Promise<number> {
  const at = options.at === undefined ? undefined : new Date(options.at);
  if (at !== undefined && Number.isNaN(at.getTime())) {
    deps.err(
      `--at must be an ISO-8601 time, e.g. 2026-03-02T10:00:00+08:00; got ${JSON.stringify(options.at)}`,
    );
    return 1;
  }
  if (options.revision !== undefined && !/^\d+$/.test(options.revision)) {
    deps.err(`--revision must be a whole number ≥ 0; got ${JSON.stringify(options.revision)}`);
    return 1;
  }
  const store = await deps.openStore({ readOnly: true });
  try {
    const steps = await replay(store, caseId, {
      at,
      revision: options.revision === undefined ? undefined : Number(options.revision),
    });
    if (options.json) {
      deps.out(
        JSON.stringify(
          steps.map((s) => ({ event: s.event, state: stateView(s.state) })),
          null,
          2,
        ),
      );
      return 0;
    }
    if (steps.length === 0) {
      deps.out(`case ${caseId} had no events by ${at?.toISOString() ?? 'then'}`);
      return 0;
    }
    for (const { event, state } of steps) {
      const actor = event.metadata?.actor;
      const title = EVENT_TITLES[event.type];
      deps.out(
        `#${event.revision}  ${event.at}  ${event.type}  ${title.zh} / ${title.en}` +
          (actor ? `  by ${actor.name} (${ROLE_LABELS[actor.role]?.en ?? actor.role})` : ''),
      );
      deps.out(`    ${describeEvent({ type: event.type, data: event.data } as CaseEvent).en}`);
      deps.out(`    → ${summarize(state)}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof StreamNotFoundError) {
      deps.err(`no case ${caseId} in the event store`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

function summarize(state: CaseState): string {
  const c = state.context;
  const parts = [`${state.status} (rating: ${state.rating})`];
  if (c.statutoryDueDate) parts.push(`statutory due ${c.statutoryDueDate}`);
  if (c.promisedDueDate) parts.push(`promised due ${c.promisedDueDate}`);
  const task = c.tasks.find((t) => t.taskId === c.currentTaskId);
  if (task) parts.push(`task ${task.label}${task.holder ? ` held by ${task.holder.name}` : ' open'}`);
  return parts.join('; ');
}

export function registerReplay(program: Command, deps: ReadSideCliDeps = environmentDeps): void {
  program
    .command('replay')
    .description(
      "a case's events from the event store and its state after each (folded, not read from a read model)",
    )
    .argument('<case-id>', 'the case id')
    .option('--at <iso-time>', 'stop at the case as it was at this time')
    .option('--revision <n>', 'stop after this stream revision')
    .option('--json', 'print JSON')
    .action(async (caseId: string, options: ReplayOptions) => {
      const code = await replayCase(caseId, options, deps);
      if (code !== 0) process.exitCode = code;
    });
}
