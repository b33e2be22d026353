/**
 * The applicant's pages (issue 13 items 3–6, ADR 17): track a case, book an appointment, change or
 * cancel it, rate a case by its QR link. No sign-in; mobile first; Chinese first with English.
 * The words are the server's message catalog (libs/shared/src/messages/public.ts).
 */
import { type Child, h, mount } from '../lib/dom.js';
import { currentLang, formatDate, messages, setLang, t } from '../lib/i18n.js';
import { type StoredNotice, noticeArticle } from '../lib/notice-article.js';

interface Problem {
  readonly status: number;
  readonly detail: string;
  readonly code?: string;
  readonly params?: Record<string, string | number>;
  readonly errors?: readonly { readonly detail: string }[];
}

class Refused extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

/** The public routes only: no token is ever sent from these pages. */
async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      'accept-language': currentLang() === 'zh' ? 'zh-CN' : 'en',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok)
    throw new Refused(
      (data as Problem | undefined) ?? { status: response.status, detail: response.statusText },
    );
  return data as T;
}

function problemWords(error: unknown): string {
  if (!(error instanceof Refused)) return String(error);
  const p = error.problem;
  const key = `problem.${p.code ?? ''}`;
  const head = p.code && messages.has(key) ? t(key, p.params ?? {}) : p.detail;
  const fields = (p.errors ?? []).map((e) => e.detail);
  return [head, ...fields].join(' ');
}

const app = (): HTMLElement => document.getElementById('app')!;

function showError(where: HTMLElement, error: unknown): void {
  mount(where, h('p', { class: 'error', role: 'alert' }, problemWords(error)));
}

function field(name: string, label: string, input: HTMLElement, hint?: string): Child[] {
  input.id = `f-${name}`;
  input.setAttribute('name', name);
  if (hint) input.setAttribute('aria-describedby', `f-${name}-hint`);
  return [
    h('label', { for: `f-${name}` }, label),
    input,
    hint ? h('p', { class: 'hint', id: `f-${name}-hint` }, hint) : null,
  ];
}

function text(required = true, attrs: Record<string, string> = {}): HTMLInputElement {
  return h('input', { type: 'text', required, autocomplete: 'off', ...attrs });
}

function values(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((v, k) => {
    if (typeof v === 'string') out[k] = v.trim();
  });
  return out;
}

function page(title: string, ...children: Child[]): void {
  mount(app(), h('h1', { id: 'page-title' }, title), ...children);
  document.title = `${title} · ${t('pub.brand')}`;
}

// ---- progress ----

interface ProgressView {
  caseNumber: string;
  item: string;
  receivedOn: string;
  stage: { zh: string; en: string };
  dueDates: { promised: string | null; statutory: string | null };
  notices: { kind: string; number: string | null; issuedOn: string; printable: boolean }[];
  asked: {
    correction: { correctBy: string; items: { material: string; problem: string }[] } | null;
    deficiency: { supplyBy: string; materials: string[] } | null;
  };
}

function progressPage(): void {
  const out = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { novalidate: false },
    ...field('caseNumber', t('pub.caseNumber'), text(true, { inputmode: 'numeric' })),
    ...field('code', t('pub.code'), text(true, { autocapitalize: 'characters' }), t('pub.codeHint')),
    h('button', { type: 'submit', class: 'primary' }, t('pub.lookUp')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const v = values(form);
    const query = { caseNumber: v.caseNumber, code: v.code };
    api<ProgressView>('POST', '/api/public/progress', query)
      .then((view) => mount(out, progressCard(view, query)))
      .catch((error: unknown) => showError(out, error));
  });
  page(t('pub.progress.title'), h('p', {}, t('pub.progress.intro')), form, out);
}

/**
 * One notice as the case stored it (POST /api/public/progress/notice, with the lookup's number and
 * code), shown below the card in Chinese as the paper is, with a button to print or save it.
 */
function showNotice(where: HTMLElement, query: { caseNumber: string; code: string }, number: string): void {
  api<StoredNotice>('POST', '/api/public/progress/notice', { ...query, number })
    .then((notice) => {
      mount(
        where,
        h(
          'section',
          { class: 'notice-view', 'aria-label': t(`pub.notice.${notice.kind}`) },
          h(
            'button',
            {
              type: 'button',
              class: 'secondary no-print',
              id: 'print-notice',
              on: { click: () => window.print() },
            },
            t('pub.printNotice'),
          ),
          noticeArticle(notice),
        ),
      );
      where.scrollIntoView();
    })
    .catch((error: unknown) => showError(where, error));
}

