import { Inject, Injectable } from '@nestjs/common';
import { BlobNotFoundError, type BlobStore } from '@one-window/blob-store';
import type { CaseCommand, FileReference, MaterialInput } from '@one-window/case';
import { type FieldProblem, problems } from '../problem/problem-details.js';
import { BLOB_STORE } from '../tokens.js';
import { AttachGuard } from './attach-guard.js';
import { blobProblem } from './blob-problems.js';

const ATTACHING: ReadonlySet<CaseCommand['type']> = new Set([
  'ReceiveApplication',
  'SubmitCorrection',
  'SupplyDeficiency',
]);

function materialsOf(command: CaseCommand): readonly MaterialInput[] | undefined {
  if (!ATTACHING.has(command.type)) return undefined;
  const materials = (command as { materials?: readonly MaterialInput[] }).materials;
  return materials?.some((m) => m?.files?.length) ? materials : undefined;
}

/**
 * Before the engine decides a command that attaches files (ADR 16): every hash must name a file in
 * the blob store — a hash that does not is refused as a bad field (`blob-not-found`) and nothing is
 * written — and each file's size and type are the store's, whatever the client said. The hashes
 * are held in the AttachGuard from before that lookup until the command is decided and stored, so
 * the unattached-file sweep cannot delete a file between the two.
 */
@Injectable()
export class AttachedFiles {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly guard: AttachGuard,
  ) {}

  /** Runs `send` with the command its files resolved in, the files held until it has answered. */
  async attach<T>(command: CaseCommand, send: (resolved: CaseCommand) => Promise<T>): Promise<T> {
    const materials = materialsOf(command);
    if (!materials) return send(command);
    const release = await this.guard.hold(
      materials.flatMap((m) => (m?.files ?? []).map((f: FileReference) => f.sha256)),
    );
    try {
      return await send(await this.resolve(command, materials));
    } finally {
      release();
    }
  }

  private async resolve(command: CaseCommand, materials: readonly MaterialInput[]): Promise<CaseCommand> {
    const missing: FieldProblem[] = [];
    const resolved = await Promise.all(
      materials.map(async (material: MaterialInput, i: number): Promise<MaterialInput> => {
        if (!material?.files?.length) return material;
        const files = await Promise.all(
          material.files.map(async (file: FileReference, j: number): Promise<FileReference> => {
            try {
              const info = await this.blobs.stat(file.sha256);
              return { sha256: info.sha256, name: file.name, size: info.size, type: info.type };
            } catch (error) {
              if (!(error instanceof BlobNotFoundError)) throw blobProblem(error) ?? error;
              missing.push({
                pointer: `#/materials/${i}/files/${j}/sha256`,
                detail: `no uploaded file has the SHA-256 ${file.sha256}: upload it (POST /api/blobs) first`,
                code: 'blob-not-found',
                params: { name: file.name },
              });
              return file;
            }
          }),
        );
        return { ...material, files };
      }),
    );
    if (missing.length > 0)
      throw problems.invalidInput(
        `${missing.length} attached file(s) are not in the blob store`,
        missing.sort((a, b) => a.pointer.localeCompare(b.pointer)),
      );
    return { ...command, materials: resolved } as CaseCommand;
  }
}
