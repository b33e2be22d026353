/** 确认领取: who collected the result is recorded in case.Delivered (送达回证); old events still fold. */
import { BY_APPLICANT, clerk } from '../testing/fixtures.js';
import type { Recipient } from '../events.js';
import { foldCase } from './case-state.js';
import { at, issued, oneStep } from '../testing/scenarios.js';

// GB 11643 and GB 32100 numbers with sound check characters.
const RESIDENT_ID = '150102199001011230';
const AGENT: Recipient = { collectedBy: 'agent', name: '王芳', idType: 'resident-id', idNumber: RESIDENT_ID };

/** Approved by the one-step guide (no courier), issued and dispatched by `method`. */
const dispatched = (method: 'window' | 'electronic' = 'window') =>
  issued(oneStep()).given([clerk, { type: 'DispatchResult', caseId: 'c1', method }]);

const refusal = (recipient: unknown) => {
  const error = dispatched().error(clerk, {
    type: 'DeliverResult',
    caseId: 'c1',
    recipient: recipient as Recipient,
  });
  return {
    code: error.code,
    fields: (error.errors ?? []).map((e, i) => [e.field, error.rules?.[i]?.code]),
  };
};

describe('确认领取 — the recipient of the result', () => {
  it('the applicant in person: name, ID type and number recorded in case.Delivered', () => {
    expect(
      dispatched().send(
        clerk,
        { type: 'DeliverResult', caseId: 'c1', recipient: BY_APPLICANT },
        at('2026-03-03'),
      ),
    ).toEqual([
      {
        type: 'case.Delivered',
        data: { deliveredOn: '2026-03-03', outcome: 'approved', recipient: BY_APPLICANT },
      },
    ]);
  });

  it('an agent: the agent’s own name and resident ID, and nothing else the command carries', () => {
    const d = dispatched();
    const [event] = d.send(clerk, {
      type: 'DeliverResult',
      caseId: 'c1',
      recipient: { ...AGENT, phone: '1' } as Recipient,
    });
    expect(event.data).toEqual({ deliveredOn: '2026-03-02', outcome: 'approved', recipient: AGENT });
    expect(d.current.stage).toBe('completed');
  });

  it('at the window the recipient is required', () => {
    expect(refusal(undefined)).toEqual({
      code: 'invalid-command',
      fields: [['recipient', 'recipient-required']],
    });
  });

  it('refuses each field on its own with its code', () => {
    expect(refusal({ ...AGENT, collectedBy: 'neighbour' }).fields).toEqual([
      ['recipient.collectedBy', 'one-of'],
    ]);
    expect(refusal({ ...AGENT, name: ' ' }).fields).toEqual([['recipient.name', 'required']]);
    expect(refusal({ ...AGENT, idType: '' }).fields).toEqual([['recipient.idType', 'required']]);
    expect(refusal({ ...AGENT, idNumber: '' }).fields).toEqual([['recipient.idNumber', 'required']]);
  });

  it('checks the ID number by its type: GB 11643 for a resident ID, GB 32100 for a USCC', () => {
    expect(refusal({ ...AGENT, idNumber: '123' }).fields).toEqual([['recipient.idNumber', 'resident-id']]);
    expect(refusal({ ...AGENT, idNumber: '150102199001011231' }).fields).toEqual([
      ['recipient.idNumber', 'resident-id'],
    ]);
    expect(refusal({ ...AGENT, idType: 'uscc', idNumber: '91150102MA00000005' }).fields).toEqual([
      ['recipient.idNumber', 'uscc'],
    ]);
    const delivered = (recipient: Recipient) =>
      dispatched().send(clerk, { type: 'DeliverResult', caseId: 'c1', recipient })[0].data;
    expect(delivered({ ...AGENT, idType: 'uscc', idNumber: '91150102MA00000004' })).toMatchObject({
      recipient: { idType: 'uscc' },
    });
    // Passports and other types carry no check digit the engine knows.
    expect(delivered({ ...AGENT, idType: 'passport', idNumber: 'E12345678' })).toMatchObject({
      recipient: { idType: 'passport' },
    });
  });

  it('the applicant in person shows the applicant’s own ID; anyone else collects as an agent', () => {
    expect(refusal({ ...AGENT, collectedBy: 'applicant' }).fields).toEqual([
      ['recipient.idNumber', 'not-the-applicant'],
    ]);
  });

  it('electronic delivery (and courier) needs no recipient, and records one when given', () => {
    expect(dispatched('electronic').send(clerk, { type: 'DeliverResult', caseId: 'c1' })[0].data).toEqual({
      deliveredOn: '2026-03-02',
      outcome: 'approved',
    });
    expect(
      dispatched('electronic').send(clerk, { type: 'DeliverResult', caseId: 'c1', recipient: AGENT })[0].data,
    ).toMatchObject({ recipient: AGENT });
    expect(
      dispatched('electronic').error(clerk, {
        type: 'DeliverResult',
        caseId: 'c1',
        recipient: { ...AGENT, idNumber: '123' },
      }).errors?.[0].field,
    ).toBe('recipient.idNumber');
  });

  it('replay: a case.Delivered written before recipients were recorded still folds to completed', () => {
    const d = dispatched();
    const old = [
      ...d.events,
      { type: 'case.Delivered', data: { deliveredOn: '2026-03-03', outcome: 'approved' } },
    ];
    const state = foldCase(old as typeof d.events);
    expect(state?.status).toBe('completed');
    expect(state?.context.deliveredOn).toBe('2026-03-03');
  });
});
