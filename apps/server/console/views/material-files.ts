/**
 * The scans attached to a case's materials (ADR 16): a list per material, a viewer that pages
 * through them — a PDF in an <iframe>, an image in an <img>, both from a blob: URL of the file
 * fetched with the bearer token — and a download. Every file shown or saved is recorded by the
 * server; an administrator sees that access log below.
 */
import { fetchFile, get, uploadFile } from '../lib/api.js';
import { h, mount } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import type { SessionUser } from '../lib/session.js';
import { fmtDateTime, problemBox, table } from '../lib/ui.js';

interface AttachedFile {
  readonly sha256: string;
  readonly size: number;
  readonly type: string;
  readonly name: string;
  readonly attachedAt: string;
}

interface MaterialFiles {
  readonly code: string;
  readonly name: string;
  readonly files: readonly AttachedFile[];
}

interface FileView {
  readonly name: string;
  readonly disposition: 'inline' | 'download';
  readonly viewedBy: { readonly name: string; readonly role: string };
  readonly viewedAt: string;
}

interface Shown extends AttachedFile {
  readonly material: string;
}

/** A file attached by hash: what a command's material carries (`files`). */
export interface ScanRef {
  readonly sha256: string;
  readonly name: string;
}

/**
 * The scans input of a material (ADR 16): PDF, JPEG or PNG, several at once, named `s.<code>`.
 * Choosing a file ticks the material's own checkbox (`m.<code>`), if the form has one.
 */
export function scansInput(code: string, name: string): HTMLElement {
  const chosen = h('span', { class: 'muted file-chosen' }, t('scans.none'));
  const input = h('input', {
    type: 'file',
    class: 'visually-hidden',
    name: `s.${code}`,
    multiple: true,
    accept: 'application/pdf,image/jpeg,image/png',
    'aria-label': t('scansOf', { name }),
    dataset: { scans: code },
    on: {
      change: (e) => {
        const input = e.target as HTMLInputElement;
        const count = input.files?.length ?? 0;
        chosen.textContent = count === 0 ? t('scans.none') : t('scans.chosen', { n: count });
        const received = input.form?.querySelector<HTMLInputElement>(`input[name="m.${code}"]`);
        if (received && count > 0) received.checked = true;
      },
    },
  });
  // The browser's own button and "No file chosen" speak the browser's language (English on an
  // English-locale PC, whatever the page's): both are drawn in the console's words instead.
  return h('span', { class: 'file-pick' }, h('label', { class: 'button' }, input, t('scans.choose')), chosen);
}

/**
 * Uploads the scans chosen in a form's `s.<code>` inputs for the given materials (POST /api/blobs,
 * one file at a time, streamed); their hashes go into the command, by material code.
 */
export async function uploadScans(
  form: HTMLFormElement,
  codes: readonly string[],
  uploading: () => void,
): Promise<Map<string, ScanRef[]>> {
  const attached = new Map<string, ScanRef[]>();
  for (const code of codes) {
    const input = form.querySelector<HTMLInputElement>(`input[name="s.${code}"]`);
    for (const file of input && !input.disabled ? [...(input.files ?? [])] : []) {
      uploading();
      const uploaded = await uploadFile(file);
      attached.set(code, [...(attached.get(code) ?? []), { sha256: uploaded.sha256, name: uploaded.name }]);
    }
  }
  return attached;
}

const kb = (bytes: number): number => Math.max(1, Math.round(bytes / 1024));

export function materialFilesPanel(caseId: string, user: SessionUser | null): HTMLElement {
  const id = encodeURIComponent(caseId);
  const body = h('div', {});
  const log = h('div', {});
  const section = h(
    'section',
    { class: 'panel', id: 'material-files' },
    h('h2', {}, t('materialFiles')),
    body,
    user?.role === 'admin' ? h('div', { id: 'file-views' }, h('h3', {}, t('fileViews')), log) : null,
  );
  let url: string | null = null;
  const release = (): void => {
    if (url) URL.revokeObjectURL(url);
    url = null;
  };
  const loadLog = async (): Promise<void> => {
    if (user?.role !== 'admin') return;
    const views = await get<{ items: FileView[] }>('/api/admin/file-views', { caseId });
    mount(
      log,
      views.items.length
        ? table(
            [
              { label: t('fileName'), cell: (v: FileView) => v.name },
              { label: t('viewedBy'), cell: (v) => `${v.viewedBy.name}（${t(`role.${v.viewedBy.role}`)}）` },
              { label: t('viewedAt'), cell: (v) => fmtDateTime(v.viewedAt) },
              { label: t('status'), cell: (v) => t(`disposition.${v.disposition}`) },
            ],
            views.items,
          )
        : h('p', { class: 'muted' }, t('noFileViews')),
    );
  };
  const render = (files: readonly Shown[], index: number): void => {
    release();
    const file = files[index];
    const viewer = h('div', { class: 'file-viewer', id: 'file-viewer' });
    const problem = h('div', {});
    const path = `/api/cases/${id}/files/${file.sha256}`;
    const go = (n: number) => () => render(files, (n + files.length) % files.length);
    const download = (): void => {
      fetchFile(`${path}?disposition=download`)
        .then((blob) => {
          const link = h('a', { href: URL.createObjectURL(blob), download: file.name });
          document.body.append(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(link.href), 0);
          return loadLog();
        })
        .catch((e: unknown) => mount(problem, problemBox(e)));
    };
    mount(
      body,
      h(
        'ol',
        { class: 'file-list' },
        files.map((f, i) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: i === index ? 'link selected' : 'link', on: { click: go(i) } },
              `${f.material} · ${f.name}`,
            ),
            h(
              'span',
              { class: 'muted' },
              ` ${t('fileSize', { kb: kb(f.size) })} · ${t('attachedAt')} ${fmtDateTime(f.attachedAt)}`,
            ),
          ),
        ),
      ),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', id: 'file-previous', on: { click: go(index - 1) }, disabled: files.length < 2 },
          t('previousFile'),
        ),
        h(
          'span',
          { id: 'file-position', 'aria-live': 'polite' },
          t('fileOfN', { n: index + 1, total: files.length }),
        ),
        h(
          'button',
          { type: 'button', id: 'file-next', on: { click: go(index + 1) }, disabled: files.length < 2 },
          t('nextFile'),
        ),
        h('button', { type: 'button', id: 'file-download', on: { click: download } }, t('downloadFile')),
      ),
      problem,
      viewer,
    );
    fetchFile(path)
      .then((blob) => {
        url = URL.createObjectURL(blob);
        const title = `${file.material}：${file.name}`;
        mount(
          viewer,
          file.type === 'application/pdf'
            ? h('iframe', { src: url, title, dataset: { type: file.type, sha256: file.sha256 } })
            : h('img', { src: url, alt: title, dataset: { type: file.type, sha256: file.sha256 } }),
        );
        return loadLog();
      })
      .catch((e: unknown) => mount(problem, problemBox(e)));
  };
  get<{ materials: MaterialFiles[] }>(`/api/cases/${id}/files`)
    .then((answer) => {
      const files = answer.materials.flatMap((m) => m.files.map((f) => ({ ...f, material: m.name })));
      if (files.length === 0) mount(body, h('p', { class: 'muted' }, t('noFiles')));
      else render(files, 0);
      return loadLog();
    })
    .catch((e: unknown) => mount(body, problemBox(e)));
  return section;
}
