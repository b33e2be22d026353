import { newIdempotencyKey, send } from '../lib/api.js';
import { type Child, formValues, h, mount } from '../lib/dom.js';
import { t, tOr } from '../lib/i18n.js';
import type { AllowedCommand, CaseDetail, CommandAnswer } from '../lib/types.js';
import { problemBox, toast } from '../lib/ui.js';

type Values = Record<string, string>;

interface CommandSpec {
  /** The route, relative to /api. */
  readonly path: (c: CaseDetail, allowed: AllowedCommand) => string;
  readonly fields: (c: CaseDetail) => Child;
  readonly body: (v: Values, c: CaseDetail) => unknown;
  readonly tone?: 'primary' | 'danger';
}

const enc = encodeURIComponent;

function text(
  name: string,
  label: string,
  options: { required?: boolean; value?: string } = {},
): HTMLElement {
  return h(
    'div',
    {},
    h('label', { for: `cmd-${name}` }, label),
    h('input', { id: `cmd-${name}`, name, required: options.required ?? true, value: options.value ?? '' }),
  );
}
function area(name: string, label: string, required = true): HTMLElement {
  return h(
    'div',
    {},
    h('label', { for: `cmd-${name}` }, label),
    h('textarea', { id: `cmd-${name}`, name, required }),
  );
}
function date(name: string, label: string, required = true): HTMLElement {
  return h(
    'div',
    {},
    h('label', { for: `cmd-${name}` }, label),
    h('input', { id: `cmd-${name}`, name, type: 'date', required }),
  );
}
function choice(
  name: string,
  label: string,
  values: readonly string[],
  labelOf: (v: string) => string,
): HTMLElement {
  return h(
    'div',
    {},
    h('label', { for: `cmd-${name}` }, label),
    h(
      'select',
      { id: `cmd-${name}`, name },
      values.map((v) => h('option', { value: v }, labelOf(v))),
    ),
  );
}
function check(name: string, label: string, checked = false): HTMLElement {
  return h(
    'label',
    { class: 'inline' },
    h('input', { type: 'checkbox', name, id: `cmd-${name}`, checked }),
    label,
  );
}

/** A checkbox and a form per material; `which` picks the materials offered. */
function materialPicker(c: CaseDetail, which: (state: string) => boolean): HTMLElement {
  const rows = c.materials.filter((m) => which(m.state));
  return h(
    'table',
    {},
    h(
      'tbody',
      {},
      rows.map((m) =>
        h(
          'tr',
          {},
          h('td', {}, check(`m.${m.code}`, m.name, true)),
          h(
            'td',
            {},
            h(
              'select',
              { name: `f.${m.code}` },
              ['original', 'copy', 'electronic'].map((f) => h('option', { value: f }, tOr(`form.${f}`, f))),
            ),
          ),
          h('td', { class: 'muted' }, m.problem ?? ''),
        ),
      ),
    ),
  );
}

function pickedMaterials(v: Values, c: CaseDetail): { code: string; form: string }[] {
  return c.materials
    .filter((m) => v[`m.${m.code}`])
    .map((m) => ({ code: m.code, form: v[`f.${m.code}`] ?? 'original' }));
}

const notSubmitted = (s: string): boolean => s === 'missing' || s === 'to-correct' || s === 'deficient';
const RATING_CHANNELS = ['window-device', 'qr-code', 'sms', 'hotline-12345', 'app', 'portal'];
const PROCEDURES = [
  'hearing',
  'tender',
  'auction',
  'inspection',
  'testing',
  'quarantine',
  'appraisal',
  'expert-review',
];

