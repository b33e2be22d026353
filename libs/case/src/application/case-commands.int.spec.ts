/**
 * The command side end to end: CommandBus → handler → decider → the real embedded event store
 * (SQLite in a temp folder), with the shipped demo catalog and the real working-day calendar.
 */
import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import { CqrsModule } from '@nestjs/cqrs';
import { WorkingCalendar } from '@one-window/calendar';
import { DEMO_DEPARTMENTS, DEMO_HALLS, demoCatalogDir } from '@one-window/catalog';
import { CatalogModule } from '@one-window/catalog/nest';
import {
  WrongExpectedRevisionError,
  type AppendOptions,
  type EmbeddedEventStore,
  type EventData,
  type EventStore,
} from '@one-window/event-store';
import { openTempEventStore } from '../../../event-store/src/testing/temp-store.js';
import { openForTests } from '../../../../test/support/open-for-tests.js';
import { ManualClock, SYSTEM_ACTOR, nameUuid, type Actor } from '@one-window/shared';
import { demoReceipt } from '../testing/fixtures.js';
import { legacyCaseId } from './deterministic-id.js';
import {
  DomainError,
  caseStreamName,
  caseNumberStream,
  evolve,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type CaseCommandResult,
  type CaseEventMetadata,
} from '@one-window/case';
import { CaseCommands, CaseModule } from '@one-window/case/nest';

const clerk: Actor = { userId: 'clerk-1', name: '王丽', role: 'clerk', hall: DEMO_HALLS.xincheng };
/** Someone of Xincheng's market regulation bureau, the demo food licence's department. */
const staff = (role: Actor['role'], userId: string, name: string): Actor => ({
  userId,
  name,
  role,
  department: DEMO_DEPARTMENTS.xinchengMarketRegulation,
});
const approverA = staff('approver', 'appr-1', '李明');
const approverB = staff('approver', 'appr-2', '赵敏');
const head = staff('head', 'head-1', '陈局');
const reviewer = staff('reviewer', 'rev-1', '孙华');

/** Counts the conflicts the store reports, so a test can see that a retry happened. */
class ConflictCountingStore {
  conflicts = 0;
  constructor(readonly inner: EventStore) {}
  readStream: EventStore['readStream'] = (...args) => this.inner.readStream(...args);
  async appendToStream(stream: string, events: readonly EventData[], options?: AppendOptions) {
    try {
      return await this.inner.appendToStream(stream, events, options);
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) this.conflicts++;
      throw error;
    }
  }
}

