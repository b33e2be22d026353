import { get, newIdempotencyKey, post, send } from '../lib/api.js';
import { formValues, h, mount } from '../lib/dom.js';
import { currentLang, messages, t, tOr } from '../lib/i18n.js';
import type { CatalogItem, CommandAnswer, Guide } from '../lib/types.js';
import { ID_TYPES, bindIdPattern } from '../lib/id-types.js';
import { badge, navigate, problemBox, toast } from '../lib/ui.js';
import { guideName, guidePanel, isShared } from './guide.js';
import { type ScanRef, scansInput, uploadScans } from './material-files.js';

const CHANNELS = ['window', 'online', 'mobile', 'terminal', 'agent-point'];
/** An applicant's kind decides the usual ID type: 居民身份证 for a person, 统一社会信用代码 for an organisation. */
const ID_TYPE_OF_KIND: Record<string, string> = { 'natural-person': 'resident-id', 'legal-person': 'uscc' };

/** Keeps an ID number input's pattern and hint in step with its ID type select. */
function bindIdType(form: HTMLFormElement, prefix: string): void {
  const type = form.querySelector<HTMLSelectElement>(`select[name="${prefix}idType"]`);
  const number = form.querySelector<HTMLInputElement>(`input[name="${prefix}idNumber"]`);
  if (type && number) bindIdPattern(type, number);
}

function select(
  name: string,
  values: readonly string[],
  label: (v: string) => string,
  selected?: string,
): HTMLSelectElement {
  return h(
    'select',
    { name, id: name },
    values.map((v) => h('option', { value: v, selected: v === selected }, label(v))),
  );
}

function field(name: string, label: string, input: HTMLElement): HTMLElement {
  return h('div', {}, h('label', { for: name }, label), input);
}

/**
 * The phone input: its format shown as its description before anything is typed, and a number out of
 * format refused by the browser in the server's own words for the rule (申请人联系电话：须为 5 至 30 位数字…).
 */
function phoneInput(prefix: string): HTMLInputElement {
  const refusal = messages.fieldProblem(currentLang(), {
    pointer: `#/${prefix ? 'agent' : 'applicant'}/phone`,
    code: 'phone-format',
  });
  const input = h('input', {
    id: `${prefix}phone`,
    name: `${prefix}phone`,
    required: true,
    pattern: '[0-9+\\- ]{5,30}',
    title: t('phoneFormat'),
  });
  input.addEventListener('input', () =>
    input.setCustomValidity(input.validity.patternMismatch ? refusal : ''),
  );
  return input;
}

function personFields(prefix: string): HTMLElement {
  return h(
    'div',
    { class: 'form-row' },
    field(
      `${prefix}name`,
      t('name'),
      h('input', { id: `${prefix}name`, name: `${prefix}name`, required: true, maxlength: 100 }),
    ),
    field(
      `${prefix}idType`,
      t('idType'),
      select(`${prefix}idType`, ID_TYPES, (v) => t(`idType.${v}`)),
    ),
    field(
      `${prefix}idNumber`,
      t('idNumber'),
      h('input', { id: `${prefix}idNumber`, name: `${prefix}idNumber`, required: true, maxlength: 40 }),
    ),
    field(`${prefix}phone`, t('phone'), phoneInput(prefix)),
  );
}

