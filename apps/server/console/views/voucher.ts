import { get } from '../lib/api.js';
import { h, mount } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { type StoredNotice, noticeArticle, zh } from '../lib/notice-article.js';
import { loadSession } from '../lib/session.js';

/**
 * The notices of ADR 0018, laid out for one A4 page (CSS @media print hides the console around
 * them), rendered from the content the case stored — never a second copy — with its SHA-256 and
 * whether the stored content still hashes to it. `which` is a notice's kind (its latest) or number.
 */
export async function voucherView(root: HTMLElement, [caseId, which]: string[]): Promise<void> {
  const id = encodeURIComponent(caseId);
  const { notices } = await get<{ notices: { kind: string; number: string }[] }>(`/api/cases/${id}/notices`);
  const chosen = notices.filter((n) => n.number === which || n.kind === which).pop();
  if (!chosen) throw new Error(`no notice "${which}"`);
  const notice = await get<StoredNotice>(`/api/cases/${id}/notices/${encodeURIComponent(chosen.number)}`);
  const { kind } = notice.content;
  const rating = kind === 'acceptance' || kind === 'delivery' ? await ratingQr(caseId) : null;
  mount(
    root,
    h(
      'div',
      {},
      h(
        'div',
        { class: 'actions no-print spaced-below' },
        h(
          'button',
          { type: 'button', class: 'primary', id: 'print', on: { click: () => window.print() } },
          t('print'),
        ),
        h('a', { class: 'button', href: `#/case/${id}` }, t('back')),
      ),
      noticeArticle(notice, rating),
    ),
  );
}

/**
 * The case's QR rating link (一事一评, ADR 0017), signed when printed and so not part of the stored
 * content (a link sealed at issue would die with a rotated secret): clerks and administrators get
 * one; for anyone else, or when it cannot be had, the notice prints without it.
 */
async function ratingQr(caseId: string): Promise<HTMLElement | null> {
  const role = loadSession()?.user.role;
  if (role !== 'clerk' && role !== 'admin') return null;
  try {
    const link = await get<{ svg: string; validUntil: string }>(
      `/api/cases/${encodeURIComponent(caseId)}/rating-link`,
    );
    const svg = new DOMParser().parseFromString(link.svg, 'image/svg+xml').documentElement;
    const caption = zh('notice.ratingQr', { validUntil: link.validUntil });
    const figure = h('figure', { class: 'notice-qr', id: 'notice-qr' });
    const image = h('div', { class: 'qr', role: 'img', 'aria-label': caption });
    image.append(document.importNode(svg, true));
    figure.append(image, h('figcaption', {}, caption));
    return figure;
  } catch {
    return null;
  }
}