describe('case commands through the CommandBus on the embedded store', () => {
  const temp = openForTests('each', () => openTempEventStore({ synchronous: 'NORMAL' }));
  let embedded: EmbeddedEventStore;
  let store: ConflictCountingStore;
  let module: TestingModule;
  let commands: CaseCommands;
  let clock: ManualClock;
  let n = 0;
  const send = (actor: Actor, command: CaseCommand, commandId = `cmd-${++n}`): Promise<CaseCommandResult> =>
    commands.send(command, { actor, commandId });

  beforeEach(async () => {
    clock = new ManualClock('2026-03-02T02:00:00Z'); // Monday 10:00 in Hohhot
    embedded = temp.current();
    store = new ConflictCountingStore(embedded);
    const catalog = CatalogModule.forRoot({ dir: demoCatalogDir() });
    module = await Test.createTestingModule({
      imports: [
        CqrsModule.forRoot(),
        CaseModule.forRoot({
          imports: [catalog],
          eventStore: { useValue: store as unknown as EventStore },
          calendar: { useValue: { calendar: () => WorkingCalendar.create() } },
          clock: { useValue: clock },
        }),
      ],
    }).compile();
    await module.init();
    commands = module.get(CaseCommands);
  });

  afterEach(() => module.close());

  const stream = async (caseId: string) => embedded.readStream(caseStreamName(caseId));

  it('runs a whole case from receipt to a rectified bad rating, recording who did what under which guide', async () => {
    const received = await send(clerk, demoReceipt());
    expect(received).toMatchObject({
      state: 'frontDesk.received',
      stage: 'frontDesk',
      revision: 0,
      written: true,
    });
    expect(received.caseNumber).toBe('150102-20260302-0001');
    const { caseId } = received;
    await send(clerk, { type: 'AcceptCase', caseId });
    for (const [actor, n] of [
      [approverA, 1],
      [approverB, 2],
    ] as const) {
      await send(actor, { type: 'ClaimTask', taskId: `${caseId}.t${n}` });
      await send(actor, { type: 'PassTask', taskId: `${caseId}.t${n}`, opinion: '符合条件' });
    }
    await send(head, { type: 'ClaimTask', taskId: `${caseId}.t3` });
    const approved = await send(head, { type: 'ApproveCase', caseId, opinion: '准予许可' });
    expect(approved.state).toBe('delivery.awaitingResult');
    await send(clerk, {
      type: 'IssueResult',
      caseId,
      certificateNumber: 'JY11501020000001',
      electronic: true,
    });
    await send(clerk, { type: 'DispatchResult', caseId, method: 'electronic' });
    const delivered = await send(clerk, { type: 'DeliverResult', caseId });
    expect(delivered).toMatchObject({ state: 'completed', stage: 'completed' });
    const rated = await send(SYSTEM_ACTOR, {
      type: 'RateService',
      caseId,
      level: 4,
      channel: 'sms',
      comment: '等候太久',
    });
    expect(rated.events).toEqual(['case.Rated', 'case.ObligationOpened']);
    await send(reviewer, {
      type: 'RecordCallback',
      obligationId: `${caseId}.o1`,
      notes: '已回访',
      verified: true,
    });
    const rectified = await send(reviewer, {
      type: 'RectifyObligation',
      obligationId: `${caseId}.o1`,
      measures: '增设窗口',
    });
    expect(rectified.state).toBe('completed');

    const events = await stream(caseId);
    expect(events.map((e) => e.type)).toContain('case.Rectified');
    expect(rectified.position).toBe(events[events.length - 1].position);
    const meta = events[0].metadata as CaseEventMetadata;
    expect(meta).toMatchObject({
      actor: clerk,
      commandId: 'cmd-1',
      guideVersion: 2,
      schemaVersion: 1,
      at: '2026-03-02T02:00:00.000Z',
    });
    // Each event carries where the statechart left the case after it (ADR 0010).
    let folded: CaseState | null = null;
    for (const [index, event] of events.entries()) {
      folded = evolve(folded, { type: event.type, data: event.data } as CaseEvent, index);
      expect(event.metadata).toMatchObject({ status: folded.status, stage: folded.stage });
    }
  });

  it('a receipt stored under its pre-v5 case id answers its retry instead of opening a second case (ADR 0010)', async () => {
    const first = await send(clerk, demoReceipt(), 'key-first');
    // The same history, as it would stand had 'key-old' been received before ids were v5.
    const old = legacyCaseId('key-old');
    const copied = (await stream(first.caseId)).map((e) => ({
      id: nameUuid('copy', e.id),
      type: e.type,
      data: e.data,
      metadata: { ...(e.metadata as CaseEventMetadata), commandId: 'key-old' },
    }));
    await embedded.appendToStream(caseStreamName(old), copied, { expectedRevision: 'no_stream' });
    const retried = await send(clerk, demoReceipt(), 'key-old');
    expect(retried).toMatchObject({ written: false, caseNumber: first.caseNumber, revision: 0 });
    await expect(embedded.readStream(caseStreamName(nameUuid('case', 'key-old')))).rejects.toThrow();
  });

  it('answers a repeated command id with the first answer and writes nothing (receipt and accept)', async () => {
    const first = await send(clerk, demoReceipt(), 'key-receive');
    const again = await send(clerk, demoReceipt(), 'key-receive');
    expect(again).toEqual({ ...first, written: false }); // the original event list (Idempotency-Key draft §2.6)
    expect((await embedded.readStream(caseNumberStream('150102', '2026-03-02'))).length).toBe(1);

    const accepted = await send(clerk, { type: 'AcceptCase', caseId: first.caseId }, 'key-accept');
    await send(approverA, { type: 'ClaimTask', taskId: `${first.caseId}.t1` });
    const replay = await send(clerk, { type: 'AcceptCase', caseId: first.caseId }, 'key-accept');
    expect(replay).toMatchObject({
      revision: accepted.revision,
      position: accepted.position,
      state: 'backOffice.underReview',
      written: false,
    });
    expect((await stream(first.caseId)).length).toBe(4);
  });

  it('gives two approvers claiming the same task at once exactly one holder', async () => {
    const { caseId } = await send(clerk, demoReceipt());
    await send(clerk, { type: 'AcceptCase', caseId });
    const claims = await Promise.allSettled([
      send(approverA, { type: 'ClaimTask', taskId: `${caseId}.t1` }),
      send(approverB, { type: 'ClaimTask', taskId: `${caseId}.t1` }),
    ]);
    const won = claims.filter((c) => c.status === 'fulfilled');
    const lost = claims.filter((c): c is PromiseRejectedResult => c.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(DomainError);
    expect(lost[0].reason).toMatchObject({ code: 'not-allowed-in-state', status: 409 });
    const claimed = (await stream(caseId)).filter((e) => e.type === 'case.TaskClaimed');
    expect(claimed).toHaveLength(1);
  });

  it('retries a command that lost a race to a different, compatible command', async () => {
    const { caseId } = await send(clerk, demoReceipt());
    await send(clerk, { type: 'AcceptCase', caseId });
    const before = store.conflicts;
    const [claimed, rated] = await Promise.all([
      send(approverA, { type: 'ClaimTask', taskId: `${caseId}.t1` }),
      send(clerk, { type: 'RateService', caseId, level: 1, channel: 'window-device' }),
    ]);
    expect(claimed.written && rated.written).toBe(true);
    expect(store.conflicts).toBeGreaterThan(before);
    expect(
      (await stream(caseId))
        .map((e) => e.type)
        .slice(-2)
        .sort(),
    ).toEqual(['case.Rated', 'case.TaskClaimed']);
  });

  it('numbers concurrent receipts at one hall uniquely and in sequence', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => send(clerk, demoReceipt())));
    const numbers = results.map((r) => r.caseNumber).sort();
    expect(numbers).toEqual(
      Array.from({ length: 8 }, (_, i) => `150102-20260302-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('refuses a command the state does not allow, naming the state and what is allowed, and writes nothing', async () => {
    const { caseId } = await send(clerk, demoReceipt());
    const error = await send(clerk, { type: 'DeliverResult', caseId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'not-allowed-in-state', state: 'frontDesk.received' });
    expect((error as DomainError).allowed).toEqual(
      expect.arrayContaining(['AcceptCase', 'RequestCorrection', 'RefuseCase']),
    );
    expect((await stream(caseId)).length).toBe(1);
  });

  it('refuses malformed input with one entry per bad field', async () => {
    const error = await send(clerk, {
      ...demoReceipt(),
      channel: 'fax',
      materials: [{ code: '', form: 'original' }],
    } as unknown as CaseCommand).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-command', status: 400 });
    expect((error as DomainError).errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['channel', 'materials.0.code']),
    );
  });

  it('checks ids and step numbers even when the sender has checked the body (schemaChecked, ADR 0009)', async () => {
    const error = await commands
      .send(
        { type: 'AcceptCase', caseId: 'no spaces allowed' },
        {
          actor: clerk,
          commandId: 'checked-1',
          schemaChecked: true,
        },
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-command', status: 400 });
    expect((error as DomainError).errors?.map((e) => e.field)).toEqual(['caseId']);
  });

  it('a receipt with a fresh command id opens its case and numbers it like any other (freshCommandId)', async () => {
    const first = await commands.send(demoReceipt(), {
      actor: clerk,
      commandId: 'fresh-1',
      freshCommandId: true,
    });
    const second = await commands.send(demoReceipt(), {
      actor: clerk,
      commandId: 'fresh-2',
      freshCommandId: true,
    });
    expect(first.caseId).toBe(nameUuid('case', 'fresh-1'));
    expect([first.written, second.written]).toEqual([true, true]);
    expect(second.caseNumber > first.caseNumber).toBe(true);
    expect((await stream(first.caseId))[0].data).toMatchObject({ caseNumber: first.caseNumber });
  });

  it('lets the scheduler deem a case accepted from receipt once 5 working days pass without a notice (Law Art. 32)', async () => {
    const { caseId } = await send(clerk, demoReceipt());
    clock.set('2026-03-10T01:00:00Z'); // Tuesday after the 5th working day (2026-03-09)
    const deemed = await send(SYSTEM_ACTOR, { type: 'DeemAccepted', caseId }, 'timer-1');
    expect(deemed.events).toEqual(['case.DeemedAccepted', 'case.TaskCreated']);
    const twice = await send(SYSTEM_ACTOR, { type: 'DeemAccepted', caseId }, 'timer-2');
    expect(twice.written).toBe(false);
    const accepted = (await stream(caseId))[1];
    expect(accepted.data).toMatchObject({ acceptedOn: '2026-03-02', noticeDueBy: '2026-03-09' });
  });
});
