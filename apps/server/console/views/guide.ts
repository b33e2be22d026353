import { h } from '../lib/dom.js';
import { currentLang, t, tOr } from '../lib/i18n.js';
import { badge, facts, table } from '../lib/ui.js';
import type { Guide, GuideMaterial } from '../lib/types.js';

export function isShared(m: GuideMaterial): boolean {
  return m.sourceChannel === 'shared' || m.sourceChannel === 'electronic-certificate';
}

export function guideName(g: { name: string; nameEn?: string }): string {
  return currentLang() === 'en' && g.nameEn ? g.nameEn : g.name;
}

/** A service guide as the clerk explains it to the applicant: limits, fee, materials, steps. */
export function guidePanel(guide: Guide): HTMLElement {
  return h(
    'section',
    { class: 'panel', id: 'guide' },
    h(
      'h2',
      {},
      guideName(guide),
      ' ',
      badge(t(`caseKind.${guide.caseKind}`), 'blue'),
      ' ',
      badge(`v${guide.version}`),
    ),
    facts([
      [t('itemCode'), guide.code],
      [t('implementingAgency'), guide.implementingAgency],
      [t('statutoryLimit'), t('workingDaysN', { n: guide.statutoryLimitDays })],
      [t('promisedLimit'), t('workingDaysN', { n: guide.promisedLimitDays })],
      [
        t('fee'),
        guide.fee.charged
          ? `${guide.fee.standard ?? ''}${guide.fee.basis ? `（${guide.fee.basis}）` : ''}`
          : t('free'),
      ],
      [t('result'), guide.resultName],
      [t('conditions'), guide.acceptanceConditions],
      [t('legalBasis'), guide.legalBasis],
      [t('courier'), guide.courierDelivery ? t('yes') : t('no')],
    ]),
    h('h3', {}, t('materials')),
    table(
      [
        { label: t('materialName'), cell: (m: GuideMaterial) => m.name },
        { label: t('materialType'), cell: (m) => tOr(`form.${m.type}`, m.type) },
        { label: t('copies'), cell: (m) => (m.copies ? String(m.copies) : '—') },
        {
          label: t('source'),
          cell: (m) => [
            tOr(`source.${m.sourceChannel}`, m.sourceChannel),
            isShared(m) ? h('div', { class: 'muted' }, m.sharedSource ?? '') : null,
          ],
        },
        {
          label: '',
          cell: (m) => [
            m.key ? badge(t('keyMaterial'), 'red') : null,
            ' ',
            m.deficiencyAllowed ? badge(t('deficiencyAllowed'), 'yellow') : null,
            ' ',
            isShared(m) ? badge(t('sharedMaterial'), 'green') : null,
          ],
        },
      ],
      guide.materials,
    ),
    guide.steps.length
      ? [
          h('h3', {}, t('steps')),
          h(
            'ol',
            {},
            guide.steps.map((s) =>
              h('li', {}, `${s.label}（${t('workingDaysN', { n: s.timeLimitDays })}）— ${s.reviewStandard}`),
            ),
          ),
        ]
      : null,
  );
}
