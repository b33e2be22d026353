export * from './notice-content.js';
export {
  buildNotice,
  noticeKindOf,
  noticeNumber,
  LAWSUIT_MONTHS,
  RECONSIDERATION_DAYS,
  type NoticeEnvironment,
} from './build-notice.js';
export { foldWithNotices, issueNotice, noticeHash, noticeIntact } from './issue-notices.js';
