import { messages } from '@one-window/shared';

/**
 * The Chinese title of a problem type (ADR 12): the message catalog's `problemTitle.<code>`
 * (libs/shared/src/messages, ADR 15), 请求未能办理 for a type it does not name.
 */
export function problemTitleZh(type: string): string {
  return messages.problemTitle('zh', type);
}
