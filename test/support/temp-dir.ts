import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder under the system's temporary one, removed with all it holds on dispose. */
export interface TempDir {
  readonly path: string;
  /** A path inside the folder. */
  join(...parts: string[]): string;
  dispose(): void;
}

export async function openTempDir(prefix: string): Promise<TempDir> {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    join: (...parts) => join(path, ...parts),
    dispose: () => rmSync(path, { recursive: true, force: true }),
  };
}
