/**
 * The command routes, made from the case engine's registry (ADR 0010): one POST per command,
 * under /api/cases, /api/tasks or /api/obligations by its target, with the registry's roles,
 * body schema and summary. Roles here are the outer fence; the decider checks the state, the
 * caller's jurisdiction and the task holder.
 */
import { Body, Controller, HttpCode, Inject, Param, ParseIntPipe, Post, type Type } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  type CaseCommand,
  COMMAND_COLLECTIONS,
  commandPath,
  type CommandDefinition,
  type CommandTarget,
  HTTP_COMMANDS,
  routeParams,
  TARGET_ID,
} from '@one-window/case';
import type { Actor } from '@one-window/shared';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import type { UserRole } from '@one-window/identity';
import { EmptyBodyDto } from '../http/empty-body.dto.js';
import { IdPipe } from '../http/id.pipe.js';
import { CommandId, type CommandRequest } from '../http/idempotency-key.js';
import { ApiProblems } from '../problem/api-problems.decorator.js';
import { CaseCommandGateway } from './case-command.gateway.js';
import { CommandAnswerDto } from './command-answer.dto.js';

const IDEMPOTENCY = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'the same key (per user) returns the first answer and writes nothing new',
});

const COLLECTIONS: readonly { tag: string; targets: readonly CommandTarget[] }[] = [
  { tag: 'cases', targets: ['new', 'case'] },
  { tag: 'tasks', targets: ['task'] },
  { tag: 'obligations', targets: ['obligation'] },
];

interface Sender {
  readonly gateway: CaseCommandGateway;
}

const methodName = (type: string): string => type[0].toLowerCase() + type.slice(1);

function addRoute(controller: Type<Sender>, definition: CommandDefinition): void {
  const proto = controller.prototype as Record<string, unknown>;
  const name = methodName(definition.type);
  const idField = TARGET_ID[definition.target];
  const params = routeParams(definition);
  const prefix = COMMAND_COLLECTIONS[definition.target];
  const path = commandPath(definition)
    .slice(prefix.length + 1)
    .replace(/\{([A-Za-z]+)\}/g, ':$1');
  const named = [idField, ...params].filter((f): f is string => f !== null);
  // A named method: @nestjs/swagger finds a route's parameter types by the method's name.
  const { [name]: send } = {
    [name](this: Sender, ...args: unknown[]) {
      const [ids, [body, actor, commandId]] = [args.slice(0, args.length - 3), args.slice(-3)];
      const command = {
        type: definition.type,
        ...Object.fromEntries(named.map((f, i) => [f, ids[i]])),
        ...(body as object),
      };
      return this.gateway.send(command as CaseCommand, actor as Actor, commandId as CommandRequest);
    },
  };
  proto[name] = send;
  const types = [
    ...(idField ? [String] : []),
    ...params.map(() => Number),
    definition.schema ?? EmptyBodyDto,
    Object,
    Object,
  ];
  Reflect.defineMetadata('design:paramtypes', types, proto, name);
  let index = 0;
  if (idField) Param(idField, IdPipe)(proto, name, index++);
  for (const param of params) Param(param, ParseIntPipe)(proto, name, index++);
  Body()(proto, name, index++);
  CurrentActor()(proto, name, index++);
  CommandId()(proto, name, index);
  const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
  const created = definition.target === 'new';
  for (const decorate of [
    Post(path),
    ...(created ? [] : [HttpCode(200)]),
    Roles(...(definition.roles as UserRole[])),
    ApiOperation({ summary: definition.summary, operationId: name }),
    created ? ApiCreatedResponse({ type: CommandAnswerDto }) : ApiOkResponse({ type: CommandAnswerDto }),
  ]) {
    decorate(proto, name, descriptor);
  }
}

function commandController(
  tag: string,
  prefix: string,
  definitions: readonly CommandDefinition[],
): Type<Sender> {
  class CommandRoutes implements Sender {
    constructor(@Inject(CaseCommandGateway) readonly gateway: CaseCommandGateway) {}
  }
  Object.defineProperty(CommandRoutes, 'name', {
    value: `${tag[0].toUpperCase()}${tag.slice(1)}CommandsController`,
  });
  for (const definition of definitions) addRoute(CommandRoutes, definition);
  for (const decorate of [Controller(prefix), ApiTags(tag), ApiBearerAuth(), ApiProblems(), IDEMPOTENCY])
    decorate(CommandRoutes);
  return CommandRoutes;
}

/** The controllers of every command sent over HTTP, one per collection. */
export const COMMAND_CONTROLLERS: readonly Type<Sender>[] = COLLECTIONS.map(({ tag, targets }) =>
  commandController(
    tag,
    COMMAND_COLLECTIONS[targets[0]].slice(1),
    HTTP_COMMANDS.filter((d) => targets.includes(d.target)),
  ),
);
