/**
 * The one way a case command is carried out: load the case stream, fold it, decide, append
 * with the expected revision — all of a command's events or none — and answer. A concurrent
 * writer makes the append fail; the command is then re-read and re-decided a bounded number of
 * times. A command id already in the stream answers as the first time and writes nothing.
 * Folded cases are kept in a bounded cache (CaseStateCache), so a command reads and folds only
 * the events after the last it knows.
 */
import { randomInt } from 'node:crypto';
import type { Catalog, Directory } from '@one-window/catalog';
import {
  NO_STREAM,
  WrongExpectedRevisionError,
  type EventData,
  type EventStore,
} from '@one-window/event-store';
import { nameUuid, type Clock } from '@one-window/shared';
import { commandCaseId, type CaseCommand, type ReceiveApplication } from '../commands.js';
import {
  CASE_EVENT_SCHEMA_VERSION,
  caseStreamName,
  type CaseEvent,
  type CaseEventMetadata,
} from '../events.js';
import { chinaDate } from '@one-window/calendar';
import { decide } from '../domain/decide.js';
import type { DecideContext } from '../domain/decide-context.js';
import { DomainError } from '../domain/errors.js';
import { drawQueryCode, type RandomIndex } from '../domain/query-code.js';
import type { CasePolicy } from '../domain/policy.js';
import { foldWithNotices } from '../notices/issue-notices.js';
import { CaseNumberAllocator } from './case-numbers.js';
import { noticeEnvironment } from './notice-environment.js';
import type { CaseCommandResult, CommandMeta } from './case-command-result.js';
import { CaseStateCache } from './case-state-cache.js';
import {
  answer,
  foldStored,
  noCase,
  readCaseEvents,
  repeatedAnswer,
  unchangedAnswer,
  withAppended,
  type FoldedCase,
} from './case-stream.js';
import { validateCommand } from './validate-command.js';
import { legacyCaseId } from './deterministic-id.js';
import type { CaseCalendarSource } from './tokens.js';
import { NO_STAFF, type NamedStaff, type StaffDirectory } from '../domain/staff.js';
import { sliceOfCommand } from '../slices/index.js';

/** Attempts per command when other writers keep changing the case in between. */
export const MAX_COMMAND_ATTEMPTS = 5;

