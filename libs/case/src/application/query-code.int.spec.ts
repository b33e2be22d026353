/** The executor draws the query code from the module's random source and the acceptance event stores it. */
import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import { CqrsModule } from '@nestjs/cqrs';
import { WorkingCalendar } from '@one-window/calendar';
import { DEMO_HALLS, demoCatalogDir } from '@one-window/catalog';
import { CatalogModule } from '@one-window/catalog/nest';
import type { EmbeddedEventStore } from '@one-window/event-store';
import { openTempEventStore } from '../../../event-store/src/testing/temp-store.js';
import { openForTests } from '../../../../test/support/open-for-tests.js';
import { ManualClock, type Actor } from '@one-window/shared';
import { caseStreamName, loadCase } from '@one-window/case';
import { CaseCommands, CaseModule } from '@one-window/case/nest';
import { demoReceipt } from '../testing/fixtures.js';

const clerk: Actor = { userId: 'clerk-1', name: '王丽', role: 'clerk', hall: DEMO_HALLS.xincheng };

describe('query codes through the command side', () => {
  const temp = openForTests('each', () => openTempEventStore({ synchronous: 'NORMAL' }));
  let store: EmbeddedEventStore;
  let module: TestingModule;

  beforeEach(async () => {
    store = temp.current();
    let i = 0;
    module = await Test.createTestingModule({
      imports: [
        CqrsModule.forRoot(),
        CaseModule.forRoot({
          imports: [CatalogModule.forRoot({ dir: demoCatalogDir() })],
          eventStore: { useValue: store },
          calendar: { useValue: { calendar: () => WorkingCalendar.create() } },
          clock: { useValue: new ManualClock('2026-03-02T02:00:00Z') },
          random: (n) => i++ % n,
        }),
      ],
    }).compile();
    await module.init();
  });

  afterEach(() => module.close());

  it('stores the drawn code in case.Accepted, and a repeated command answers without drawing a second', async () => {
    const commands = module.get(CaseCommands);
    const { caseId } = await commands.send(demoReceipt(), { actor: clerk, commandId: 'receive-1' });
    await commands.send({ type: 'AcceptCase', caseId }, { actor: clerk, commandId: 'accept-1' });
    const again = await commands.send(
      { type: 'AcceptCase', caseId },
      { actor: clerk, commandId: 'accept-1' },
    );
    expect(again.written).toBe(false);
    const events = await store.readStream(caseStreamName(caseId));
    const accepted = events.find((e) => e.type === 'case.Accepted');
    expect((accepted?.data as { queryCode?: string }).queryCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    const { state } = await loadCase(store, caseId);
    expect(state?.context.acceptance?.queryCode).toBe((accepted?.data as { queryCode: string }).queryCode);
  });
});
