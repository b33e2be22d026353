import { h, mount, type Child } from './dom.js';
import { t } from './i18n.js';

/** A page of a list the server pages by cursor (ADR 11). */
export interface CursorPage {
  readonly total: number;
  readonly totalCapped: boolean;
  readonly nextCursor: string | null;
}

/**
 * A list that follows the server's cursors: 下一页 asks for the page after the one shown, 上一页
 * goes back through a stack of the cursors before it. Element ids start with `id` (`{id}-prev`,
 * `{id}-next`, `{id}-page`, `{id}-count`), so several lists can share a screen.
 */
export function cursorList<P extends CursorPage>(
  id: string,
  fetchPage: (cursor: string | undefined) => Promise<P>,
  render: (page: P, reload: () => void) => Child,
  /** The count's words: `{n}` found, more than `{n}` (capped). */
  words: { readonly found: string; readonly overCap: string } = {
    found: 'countFound',
    overCap: 'countOverCap',
  },
): {
  readonly element: HTMLElement;
  load: (cursor?: string) => Promise<void>;
  /** Loads the page shown again (same cursor, same way back): an auto-refresh keeps the clerk's place. */
  refresh: () => Promise<void>;
} {
  const element = h('div', { id });
  let previous: (string | undefined)[] = [];
  let shown: string | undefined;
  const load = async (cursor: string | undefined): Promise<void> => {
    const page = await fetchPage(cursor);
    shown = cursor;
    const count = t(page.totalCapped ? words.overCap : words.found, { n: page.total });
    const pager = h(
      'div',
      { class: 'pager' },
      h(
        'button',
        {
          type: 'button',
          id: `${id}-prev`,
          disabled: previous.length === 0,
          on: { click: () => void load(previous.pop()) },
        },
        t('pagePrev'),
      ),
      h('span', { class: 'muted', id: `${id}-page` }, t('pageN', { n: previous.length + 1 })),
      h(
        'button',
        {
          type: 'button',
          id: `${id}-next`,
          disabled: !page.nextCursor,
          on: {
            click: () => {
              if (!page.nextCursor) return;
              previous.push(shown);
              void load(page.nextCursor);
            },
          },
        },
        t('pageNext'),
      ),
    );
    mount(
      element,
      h('p', { class: 'muted', id: `${id}-count` }, count),
      render(page, () => void load(shown)),
      pager,
    );
  };
  return {
    element,
    load: (cursor?: string) => {
      if (cursor === undefined) previous = [];
      return load(cursor);
    },
    refresh: () => load(shown),
  };
}