/** The application form: who applies, how, and which materials were handed in, in what form. */
function applicationForm(guide: Guide, appointment?: DeskAppointment): HTMLElement {
  const message = h('div', {});
  // Hidden agent fields are disabled too, so the browser neither validates nor sends them.
  const agentBox = h(
    'fieldset',
    { hidden: true, disabled: true, class: 'plain' },
    h('h3', {}, t('agent')),
    personFields('agent.'),
  );
  const showAgent = (on: boolean): void => {
    agentBox.hidden = !on;
    agentBox.disabled = !on;
  };
  let key = newIdempotencyKey();
  const collect = (m: Guide['materials'][number]) => [
    h(
      'td',
      {},
      h(
        'label',
        { class: 'inline' },
        h('input', { type: 'checkbox', name: `m.${m.code}`, dataset: { material: m.code } }),
        t('received'),
      ),
    ),
    h(
      'td',
      {},
      (() => {
        const form = select(
          `f.${m.code}`,
          ['original', 'copy', 'electronic'],
          (v) => tOr(`form.${v}`, v),
          m.type,
        );
        form.setAttribute('aria-label', `${m.name}：${t('materialForm')}`);
        return form;
      })(),
    ),
    h(
      'td',
      {},
      // Scans of the material (ADR 16): uploaded when the application is taken, then attached by hash.
      scansInput(m.code, m.name),
    ),
  ];
  // Art. 11(5): a shared or e-certificate material is fetched only once the applicant authorizes
  // it; until then the clerk collects it like any other (the row says which).
  const sharedRows: { fetched: HTMLElement; collected: HTMLElement[] }[] = [];
  const materialRows = guide.materials.map((m) => {
    const name = h(
      'td',
      {},
      m.name,
      ' ',
      m.key ? badge(t('keyMaterial'), 'red') : null,
      ' ',
      m.deficiencyAllowed ? badge(t('deficiencyAllowed'), 'yellow') : null,
    );
    if (!isShared(m)) return h('tr', {}, name, collect(m));
    const fetched = h('td', { colspan: '3', hidden: true }, badge(t('sharedMaterial'), 'green'));
    const collected = collect(m);
    collected[0].append(' ', badge(t('sharedNotAuthorized')));
    sharedRows.push({ fetched, collected });
    return h('tr', { dataset: { shared: m.code } }, name, fetched, collected);
  });
  const showSharing = (authorized: boolean): void => {
    for (const row of sharedRows) {
      row.fetched.hidden = !authorized;
      for (const cell of row.collected) {
        cell.hidden = authorized;
        for (const input of cell.querySelectorAll('input, select'))
          (input as HTMLInputElement).disabled = authorized;
      }
    }
  };
  const form = h(
    'form',
    { id: 'application-form' },
    h('h3', {}, t('applicant')),
    h(
      'div',
      { class: 'form-row' },
      field(
        'kind',
        t('applicantKind'),
        (() => {
          const kind = select('kind', ['natural-person', 'legal-person'], (v) => t(`applicantKind.${v}`));
          kind.addEventListener('change', () => {
            const idType = kind.form?.querySelector<HTMLSelectElement>('select[name="idType"]');
            if (!idType) return;
            idType.value = ID_TYPE_OF_KIND[kind.value] ?? idType.value;
            idType.dispatchEvent(new Event('change'));
          });
          return kind;
        })(),
      ),
      field(
        'channel',
        t('channel'),
        select('channel', CHANNELS, (v) => t(`channel.${v}`)),
      ),
    ),
    personFields(''),
    h(
      'div',
      {},
      h(
        'label',
        { class: 'inline' },
        h('input', {
          type: 'checkbox',
          name: 'hasAgent',
          on: { change: (e) => showAgent((e.target as HTMLInputElement).checked) },
        }),
        t('hasAgent'),
      ),
      h(
        'label',
        { class: 'inline' },
        h('input', { type: 'checkbox', name: 'greenChannel' }),
        t('greenChannel'),
      ),
      guide.materials.some(isShared)
        ? h(
            'label',
            { class: 'inline' },
            // Not ticked until the applicant has authorized it (Art. 11(5)): no presumed consent.
            h('input', {
              type: 'checkbox',
              name: 'sharingAuthorized',
              on: { change: (e) => showSharing((e.target as HTMLInputElement).checked) },
            }),
            t('sharingAuthorized'),
          )
        : null,
    ),
    agentBox,
    h('h3', {}, t('materials')),
    h('table', {}, h('tbody', {}, materialRows)),
    message,
    h(
      'div',
      { class: 'actions spaced' },
      h('button', { class: 'primary', type: 'submit', id: 'take-application' }, t('takeApplication')),
    ),
  );
  bindIdType(form, '');
  bindIdType(form, 'agent.');
  /** Uploads the scans chosen for each material handed in; their hashes go into the command. */
  const uploadScansOf = (codes: readonly string[]) =>
    uploadScans(form, codes, () =>
      mount(message, h('p', { class: 'muted', role: 'status' }, t('uploadingFiles'))),
    );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  const submit = async (): Promise<void> => {
    const v = formValues(form);
    const person = (p: string) => ({
      name: v[`${p}name`] ?? '',
      idType: v[`${p}idType`] ?? '',
      idNumber: v[`${p}idNumber`] ?? '',
      phone: v[`${p}phone`] ?? '',
    });
    const handedIn = guide.materials.filter(
      (m) => (!isShared(m) || !v.sharingAuthorized) && v[`m.${m.code}`],
    );
    let scans: Map<string, ScanRef[]>;
    try {
      scans = await uploadScansOf(handedIn.map((m) => m.code));
    } catch (error) {
      mount(message, problemBox(error));
      return;
    }
    mount(message);
    const body = {
      itemCode: guide.code,
      ...(appointment ? { appointmentId: appointment.appointmentId } : {}),
      applicant: { kind: v.kind, ...person('') },
      ...(v.hasAgent ? { agent: person('agent.') } : {}),
      channel: v.channel,
      materials: handedIn.map((m) => ({
        code: m.code,
        form: v[`f.${m.code}`] ?? m.type,
        ...(scans.get(m.code) ? { files: scans.get(m.code) } : {}),
      })),
      greenChannel: Boolean(v.greenChannel),
      ...(guide.materials.some(isShared) ? { sharingAuthorized: Boolean(v.sharingAuthorized) } : {}),
    };
    send<CommandAnswer>('/api/cases', body, key)
      .then((answer) => {
        key = newIdempotencyKey();
        toast(`${t('caseNumber')} ${answer.caseNumber ?? answer.caseId}`);
        navigate(`#/case/${encodeURIComponent(answer.caseId)}`);
      })
      .catch((error: unknown) => mount(message, problemBox(error)));
  };
  if (appointment) prefill(form, appointment);
  return h(
    'section',
    { class: 'panel' },
    h('h2', {}, t('takeApplication')),
    appointment
      ? h(
          'p',
          { class: 'confirm-note', id: 'with-appointment' },
          t('desk.appointment.with', appointmentWords(appointment)),
        )
      : null,
    form,
  );
}