/** Every command the console can send, by the case engine's command name (the case summary lists which are allowed now). */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  AcceptCase: {
    path: (c) => `/cases/${enc(c.caseId)}/accept`,
    fields: () => null,
    body: () => ({}),
    tone: 'primary',
  },
  AcceptWithDeficiency: {
    path: (c) => `/cases/${enc(c.caseId)}/accept-with-deficiency`,
    fields: (c) => [
      h('p', { class: 'muted' }, t('missing')),
      c.materials
        .filter((m) => notSubmitted(m.state))
        .map((m) =>
          h(
            'div',
            {},
            check(
              `d.${m.code}`,
              `${m.name}${m.deficiencyAllowed ? '' : `（${t('keyMaterial')}）`}`,
              m.deficiencyAllowed,
            ),
          ),
        ),
      date('supplyBy', t('supplyBy')),
      check('commitmentSigned', t('commitmentSigned')),
    ],
    body: (v, c) => ({
      missing: c.materials.filter((m) => v[`d.${m.code}`]).map((m) => ({ code: m.code })),
      supplyBy: v.supplyBy,
      commitmentSigned: Boolean(v.commitmentSigned),
    }),
  },
  RequestCorrection: {
    path: (c) => `/cases/${enc(c.caseId)}/request-correction`,
    fields: (c) =>
      h(
        'table',
        {},
        h(
          'tbody',
          {},
          c.materials
            .filter((m) => m.state !== 'shared')
            .map((m) =>
              h(
                'tr',
                {},
                h('td', {}, check(`c.${m.code}`, m.name, notSubmitted(m.state))),
                h(
                  'td',
                  {},
                  h('input', {
                    name: `p.${m.code}`,
                    placeholder: t('problem'),
                    value: m.state === 'missing' ? tOr('material.missing', '') : '',
                  }),
                ),
              ),
            ),
        ),
      ),
    body: (v, c) => ({
      items: c.materials
        .filter((m) => v[`c.${m.code}`])
        .map((m) => ({ code: m.code, problem: v[`p.${m.code}`] || t('material.missing') })),
    }),
  },
  SubmitCorrection: {
    path: (c) => `/cases/${enc(c.caseId)}/submit-correction`,
    fields: (c) => materialPicker(c, (s) => s === 'to-correct' || s === 'missing'),
    body: (v, c) => ({ materials: pickedMaterials(v, c) }),
  },
  SupplyDeficiency: {
    path: (c) => `/cases/${enc(c.caseId)}/supply-deficiency`,
    fields: (c) => materialPicker(c, (s) => s === 'deficient'),
    body: (v, c) => ({ materials: pickedMaterials(v, c) }),
  },
  RefuseCase: {
    path: (c) => `/cases/${enc(c.caseId)}/refuse`,
    fields: () => [
      area('reason', t('reason')),
      text('legalBasis', t('legalBasis'), { value: '《中华人民共和国行政许可法》第三十二条' }),
      text('competentAgency', t('competentAgency'), { required: false }),
    ],
    body: (v) => ({
      reason: v.reason,
      legalBasis: v.legalBasis,
      ...(v.competentAgency ? { competentAgency: v.competentAgency } : {}),
    }),
    tone: 'danger',
  },
  WithdrawCase: {
    path: (c) => `/cases/${enc(c.caseId)}/withdraw`,
    fields: () => area('reason', t('reason')),
    body: (v) => ({ reason: v.reason }),
    tone: 'danger',
  },
  ClaimTask: {
    path: (c, a) => `/tasks/${enc(a.taskId ?? c.currentTaskId ?? '')}/claim`,
    fields: () => null,
    body: () => ({}),
    tone: 'primary',
  },
  ReleaseTask: {
    path: (c, a) => `/tasks/${enc(a.taskId ?? c.currentTaskId ?? '')}/release`,
    fields: () => null,
    body: () => ({}),
  },
  PassTask: {
    path: (c, a) => `/tasks/${enc(a.taskId ?? c.currentTaskId ?? '')}/pass`,
    fields: () => area('opinion', t('opinion')),
    body: (v) => ({ opinion: v.opinion }),
    tone: 'primary',
  },
  ReturnTask: {
    path: (c, a) => `/tasks/${enc(a.taskId ?? c.currentTaskId ?? '')}/return`,
    fields: (c) => [
      choice('to', t('to'), c.returnTargets, (v) =>
        tOr(`to.${v}`, c.tasks.find((x) => x.step === v)?.label ?? v),
      ),
      area('reason', t('reason')),
    ],
    body: (v) => ({ to: v.to, reason: v.reason }),
  },
  StartSpecialProcedure: {
    path: (c) => `/cases/${enc(c.caseId)}/special-procedures`,
    fields: () => [
      choice('kind', t('kind'), PROCEDURES, (v) => t(`spk.${v}`)),
      area('reason', t('reason')),
      text('expectedDays', t('expectedDays'), { value: '10' }),
    ],
    body: (v) => ({ kind: v.kind, reason: v.reason, expectedDays: Number(v.expectedDays) }),
  },
  EndSpecialProcedure: {
    path: (c, a) => `/cases/${enc(c.caseId)}/special-procedures/${a.n ?? c.activeSpecialProcedure ?? 0}/end`,
    fields: () => area('result', t('result_')),
    body: (v) => ({ result: v.result }),
  },
  ExtendTimeLimit: {
    path: (c) => `/cases/${enc(c.caseId)}/extend`,
    fields: () => [text('days', t('days'), { value: '10' }), area('reason', t('reason'))],
    body: (v) => ({ days: Number(v.days), reason: v.reason }),
  },
  ApproveCase: {
    path: (c) => `/cases/${enc(c.caseId)}/approve`,
    fields: () => area('opinion', t('opinion')),
    body: (v) => ({ opinion: v.opinion }),
    tone: 'primary',
  },
  DenyCase: {
    path: (c) => `/cases/${enc(c.caseId)}/deny`,
    fields: () => [
      area('reasons', t('reasons')),
      text('reviewAuthority', t('reviewAuthority'), { value: '呼和浩特市新城区人民政府' }),
      text('court', t('court'), { value: '呼和浩特市新城区人民法院' }),
    ],
    body: (v) => ({
      reasons: (v.reasons ?? '')
        .split('\n')
        .map((r) => r.trim())
        .filter(Boolean),
      remedies: { reviewAuthority: v.reviewAuthority, court: v.court },
    }),
    tone: 'danger',
  },
  IssueResult: {
    path: (c) => `/cases/${enc(c.caseId)}/issue-result`,
    fields: (c) => [
      text('certificateNumber', t('certificateNumber'), { value: `${c.caseNumber}-R` }),
      date('validUntil', t('validUntil'), false),
      check('electronic', t('electronic'), true),
    ],
    body: (v) => ({
      certificateNumber: v.certificateNumber,
      ...(v.validUntil ? { validUntil: v.validUntil } : {}),
      electronic: Boolean(v.electronic),
    }),
    tone: 'primary',
  },
  DispatchResult: {
    path: (c) => `/cases/${enc(c.caseId)}/dispatch`,
    fields: () => [
      choice('method', t('method'), ['window', 'courier', 'electronic'], (v) => t(`method.${v}`)),
      text('trackingNumber', t('trackingNumber'), { required: false }),
    ],
    body: (v) => ({ method: v.method, ...(v.trackingNumber ? { trackingNumber: v.trackingNumber } : {}) }),
  },
  DeliverResult: {
    path: (c) => `/cases/${enc(c.caseId)}/deliver`,
    fields: () => null,
    body: () => ({}),
    tone: 'primary',
  },
  RateService: {
    path: (c) => `/cases/${enc(c.caseId)}/rate`,
    fields: () => [
      choice('level', t('level'), ['1', '2', '3', '4', '5'], (v) => `${v} ${t(`level.${v}`)}`),
      choice('channel', t('ratingChannel'), RATING_CHANNELS, (v) => t(`ratingChannel.${v}`)),
      choice('stage', t('ratingStage'), ['overall', 'front-desk', 'back-office', 'delivery'], (v) =>
        t(`ratingStage.${v}`),
      ),
      area('comment', t('comment'), false),
    ],
    body: (v) => ({
      level: Number(v.level),
      channel: v.channel,
      stage: v.stage,
      ...(v.comment ? { comment: v.comment } : {}),
    }),
  },
};

