/**
 * The one registry of case commands: for each, its body schema, route, roles, target and labels.
 * HTTP routes, the OpenAPI document, `validateCommand`, `allowedCommands` and the console's
 * command forms all read it (ADR 0010). A new command is one entry in its stage's file, or a slice (`../slices`).
 */
import type { CaseCommandType } from '../commands.js';
import { BACK_OFFICE_COMMANDS } from './back-office.commands.js';
import type { CommandDefinition } from './command-definition.js';
import { DELIVERY_COMMANDS } from './delivery.commands.js';
import { FRONT_DESK_COMMANDS } from './front-desk.commands.js';
import { TIMER_COMMANDS } from './timer.commands.js';
import { CASE_SLICES, type AnySlice, type SlicedCommand } from '../slices/index.js';

/** Each command slice's entry (libs/case/src/slices, ADR 0010). */
const SLICE_COMMANDS = Object.fromEntries(CASE_SLICES.map((s: AnySlice) => [s.command.type, s.command])) as {
  readonly [T in SlicedCommand['type']]: CommandDefinition & { readonly type: T };
};

const ALL = {
  ...FRONT_DESK_COMMANDS,
  ...BACK_OFFICE_COMMANDS,
  ...DELIVERY_COMMANDS,
  ...TIMER_COMMANDS,
  ...SLICE_COMMANDS,
} satisfies Record<CaseCommandType, CommandDefinition>;

export const CASE_COMMANDS: { readonly [T in CaseCommandType]: CommandDefinition & { readonly type: T } } =
  ALL;

/** The definitions, in the order of `CASE_COMMAND_TYPES`' stages. */
export const COMMAND_DEFINITIONS: readonly CommandDefinition[] = Object.values(CASE_COMMANDS);

export function commandDefinition(type: string): CommandDefinition | undefined {
  return Object.hasOwn(CASE_COMMANDS, type) ? CASE_COMMANDS[type as CaseCommandType] : undefined;
}

/** Commands a person sends over HTTP (not the scheduler's deadline commands). */
export const HTTP_COMMANDS: readonly CommandDefinition[] = COMMAND_DEFINITIONS.filter(
  (d) => d.route !== null,
);