/** A booking of the clerk's hall (GET /api/appointments, ADR 17). */
interface DeskAppointment {
  appointmentId: string;
  slot: string;
  end: string | null;
  itemCode: string;
  itemName: string;
  applicant: { name: string; phone: string; idNumber: string };
  status: string;
  caseId: string | null;
}

const appointmentWords = (a: DeskAppointment) => ({
  id: a.appointmentId,
  slot: a.end ? `${a.slot}–${a.end}` : a.slot,
  name: a.applicant.name,
});

/** The booking's applicant in the receipt form: an 18-character code beginning 9 is an organisation's. */
function prefill(form: HTMLFormElement, a: DeskAppointment): void {
  const organisation = /^9[0-9A-Z]{17}$/.test(a.applicant.idNumber);
  const kind = form.querySelector<HTMLSelectElement>('select[name="kind"]');
  if (kind) {
    kind.value = organisation ? 'legal-person' : 'natural-person';
    kind.dispatchEvent(new Event('change'));
  }
  for (const [name, value] of Object.entries(a.applicant)) {
    const input = form.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    if (input) input.value = value;
  }
}

/** Today's bookings at the clerk's hall; a booked one opens the receipt form with it, or is marked a no-show. */
async function todaysAppointments(): Promise<HTMLElement | null> {
  let day: { items: DeskAppointment[] };
  try {
    day = await get<{ items: DeskAppointment[] }>('/api/appointments');
  } catch {
    return null; // not a clerk of a hall: no list
  }
  const section = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'appointments-today' },
    h('h2', { id: 'appointments-today' }, t('desk.appointments.today')),
    day.items.length === 0
      ? h('p', { class: 'muted' }, t('desk.appointments.none'))
      : h(
          'ul',
          {},
          day.items.map((a) =>
            h(
              'li',
              { dataset: { appointment: a.appointmentId } },
              `${appointmentWords(a).slot} ${a.applicant.name} · ${a.itemName} `,
              badge(t(`pub.status.${a.status}`), a.status === 'booked' ? 'blue' : ''),
              a.status === 'booked'
                ? [
                    ' ',
                    h(
                      'a',
                      {
                        href: `#/desk/item/${encodeURIComponent(a.itemCode)}/appointment/${encodeURIComponent(a.appointmentId)}`,
                      },
                      t('desk.appointments.receive'),
                    ),
                    ' ',
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'button',
                        on: {
                          click: (e) => {
                            const item = (e.target as HTMLElement).closest('li');
                            post(`/api/appointments/${encodeURIComponent(a.appointmentId)}/no-show`, {})
                              .then(() => todaysAppointments())
                              .then((fresh) => fresh && section.replaceWith(fresh))
                              .catch((error: unknown) => item?.append(problemBox(error)));
                          },
                        },
                      },
                      t('desk.appointments.noShow'),
                    ),
                  ]
                : null,
            ),
          ),
        ),
  );
  return section;
}

