import { get, newIdempotencyKey, send } from '../lib/api.js';
import { command, commandPathFor, type CommandDescription, type CommandField } from '../lib/commands.js';
import { type Child, formValues, h, mount } from '../lib/dom.js';
import { t, tOr } from '../lib/i18n.js';
import type { AllowedCommand, CaseDetail, CommandAnswer, Guide } from '../lib/types.js';
import { problemBox, toast } from '../lib/ui.js';
import { type ScanRef, scansInput, uploadScans } from './material-files.js';
import { recipientWidget } from './pickup.js';

/**
 * Command forms built from the engine's registry (GET /api/commands): one input per schema field,
 * by its kind and limits. The case's materials, the return targets and the correction items get
 * their own widgets; the labels come from the message catalog (`cmd.<type>` from the server).
 */
type Values = Record<string, string>;
type Case = CaseDetail | null;

/** A field's own widget: what it shows and the value it sends. */
interface Widget {
  readonly input: (c: Case, type: string) => Child;
  readonly value: (v: Values, c: Case, type: string) => unknown;
}

/** The message-catalog key of a field's label, where it is not the field's name. */
const LABEL_KEYS: Readonly<Record<string, string>> = {
  result: 'result_',
  channel: 'ratingChannel',
  stage: 'ratingStage',
};
/** The message-catalog prefix of an enum field's values. */
const OPTION_KEYS: Readonly<Record<string, string>> = {
  kind: 'spk',
  method: 'method',
  channel: 'ratingChannel',
  stage: 'ratingStage',
};

/** Presets a clerk or approver usually keeps. */
const PRESETS: Readonly<Record<string, (c: Case) => string>> = {
  legalBasis: () => '《中华人民共和国行政许可法》第三十二条',
  expectedDays: () => '10',
  days: () => '10',
  reviewAuthority: () => '呼和浩特市新城区人民政府',
  court: () => '呼和浩特市新城区人民法院',
  // Distinct from the notices' suffixes: -A 受理通知书, -R 不予受理通知书, -D 不予许可决定书 (the engine's).
  certificateNumber: (c) => (c ? `${c.caseNumber}-C` : ''),
  supplyBy: (c) => c?.deficiencySupplyBy?.latest ?? '',
};
const CHECKED = new Set(['electronic']);
/**
 * Answers the clerk must give, not take over: no preselected rating level and no ticked "情况属实"
 * (a biased default records what nobody said). Yes/no questions among them are asked as a choice.
 */
const NEUTRAL = new Set(['level', 'verified']);

// The console's own word for the field, else the catalog's field name, else the registry's description.
const labelOf = (f: CommandField): string =>
  tOr(LABEL_KEYS[f.name] ?? f.name, tOr(`field.${f.name}`, f.description ?? f.name));
const idOf = (name: string): string => `cmd-${name.replaceAll('.', '-')}`;

function labelled(name: string, label: string, input: HTMLElement): HTMLElement {
  return h('div', {}, h('label', { for: idOf(name) }, label), input);
}

function check(name: string, label: string, checked = false): HTMLElement {
  return h(
    'label',
    { class: 'inline' },
    h('input', { type: 'checkbox', name, id: idOf(name), checked }),
    label,
  );
}

function select(
  name: string,
  values: readonly string[],
  labelOfValue: (v: string) => string,
  blank: boolean,
  required = false,
) {
  return h(
    'select',
    { id: idOf(name), name, required },
    [...(blank ? [''] : []), ...values].map((v) => h('option', { value: v }, v ? labelOfValue(v) : '—')),
  );
}

