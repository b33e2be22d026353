import type { Role } from '@one-window/shared';
import type { CaseCommandType } from '../commands.js';

/**
 * What a command addresses: `new` creates a case (POST /api/cases); the others name a case, a
 * task (`<caseId>.t<n>`) or an obligation (`<caseId>.o<n>`) by the id in the route.
 */
export type CommandTarget = 'new' | 'case' | 'task' | 'obligation';

/** A body schema: a class-validator class, documented by the `@one-window/shared` field decorators. */
export type CommandSchema = new () => object;

export interface CommandLabels {
  readonly zh: string;
  readonly en: string;
}

/** One case command, as HTTP, the CLI, the console and the engine all see it. */
export interface CommandDefinition {
  readonly type: CaseCommandType;
  readonly target: CommandTarget;
  /**
   * The route under the target (`accept` → POST /api/cases/{caseId}/accept); `:n` segments are
   * positive integers carried into the command. `null`: not sent over HTTP (deadline commands).
   */
  readonly route: string | null;
  /** The outer fence: roles that reach the route. The decider then checks jurisdiction and state. */
  readonly roles: readonly Role[];
  /** A `case` command the holder of the case's current task sends (approve, deny, special procedure). */
  readonly onCurrentTask?: boolean;
  /** The body; `null` for a command with no fields besides its target. */
  readonly schema: CommandSchema | null;
  readonly labels: CommandLabels;
  /** What it does, for the API documentation (the law it follows, where one applies). */
  readonly summary: string;
  /** How a screen offers it: `primary` the way forward, `danger` a refusal or an end; else a plain button. */
  readonly emphasis?: CommandEmphasis;
  /** It cannot be undone (an acceptance, a refusal, a decision, a hand-over): a form says so before it is sent. */
  readonly irreversible?: boolean;
}

export type CommandEmphasis = 'primary' | 'danger';

/** The id field the target puts into a command. */
export const TARGET_ID: Readonly<Record<CommandTarget, 'caseId' | 'taskId' | 'obligationId' | null>> = {
  new: null,
  case: 'caseId',
  task: 'taskId',
  obligation: 'obligationId',
};

type Entry = Omit<CommandDefinition, 'type'>;

/** A table of definitions keyed by command type (the key becomes `type`). */
export function defineCommands<const T extends Partial<Record<CaseCommandType, Entry>>>(
  table: T,
): { readonly [K in keyof T]: CommandDefinition & { readonly type: K } } {
  return Object.fromEntries(Object.entries(table).map(([type, entry]) => [type, { type, ...entry }])) as {
    readonly [K in keyof T]: CommandDefinition & { readonly type: K };
  };
}

/** Route parameters besides the target id (`special-procedures/:n/end` → `['n']`). */
export function routeParams(definition: CommandDefinition): string[] {
  return (definition.route ?? '')
    .split('/')
    .filter((segment) => segment.startsWith(':'))
    .map((segment) => segment.slice(1));
}
