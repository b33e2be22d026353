import type { AttachedFile, CaseState, SubmittedMaterial } from '@one-window/case';
import type { RecordedEvent } from '@one-window/event-store';

export interface MaterialFiles {
  readonly code: string;
  /** The material's name in the guide the case was received under. */
  readonly name: string;
  readonly form: SubmittedMaterial['form'];
  readonly files: readonly AttachedFile[];
}

/** The files of each material as the case holds them now (a material handed in again: its latest files). */
export function currentFiles(state: CaseState): MaterialFiles[] {
  const names = new Map(state.context.guide.materials.map((m) => [m.code, m.name]));
  const order = new Map(state.context.guide.materials.map((m, i) => [m.code, i]));
  return state.context.materials
    .filter((m) => (m.files ?? []).length > 0)
    .map((m) => ({ code: m.code, name: names.get(m.code) ?? m.code, form: m.form, files: m.files ?? [] }))
    .sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
}

/** A file any event of the case attached (a replaced scan stays readable: the log names it). */
export function attachedIn(
  events: readonly RecordedEvent[],
  sha256: string,
): { materialCode: string; file: AttachedFile } | undefined {
  let found: { materialCode: string; file: AttachedFile } | undefined;
  for (const event of events) {
    const materials = (event.data as { materials?: readonly SubmittedMaterial[] } | null)?.materials;
    if (!materials) continue;
    for (const material of materials) {
      const file = material.files?.find((f: AttachedFile) => f.sha256 === sha256);
      if (file) found = { materialCode: material.code, file };
    }
  }
  return found;
}