export const OBLIGATION_COMMANDS: Readonly<
  Record<string, { path: string; fields: () => Child; body: (v: Values) => unknown }>
> = {
  RecordCallback: {
    path: 'callback',
    fields: () => [area('notes', t('notes')), check('verified', t('verified'), true)],
    body: (v) => ({ notes: v.notes, verified: Boolean(v.verified) }),
  },
  RectifyObligation: {
    path: 'rectify',
    fields: () => area('measures', t('measures')),
    body: (v) => ({ measures: v.measures }),
  },
  ExplainObligation: {
    path: 'explain',
    fields: () => area('explanation', t('explanation')),
    body: (v) => ({ explanation: v.explanation }),
  },
};

/**
 * A button per allowed command; pressing one opens its form. The idempotency key is made when the
 * form opens, so a double click or a retry after a dropped connection writes once.
 */
export function commandBar(c: CaseDetail, onDone: (answer: CommandAnswer) => void): HTMLElement {
  const formBox = h('div', {});
  // Obligation commands are sent from the obligations list; everything else from here.
  const offered = c.allowedCommands.filter((a) => COMMANDS[a.type]);
  const open = (allowed: AllowedCommand): void => {
    const name = allowed.type;
    const spec = COMMANDS[name];
    const key = newIdempotencyKey();
    const message = h('div', {});
    const form = h(
      'form',
      { id: `form-${name}`, class: 'panel' },
      h('h3', {}, t(`cmd.${name}`)),
      spec.fields(c),
      message,
      h(
        'div',
        { class: 'actions spaced' },
        h('button', { type: 'submit', class: spec.tone ?? 'primary', id: `submit-${name}` }, t('confirm')),
        h('button', { type: 'button', on: { click: () => mount(formBox) } }, t('cancel')),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      send<CommandAnswer>(`/api${spec.path(c, allowed)}`, spec.body(formValues(form), c), key)
        .then((answer) => {
          toast(`${t(`cmd.${name}`)} ✓`);
          mount(formBox);
          onDone(answer);
        })
        .catch((error: unknown) => mount(message, problemBox(error)));
    });
    mount(formBox, form);
    if (!spec.fields(c)) form.requestSubmit();
  };
  return h(
    'section',
    { class: 'panel no-print', id: 'actions' },
    h('h2', {}, t('actions')),
    offered.length
      ? h(
          'div',
          { class: 'actions' },
          offered.map((allowed) =>
            h(
              'button',
              {
                type: 'button',
                class: COMMANDS[allowed.type].tone ?? '',
                dataset: { command: allowed.type },
                on: { click: () => open(allowed) },
              },
              t(`cmd.${allowed.type}`),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('noActions')),
    formBox,
  );
}