function progressCard(view: ProgressView, query: { caseNumber: string; code: string }): HTMLElement {
  const shown = h('div', { id: 'notice', 'aria-live': 'polite' });
  const asked: Child[] = [];
  if (view.asked.correction)
    asked.push(
      h('p', {}, t('pub.correctBy', { date: view.asked.correction.correctBy })),
      h(
        'ul',
        {},
        view.asked.correction.items.map((i) => h('li', {}, `${i.material}：${i.problem}`)),
      ),
    );
  if (view.asked.deficiency)
    asked.push(
      h('p', {}, t('pub.supplyBy', { date: view.asked.deficiency.supplyBy })),
      h(
        'ul',
        {},
        view.asked.deficiency.materials.map((m) => h('li', {}, m)),
      ),
    );
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'progress-stage' },
    h(
      'dl',
      {},
      h('dt', {}, t('pub.caseNumber')),
      h('dd', {}, view.caseNumber),
      h('dt', {}, t('pub.item')),
      h('dd', {}, view.item),
      h('dt', { id: 'progress-stage' }, t('pub.stage')),
      h('dd', { class: 'stage' }, currentLang() === 'zh' ? view.stage.zh : view.stage.en),
      h('dt', {}, t('pub.receivedOn')),
      h('dd', {}, formatDate(view.receivedOn)),
      view.dueDates.promised
        ? [h('dt', {}, t('pub.promisedDue')), h('dd', {}, formatDate(view.dueDates.promised))]
        : null,
      view.dueDates.statutory
        ? [h('dt', {}, t('pub.statutoryDue')), h('dd', {}, formatDate(view.dueDates.statutory))]
        : null,
    ),
    view.notices.length
      ? [
          h('h2', {}, t('pub.notices')),
          h(
            'ul',
            {},
            view.notices.map((n) =>
              h(
                'li',
                {},
                `${t(`pub.notice.${n.kind}`)}${n.number ? ` ${n.number}` : ''}，${t('pub.issuedOn', { date: n.issuedOn })}`,
                n.printable && n.number
                  ? [
                      ' ',
                      h(
                        'button',
                        {
                          type: 'button',
                          class: 'link',
                          'data-notice': n.number,
                          on: { click: () => showNotice(shown, query, n.number!) },
                        },
                        t('pub.viewNotice'),
                      ),
                    ]
                  : null,
              ),
            ),
          ),
        ]
      : null,
    h('h2', {}, t('pub.asked')),
    asked.length ? asked : h('p', {}, t('pub.nothingAsked')),
    shown,
  );
}

// ---- appointments ----

interface Options {
  today: string;
  lastDay: string;
  halls: { id: string; name: string; items: { code: string; name: string }[] }[];
}
interface OpenSlot {
  start: string;
  end: string;
  kind: string;
  left: number;
}
interface Booking {
  appointmentId: string;
  code?: string;
  hall: string;
  hallName: string;
  day: string;
  slot: string;
  itemCode: string;
  itemName: string;
  status: string;
}

/** The day and slot pickers, shared by booking and changing; `chosen()` reads them. */
function slotPicker(options: Options, hall: () => string, item: () => string) {
  const day = h('input', {
    type: 'date',
    required: true,
    min: options.today,
    max: options.lastDay,
    value: options.today,
  });
  const list = h('div', { 'aria-live': 'polite' });
  const load = () => {
    if (!hall() || !item() || !day.value) return mount(list);
    api<{ slots: OpenSlot[] }>(
      'GET',
      `/api/public/appointments/slots?${new URLSearchParams({ hall: hall(), item: item(), day: day.value }).toString()}`,
    )
      .then(({ slots }) => {
        const open = slots.filter((s) => s.left > 0);
        mount(
          list,
          open.length
            ? h(
                'fieldset',
                {},
                h('legend', {}, t('pub.book.slots')),
                open.map((s) =>
                  h(
                    'label',
                    { class: 'choice' },
                    h('input', { type: 'radio', name: 'slot', value: s.start, required: true }),
                    `${s.start}–${s.end} · ${t(`pub.book.kind.${s.kind}`)} · ${t('pub.book.left', { count: s.left })}`,
                  ),
                ),
              )
            : h('p', { class: 'hint' }, t('pub.book.noSlots')),
        );
      })
      .catch((error: unknown) => showError(list, error));
  };
  day.addEventListener('change', load);
  return { parts: [...field('day', t('pub.book.day'), day), list], load, day: () => day.value };
}

