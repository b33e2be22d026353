/**
 * 前台综合受理 (decide-front-desk.ts): each refusal of receipt, 容缺, the correction notice, the
 * correction, refusal, withdrawal and supply, by the field it names and its catalog code and params
 * (ADR 15) — the console words a refusal from them — and what the events keep. Mutation testing
 * left these open (docs/adr/0014-mutation-testing.md): the older specs read only the words.
 * Dates: Monday 2026-03-02 receipt; the Art. 32 notice due 2026-03-09; promised due 2026-03-16.
 */
import type { CaseCommand, MaterialInput, ReceiveApplication } from '../commands.js';
import { CaseDriver } from '../testing/case-driver.js';
import {
  GUIDE,
  application,
  approver,
  calendar,
  clerk,
  incompleteApplication,
  otherClerk,
  system,
} from '../testing/fixtures.js';
import { decide } from './decide.js';
import { deficiencySupplyWindow } from './decide-front-desk.js';
import { DomainError } from './errors.js';
import { DEFAULT_CASE_POLICY } from './policy.js';
import {
  ACCEPTED_ON_RECEIPT_DAY,
  CORRECTION_REQUEST,
  DEFICIENCY_ACCEPTANCE,
  REFUSAL,
  at,
  correctionRequest,
  correctionRequested,
  deficient,
  received,
  receivedIncomplete,
  rulesOf,
} from '../testing/scenarios.js';

const MB = 1024 * 1024;
const PDF = 'application/pdf';
const hash = (n: number) => n.toString(16).padStart(64, '0');
const scan = (n: number, size: number, type = PDF) => ({
  sha256: hash(n),
  name: `scan-${n}.pdf`,
  size,
  type,
});