/** Plain code, no Nest: CaseModule (`@one-window/case/nest`) provides it from its tokens. */
export class CaseCommandExecutor {
  private readonly numbers: CaseNumberAllocator;
  private readonly cases: CaseStateCache;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendars: CaseCalendarSource,
    private readonly policy: CasePolicy,
    private readonly catalog: Catalog,
    private readonly directory: Directory,
    private readonly random: RandomIndex = (n) => randomInt(n),
    private readonly staff?: StaffDirectory,
  ) {
    this.numbers = new CaseNumberAllocator(store);
    this.cases = new CaseStateCache(store);
  }

  /**
   * The case as the store has it now, folded — from the cache this executor keeps for its own
   * commands (only the events after the cached revision are read and folded; on the embedded
   * store none are read when this process wrote the last one). What a full fold of the stream
   * gives; for reads that need the engine's view of a case (the commands a caller may send).
   */
  folded(caseId: string): Promise<FoldedCase> {
    return this.cases.load(caseId);
  }

  async execute(command: CaseCommand, meta: CommandMeta): Promise<CaseCommandResult> {
    validateCommand(command, { schema: meta.schemaChecked !== true });
    if (command.type === 'ReceiveApplication') return this.receive(command, meta);
    const caseId = commandCaseId(command);
    if (caseId === null) throw DomainError.notFound('The id names no case');
    const staff = await this.namedStaff(command);
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.cases.load(caseId);
      const earlier = repeatedAnswer(loaded, meta);
      if (earlier) return earlier;
      const now = this.clock.now();
      const events = decide(loaded.state, command, { ...this.context(now, meta), staff });
      if (events.length === 0) return unchangedAnswer(loaded);
      try {
        return await this.append(loaded, events, meta, now);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        this.cases.forget(caseId);
        if (attempt >= MAX_COMMAND_ATTEMPTS) {
          throw DomainError.conflict(
            `Case ${caseId} kept changing while ${command.type} was decided; try again`,
          );
        }
      }
    }
  }

  private async receive(command: ReceiveApplication, meta: CommandMeta): Promise<CaseCommandResult> {
    // The case id follows from the command id, so a retried receipt finds its case.
    const caseId = nameUuid('case', meta.commandId);
    // A fresh command id (no Idempotency-Key) names no case yet: nothing to look up.
    const existing = meta.freshCommandId ? noCase(caseId) : await this.cases.load(caseId);
    const earlier = meta.freshCommandId
      ? undefined
      : (repeatedAnswer(existing, meta) ?? (await this.receivedBeforeV5Ids(meta)));
    if (earlier) return earlier;
    const hallId = command.hall ?? meta.actor.hall;
    const hall = hallId === undefined ? undefined : this.directory.hall(hallId);
    if (!hall)
      throw DomainError.invalidField('hall', `Unknown hall ${hallId ?? '(none)'}`, { code: 'unknown-hall' });
    const now = this.clock.now();
    const guide = this.catalog.find(command.itemCode);
    // Every check runs before a number is spent; the number goes into the one event after.
    const decided = decide(null, command, {
      ...this.context(now, meta),
      ids: { caseId, caseNumber: 'pending' },
      guide,
    });
    if (guide && !this.directory.reaches(guide, hall.id)) {
      throw DomainError.forbidden(
        `${guide.name} (${guide.code}) is not handled at ${hall.name}: its cross-region scope (通办范围) is "${guide.crossRegionScope}"`,
        {
          code: 'forbidden.cross-region',
          params: { item: guide.name, hall: hall.name, scope: guide.crossRegionScope },
        },
      );
    }
    const caseNumber = await this.numbers.allocate({
      caseId,
      hall: hall.id,
      divisionCode: hall.divisionCode,
      chinaDate: chinaDate(now),
    });
    const events = decided.map((event) =>
      event.type === 'case.Received' ? { ...event, data: { ...event.data, caseNumber } } : event,
    );
    try {
      return await this.append(existing, events, meta, now);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      // The same command raced itself: answer as the winner did.
      this.cases.forget(caseId);
      const winner = repeatedAnswer(await this.cases.load(caseId), meta);
      if (winner) return winner;
      throw DomainError.conflict(`Case ${caseId} already exists`);
    }
  }

  /** A receipt stored under its pre-v5 case id answers a retry as the first time (ADR 0010). */
  private async receivedBeforeV5Ids(meta: CommandMeta): Promise<CaseCommandResult | undefined> {
    const events = await readCaseEvents(this.store, legacyCaseId(meta.commandId), 0);
    return events === null
      ? undefined
      : repeatedAnswer(foldStored(noCase(legacyCaseId(meta.commandId)), events), meta);
  }

  /** The people a slice's command names, from the staff directory (none without one: the slice refuses). */
  private async namedStaff(command: CaseCommand): Promise<NamedStaff> {
    const ids = sliceOfCommand(command.type)?.staff?.(command) ?? [];
    if (ids.length === 0 || !this.staff) return NO_STAFF;
    const found = await Promise.all(ids.map(async (id) => [id, await this.staff!.get(id)] as const));
    return new Map(found.flatMap(([id, member]) => (member ? [[id, member] as const] : [])));
  }

  private context(now: Date, meta: CommandMeta): DecideContext {
    return {
      now,
      actor: meta.actor,
      calendar: this.calendars.calendar(),
      policy: this.policy,
      // Drawn for every decision (a few microseconds); recorded only by one that accepts the case.
      queryCode: drawQueryCode(this.random),
    };
  }

  private async append(
    loaded: FoldedCase,
    decided: readonly CaseEvent[],
    meta: CommandMeta,
    now: Date,
  ): Promise<CaseCommandResult> {
    const stream = caseStreamName(loaded.caseId);
    // Each event carries where the statechart left the case after it (ADR 0010), and the notice
    // it issues, if any (ADR 18).
    const folded = foldWithNotices(loaded.state, decided, loaded.revision + 1, (context) =>
      noticeEnvironment(this.directory, context, meta.actor),
    );
    const { events, states } = folded;
    const after = states[states.length - 1];
    const metadata: Omit<CaseEventMetadata, 'status' | 'stage'> = {
      actor: meta.actor,
      commandId: meta.commandId,
      correlationId: meta.correlationId ?? meta.commandId,
      causationId: meta.causationId ?? meta.commandId,
      guideVersion: after.context.guide.version,
      at: now.toISOString(),
      schemaVersion: CASE_EVENT_SCHEMA_VERSION,
      ...(meta.requestFingerprint === undefined ? {} : { requestFingerprint: meta.requestFingerprint }),
    };
    const data: EventData[] = events.map((event, index) => ({
      id: nameUuid(stream, meta.commandId, index),
      type: event.type,
      data: event.data,
      metadata: {
        ...metadata,
        status: states[index].status,
        stage: states[index].stage,
      } satisfies CaseEventMetadata,
    }));
    const result = await this.store.appendToStream(stream, data, {
      expectedRevision: loaded.revision < 0 ? NO_STREAM : loaded.revision,
    });
    this.cases.keep(
      withAppended(loaded, after, {
        revision: result.nextExpectedRevision,
        position: result.position,
        commandId: meta.commandId,
        events: events.map((e) => e.type),
        fingerprint: meta.requestFingerprint,
      }),
    );
    return answer(
      after,
      result.nextExpectedRevision,
      result.position,
      true,
      events.map((e) => e.type),
    );
  }
}
