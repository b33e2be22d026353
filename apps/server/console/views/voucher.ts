import { get } from '../lib/api.js';
import { departmentName, hallName } from '../lib/directory.js';
import { h, mount } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import type { CaseDetail } from '../lib/types.js';

function paragraph(...lines: string[]): HTMLElement[] {
  return lines.map((line) => h('p', {}, line));
}

/**
 * The written, sealed, dated vouchers of Law Art. 32, laid out for A4 (CSS @media print hides the
 * console around them). Chinese only: the applicant keeps this paper.
 */
export async function voucherView(root: HTMLElement, [caseId, kind]: string[]): Promise<void> {
  const c = await get<CaseDetail>(`/api/cases/${encodeURIComponent(caseId)}`);
  const [hall, agency] = await Promise.all([hallName(c.hall), departmentName(c.department)]);
  const applicant = c.applicant?.name ?? c.applicantName;
  let title: string;
  let number: string;
  let body: HTMLElement[];
  let dated: string;
  switch (kind) {
    case 'acceptance':
      title = '受理通知书';
      number = c.acceptanceVoucher ?? '';
      dated = c.acceptedOn ?? '';
      body = [
        ...paragraph(
          `${applicant}：`,
          `你（单位）于 ${c.receivedOn} 提出的“${c.itemName}”申请（办件编号 ${c.caseNumber}），经审查，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，决定予以受理。`,
          `法定办结期限：${c.dueDates.statutory?.dueDate ?? c.statutoryDueDate ?? '—'} 前；承诺办结期限：${c.dueDates.promised?.dueDate ?? c.promisedDueDate ?? '—'} 前（按工作日计算，不含法定节假日）。`,
        ),
        ...(c.acceptanceKind === 'with-deficiency'
          ? paragraph(
              `本件为容缺受理。请于 ${c.supplyBy ?? '—'} 前补齐以下材料：${c.openDeficiencies.map((m) => m.name).join('、') || '—'}。材料补齐前不予出件。`,
            )
          : []),
      ];
      break;
    case 'correction':
      title = '一次性告知补正材料通知书';
      number = `${c.caseNumber}-BZ`;
      dated = c.correction?.requestedOn ?? '';
      body = [
        ...paragraph(
          `${applicant}：`,
          `你（单位）于 ${c.receivedOn} 提出的“${c.itemName}”申请（办件编号 ${c.caseNumber}），申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知需补正的全部内容如下：`,
        ),
        h(
          'ol',
          {},
          (c.correction?.items ?? []).map((i) =>
            h('li', {}, `${c.materials.find((m) => m.code === i.code)?.name ?? i.code}：${i.problem}`),
          ),
        ),
        ...paragraph(
          `请于 ${c.correction?.correctBy ?? c.correctBy ?? '—'} 前补正。逾期未补正的，视为撤回申请。`,
        ),
      ];
      break;
    case 'refusal':
      title = '不予受理通知书';
      number = c.refusal?.voucherNumber ?? '';
      dated = c.refusal?.refusedOn ?? '';
      body = paragraph(
        `${applicant}：`,
        `你（单位）于 ${c.receivedOn} 提出的“${c.itemName}”申请（办件编号 ${c.caseNumber}），因${c.refusal?.reason ?? ''}，依据${c.refusal?.legalBasis ?? ''}，决定不予受理。`,
        c.refusal?.competentAgency ? `请向${c.refusal.competentAgency}申请。` : '',
        '如不服本决定，可以依法申请行政复议或者提起行政诉讼。',
      );
      break;
    default:
      throw new Error(`no voucher "${kind}"`);
  }
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
        h('a', { class: 'button', href: `#/case/${encodeURIComponent(caseId)}` }, t('back')),
      ),
      h(
        'article',
        { class: 'voucher', id: `voucher-${kind}` },
        h('div', { class: 'voucher-no' }, `编号：${number}`),
        h('h1', {}, title),
        body,
        h('p', { class: 'muted' }, `受理地点：${hall}\u3000\u3000审批部门：${agency}`),
        h(
          'div',
          { class: 'seal' },
          h('div', {}, hall),
          h('div', {}, `${dated}`),
          h('div', { class: 'stamp' }, `${hall}\n（电子印章）`),
        ),
      ),
    ),
  );
}