/** The input of a plain field, by its kind (`name` is its form name, prefixed inside objects). */
function input(f: CommandField, name: string, c: Case): Child {
  const label = labelOf(f);
  const required = f.required;
  const value = PRESETS[f.name]?.(c) ?? '';
  switch (f.kind) {
    case 'boolean':
      if (NEUTRAL.has(f.name)) {
        return labelled(
          name,
          label,
          select(name, ['true', 'false'], (v) => t(v === 'true' ? 'yes' : 'no'), true, true),
        );
      }
      return h('div', {}, check(name, label, CHECKED.has(f.name)));
    case 'date': {
      // 容缺's supplyBy: after today, at most the promised due date, which is the default.
      const range = f.name === 'supplyBy' ? c?.deficiencySupplyBy : null;
      const hint = range ? `${idOf(name)}-hint` : undefined;
      return h(
        'div',
        {},
        h('label', { for: idOf(name) }, label),
        h('input', {
          id: idOf(name),
          name,
          type: 'date',
          required,
          value,
          min: range?.earliest,
          max: range?.latest,
          'aria-describedby': hint,
        }),
        range ? h('p', { class: 'muted', id: hint }, t('supplyByLatest', { date: range.latest })) : null,
      );
    }
    case 'enum': {
      const prefix = OPTION_KEYS[f.name];
      return labelled(
        name,
        label,
        select(name, f.enum ?? [], (v) => (prefix ? tOr(`${prefix}.${v}`, v) : v), !required),
      );
    }
    case 'int': {
      const [min, max] = [f.minimum ?? 0, f.maximum ?? 0];
      if (max - min < 10) {
        const values = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
        return labelled(
          name,
          label,
          select(
            name,
            values,
            (v) => `${v} ${tOr(`${f.name}.${v}`, '')}`.trim(),
            NEUTRAL.has(f.name),
            NEUTRAL.has(f.name),
          ),
        );
      }
      return labelled(
        name,
        label,
        h('input', { id: idOf(name), name, type: 'number', min, max, required, value }),
      );
    }
    case 'object':
      return (f.fields ?? []).map((inner) => input(inner, `${name}.${inner.name}`, c));
    case 'text-list':
      return labelled(name, label, h('textarea', { id: idOf(name), name, required }));
    case 'list':
      return null; // lists of objects have their own widgets
    case 'code':
    case 'text':
      return (f.maxLength ?? 0) > 300
        ? labelled(name, label, h('textarea', { id: idOf(name), name, required }))
        : labelled(name, label, h('input', { id: idOf(name), name, required, value }));
  }
}

function valueOf(f: CommandField, name: string, v: Values): unknown {
  const raw = v[name];
  switch (f.kind) {
    case 'boolean':
      return NEUTRAL.has(f.name) ? raw === 'true' : Boolean(raw);
    case 'int':
      return raw ? Number(raw) : undefined;
    case 'object':
      return Object.fromEntries(
        (f.fields ?? []).map((inner) => [inner.name, valueOf(inner, `${name}.${inner.name}`, v)]),
      );
    case 'text-list':
      return (raw ?? '')
        .split('\n')
        .map((r) => r.trim())
        .filter(Boolean);
    case 'code':
    case 'date':
    case 'enum':
    case 'list':
    case 'text':
      return raw ? raw : undefined;
  }
}

// --- Widgets for fields a generic input cannot serve -----------------------------------------

const notSubmitted = (s: string): boolean => s === 'missing' || s === 'to-correct' || s === 'deficient';
const materialsOf = (c: Case) => c?.materials ?? [];

/** A checkbox and a form per material the command is about. */
const materials: Widget = {
  input: (c, type) =>
    h(
      'table',
      {},
      h(
        'tbody',
        {},
        materialsOf(c)
          .filter((m) =>
            type === 'SupplyDeficiency'
              ? m.state === 'deficient'
              : m.state === 'to-correct' || m.state === 'missing',
          )
          .map((m) =>
            h(
              'tr',
              {},
              h('td', {}, check(`m.${m.code}`, m.name, true)),
              h(
                'td',
                {},
                h(
                  'select',
                  { name: `f.${m.code}`, 'aria-label': `${m.name}：${t('materialForm')}` },
                  ['original', 'copy', 'electronic'].map((f) =>
                    h('option', { value: f }, tOr(`form.${f}`, f)),
                  ),
                ),
              ),
              h(
                'td',
                {},
                // Scans of the corrected or supplied material (ADR 16), uploaded on submit, attached by hash.
                scansInput(m.code, m.name),
              ),
              h('td', { class: 'muted' }, m.problem ?? ''),
            ),
          ),
      ),
    ),
  value: (v, c) =>
    materialsOf(c)
      .filter((m) => v[`m.${m.code}`])
      .map((m) => ({ code: m.code, form: v[`f.${m.code}`] ?? 'original' })),
};

