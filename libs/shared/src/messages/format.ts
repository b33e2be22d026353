/**
 * A small subset of ICU MessageFormat, enough for the catalog and runnable in the browser as well
 * as on the server (no dependencies): `{name}`, `{name, date}` (a business date or the China date
 * of an instant), `{name, time}` (an instant in China time), `{name, list}`,
 * `{name, plural, one {# day} other {# days}}`, `{name, select, a {…} none {…} other {…}}` (`none`: empty or absent), and
 * `{name, <kind>}` for a value named by a lookup (`state`, `command`, `role`, `field`, …).
 */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export type MessageValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type MessageParams = Readonly<Record<string, MessageValue>>;

/** Names a coded value (a state, a command, a role…) in a language; `undefined` when it has no name. */
export type NameLookup = (kind: string, value: string, lang: Lang) => string | undefined;

// China has kept UTC+8 without daylight saving since 1991: an instant's China wall clock is a shift.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const two = (n: number): string => String(n).padStart(2, '0');

function chinaParts(value: string | number | Date): Date | null {
  const ms = value instanceof Date ? value.getTime() : new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms + CHINA_OFFSET_MS);
}

const BUSINESS_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date as the hall writes it, in either language: `2026-12-03` (an instant: its China date). */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && BUSINESS_DATE.test(value)) return value;
  const d = chinaParts(value);
  if (!d) return String(value);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

/** An instant in China time (Asia/Shanghai), in either language: `2026-12-03 14:05`. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && BUSINESS_DATE.test(value)) return value;
  const d = chinaParts(value);
  if (!d) return String(value);
  return `${formatDate(value)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

const LIST_SEPARATOR: Readonly<Record<Lang, string>> = { zh: '、', en: ', ' };

export interface FormatContext {
  readonly lang: Lang;
  readonly names?: NameLookup;
}

/** The index of the `}` closing the `{` at `open`. */
function closing(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    if (template[i] === '{') depth++;
    else if (template[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in message "${template}"`);
}

/** `one {…} other {…}` → [['one', '…'], ['other', '…']]. */
function branches(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const key = text.slice(i, open).trim();
    const end = closing(text, open);
    out.set(key, text.slice(open + 1, end));
    i = end + 1;
  }
  return out;
}

function plainValue(value: MessageValue, ctx: FormatContext, kind?: string): string {
  if (value === null || value === undefined) return '';
  const one = (v: string | number | boolean): string => {
    if (kind === 'date') return formatDate(String(v));
    if (kind === 'time') return formatDateTime(String(v));
    if (kind && kind !== 'list' && kind !== 'number') {
      return ctx.names?.(kind, String(v), ctx.lang) ?? String(v);
    }
    return String(v);
  };
  if (Array.isArray(value))
    return (value as readonly (string | number)[]).map(one).join(LIST_SEPARATOR[ctx.lang]);
  return one(value as string | number | boolean);
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
function pluralCategory(lang: Lang, n: number): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang === 'zh' ? 'zh-CN' : 'en');
    pluralRules.set(lang, rules);
  }
  return rules.select(n);
}

/** Fills a template's placeholders from `params`. */
export function formatMessage(
  template: string,
  params: MessageParams,
  ctx: FormatContext,
  count?: number,
): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    if (ch === '#' && count !== undefined) {
      out += String(count);
      i++;
      continue;
    }
    if (ch !== '{') {
      out += ch;
      i++;
      continue;
    }
    const end = closing(template, i);
    const inner = template.slice(i + 1, end);
    i = end + 1;
    const first = inner.indexOf(',');
    const name = (first < 0 ? inner : inner.slice(0, first)).trim();
    const value = params[name];
    if (first < 0) {
      out += plainValue(value, ctx);
      continue;
    }
    const rest = inner.slice(first + 1);
    const second = rest.indexOf(',');
    const kind = (second < 0 ? rest : rest.slice(0, second)).trim();
    if (kind === 'plural' || kind === 'select') {
      const options = branches(rest.slice(second + 1));
      if (kind === 'plural') {
        const n = Number(value ?? 0);
        const chosen =
          options.get(`=${n}`) ?? options.get(pluralCategory(ctx.lang, n)) ?? options.get('other') ?? '';
        out += formatMessage(chosen, params, ctx, n);
      } else {
        const key = value === null || value === undefined || value === '' ? 'none' : String(value);
        const chosen = options.get(key) ?? options.get('other') ?? '';
        out += formatMessage(chosen, params, ctx, count);
      }
      continue;
    }
    out += plainValue(value, ctx, kind);
  }
  return out;
}