function bookingCard(b: Booking): HTMLElement {
  return h(
    'section',
    { class: 'card' },
    h(
      'dl',
      {},
      h('dt', {}, t('pub.book.number')),
      h('dd', { class: 'code', id: 'appointment-number' }, b.appointmentId),
      b.code
        ? [h('dt', {}, t('pub.book.code')), h('dd', { class: 'code', id: 'appointment-code' }, b.code)]
        : null,
      h('dt', {}, t('pub.book.hall')),
      h('dd', {}, b.hallName),
      h('dt', {}, t('pub.book.item')),
      h('dd', {}, b.itemName),
      h('dt', {}, t('pub.book.day')),
      h('dd', {}, t('pub.book.when', { day: b.day, slot: b.slot })),
      h('dt', {}, t('pub.stage')),
      h('dd', {}, t(`pub.status.${b.status}`)),
    ),
    b.code ? h('p', { class: 'hint' }, t('pub.book.keep')) : null,
  );
}

async function bookPage(): Promise<void> {
  const options = await api<Options>('GET', '/api/public/appointments/options');
  const out = h('div', { 'aria-live': 'polite' });
  const hall = h(
    'select',
    { required: true },
    options.halls.map((x) => h('option', { value: x.id }, x.name)),
  );
  const item = h('select', { required: true });
  const fillItems = () =>
    mount(
      item,
      (options.halls.find((x) => x.id === hall.value)?.items ?? []).map((i) =>
        h('option', { value: i.code }, i.name),
      ),
    );
  fillItems();
  const picker = slotPicker(
    options,
    () => hall.value,
    () => item.value,
  );
  hall.addEventListener('change', () => {
    fillItems();
    picker.load();
  });
  item.addEventListener('change', picker.load);
  const form = h(
    'form',
    {},
    ...field('hall', t('pub.book.hall'), hall),
    ...field('itemCode', t('pub.book.item'), item),
    ...picker.parts,
    ...field('name', t('pub.book.name'), text(true, { autocomplete: 'name' })),
    ...field(
      'phone',
      t('pub.book.phone'),
      text(true, { type: 'tel', inputmode: 'tel', autocomplete: 'tel' }),
    ),
    ...field('idNumber', t('pub.book.idNumber'), text(true, { autocapitalize: 'characters' })),
    h('button', { type: 'submit', class: 'primary' }, t('pub.book.submit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const v = values(form);
    api<Booking>('POST', '/api/public/appointments', {
      hall: v.hall,
      itemCode: v.itemCode,
      day: picker.day(),
      slot: v.slot,
      applicant: { name: v.name, phone: v.phone, idNumber: v.idNumber },
    })
      .then((booking) => {
        mount(out, h('p', { class: 'done', role: 'status' }, t('pub.book.done')), bookingCard(booking));
        form.remove();
      })
      .catch((error: unknown) => showError(out, error));
  });
  page(t('pub.book.title'), h('p', {}, t('pub.book.intro')), form, out);
  picker.load();
}

async function minePage(): Promise<void> {
  const options = await api<Options>('GET', '/api/public/appointments/options');
  const out = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    {},
    ...field('appointmentId', t('pub.book.number'), text()),
    ...field('code', t('pub.book.code'), text(true, { autocapitalize: 'characters' })),
    h('button', { type: 'submit', class: 'primary' }, t('pub.mine.find')),
  );
  const show = (b: Booking, code: string) => {
    if (b.status !== 'booked') return mount(out, bookingCard(b));
    const picker = slotPicker(
      options,
      () => b.hall,
      () => b.itemCode,
    );
    const result = h('div', { 'aria-live': 'polite' });
    const change = h(
      'form',
      {},
      ...picker.parts,
      h('button', { type: 'submit', class: 'primary' }, t('pub.mine.change')),
    );
    change.addEventListener('submit', (event) => {
      event.preventDefault();
      const slot = values(change).slot;
      api<Booking>('POST', '/api/public/appointments/change', {
        appointmentId: b.appointmentId,
        code,
        day: picker.day(),
        slot,
      })
        .then((moved) => show(moved, moved.code ?? code))
        .catch((error: unknown) => showError(result, error));
    });
    const cancel = h('button', { type: 'button', class: 'secondary' }, t('pub.mine.cancel'));
    cancel.addEventListener('click', () => {
      api<Booking>('POST', '/api/public/appointments/cancel', { appointmentId: b.appointmentId, code })
        .then((done) =>
          mount(out, h('p', { class: 'done', role: 'status' }, t('pub.mine.cancelled')), bookingCard(done)),
        )
        .catch((error: unknown) => showError(result, error));
    });
    mount(out, bookingCard({ ...b, code }), change, cancel, result);
    picker.load();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const v = values(form);
    api<Booking>('POST', '/api/public/appointments/check', { appointmentId: v.appointmentId, code: v.code })
      .then((b) => show(b, v.code.toUpperCase()))
      .catch((error: unknown) => showError(out, error));
  });
  page(t('pub.mine.title'), form, out);
}

