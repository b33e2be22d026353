import { get } from '../lib/api.js';
import { h, mount } from '../lib/dom.js';
import { t, tOr } from '../lib/i18n.js';
import type { TimelineEntry } from '../lib/types.js';
import { facts, fmtDateTime } from '../lib/ui.js';
import { timelineList } from './timeline.js';

interface HistoryAnswer {
  readonly caseId: string;
  /** -1 before the application was received. */
  readonly revision: number;
  readonly at: string | null;
  readonly state: string | null;
  readonly case: unknown;
  readonly event: { readonly type: string; readonly data: unknown } | null;
}

/** The parts of the folded case (the engine's context) a person checks first. */
interface ReplayedCase {
  readonly caseNumber: string;
  readonly guide: { readonly name: string; readonly version: number };
  readonly applicant: { readonly name: string };
  readonly materials: readonly { code: string; form: string }[];
  readonly acceptance: {
    readonly acceptedOn: string;
    readonly voucherNumber: string;
    readonly withDeficiency: boolean;
  } | null;
  readonly statutoryDueDate: string | null;
  readonly promisedDueDate: string | null;
  readonly tasks: readonly {
    readonly label: string;
    readonly status: string;
    readonly holder: { name: string } | null;
  }[];
  readonly currentTaskId: string | null;
  readonly decision: { readonly outcome: string; readonly on: string } | null;
  readonly result: { readonly certificateNumber: string } | null;
  readonly deliveredOn: string | null;
  readonly ratings: readonly { level: number }[];
  readonly obligations: readonly { status: string }[];
}

function caseFacts(c: ReplayedCase): HTMLElement {
  const task = c.tasks[c.tasks.length - 1];
  return facts([
    [t('item'), `${c.guide.name}（${t('versionN', { n: c.guide.version })}）`],
    [t('applicant'), c.applicant.name],
    [t('materials'), String(c.materials.length)],
    [
      t('acceptedOn'),
      c.acceptance
        ? `${c.acceptance.acceptedOn} · ${c.acceptance.voucherNumber}${c.acceptance.withDeficiency ? ` · ${t('cmd.AcceptWithDeficiency')}` : ''}`
        : '—',
    ],
    [t('statutoryDue'), c.statutoryDueDate ?? '—'],
    [t('promisedDue'), c.promisedDueDate ?? '—'],
    [
      t('step'),
      task && c.currentTaskId
        ? `${task.label} · ${tOr(`task.${task.status}`, task.status)}${task.holder ? ` · ${task.holder.name}` : ''}`
        : '—',
    ],
    [
      t('result'),
      c.decision
        ? `${t(c.decision.outcome === 'approved' ? 'event.case.Approved' : 'event.case.Denied')} · ${c.decision.on}${c.result ? ` · ${c.result.certificateNumber}` : ''}`
        : '—',
    ],
    [t('stage.completed'), c.deliveredOn ?? '—'],
    [t('ratings'), c.ratings.map((r) => tOr(`level.${r.level}`, String(r.level))).join('、') || '—'],
    [t('obligations'), c.obligations.map((o) => tOr(`obligation.${o.status}`, o.status)).join('、') || '—'],
  ]);
}

/** Fixed-offset China time for the datetime-local input (the hall's time, whatever the browser's zone). */
function toChinaLocal(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}
function fromChinaLocal(local: string): string {
  return new Date(`${local}:00+08:00`).toISOString();
}

/**
 * Replay: step through a case event by event, or jump to a moment, and see the machine state and
 * the case exactly as they were — folded from the stream by the server, not read from a read model.
 */
export async function replayView(root: HTMLElement, [caseId]: string[]): Promise<void> {
  const id = encodeURIComponent(caseId);
  const timeline = await get<{ caseNumber: string; entries: TimelineEntry[] }>(`/api/cases/${id}/timeline`);
  const entries = timeline.entries;
  if (entries.length === 0) {
    mount(root, h('p', { class: 'muted' }, t('nothing')));
    return;
  }
  const last = entries[entries.length - 1].revision;
  const slider = h('input', {
    type: 'range',
    min: 0,
    max: last,
    value: last,
    id: 'replay-slider',
    'aria-label': t('revision'),
  });
  const when = h('input', { type: 'datetime-local', id: 'replay-time', step: 1 });
  const stateBox = h('div', { id: 'replay-state' });
  const listBox = h('div', {});
  const show = async (query: { revision?: number; at?: string }): Promise<void> => {
    const qs = query.revision !== undefined ? { revision: query.revision } : { at: query.at };
    const answer = await get<HistoryAnswer>(`/api/cases/${id}/history`, qs);
    slider.value = String(Math.max(0, answer.revision));
    if (answer.at) when.value = toChinaLocal(answer.at);
    if (answer.state === null) {
      mount(stateBox, h('p', { class: 'muted', id: 'replay-machine-state' }, t('notYetReceived')));
      mount(
        listBox,
        timelineList(entries, -1, (revision) => void show({ revision })),
      );
      return;
    }
    mount(
      stateBox,
      h('p', {}, `${t('revision')} #${answer.revision} · ${fmtDateTime(answer.at)}`),
      h('h2', {}, t('machineState')),
      // The state by its name; the machine's path in data-state.
      h(
        'div',
        { class: 'state-path', id: 'replay-machine-state', dataset: { state: answer.state } },
        tOr(`status.${answer.state}`, answer.state),
      ),
      h('h2', {}, t('caseAsItWas')),
      caseFacts(answer.case as ReplayedCase),
      h(
        'details',
        {},
        h('summary', {}, t('allFields')),
        h('pre', { class: 'json', id: 'replay-case' }, JSON.stringify(answer.case, null, 2)),
      ),
    );
    mount(
      listBox,
      timelineList(entries, answer.revision, (revision) => void show({ revision })),
    );
  };
  const step = (delta: number): void =>
    void show({ revision: Math.min(last, Math.max(0, Number(slider.value) + delta)) });
  slider.addEventListener('change', () => void show({ revision: Number(slider.value) }));
  mount(
    root,
    h(
      'section',
      { class: 'panel' },
      h('h1', {}, `${t('replay')} · ${timeline.caseNumber}`),
      h(
        'div',
        { class: 'replay-controls' },
        h(
          'button',
          { type: 'button', id: 'replay-first', on: { click: () => void show({ revision: 0 }) } },
          `« ${t('first')}`,
        ),
        h(
          'button',
          { type: 'button', id: 'replay-prev', on: { click: () => step(-1) } },
          `◀ ${t('previous')}`,
        ),
        slider,
        h('button', { type: 'button', id: 'replay-next', on: { click: () => step(1) } }, `${t('next')} ▶`),
        h(
          'button',
          { type: 'button', id: 'replay-last', on: { click: () => void show({ revision: last }) } },
          `${t('last')} »`,
        ),
        h('label', { class: 'inline', for: 'replay-time' }, t('jumpToTime')),
        when,
        h(
          'button',
          {
            type: 'button',
            id: 'replay-jump',
            on: { click: () => when.value && void show({ at: fromChinaLocal(when.value) }) },
          },
          t('search'),
        ),
      ),
    ),
    h(
      'div',
      { class: 'grid cols-2' },
      h('section', { class: 'panel' }, stateBox),
      h('section', { class: 'panel' }, h('h2', {}, t('timeline')), listBox),
    ),
  );
  await show({ revision: last });
}
