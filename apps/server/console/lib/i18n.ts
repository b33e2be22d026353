/**
 * Chinese first, English on request; the choice is remembered in the browser. The words are the
 * one message catalog the server says its own with (libs/shared/src/messages, ADR 15): the build
 * places it beside the console, so the browser loads it from /libs/shared/src/messages/.
 */
import {
  formatDate,
  formatDateTime,
  type Lang,
  type MessageParams,
  messages,
} from '../../../../libs/shared/src/messages/index.js';

export type { Lang, MessageParams };
export { formatDate, formatDateTime, messages };

const KEY = 'one-window.lang';
let lang: Lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';

export function currentLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

type Entry = readonly [zh: string, en: string];

/** Words that come from the server (the command registry's labels, the statechart's names). */
export function addWords(entries: Readonly<Record<string, Entry>>): void {
  messages.add(Object.fromEntries(Object.entries(entries).map(([key, [zh, en]]) => [key, { zh, en }])));
}

/** The message `key` in the console's language, its placeholders filled from `params`. */
export function t(key: string, params: MessageParams = {}): string {
  return messages.t(lang, key, params);
}

/** Like `t`, but `fallback` for a key the catalog does not have. */
export function tOr(key: string, fallback: string): string {
  return messages.has(key) ? t(key) : fallback;
}
