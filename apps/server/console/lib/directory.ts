import { get } from './api.js';
import type { Directory } from './types.js';

let cached: Promise<Directory> | undefined;

/** Hall and department names for ids (loaded once per page). */
export function directory(): Promise<Directory> {
  cached ??= get<Directory>('/api/catalog/directory').catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

export async function hallName(id: string | undefined): Promise<string> {
  if (!id) return '—';
  return (await directory()).halls.find((h) => h.id === id)?.name ?? id;
}

export async function departmentName(id: string | undefined): Promise<string> {
  if (!id) return '—';
  return (await directory()).departments.find((d) => d.id === id)?.name ?? id;
}
