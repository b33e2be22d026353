import { StreamNotFoundError } from '@one-window/event-store';
import { scopeForActor } from '../scope/read-scope.js';
import { OutOfScopeError } from '../scope/out-of-scope.error.js';
import {
  acceptedFoodLicence,
  decideFoodLicence,
  DEMO_ACTORS as A,
  type CaseWorld,
  openCaseWorld,
} from '../testing/index.js';
import { caseHistory, replay, stateView } from './case-history.js';

describe('a case as it was at a point in time (folded from the log)', () => {
  let w: CaseWorld;
  let caseId: string;
  beforeAll(async () => {
    w = await openCaseWorld({ start: '2026-03-02T01:30:00Z' });
    caseId = (await acceptedFoodLicence(w)).caseId;
    w.clock.set('2026-03-04T02:00:00Z');
    await decideFoodLicence(w, caseId);
  });
  afterAll(async () => w.dispose());

  it('at a time: every event decided by then, and the state they fold to', async () => {
    const then = await caseHistory(w.store, caseId, { at: new Date('2026-03-03T00:00:00Z') });
    expect(then.events.map((e) => e.type)).toEqual(['case.Received', 'case.Accepted', 'case.TaskCreated']);
    expect(then).toMatchObject({ revision: 2, streamLength: 11 });
    expect(then.state).toMatchObject({ status: 'backOffice.underReview' });
    expect(then.state!.context.tasks.map((t) => [t.label, t.status])).toEqual([['审查', 'open']]);
    const now = await caseHistory(w.store, caseId, {});
    expect(now.state).toMatchObject({ status: 'delivery.awaitingResult' });
    const before = await caseHistory(w.store, caseId, { at: new Date('2026-03-01T00:00:00Z') });
    expect(before).toMatchObject({ state: null, events: [], revision: -1 });
  });

  it('after a revision, and step by step with the state after each event', async () => {
    const atRevision = await caseHistory(w.store, caseId, { revision: 0 });
    expect(stateView(atRevision.state!)).toMatchObject({ status: 'frontDesk.received', stage: 'frontDesk' });
    const steps = await replay(w.store, caseId);
    expect(steps.map((s) => s.state.status)).toEqual([
      'frontDesk.received',
      'backOffice.underReview',
      ...Array(8).fill('backOffice.underReview'),
      'delivery.awaitingResult',
    ]);
    expect(steps[3].event.metadata?.actor.name).toBe('李强');
  });

  it('refuses a case outside the caller’s scope and names an unknown one', async () => {
    await expect(caseHistory(w.store, caseId, { scope: scopeForActor(A.otherHallClerk) })).rejects.toThrow(
      OutOfScopeError,
    );
    await expect(caseHistory(w.store, 'no-such-case')).rejects.toThrow(StreamNotFoundError);
    await expect(caseHistory(w.store, caseId, { revision: -1 })).rejects.toThrow(/revision/);
  });
});
