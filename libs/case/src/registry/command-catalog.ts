/**
 * The registry as data for clients (GET /api/commands): each HTTP command's path, roles, labels
 * and fields, so the console builds its forms and buttons from the engine's own schemas.
 */
import { type FieldSchema, fieldSchemas } from '@one-window/shared';
import {
  type CommandDefinition,
  type CommandEmphasis,
  type CommandLabels,
  type CommandSchema,
  type CommandTarget,
  TARGET_ID,
} from './command-definition.js';
import { HTTP_COMMANDS } from './registry.js';

/** The collection a command's route hangs under. */
export const COMMAND_COLLECTIONS: Readonly<Record<CommandTarget, string>> = {
  new: '/api/cases',
  case: '/api/cases',
  task: '/api/tasks',
  obligation: '/api/obligations',
};

/** `/api/cases/{caseId}/special-procedures/{n}/end`: OpenAPI's path template. */
export function commandPath(definition: CommandDefinition): string {
  const id = TARGET_ID[definition.target];
  const route = (definition.route ?? '').replace(/:([A-Za-z]+)/g, '{$1}');
  return [COMMAND_COLLECTIONS[definition.target], id && `{${id}}`, route].filter(Boolean).join('/');
}

export interface CommandField extends Omit<FieldSchema, 'type' | 'description' | 'example'> {
  readonly name: string;
  readonly description?: string;
  /** The fields of a nested object, or of each item of a list. */
  readonly fields?: readonly CommandField[];
}

export interface CommandDescription {
  readonly type: string;
  readonly target: CommandTarget;
  readonly path: string;
  readonly roles: readonly string[];
  readonly labels: CommandLabels;
  readonly summary: string;
  readonly onCurrentTask: boolean;
  readonly emphasis: CommandEmphasis | null;
  readonly irreversible: boolean;
  readonly fields: readonly CommandField[];
}

function describeFields(schema: CommandSchema | null): CommandField[] {
  if (!schema) return [];
  return [...fieldSchemas(schema)].map(([name, { type, example: _example, ...field }]) => ({
    name,
    ...field,
    ...(type ? { fields: describeFields(type()) } : {}),
  }));
}

export function describeCommands(): CommandDescription[] {
  return HTTP_COMMANDS.map((d) => ({
    type: d.type,
    target: d.target,
    path: commandPath(d),
    roles: d.roles,
    labels: d.labels,
    summary: d.summary,
    onCurrentTask: d.onCurrentTask ?? false,
    emphasis: d.emphasis ?? null,
    irreversible: d.irreversible ?? false,
    fields: describeFields(d.schema),
  }));
}
