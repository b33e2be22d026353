/**
 * The Chinese title of every problem type the server answers with (ADR 12): each refusal carries
 * its code (`type`), an English `title` and `detail`, and a Chinese `titleZh` (and `detailZh`
 * where the server has the words).
 */
export const PROBLEM_TITLES_ZH: Readonly<Record<string, string>> = {
  'invalid-input': '输入有误',
  unauthorized: '未登录',
  forbidden: '无权操作',
  'not-found': '未找到',
  'too-large': '请求过大',
  'unsupported-media-type': '不支持的内容类型',
  'too-many-attempts': '尝试次数过多',
  'not-allowed-in-state': '当前状态下不能办理',
  'concurrency-conflict': '已被他人修改',
  'calendar-not-covered': '工作日历未覆盖该年度',
  'idempotency-key-mismatch': '幂等键已用于其他请求',
  'idempotency-key-in-flight': '同一幂等键的请求正在处理',
  'event-store-unavailable': '事件存储暂不可用',
  'disk-full': '事件存储磁盘已满',
  'store-read-only': '事件存储不可写',
  'store-corrupt': '事件存储文件已损坏',
  'store-io-error': '事件存储磁盘读写出错',
  'read-models-behind': '读模型尚未追上',
  'rebuild-running': '读模型正在重建',
  'shutting-down': '服务正在停止',
  'invalid-url': '网址有误',
  'uri-too-long': '网址过长',
  'headers-too-large': '请求头过大',
  'request-timeout': '请求超时',
  'malformed-request': '请求格式有误',
  'http-405': '不允许的请求方法',
  'http-406': '无法提供所需格式',
  'http-500': '服务器内部错误',
  'http-503': '请稍后再试',
};

export function problemTitleZh(type: string): string {
  const code = type.startsWith('/problems/') ? type.slice('/problems/'.length) : type;
  return PROBLEM_TITLES_ZH[code] ?? '请求未能办理';
}
