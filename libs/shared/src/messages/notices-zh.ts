/**
 * The notices' words in Chinese (ADR 18), part of the one Chinese catalog (`zh.ts` spreads it):
 * the notice content is fields; these templates make the paper the applicant keeps.
 */
export const NOTICES_ZH = {
  notices: '文书',
  'notice.kind.receipt': '收件回执',
  'notice.kind.acceptance': '受理通知书',
  'notice.kind.correction': '一次性补正告知书',
  'notice.kind.refusal': '不予受理通知书',
  'notice.kind.extension': '延期告知书',
  'notice.kind.delivery': '送达回证',
  'notice.title.receipt': '收件回执',
  'notice.title.acceptance.complete': '受理通知书',
  'notice.title.acceptance.with-deficiency': '容缺受理通知书',
  'notice.title.acceptance.deemed': '受理通知书（视为受理）',
  'notice.title.correction': '一次性补正告知书',
  'notice.title.refusal': '不予受理通知书',
  'notice.title.extension': '延期告知书',
  'notice.title.delivery': '送达回证',
  'notice.number': '编号：{number}',
  'notice.addressee': '{name}：',
  'notice.basis.licensing-law-32': '《中华人民共和国行政许可法》第三十二条',
  'notice.basis.licensing-law-42': '《中华人民共和国行政许可法》第四十二条',
  'notice.basis.licensing-law-44': '《中华人民共和国行政许可法》第四十四条',
  'notice.basis.regulation-6': '《内蒙古自治区政务服务标准化管理办法》第六条',
  'notice.basis.regulation-10': '《内蒙古自治区政务服务标准化管理办法》第十条',
  'notice.basis.regulation-27': '《内蒙古自治区政务服务标准化管理办法》第二十七条',
  'notice.basis.reconsideration-law-20': '《中华人民共和国行政复议法》第二十条',
  'notice.basis.procedure-law-46': '《中华人民共和国行政诉讼法》第四十六条',
  'notice.basisLine': '依据：{basis}',
  'notice.material':
    '{name}{form, select, none {} original {（原件）} copy {（复印件）} electronic {（电子件）} shared {（共享调取）} other {}}',
  'notice.receipt.body':
    '你（单位）于 {receivedOn, date} 提交的“{item}”申请材料已收到，办件编号 {caseNumber}。本回执仅证明收到材料，不表示已经受理。',
  'notice.receipt.received': '已收材料',
  'notice.receipt.missing': '未提交材料',
  'notice.receipt.answer':
    '本机关将于 {answerBy, date} 前作出是否受理的决定；申请材料不齐全或者不符合法定形式的，在此前一次告知需要补正的全部内容，逾期不告知的，自收到申请材料之日起即为受理。',
  'notice.acceptance.complete':
    '你（单位）于 {receivedOn, date} 提出的“{item}”申请（办件编号 {caseNumber}），经审查，申请材料齐全、符合法定形式，根据{basis}的规定，决定予以受理。',
  'notice.acceptance.with-deficiency':
    '你（单位）于 {receivedOn, date} 提出的“{item}”申请（办件编号 {caseNumber}），经审查，主要申请材料已提交且符合法定形式，下列次要材料尚待补交。你（单位）已签署容缺受理承诺书，根据{basis}的规定，决定予以容缺受理。',
  'notice.acceptance.deemed':
    '你（单位）于 {receivedOn, date} 提出的“{item}”申请（办件编号 {caseNumber}），本机关未在法定期限内一次告知需要补正的全部内容，根据{basis}的规定，自收到申请材料之日（{acceptedOn, date}）起即为受理。',
  'notice.acceptance.materials': '已收申请材料',
  'notice.acceptance.missing': '容缺待补材料',
  'notice.acceptance.supply': '请于 {supplyBy, date} 前补齐上列材料；材料补齐前不予出件。',
  'notice.acceptance.due':
    '法定办结期限 {statutoryLimitDays} 个工作日，于 {statutoryDueDate, date} 前作出决定；承诺办结期限 {promisedLimitDays} 个工作日，于 {promisedDueDate, date} 前办结（按工作日计算，不含法定节假日）。',
  'notice.acceptance.queryCode': '办件查询码：{code}（凭办件编号和查询码查询办理进度）',
  'notice.ratingQr': '扫码评价本次服务（一事一评，{validUntil, date} 前有效）',
  'notice.rating': '扫码评价本次服务：{url}',
  'notice.correction.body':
    '你（单位）于 {receivedOn, date} 提出的“{item}”申请（办件编号 {caseNumber}），申请材料不齐全或者不符合法定形式。根据{basis}的规定，现一次性告知需要补正的全部内容如下：',
  'notice.correction.item': '{name}：{problem}',
  'notice.correction.by':
    '请于 {correctBy, date} 前一并补正上述全部内容。按要求提交全部补正材料的，本机关予以受理；逾期未补正的，视为撤回申请。',
  'notice.refusal.body':
    '你（单位）于 {receivedOn, date} 提出的“{item}”申请（办件编号 {caseNumber}），因{reason}，依据{legalBasis}，决定不予受理。',
  'notice.refusal.competent': '请向{agency}提出申请。',
  'notice.refusal.remedies':
    '如不服本决定，可以自知道该决定之日起 {reviewDays} 日内向{reviewAuthority, select, none {本机关的行政复议机关} other {{reviewAuthority}}}申请行政复议，或者自知道该决定之日起 {lawsuitMonths} 个月内向{court, select, none {有管辖权的人民法院} other {{court}}}提起行政诉讼。',
  'notice.extension.body':
    '你（单位）于 {receivedOn, date} 提出的“{item}”申请（办件编号 {caseNumber}），因{reason}，不能在法定期限内作出决定。经本行政机关负责人批准，根据{basis}的规定，办理期限延长 {days} 个工作日，由 {previousDueDate, date} 延长至 {statutoryDueDate, date}。',
  'notice.extension.approvedBy': '批准人：{name}',
  'notice.delivery.intro': '现将下列文书送达受送达人，请签收。',
  'notice.delivery.document': '送达文书',
  'notice.delivery.documentResult': '{name}{number, select, none {} other {（编号 {number}）}}',
  'notice.delivery.documentDenial': '不予许可决定书{number, select, none {} other {（编号 {number}）}}',
  'notice.delivery.addressee': '受送达人',
  'notice.delivery.method': '送达方式',
  'notice.delivery.place': '送达地点',
  'notice.delivery.tracking': '快递单号：{number}',
  'notice.delivery.recipient': '签收人',
  'notice.delivery.recipientLine':
    '{name}（{collectedBy, select, applicant {申请人本人} other {代理人}}，{idType, select, resident-id {居民身份证} unified-social-credit-code {统一社会信用代码} uscc {统一社会信用代码} passport {护照} other {证件}}尾号 {idTail}）',
  'notice.delivery.date': '送达日期',
  'notice.delivery.signature': '签收人签名：',
  'notice.delivery.server': '送达人：{name}',
  'notice.signature.applicant': '申请人（代理人）签字：',
  'notice.handler': '经办人：{name}',
  'notice.contact': '咨询电话：{phone}',
  'notice.address': '地址：{address}',
  'notice.place': '受理地点：{hall}　实施机关：{agency}',
  'notice.seal': '{hall}\n（电子印章）',
  'notice.hash': '校验码（SHA-256）：{hash}',
  'notice.intact': '与存档一致',
  'notice.altered': '与存档不一致，请勿使用',
  'problem.not-found.notice': '本办件没有编号为 {number} 的文书。',
} as const satisfies Readonly<Record<string, string>>;
