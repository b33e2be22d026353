/**
 * One message catalog per language (`zh.ts`, `en.ts`) for the server and the console (ADR 15).
 * Plain TypeScript without imports from outside this folder: the console serves these files to
 * the browser as they are compiled.
 */
import { EN } from './en.js';
import { formatMessage, type Lang, type MessageParams, type NameLookup } from './format.js';
import { type MessageKey, ZH } from './zh.js';

export * from './format.js';
export type { MessageKey } from './zh.js';

type Words = Readonly<Record<string, string>>;
const CATALOGS: Readonly<Record<Lang, Words>> = { zh: ZH, en: EN };

/** Which catalog keys name a coded value of each kind (`{state, state}` → `status.<state>`). */
const NAME_PREFIX: Readonly<Record<string, string>> = {
  state: 'status',
  stage: 'stage',
  command: 'cmd',
  role: 'role',
  specialProcedure: 'spk',
  ratingLevel: 'level',
  limit: 'limit',
  projectionState: 'projectionState',
  field: 'field',
};

export type Bilingual = { readonly zh: string; readonly en: string };

/** A problem as the catalog words it: the problem's `code` and `params`, its status and type. */
export interface ProblemWords {
  readonly type?: string;
  readonly status?: number;
  readonly code?: string;
  readonly params?: MessageParams;
}

export interface FieldProblemWords {
  readonly pointer: string;
  readonly code?: string;
  readonly params?: MessageParams;
}

export class MessageCatalog {
  private readonly extra: Record<Lang, Map<string, string>> = { zh: new Map(), en: new Map() };

  /** Words another part owns and names at run time (the command registry's, the statechart's). */
  add(entries: Readonly<Record<string, Bilingual>>): void {
    for (const [key, words] of Object.entries(entries)) {
      this.extra.zh.set(key, words.zh);
      this.extra.en.set(key, words.en);
    }
  }

  template(lang: Lang, key: string): string | undefined {
    return this.extra[lang].get(key) ?? CATALOGS[lang][key];
  }

  has(key: string): boolean {
    return this.template('zh', key) !== undefined;
  }

  /** The name of a coded value (`state`, `frontDesk.received`), or undefined without one. */
  readonly name: NameLookup = (kind, value, lang) => {
    const prefix = NAME_PREFIX[kind];
    if (!prefix) return undefined;
    if (kind === 'field') return this.fieldName(lang, value);
    const template = this.template(lang, `${prefix}.${value}`);
    return template === undefined ? undefined : formatMessage(template, {}, { lang });
  };

  /** The message `key` with its params; the key itself when the catalog has no such message. */
  t(lang: Lang, key: MessageKey | (string & {}), params: MessageParams = {}): string {
    const template = this.template(lang, key);
    if (template === undefined) return key;
    // A list param `x` also gives its length as `xCount`, for plurals.
    const counted: Record<string, MessageParams[string]> = { ...params };
    for (const [name, value] of Object.entries(params)) {
      if (Array.isArray(value) && counted[`${name}Count`] === undefined)
        counted[`${name}Count`] = value.length;
    }
    return formatMessage(template, counted, { lang, names: this.name });
  }

  both(key: MessageKey | (string & {}), params: MessageParams = {}): Bilingual {
    return { zh: this.t('zh', key, params), en: this.t('en', key, params) };
  }

  /** A field by its JSON Pointer (`#/materials/2/code` → 第 3 项材料): never the pointer itself. */
  fieldName(lang: Lang, pointer: string): string {
    const segments = pointer
      .replace(/^#\/?/, '')
      .split('/')
      .filter((s) => s !== '')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (segments.length === 0) return this.t(lang, 'field.body');
    const indices = segments.filter((s) => /^\d+$/.test(s)).map(Number);
    const names = segments.filter((s) => !/^\d+$/.test(s));
    const n = indices.length ? indices[indices.length - 1] + 1 : undefined;
    const trailingIndex = /^\d+$/.test(segments[segments.length - 1] ?? '');
    const candidates = [
      trailingIndex ? `field.${names.join('.')}.item` : `field.${names.join('.')}`,
      `field.${names.join('.')}`,
      `field.${names[names.length - 1] ?? ''}`,
    ];
    for (const key of candidates) {
      if (this.template(lang, key) !== undefined) return this.t(lang, key, { n });
    }
    return this.t(lang, 'field.other');
  }

  /** The problem's title by its type: `/problems/not-found` → 未找到. */
  problemTitle(lang: Lang, type: string): string {
    const code = type.startsWith('/problems/') ? type.slice('/problems/'.length) : type;
    const key = `problemTitle.${code}`;
    return this.template(lang, key) !== undefined ? this.t(lang, key) : this.t(lang, 'problemTitle.other');
  }

  /** What happened, by the problem's code (then its type, then its status class). */
  problemDetail(lang: Lang, problem: ProblemWords): string {
    const typeCode = problem.type?.startsWith('/problems/') ? problem.type.slice('/problems/'.length) : '';
    const params = problem.params ?? {};
    for (const code of [problem.code, typeCode]) {
      if (code && this.template(lang, `problem.${code}`) !== undefined)
        return this.t(lang, `problem.${code}`, params);
    }
    return this.t(lang, (problem.status ?? 400) >= 500 ? 'problem.status.5xx' : 'problem.status.4xx');
  }

  /** One bad field: `申请人证件号码：不是有效的居民身份证号码…`. */
  fieldProblem(lang: Lang, problem: FieldProblemWords): string {
    const rule =
      problem.code && this.template(lang, `rule.${problem.code}`) !== undefined ? problem.code : 'invalid';
    return this.t(lang, 'fieldProblem', {
      field: this.fieldName(lang, problem.pointer),
      message: this.t(lang, `rule.${rule}`, problem.params ?? {}),
    });
  }
}

/** The catalog of this process (the server's, or the console's in the browser). */
export const messages = new MessageCatalog();

/** Accept-Language (RFC 9110 §12.5.4) → the language to answer in: English when preferred, else Chinese. */
export function preferredLang(header: string | undefined | null): Lang {
  if (!header) return 'zh';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of header.split(',')) {
    const [tag = '', ...rest] = part.trim().split(';');
    const qParam = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const primary = tag.trim().toLowerCase().split('-')[0];
    const lang: Lang | null = primary === 'en' ? 'en' : primary === 'zh' || primary === '*' ? 'zh' : null;
    if (lang && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'zh';
}
