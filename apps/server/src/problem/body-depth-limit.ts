import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem-details.js';

/** No command or query body of the API nests deeper than this (a case's materials: about 5). */
export const MAX_BODY_DEPTH = 32;

/** Nesting depth of a parsed JSON value, counted without recursion (no stack to overflow). */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Refuses a body nested deeper than MAX_BODY_DEPTH with a 400 problem before any transformer or
 * validator sees it (class-transformer recursed ~1,400 levels into a stack overflow: issue 10, defect 6).
 */
export function installBodyDepthLimit(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request, reply) => {
    if (request.body === undefined || jsonDepth(request.body, MAX_BODY_DEPTH) <= MAX_BODY_DEPTH) return;
    await reply
      .code(400)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({
        type: problemType('invalid-input'),
        title: 'Invalid input',
        titleZh: '输入有误',
        status: 400,
        detail: `The JSON body is nested deeper than ${MAX_BODY_DEPTH} levels.`,
        detailZh: `请求内容的嵌套超过 ${MAX_BODY_DEPTH} 层。`,
        errors: [{ pointer: '#', detail: `nested deeper than ${MAX_BODY_DEPTH} levels` }],
      });
  });
}