/**
 * The scans chosen in a form's file fields, uploaded one by one (POST /api/blobs), then named by
 * hash on the materials of the body that carry them; a refused upload stops the command unsent.
 */
async function attachScans(
  form: HTMLFormElement,
  body: Record<string, unknown>,
  message: HTMLElement,
): Promise<void> {
  if (!Array.isArray(body.materials)) return;
  const list = body.materials as { code: string; files?: ScanRef[] }[];
  const scans = await uploadScans(
    form,
    list.map((m) => m.code),
    () => mount(message, h('p', { class: 'muted', role: 'status' }, t('uploadingFiles'))),
  );
  for (const material of list) {
    const files = scans.get(material.code);
    if (files) material.files = [...(material.files ?? []), ...files];
  }
  mount(message);
}

/**
 * 容缺: only materials the guide marks 可容缺 can be deferred; a missing key material is named
 * instead (it must be corrected before acceptance), so the clerk cannot walk into the refusal.
 */
const missing: Widget = {
  input: (c) => {
    const open = materialsOf(c).filter((m) => notSubmitted(m.state));
    const key = open.filter((m) => !m.deficiencyAllowed);
    return [
      h('p', { class: 'muted' }, t('missing')),
      open.filter((m) => m.deficiencyAllowed).map((m) => h('div', {}, check(`d.${m.code}`, m.name, true))),
      key.length
        ? h(
            'p',
            { class: 'confirm-note', id: 'deficiency-key-missing' },
            `${t('notDeferrable')}${key.map((m) => m.name).join('、')}`,
          )
        : null,
    ];
  },
  value: (v, c) =>
    materialsOf(c)
      .filter((m) => v[`d.${m.code}`])
      .map((m) => ({ code: m.code })),
};

