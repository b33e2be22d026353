/**
 * The case engine as the server describes it: its command registry (GET /api/commands: paths,
 * labels, fields) and its statechart's statuses (GET /api/case-statuses). Loaded once at start;
 * the names join the message catalog as `cmd.<type>`, `status.<status>` and `stage.<stage>`, so
 * every view names a command or a state the way the engine does.
 */
import type { CaseStatusInfo, CommandDescription } from '@one-window/case';
import { get } from './api.js';
import { addWords } from './i18n.js';

export type { CommandDescription, CommandField } from '@one-window/case';

let commands: ReadonlyMap<string, CommandDescription> = new Map();
let statuses: readonly CaseStatusInfo[] = [];

export async function loadCommands(): Promise<void> {
  if (commands.size) return;
  const [list, states] = await Promise.all([
    get<CommandDescription[]>('/api/commands'),
    get<CaseStatusInfo[]>('/api/case-statuses'),
  ]);
  addWords(Object.fromEntries(list.map((c) => [`cmd.${c.type}`, [c.labels.zh, c.labels.en] as const])));
  for (const s of states) {
    addWords({
      [`status.${s.status}`]: [s.labels.zh, s.labels.en],
      [`stage.${s.stage}`]: [s.stageLabels.zh, s.stageLabels.en],
    });
  }
  commands = new Map(list.map((c) => [c.type, c]));
  statuses = states;
}

/** The case statuses, in the statechart's order. */
export function caseStatuses(): readonly CaseStatusInfo[] {
  return statuses;
}

export function command(type: string): CommandDescription | undefined {
  return commands.get(type);
}

/** The command's path with its ids filled in (`{caseId}`, `{taskId}`, `{obligationId}`, `{n}`). */
export function commandPathFor(
  description: CommandDescription,
  ids: Record<string, string | number>,
): string {
  return description.path.replace(/\{([A-Za-z]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(ids[name] ?? '')),
  );
}
