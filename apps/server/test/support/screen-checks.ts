import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's violations of any impact on the page as shown, or only `within` a selector (an open
 * form, a printed notice), one line each: impact, rule, help, where.
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  // Evaluated through the DevTools protocol: the console's CSP (script-src 'self') stays as served.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async (selector) => {
    const { axe } = window as unknown as {
      axe: { run: (context: string | Document, o: object) => Promise<{ violations: AxeViolation[] }> };
    };
    const result = await axe.run(selector ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, within ?? null);
  return violations.map(
    (v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Internal values a hall's staff should never read on the page's main part: state paths
 * (frontDesk.received), ISO/UTC timestamps, the ids of departments and materials
 * (150102-market-regulation, layout-and-process), dates in another format than 2026-12-03 (ADR 15),
 * English counted without its plural; on a Chinese screen, also a hyphenated code and an English sentence.
 */
export async function rawValues(page: Page, lang: 'zh' | 'en'): Promise<string[]> {
  const text = await page.evaluate(() => document.querySelector('main')?.innerText ?? '');
  const patterns = [
    /\b[a-z]+\.[a-z]+[A-Z]\w*/g,
    /\d{4}-\d\d-\d\dT[\d:.]+Z?/g,
    /\b\d{6}-[a-z-]+\b/g,
    /\b(?:frontDesk|backOffice|delivery|rating)\.[a-zA-Z]+/g,
    /\b\d{4}\/\d{1,2}\/\d{1,2}\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b/g,
    /(?<![\d.])1 (?:working days|days|cases|events)\b/g,
  ];
  // On a Chinese screen a hyphenated lower-case word is a code (layout-and-process), not English.
  // …and three English words in a row are an English sentence.
  if (lang === 'zh') patterns.push(/\b[a-z]+(?:-[a-z]+)+\b/g, /\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\b/g);
  return [...new Set(patterns.flatMap((p) => text.match(p) ?? []))];
}

/**
 * Latin words a Chinese screen may show: the language switch, the names of file formats, and the
 * hash a notice prints (SHA-256).
 */
const ALLOWED_ON_ZH = new Set(['English', 'CSV', 'Excel', 'XLSX', 'PDF', 'JPEG', 'PNG', 'JSON', 'SHA']);

/**
 * The bare English words (three letters or more) on a Chinese screen, header and navigation
 * included: an untranslated state or outcome (`completed`, `approved`, `claimed`, `open`, `live`)
 * that rawValues' patterns for codes and sentences do not catch. Case numbers are digits only; a
 * code drawn from letters (the query code, "MCWBNW") is marked `translate="no"` and not read.
 */
export async function bareEnglishWords(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    let all = document.body.innerText;
    for (const code of document.querySelectorAll<HTMLElement>('[translate="no"]'))
      all = all.split(code.innerText).join(' ');
    return all;
  });
  return [...new Set(text.match(/\b[A-Za-z]{3,}\b/g) ?? [])].filter((w) => !ALLOWED_ON_ZH.has(w));
}