/** The refusal of a receipt for an item the catalog does not know, decided without a guide. */
const unknownItemRefusal = (): DomainError => {
  try {
    decide(null, application({ itemCode: 'NO-SUCH' }), {
      now: new Date(at('2026-03-02')),
      actor: clerk,
      calendar,
      ids: { caseId: 'x', caseNumber: 'n' },
    });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};
/** The refusal of a receipt handing in exactly these materials. */
const receivingMaterials = (materials: unknown[]) => receiveError({ materials });
const receiveError = (over: Partial<ReceiveApplication> | Record<string, unknown>, actor = clerk) =>
  new CaseDriver().error(actor, { ...application(), ...over }, at('2026-03-02'));

describe('receipt: refusals by field and catalog code', () => {
  it('an item the catalog does not know is a 400 at itemCode with the code named', () => {
    const error = unknownItemRefusal();
    expect(error).toMatchObject({ code: 'invalid-command' });
    expect(rulesOf(error)).toEqual([
      { field: 'itemCode', code: 'unknown-item', params: { itemCode: 'NO-SUCH' } },
    ]);
  });

  it('the online channel (system) must name the hall; a clerk of another hall is refused for it, by code and hall', () => {
    expect(rulesOf(receiveError({}, system))).toEqual([{ field: 'hall', code: 'required' }]);
    expect(new CaseDriver().send(system, { ...application(), hall: 'hall-150102' })[0].data).toMatchObject({
      hall: 'hall-150102',
    });
    const error = receiveError({ hall: 'hall-150102' }, otherClerk);
    expect(error).toMatchObject({
      code: 'forbidden',
      reason: { code: 'forbidden.jurisdiction', params: { hall: 'hall-150102' } },
    });
    expect(error.message).toBe('a clerk of hall-150100 cannot receive for hall hall-150102');
  });

  it('the applicant’s kind, name, ID type, ID number and phone, and the channel and materials list', () => {
    expect(
      rulesOf(
        receiveError({
          applicant: { kind: 'robot', name: ' ', idType: '', idNumber: '', phone: '' },
          channel: 'fax',
          materials: undefined,
        }),
      ),
    ).toEqual([
      {
        field: 'applicant.kind',
        code: 'one-of',
        params: { allowed: ['natural-person', 'legal-person'] },
      },
      { field: 'applicant.name', code: 'required' },
      { field: 'applicant.idType', code: 'required' },
      { field: 'applicant.idNumber', code: 'required' },
      { field: 'applicant.phone', code: 'required' },
      {
        field: 'channel',
        code: 'one-of',
        params: { allowed: ['window', 'online', 'mobile', 'terminal', 'agent-point'] },
      },
      { field: 'materials', code: 'list' },
    ]);
  });

  it('an agent needs a name and an ID number', () => {
    expect(
      rulesOf(receiveError({ agent: { name: '', idType: 'passport', idNumber: ' ', phone: '1' } })),
    ).toEqual([
      { field: 'agent.name', code: 'required' },
      { field: 'agent.idNumber', code: 'required' },
    ]);
  });

  it('an ID number with a wrong check digit is refused under its type: the applicant’s credit code (GB 32100), the agent’s resident ID (GB 11643)', () => {
    const error = receiveError({
      applicant: { ...application().applicant, idType: 'uscc', idNumber: '91150102MA00000005' },
      agent: { name: '张三', idType: 'resident-id', idNumber: '110105194912310021', phone: '1' },
    });
    expect(rulesOf(error)).toEqual([
      { field: 'applicant.idNumber', code: 'uscc' },
      { field: 'agent.idNumber', code: 'resident-id' },
    ]);
    expect(error.errors?.[0].message).toMatch(
      /^applicant\.idNumber is not a valid unified social credit code/,
    );
    expect(error.errors?.[1].message).toMatch(/^agent\.idNumber is not a valid resident ID number/);
  });

  it('sound ID numbers of both kinds pass, and the agent is kept with only its four fields', () => {
    const [event] = new CaseDriver().send(clerk, {
      ...application(),
      applicant: { ...application().applicant, idType: 'uscc', idNumber: '91150102MA00000004' },
      agent: { name: '张三', idType: 'resident-id', idNumber: '11010519491231002X', phone: '13900000000' },
    });
    expect(event.type === 'case.Received' && event.data.agent).toEqual({
      name: '张三',
      idType: 'resident-id',
      idNumber: '11010519491231002X',
      phone: '13900000000',
    });
  });

  it('a material not in the guide, one listed twice and a form not in the list, each by index and code', () => {
    expect(
      rulesOf(
        receivingMaterials([
          { code: 'application', form: 'original' },
          { code: 'other', form: 'copy' },
          { code: 'application', form: 'fax' },
        ]),
      ),
    ).toEqual([
      { field: 'materials[1].code', code: 'not-a-material', params: { code: 'other' } },
      { field: 'materials[2].code', code: 'listed-twice', params: { code: 'application' } },
      {
        field: 'materials[2].form',
        code: 'one-of',
        params: { allowed: ['original', 'copy', 'electronic', 'shared'] },
      },
    ]);
  });

  it('Art. 11(5): "shared" for a material data sharing does not hold, and without the authorization, by code and name', () => {
    expect(rulesOf(receivingMaterials([{ code: 'layout', form: 'shared' }]))).toEqual([
      { field: 'materials[0].form', code: 'shared-not-held', params: { code: 'layout', name: 'layout' } },
    ]);
    expect(
      rulesOf(
        receiveError({
          sharingAuthorized: false,
          materials: [...application().materials, { code: 'business-licence', form: 'shared' }],
        }),
      ),
    ).toEqual([
      {
        field: 'materials[4].form',
        code: 'shared-needs-authorization',
        params: { code: 'business-licence', name: 'business-licence' },
      },
    ]);
  });

  it('without sharingAuthorized or greenChannel the case records false for both, and no appointment', () => {
    const command = { ...application() } as Record<string, unknown>;
    delete command.sharingAuthorized;
    const [event] = new CaseDriver().send(clerk, command as ReceiveApplication, at('2026-03-02'));
    expect(event.data).toMatchObject({ sharingAuthorized: false, greenChannel: false });
    expect(event.data).not.toHaveProperty('appointmentId');
    expect(event.data).not.toHaveProperty('agent');
  });
});

describe('attached files (ADR 16): resolved by the blob store, the case within its limit', () => {
  const withFiles = (materials: MaterialInput[]) => application({ materials });

  it('a file without its size or with a type the store does not take is not resolved, by its index', () => {
    const unsized = { sha256: hash(1), name: 'a.pdf', type: PDF };
    expect(
      rulesOf(
        receivingMaterials([
          { code: 'application', form: 'original', files: [scan(2, 10), unsized] },
          { code: 'layout', form: 'original', files: [scan(3, 10, 'image/gif')] },
        ]),
      ),
    ).toEqual([
      { field: 'materials[0].files[1].sha256', code: 'file-not-resolved' },
      { field: 'materials[1].files[0].sha256', code: 'file-not-resolved' },
    ]);
    for (const type of [PDF, 'image/jpeg', 'image/png']) {
      expect(
        new CaseDriver().send(
          clerk,
          withFiles([{ code: 'application', form: 'original', files: [scan(4, 10, type)] }]),
        ),
      ).toHaveLength(1);
    }
  });

  it('the case’s files together: exactly the limit is taken, a byte more refused with the sizes in MB', () => {
    const half = DEFAULT_CASE_POLICY.maxCaseFileBytes / 2;
    expect(
      new CaseDriver().send(
        clerk,
        withFiles([{ code: 'application', form: 'original', files: [scan(1, half), scan(2, half)] }]),
      ),
    ).toHaveLength(1);
    expect(
      rulesOf(
        receivingMaterials([
          { code: 'application', form: 'original', files: [scan(1, half), scan(2, half + 1)] },
        ]),
      ),
    ).toEqual([{ field: 'materials', code: 'case-files-too-large', params: { totalMb: 100, maxMb: 100 } }]);
    expect(
      rulesOf(
        receivingMaterials([
          {
            code: 'application',
            form: 'original',
            files: [scan(1, 60 * MB), scan(2, Math.round(61.26 * MB))],
          },
        ]),
      ),
    ).toEqual([{ field: 'materials', code: 'case-files-too-large', params: { totalMb: 121.3, maxMb: 100 } }]);
  });

  it('one scan attached to two materials counts once; a material handed in again replaces its earlier files', () => {
    const big = 60 * MB;
    expect(
      new CaseDriver().send(
        clerk,
        withFiles([
          { code: 'application', form: 'original', files: [scan(1, big)] },
          { code: 'layout', form: 'original', files: [scan(1, big)] },
        ]),
      ),
    ).toHaveLength(1);
    const d = new CaseDriver().given([
      clerk,
      {
        ...incompleteApplication(),
        materials: [
          { code: 'application', form: 'original', files: [scan(1, big)] },
          { code: 'layout', form: 'original' },
        ],
      },
      at('2026-03-02'),
    ]);
    d.send(clerk, CORRECTION_REQUEST);
    const again = (code: string): CaseCommand => ({
      type: 'SubmitCorrection',
      caseId: 'c1',
      materials: [{ code, form: 'original', files: [scan(2, big)] }],
    });
    // The earlier 60 MB still counts beside a new 60 MB for another material …
    expect(rulesOf(d.error(clerk, again('safety-rules')))).toEqual([
      { field: 'materials', code: 'case-files-too-large', params: { totalMb: 120, maxMb: 100 } },
    ]);
    // … but not once the application itself is handed in again.
    expect(d.types(d.send(clerk, again('application')))).toEqual(['case.CorrectionSubmitted']);
  });

  it('each file is kept with who attached it and when; a material without files has none', () => {
    const [event] = new CaseDriver().send(
      clerk,
      withFiles([
        { code: 'application', form: 'original', files: [scan(1, 10)] },
        { code: 'layout', form: 'original', files: [] },
      ]),
      at('2026-03-02'),
    );
    expect(event.type === 'case.Received' && event.data.materials).toEqual([
      {
        code: 'application',
        form: 'original',
        files: [
          {
            sha256: hash(1),
            size: 10,
            type: PDF,
            name: 'scan-1.pdf',
            attachedBy: 'clerk-1',
            attachedAt: '2026-03-02T02:00:00.000Z',
          },
        ],
      },
      { code: 'layout', form: 'original' },
    ]);
  });
});

describe('容缺受理: refusals by field and catalog code (Art. 32)', () => {
  const withDeficiency = (over: Record<string, unknown> = {}) =>
    ({ ...DEFICIENCY_ACCEPTANCE, ...over }) as CaseCommand;

  it('nothing listed, no signed commitment and no date', () => {
    expect(
      rulesOf(
        receivedIncomplete().error(
          clerk,
          withDeficiency({ missing: [], commitmentSigned: 'yes', supplyBy: 'soon' }),
        ),
      ),
    ).toEqual([
      { field: 'missing', code: 'at-least-one' },
      { field: 'commitmentSigned', code: 'commitment-required' },
      { field: 'supplyBy', code: 'date' },
      {
        field: 'missing',
        code: 'list-every-missing',
        params: { codes: ['safety-rules', 'staff-health'], names: ['safety-rules', 'staff-health'] },
      },
    ]);
  });

  it('a material not in the guide, a key one, and one handed in, each by index, code and name', () => {
    expect(
      rulesOf(
        receivedIncomplete().error(
          clerk,
          withDeficiency({
            missing: [
              { code: 'safety-rules' },
              { code: 'staff-health' },
              { code: 'other' },
              { code: 'layout' },
            ],
          }),
        ),
      ),
    ).toEqual([
      { field: 'missing[2].code', code: 'not-a-material', params: { code: 'other' } },
      { field: 'missing[3].code', code: 'not-deferrable', params: { code: 'layout', name: 'layout' } },
      { field: 'missing[3].code', code: 'handed-in', params: { code: 'layout', name: 'layout' } },
    ]);
  });

  it('a key material the guide lists for 容缺 still cannot be deferred; a non-key one it does not list cannot either', () => {
    const keyDeferrable = {
      ...GUIDE,
      materials: GUIDE.materials.map((m) => (m.code === 'safety-rules' ? { ...m, key: true } : m)),
    };
    const notListed = {
      ...GUIDE,
      materials: GUIDE.materials.map((m) =>
        m.code === 'safety-rules' ? { ...m, deficiencyAllowed: false } : m,
      ),
    };
    for (const guide of [keyDeferrable, notListed]) {
      const d = receivedIncomplete(new CaseDriver('c1', guide));
      // The state rule names it first (rules.ts); the decider's own check is the same rule.
      expect(d.error(clerk, withDeficiency())).toMatchObject({
        code: 'not-allowed-in-state',
        reason: { code: 'not-allowed-in-state.not-deferrable', params: { codes: ['safety-rules'] } },
      });
    }
  });

  it('the supply-by date: today (2026-03-02) refused with today named, tomorrow taken; the promised due date (03-16) taken, the day after refused with it named', () => {
    expect(rulesOf(receivedIncomplete().error(clerk, withDeficiency({ supplyBy: '2026-03-02' })))).toEqual([
      { field: 'supplyBy', code: 'after-today', params: { today: '2026-03-02' } },
    ]);
    expect(rulesOf(receivedIncomplete().error(clerk, withDeficiency({ supplyBy: '2026-03-17' })))).toEqual([
      { field: 'supplyBy', code: 'not-after-promised', params: { date: '2026-03-16' } },
    ]);
    for (const supplyBy of ['2026-03-03', '2026-03-16']) {
      expect(receivedIncomplete().send(clerk, withDeficiency({ supplyBy }))[0].data).toMatchObject({
        supplyBy,
      });
    }
  });
});

describe('the one complete correction notice (一次性告知, Art. 32): refusals by field and catalog code', () => {
  const notice = (over: Record<string, unknown> = {}): CaseCommand => ({
    type: 'RequestCorrection',
    caseId: 'c1',
    items: [
      { code: 'safety-rules', problem: '缺' },
      { code: 'staff-health', problem: '缺' },
    ],
    ...over,
  });

  it('an empty notice, a material not in the guide, a problem not said, and a missing material left out', () => {
    expect(rulesOf(receivedIncomplete().error(clerk, notice({ items: [] })))).toEqual([
      { field: 'items', code: 'at-least-one' },
      {
        field: 'items',
        code: 'list-every-missing',
        params: { codes: ['safety-rules', 'staff-health'], names: ['safety-rules', 'staff-health'] },
      },
    ]);
    expect(
      rulesOf(
        receivedIncomplete().error(
          clerk,
          notice({
            items: [
              { code: 'safety-rules', problem: ' ' },
              { code: 'other', problem: '缺' },
            ],
          }),
        ),
      ),
    ).toEqual([
      { field: 'items[0].problem', code: 'required' },
      { field: 'items[1].code', code: 'not-a-material', params: { code: 'other' } },
      {
        field: 'items',
        code: 'list-every-missing',
        params: { codes: ['staff-health'], names: ['staff-health'] },
      },
    ]);
  });

  it('a notice on a complete application may name any material of the guide', () => {
    expect(
      received().send(clerk, notice({ items: [{ code: 'layout', problem: '不清晰' }] }))[0].data,
    ).toMatchObject({
      items: [{ code: 'layout', problem: '不清晰' }],
    });
  });

  it('correctBy: a date, after today (today refused with it named, tomorrow taken); without one, 10 working days (2026-03-16)', () => {
    expect(rulesOf(receivedIncomplete().error(clerk, notice({ correctBy: '2026-13-01' })))).toEqual([
      { field: 'correctBy', code: 'date' },
    ]);
    expect(rulesOf(receivedIncomplete().error(clerk, notice({ correctBy: '2026-03-02' })))).toEqual([
      { field: 'correctBy', code: 'after-today', params: { today: '2026-03-02' } },
    ]);
    expect(receivedIncomplete().send(clerk, notice({ correctBy: '2026-03-03' }))[0].data).toMatchObject({
      correctBy: '2026-03-03',
    });
    expect(receivedIncomplete().send(clerk, notice())[0].data).toEqual({
      items: [
        { code: 'safety-rules', problem: '缺' },
        { code: 'staff-health', problem: '缺' },
      ],
      requestedOn: '2026-03-02',
      correctBy: '2026-03-16',
    });
  });

  it('the correction handed in must list something, and is checked as a receipt’s materials are', () => {
    const d = receivedIncomplete().given([clerk, notice()]);
    expect(rulesOf(d.error(clerk, { type: 'SubmitCorrection', caseId: 'c1', materials: [] }))).toEqual([
      { field: 'materials', code: 'at-least-one' },
    ]);
    expect(
      rulesOf(
        d.error(clerk, { type: 'SubmitCorrection', caseId: 'c1', materials: [{ code: 'x', form: 'copy' }] }),
      ),
    ).toEqual([{ field: 'materials[0].code', code: 'not-a-material', params: { code: 'x' } }]);
    expect(
      d.send(
        clerk,
        { type: 'SubmitCorrection', caseId: 'c1', materials: [{ code: 'safety-rules', form: 'original' }] },
        at('2026-03-04'),
      )[0].data,
    ).toEqual({
      materials: [{ code: 'safety-rules', form: 'original' }],
      submittedOn: '2026-03-04',
      decideBy: '2026-03-11',
    });
  });
});

describe('refusal (不予受理) and withdrawal (撤回)', () => {
  it('a refusal needs its reason and legal basis; the competent agency is kept only when named', () => {
    expect(rulesOf(received().error(clerk, { ...REFUSAL, reason: '', legalBasis: ' ' }))).toEqual([
      { field: 'reason', code: 'required' },
      { field: 'legalBasis', code: 'required' },
    ]);
    expect(received().send(clerk, REFUSAL)[0].data).toEqual({
      reason: '不属于本机关职权',
      legalBasis: '第三十二条',
      refusedOn: '2026-03-02',
      voucherNumber: '150102-20260302-0001-R',
    });
  });

  it('a withdrawal needs its reason and records the state it left', () => {
    expect(rulesOf(received().error(clerk, { type: 'WithdrawCase', caseId: 'c1', reason: ' ' }))).toEqual([
      { field: 'reason', code: 'required' },
    ]);
    expect(
      received().send(clerk, { type: 'WithdrawCase', caseId: 'c1', reason: '申请人撤回' })[0].data,
    ).toEqual({
      reason: '申请人撤回',
      withdrawnOn: '2026-03-02',
      during: 'frontDesk.received',
    });
  });
});

describe('容缺 supply: refusals by field and catalog code', () => {
  const deferred = () => deficient();

  it('nothing supplied, and a material that is not an open deficiency, by index, code and name', () => {
    expect(
      rulesOf(deferred().error(clerk, { type: 'SupplyDeficiency', caseId: 'c1', materials: [] })),
    ).toEqual([{ field: 'materials', code: 'at-least-one' }]);
    expect(
      rulesOf(
        deferred().error(clerk, {
          type: 'SupplyDeficiency',
          caseId: 'c1',
          materials: [
            { code: 'safety-rules', form: 'original' },
            { code: 'layout', form: 'original' },
          ],
        }),
      ),
    ).toEqual([
      { field: 'materials[1].code', code: 'not-open-deficiency', params: { code: 'layout', name: 'layout' } },
    ]);
  });

  it('supplied on the supply-by day (2026-03-13) on time, the day after late', () => {
    const supply = (day: string) =>
      deferred().send(
        clerk,
        {
          type: 'SupplyDeficiency',
          caseId: 'c1',
          materials: [{ code: 'staff-health', form: 'copy' }],
        },
        at(day),
      )[0].data;
    expect(supply('2026-03-13')).toEqual({
      materials: [{ code: 'staff-health', form: 'copy' }],
      suppliedOn: '2026-03-13',
      remaining: ['safety-rules'],
      late: false,
    });
    expect(supply('2026-03-14')).toMatchObject({ late: true });
  });

  it('the overdue mark names the supply-by day and what is still missing', () => {
    const d = deferred();
    d.send(clerk, {
      type: 'SupplyDeficiency',
      caseId: 'c1',
      materials: [{ code: 'staff-health', form: 'copy' }],
    });
    expect(d.send(system, { type: 'MarkDeficiencyOverdue', caseId: 'c1' }, at('2026-03-14'))).toEqual([
      { type: 'case.DeficiencyOverdue', data: { supplyBy: '2026-03-13', missing: ['safety-rules'] } },
    ]);
  });
});

describe('Art. 32: accepting, and deemed acceptance, date the clock', () => {
  it('an approver may not accept at the front desk', () => {
    expect(received().error(approver, { type: 'AcceptCase', caseId: 'c1' }).code).toBe('forbidden');
  });

  it('accepted on the 5th working day (2026-03-09): from that day, with its voucher; the task of the first step opens', () => {
    const events = received().send(clerk, { type: 'AcceptCase', caseId: 'c1' }, at('2026-03-09'));
    expect(events.map((e) => e.type)).toEqual(['case.Accepted', 'case.TaskCreated']);
    expect(events[0].data).toEqual({
      acceptedOn: '2026-03-09',
      statutoryDueDate: '2026-04-07',
      promisedDueDate: '2026-03-23',
      voucherNumber: '150102-20260302-0001-A',
    });
  });

  it('deemed accepted the day after (2026-03-10): from receipt, the notice’s due day named', () => {
    const [deemed] = received().send(system, { type: 'DeemAccepted', caseId: 'c1' }, at('2026-03-10'));
    expect(deemed).toEqual({
      type: 'case.DeemedAccepted',
      data: { ...ACCEPTED_ON_RECEIPT_DAY, noticeDueBy: '2026-03-09' },
    });
  });
});

describe('what mutation testing left open in decide-front-desk.ts (docs/adr/0014-mutation-testing.md)', () => {
  /** The guide with each material named in Chinese, so a name is not its code. */
  const NAMED = { ...GUIDE, materials: GUIDE.materials.map((m) => ({ ...m, name: `材料·${m.code}` })) };
  const namedIncomplete = (guide = NAMED) => receivedIncomplete(new CaseDriver('c1', guide));
  const messagesOf = (error: DomainError) => (error.errors ?? []).map((e) => e.message);

  it('the refusals’ params name each material by the guide’s name, not its code', () => {
    expect(
      namedIncomplete().error(clerk, {
        ...DEFICIENCY_ACCEPTANCE,
        missing: [{ code: 'safety-rules' }, { code: 'layout' }],
      }).rules,
    ).toEqual([
      { code: 'not-deferrable', params: { code: 'layout', name: '材料·layout' } },
      { code: 'handed-in', params: { code: 'layout', name: '材料·layout' } },
      { code: 'list-every-missing', params: { codes: ['staff-health'], names: ['材料·staff-health'] } },
    ]);
    expect(namedIncomplete().error(clerk, correctionRequest({ 'safety-rules': '缺' })).rules).toEqual([
      { code: 'list-every-missing', params: { codes: ['staff-health'], names: ['材料·staff-health'] } },
    ]);
    const deferred = namedIncomplete().given([clerk, DEFICIENCY_ACCEPTANCE]);
    const supply = deferred.error(clerk, {
      type: 'SupplyDeficiency',
      caseId: 'c1',
      materials: [{ code: 'layout', form: 'original' }],
    });
    expect(rulesOf(supply)).toEqual([
      {
        field: 'materials[0].code',
        code: 'not-open-deficiency',
        params: { code: 'layout', name: '材料·layout' },
      },
    ]);
    expect(messagesOf(supply)).toEqual(['"layout" is not an open deficiency']);
  });

  it('容缺: a handed-in material that is neither key nor on the 容缺 list is still not deferrable', () => {
    const guide = {
      ...NAMED,
      materials: NAMED.materials.map((m) => (m.code === 'layout' ? { ...m, key: false } : m)),
    };
    expect(
      namedIncomplete(guide).error(clerk, {
        ...DEFICIENCY_ACCEPTANCE,
        missing: [{ code: 'safety-rules' }, { code: 'staff-health' }, { code: 'layout' }],
      }).rules,
    ).toEqual([
      { code: 'not-deferrable', params: { code: 'layout', name: '材料·layout' } },
      { code: 'handed-in', params: { code: 'layout', name: '材料·layout' } },
    ]);
  });

  it('each refusal says in English what is wrong (the words an API caller reads beside the code)', () => {
    expect(
      messagesOf(
        receivingMaterials([
          { code: 'other', form: 'copy' },
          { code: 'other', form: 'copy', files: [{ sha256: hash(1), name: 'a.pdf' }] },
        ]),
      ),
    ).toEqual([
      `materials[0].code "other" is not a material of ${GUIDE.code}`,
      `materials[1].code "other" is not a material of ${GUIDE.code}`,
      'materials[1].code "other" is listed twice',
      'materials[1].files[0] was not resolved by the blob store (size and type unknown)',
    ]);
    const half = DEFAULT_CASE_POLICY.maxCaseFileBytes / 2;
    expect(
      messagesOf(
        receivingMaterials([
          { code: 'application', form: 'original', files: [scan(1, half), scan(2, half + 1)] },
        ]),
      ),
    ).toEqual([
      `the case's files come to ${2 * half + 1} bytes, above the limit of ${2 * half} bytes per case`,
    ]);
    expect(receiveError({ materials: undefined }).errors).toContainEqual({
      field: 'materials',
      message: 'materials must be a list',
    });
    expect(receiveError({}, system).errors).toEqual([{ field: 'hall', message: 'hall is required' }]);
    const deficiency = receivedIncomplete().error(clerk, {
      type: 'AcceptWithDeficiency',
      caseId: 'c1',
      missing: [{ code: 'other' }],
      supplyBy: '2026-03-13',
      commitmentSigned: false,
    });
    expect(messagesOf(deficiency)).toEqual([
      'the applicant must sign the commitment (容缺承诺)',
      `"other" is not a material of ${GUIDE.code}`,
      'materials safety-rules, staff-health are missing too and must be listed (or corrected first)',
    ]);
    expect(
      messagesOf(
        namedIncomplete().error(clerk, {
          ...DEFICIENCY_ACCEPTANCE,
          missing: [{ code: 'safety-rules' }, { code: 'staff-health' }, { code: 'layout' }],
        }),
      ),
    ).toEqual([
      '"layout" is a key material, or not on the 容缺 list: it cannot be missing at acceptance',
      '"layout" has been handed in',
    ]);
    expect(
      messagesOf(
        receivedIncomplete().error(clerk, { ...correctionRequest({ other: '缺' }), correctBy: '2026-03-02' }),
      ),
    ).toEqual([
      `"other" is not a material of ${GUIDE.code}`,
      'one complete notice (一次性告知) must list every missing material; safety-rules, staff-health missing from it',
      'correctBy must be after today',
    ]);
  });

  it('a command sent without its list is refused for listing nothing (not for a list it does not have)', () => {
    const without = (d: CaseDriver, command: Record<string, unknown>) =>
      d.error(clerk, command as CaseCommand);
    expect(
      without(receivedIncomplete(), {
        type: 'AcceptWithDeficiency',
        caseId: 'c1',
        supplyBy: '2026-03-13',
        commitmentSigned: true,
      }).errors?.[0],
    ).toEqual({ field: 'missing', message: 'missing must list at least one material' });
    expect(without(receivedIncomplete(), { type: 'RequestCorrection', caseId: 'c1' }).errors?.[0]).toEqual({
      field: 'items',
      message: 'the notice must list at least one material',
    });
    const noticed = correctionRequested();
    expect(without(noticed, { type: 'SubmitCorrection', caseId: 'c1' }).errors).toEqual([
      { field: 'materials', message: 'materials must list what was handed in' },
    ]);
    const deferred = deficient();
    expect(without(deferred, { type: 'SupplyDeficiency', caseId: 'c1' }).errors).toEqual([
      { field: 'materials', message: 'materials must list what was supplied' },
    ]);
    expect(
      rulesOf(
        deferred.error(clerk, {
          type: 'SupplyDeficiency',
          caseId: 'c1',
          materials: [{ code: 'x', form: 'copy' }],
        }),
      ),
    ).toEqual([
      { field: 'materials[0].code', code: 'not-a-material', params: { code: 'x' } },
      { field: 'materials[0].code', code: 'not-open-deficiency', params: { code: 'x', name: 'x' } },
    ]);
  });

  it('an application without its applicant is refused field by field; an ID number that is not text only as required', () => {
    expect(rulesOf(receiveError({ applicant: undefined }))).toEqual([
      { field: 'applicant.kind', code: 'one-of', params: { allowed: ['natural-person', 'legal-person'] } },
      { field: 'applicant.name', code: 'required' },
      { field: 'applicant.idType', code: 'required' },
      { field: 'applicant.idNumber', code: 'required' },
      { field: 'applicant.phone', code: 'required' },
    ]);
    expect(
      rulesOf(
        receiveError({ applicant: { ...application().applicant, idType: 'resident-id', idNumber: 12345 } }),
      ),
    ).toEqual([{ field: 'applicant.idNumber', code: 'required' }]);
  });

  it('receipt without the handler’s ids is a programming error; a clerk with no hall is refused by that name', () => {
    expect(() =>
      decide(null, application(), { now: new Date(at('2026-03-02')), actor: clerk, calendar, guide: GUIDE }),
    ).toThrow('ReceiveApplication needs ids (caseId, caseNumber) from the handler');
    const unhoused = { ...clerk, hall: undefined };
    expect(receiveError({ hall: 'hall-150102' }, unhoused).message).toBe(
      'a clerk of no hall cannot receive for hall hall-150102',
    );
    expect(unknownItemRefusal().errors).toEqual([
      { field: 'itemCode', message: 'No service item NO-SUCH in the catalog' },
    ]);
  });

  it('a refusal names the competent agency when the clerk gives one', () => {
    expect(
      received().send(clerk, { ...REFUSAL, competentAgency: '新城区卫生健康委员会' })[0].data,
    ).toMatchObject({ competentAgency: '新城区卫生健康委员会' });
  });

  it('容缺 on the day: the supply-by window runs from tomorrow to the promised due date it would set', () => {
    expect(
      deficiencySupplyWindow(receivedIncomplete().current, {
        now: new Date(at('2026-03-02')),
        actor: clerk,
        calendar,
        policy: DEFAULT_CASE_POLICY,
      }),
    ).toEqual({ earliest: '2026-03-03', latest: '2026-03-16' });
  });

  it('the overdue marks say the due day they are refused for (Art. 32’s notice, the correction, 容缺)', () => {
    expect(received().error(system, { type: 'DeemAccepted', caseId: 'c1' }, at('2026-03-09')).message).toBe(
      'The correction notice is due by 2026-03-09; it is not late yet',
    );
    const noticed = correctionRequested();
    expect(
      noticed.error(system, { type: 'MarkCorrectionOverdue', caseId: 'c1' }, at('2026-03-16')).message,
    ).toBe('The correction is due by 2026-03-16; it is not late yet');
    const deferred = deficient();
    expect(
      deferred.error(system, { type: 'MarkDeficiencyOverdue', caseId: 'c1' }, at('2026-03-13')).message,
    ).toBe('Deficient materials are due by 2026-03-13; not late yet');
  });
});
