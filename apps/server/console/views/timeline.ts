import { h } from '../lib/dom.js';
import { currentLang, t } from '../lib/i18n.js';
import type { Bilingual, TimelineEntry } from '../lib/types.js';
import { fmtDateTime } from '../lib/ui.js';

export const say = (b: Bilingual): string => (currentLang() === 'zh' ? b.zh : b.en);

type Actor = NonNullable<TimelineEntry['actor']>;
/** Who did it: a person's name and role; the durable timers by their role alone (their name is English). */
const who = (a: Actor): string =>
  a.role === 'system' ? say(a.roleLabel) : `${a.name}（${say(a.roleLabel)}）`;

/** Every event in words a clerk understands; `current` marks a replay position. */
export function timelineList(
  entries: readonly TimelineEntry[],
  current?: number,
  onPick?: (revision: number) => void,
): HTMLElement {
  if (entries.length === 0) return h('p', { class: 'muted' }, t('nothing'));
  return h(
    'ol',
    { class: onPick ? 'timeline pickable' : 'timeline', id: 'timeline' },
    entries.map((e) =>
      h(
        'li',
        {
          class:
            current === undefined
              ? ''
              : e.revision === current
                ? 'current'
                : e.revision > current
                  ? 'future'
                  : '',
          dataset: { revision: String(e.revision), type: e.type },
          ...(onPick ? { on: { click: () => onPick(e.revision) } } : {}),
        },
        h('strong', {}, say(e.title)),
        ' ',
        h(
          'span',
          { class: 'muted' },
          `#${e.revision} · ${fmtDateTime(e.at)}${e.actor ? ` · ${who(e.actor)}` : ''}`,
        ),
        say(e.detail) ? h('div', {}, say(e.detail)) : null,
      ),
    ),
  );
}
