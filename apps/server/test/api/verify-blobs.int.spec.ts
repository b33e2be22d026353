import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VerifyState } from '../../src/admin/verify-tracker.js';
import { foodLicenceReceipt } from '../support/api-world.js';
import { serveApi } from '../support/suites.js';
import { PDF_BYTES, PNG_BYTES, uploadFile } from '../support/uploads.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** POST /api/admin/verify checks the attached files as well as the log (issue 13, ADR 16). */
describe('online verify of the attached files over real HTTP', () => {
  const { server, w } = serveApi();

  async function verified(): Promise<NonNullable<VerifyState['report']>> {
    expect((await w.as('admin', 'POST', '/api/admin/verify')).status).toBe(202);
    for (;;) {
      const state = (await w.read('admin', '/api/admin/verify')) as VerifyState;
      if (!state.running) {
        expect(state.error).toBeNull();
        return state.report!;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('finds every attached file sound, then reports a deleted and a corrupted one by case and material', async () => {
    const pdf = await uploadFile(server.base, w.token('clerk1'), '申请书.pdf', PDF_BYTES);
    const png = await uploadFile(server.base, w.token('clerk1'), '照片.png', PNG_BYTES);
    const receipt = foodLicenceReceipt({}, [
      [{ sha256: pdf.body.sha256, name: '申请书.pdf' }],
      [{ sha256: png.body.sha256, name: '照片.png' }],
    ]);
    const codes = receipt.materials.map((m) => m.code);
    const { caseId } = await w.ok('clerk1', '/api/cases', receipt);

    const sound = await verified();
    expect(sound.sound).toBe(true);
    expect(sound.blobs).toEqual({ referenced: 2, matched: 2, problems: [], sound: true });

    const path = (sha: string) => join(server.dataDir, 'blobs', sha.slice(0, 2), sha);
    rmSync(path(sha256(PDF_BYTES)));
    writeFileSync(path(sha256(PNG_BYTES)), Buffer.concat([PNG_BYTES, Buffer.from('tampered')]));

    const damaged = await verified();
    expect(damaged.sound).toBe(false);
    expect(damaged.problems).toEqual([]); // the log itself is sound
    expect(damaged.blobs.sound).toBe(false);
    expect(damaged.blobs.matched).toBe(0);
    const found = [...damaged.blobs.problems].sort((a, b) => a.kind.localeCompare(b.kind));
    expect(found).toEqual([
      expect.objectContaining({ kind: 'mismatched', caseId, material: codes[1], sha256: sha256(PNG_BYTES) }),
      expect.objectContaining({ kind: 'missing', caseId, material: codes[0], sha256: sha256(PDF_BYTES) }),
    ]);
    expect(found[0].message).toMatch(/has changed: its content hashes to [0-9a-f]{64}$/);
  });
});