// ---- rating ----

async function ratePage(token: string): Promise<void> {
  const out = h('div', { 'aria-live': 'polite' });
  let check: { item: string; rated: boolean; validUntil: string };
  try {
    check = await api('POST', '/api/public/rating/check', { token });
  } catch (error) {
    page(t('pub.rate.title'), out);
    return showError(out, error);
  }
  if (check.rated) return page(t('pub.rate.title'), h('p', { class: 'done' }, t('pub.rate.done')));
  const form = h(
    'form',
    {},
    h(
      'fieldset',
      {},
      h('legend', {}, t('pub.rate.level')),
      [1, 2, 3, 4, 5].map((level) =>
        h(
          'label',
          { class: 'choice' },
          h('input', { type: 'radio', name: 'level', value: String(level), required: true }),
          t(`level.${level}`),
        ),
      ),
    ),
    ...field('comment', t('pub.rate.comment'), h('textarea', { rows: '3', maxlength: '500' })),
    h('button', { type: 'submit', class: 'primary' }, t('pub.rate.submit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const v = values(form);
    api<{ bad: boolean }>('POST', '/api/public/rating', {
      token,
      level: Number(v.level),
      ...(v.comment ? { comment: v.comment } : {}),
    })
      .then((answer) => {
        form.remove();
        mount(
          out,
          h('p', { class: 'done', role: 'status' }, t('pub.rate.thanks')),
          answer.bad ? h('p', {}, t('pub.rate.followUp')) : null,
        );
      })
      .catch((error: unknown) => showError(out, error));
  });
  page(
    t('pub.rate.title'),
    h('p', {}, t('pub.rate.intro', { item: check.item })),
    h('p', { class: 'hint' }, t('pub.rate.validUntil', { date: check.validUntil })),
    form,
    out,
  );
}

// ---- shell ----

const NAV: readonly [route: string, key: string][] = [
  ['#/progress', 'pub.nav.progress'],
  ['#/book', 'pub.nav.book'],
  ['#/mine', 'pub.mine.title'],
];

function render(): void {
  const hash = location.hash || '#/progress';
  document.getElementById('brand')!.textContent = t('pub.brand');
  document.getElementById('lang')!.textContent = t('pub.lang');
  document.getElementById('nav')!.setAttribute('aria-label', t('pub.brand'));
  mount(
    document.getElementById('nav')!,
    h(
      'ul',
      {},
      NAV.map(([route, key]) =>
        h(
          'li',
          {},
          h('a', { href: route, ...(hash.startsWith(route) ? { 'aria-current': 'page' } : {}) }, t(key)),
        ),
      ),
    ),
  );
  const done = hash.startsWith('#/rate/')
    ? ratePage(decodeURIComponent(hash.slice('#/rate/'.length)))
    : hash.startsWith('#/book')
      ? bookPage()
      : hash.startsWith('#/mine')
        ? minePage()
        : Promise.resolve(progressPage());
  void done.catch((error: unknown) => showError(app(), error)).finally(() => app().focus());
}

document.getElementById('lang')!.addEventListener('click', () => {
  setLang(currentLang() === 'zh' ? 'en' : 'zh');
  render();
});
setLang(currentLang());
window.addEventListener('hashchange', render);
render();
