import { InvalidQueryError } from './invalid-query.error.js';

export interface PageRequest {
  /** 1-based; default 1. */
  readonly page?: number;
  /** Default 20, at most 200. */
  readonly pageSize?: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export const MAX_PAGE_SIZE = 200;

export function pageBounds(request: PageRequest): { page: number; pageSize: number; offset: number } {
  const page = request.page ?? 1;
  const pageSize = request.pageSize ?? 20;
  if (!Number.isSafeInteger(page) || page < 1)
    throw new InvalidQueryError('page', 'page must be a whole number ≥ 1');
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw new InvalidQueryError('pageSize', `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  return { page, pageSize, offset: (page - 1) * pageSize };
}
