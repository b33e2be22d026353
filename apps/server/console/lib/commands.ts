/**
 * The case engine's command registry as the server describes it (GET /api/commands): paths,
 * labels and fields. Loaded once at start; the command labels join the message catalog as
 * `cmd.<type>`, so every view names a command the way the engine does.
 */
import type { CommandDescription } from '@one-window/case';
import { get } from './api.js';
import { addWords } from './i18n.js';

export type { CommandDescription, CommandField } from '@one-window/case';

let commands: ReadonlyMap<string, CommandDescription> = new Map();

export async function loadCommands(): Promise<void> {
  if (commands.size) return;
  const list = await get<CommandDescription[]>('/api/commands');
  commands = new Map(list.map((c) => [c.type, c]));
  addWords(Object.fromEntries(list.map((c) => [`cmd.${c.type}`, [c.labels.zh, c.labels.en] as const])));
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