export async function deskView(root: HTMLElement, [code, appointmentId]: string[]): Promise<void> {
  const list = h('div', {});
  const search = h('input', { type: 'search', id: 'catalog-search', placeholder: t('search') });
  const detail = h('div', {}, h('p', { class: 'muted panel' }, t('pickItem')));
  const appointments = h('div', {});
  const renderList = async (): Promise<void> => {
    const items = await get<CatalogItem[]>('/api/catalog/items', { q: search.value.trim() });
    mount(
      list,
      h(
        'table',
        {},
        h(
          'tbody',
          {},
          items.map((item) =>
            h(
              'tr',
              {
                class: `clickable${item.code === code ? ' selected' : ''}`,
                dataset: { item: item.code },
                on: {
                  click: (e) => {
                    if (!(e.target instanceof Element && e.target.closest('a')))
                      navigate(`#/desk/item/${item.code}`);
                  },
                },
              },
              h(
                'td',
                {},
                h('a', { href: `#/desk/item/${item.code}`, class: 'row-link' }, guideName(item)),
                h(
                  'div',
                  { class: 'muted' },
                  `${t(`caseKind.${item.caseKind}`)} · ${t('workingDaysN', { n: item.promisedLimitDays })}`,
                ),
              ),
            ),
          ),
        ),
      ),
    );
  };
  search.addEventListener('input', () => void renderList().catch((e: unknown) => mount(list, problemBox(e))));
  mount(
    root,
    h(
      'div',
      { class: 'grid cols-side' },
      h('h1', { class: 'visually-hidden' }, t('nav.desk')),
      h('aside', {}, appointments, h('div', { class: 'panel' }, h('h2', {}, t('catalog')), search, list)),
      detail,
    ),
  );
  await renderList();
  const booked = await todaysAppointments();
  if (booked) mount(appointments, booked);
  if (code) {
    const guide = await get<Guide>(`/api/catalog/items/${encodeURIComponent(code)}`);
    const appointment = appointmentId
      ? (await get<{ items: DeskAppointment[] }>('/api/appointments')).items.find(
          (a) => a.appointmentId === appointmentId,
        )
      : undefined;
    mount(detail, guidePanel(guide), applicationForm(guide, appointment));
  }
}