const correctionItems: Widget = {
  input: (c) =>
    h(
      'table',
      {},
      h(
        'tbody',
        {},
        materialsOf(c)
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
  value: (v, c) =>
    materialsOf(c)
      .filter((m) => v[`c.${m.code}`])
      .map((m) => ({ code: m.code, problem: v[`p.${m.code}`] || t('material.missing') })),
};

const returnTarget: Widget = {
  input: (c) =>
    labelled(
      'to',
      t('to'),
      select(
        'to',
        c?.returnTargets ?? [],
        (v) => tOr(`to.${v}`, c?.tasks.find((x) => x.step === v)?.label ?? v),
        false,
      ),
    ),
  value: (v) => v.to,
};

/** The guides the opinion widget has read, by item code and version (a version never changes). */
const guides = new Map<string, Promise<Guide>>();

/** 常用意见 of the case's current step, from the guide version the case runs under. */
async function standardOpinionsOf(c: CaseDetail): Promise<readonly string[]> {
  const key = `${c.itemCode}@${c.guideVersion}`;
  if (!guides.has(key))
    guides.set(
      key,
      get<Guide>(`/api/catalog/items/${encodeURIComponent(c.itemCode)}`, { version: c.guideVersion }),
    );
  const guide = await guides.get(key)!;
  const step = c.tasks.find((x) => x.taskId === c.currentTaskId)?.step;
  return guide.steps.find((s) => s.name === step)?.standardOpinions ?? [];
}

/**
 * The opinion, with the step's 常用意见 offered beside it: choosing one fills the field, where the
 * approver can still change it. A step without them (or a guide that cannot be read) shows the field alone.
 */
const opinion: Widget = {
  input: (c) => {
    const area = h('textarea', { id: idOf('opinion'), name: 'opinion', required: true });
    const choices = h('div', { id: 'standard-opinions' });
    if (c?.currentTaskId)
      void standardOpinionsOf(c)
        .then((list) => {
          if (!list.length) return;
          const picker = h(
            'select',
            {
              id: idOf('standard-opinion'),
              on: {
                change: () => {
                  if (picker.value) area.value = picker.value;
                },
              },
            },
            h('option', { value: '' }, t('queue.standardOpinion.choose')),
            list.map((o) => h('option', { value: o }, o)),
          );
          mount(choices, labelled('standard-opinion', t('queue.standardOpinions'), picker));
        })
        .catch(() => undefined);
    return [choices, labelled('opinion', tOr('field.opinion', t('opinion')), area)];
  },
  value: (v) => v.opinion || undefined,
};

const WIDGETS: Readonly<Record<string, Widget>> = {
  recipient: recipientWidget,
  opinion,
  materials,
  missing,
  items: correctionItems,
  to: returnTarget,
};

/** The inputs of a command's form (null: the command has no fields). */
export function commandFields(description: CommandDescription, c: Case): Child {
  if (!description.fields.length) return null;
  return description.fields.map((f) => WIDGETS[f.name]?.input(c, description.type) ?? input(f, f.name, c));
}

/** The body a filled-in form sends. */
export function commandBody(description: CommandDescription, v: Values, c: Case): Record<string, unknown> {
  return Object.fromEntries(
    description.fields
      .map((f) => [f.name, WIDGETS[f.name]?.value(v, c, description.type) ?? valueOf(f, f.name, v)] as const)
      .filter(([, value]) => value !== undefined),
  );
}

/** An obligation command's form and body (the obligations list sends them). */
export function obligationCommand(type: string): {
  path: (obligationId: string) => string;
  fields: () => Child;
  body: (v: Values) => unknown;
} {
  const description = command(type)!;
  return {
    path: (obligationId) => commandPathFor(description, { obligationId }),
    fields: () => commandFields(description, null),
    body: (v) => commandBody(description, v, null),
  };
}

function pathFor(description: CommandDescription, c: CaseDetail, allowed: AllowedCommand): string {
  return commandPathFor(description, {
    caseId: c.caseId,
    taskId: allowed.taskId ?? c.currentTaskId ?? '',
    obligationId: allowed.obligationId ?? '',
    n: allowed.n ?? c.activeSpecialProcedure ?? 0,
  });
}

/**
 * A button per allowed command; pressing one opens its form. The idempotency key is made when the
 * form opens, so a double click or a retry after a dropped connection writes once.
 */
export function commandBar(c: CaseDetail, onDone: (answer: CommandAnswer) => void): HTMLElement {
  const formBox = h('div', {});
  // Obligation commands are sent from the obligations list; everything else from here.
  const offered = c.allowedCommands.filter(
    (a) => command(a.type) && command(a.type)?.target !== 'obligation',
  );
  const open = (allowed: AllowedCommand): void => {
    const name = allowed.type;
    const description = command(name)!;
    const key = newIdempotencyKey();
    const message = h('div', {});
    const fields = commandFields(description, c);
    const form = h(
      'form',
      { id: `form-${name}`, class: 'panel' },
      h('h3', {}, t(`cmd.${name}`)),
      fields,
      description.irreversible ? h('p', { class: 'confirm-note' }, t('irreversible')) : null,
      message,
      h(
        'div',
        { class: 'actions spaced' },
        h(
          'button',
          { type: 'submit', class: description.emphasis ?? 'primary', id: `submit-${name}` },
          t('confirm'),
        ),
        h('button', { type: 'button', on: { click: () => mount(formBox) } }, t('cancel')),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const body = commandBody(description, formValues(form), c);
      attachScans(form, body, message)
        .then(() => send<CommandAnswer>(pathFor(description, c, allowed), body, key))
        .then((answer) => {
          toast(`${t(`cmd.${name}`)} ✓`);
          mount(formBox);
          onDone(answer);
        })
        .catch((error: unknown) => mount(message, problemBox(error)));
    });
    mount(formBox, form);
    // A command that cannot be taken back waits for its confirmation even when it has no fields.
    if (!fields && !description.irreversible) form.requestSubmit();
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
                class: command(allowed.type)?.emphasis ?? '',
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
