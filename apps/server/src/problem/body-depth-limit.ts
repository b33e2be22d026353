import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem-details.js';

/** No command or query body of the API nests deeper than this (a case's materials: about 5). */
export const MAX_BODY_DEPTH = 32;

/**
 * Nesting depth of a parsed JSON value, counted without recursion (no stack to overflow). Only
 * objects and arrays are stacked (a scalar adds no depth), with their depths beside them: no pair
 * allocated per value.
 */
export function jsonDepth(value: unknown, limit: number): number {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  const values: object[] = [value];
  const depths: number[] = [1];
  while (values.length > 0) {
    const v = values.pop()!;
    const depth = depths.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? (v as unknown[]) : (Object.values(v) as unknown[])) {
      if (typeof child !== 'object' || child === null) continue;
      values.push(child);
      depths.push(depth + 1);
    }
  }
  return deepest;
}

/**
 * Refuses a body nested deeper than MAX_BODY_DEPTH with a 400 problem before any transformer or
 * validator sees it (class-transformer recursed ~1,400 levels into a stack overflow: issue 10, defect 6).
 */
export function installBodyDepthLimit(fastify: FastifyInstance): void {
  // A callback hook, not an async one: no promise per request; a refusal sends without `done`.
  fastify.addHook('preValidation', (request, reply, done) => {
    if (request.body === undefined || jsonDepth(request.body, MAX_BODY_DEPTH) <= MAX_BODY_DEPTH) return done();
    void reply
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
