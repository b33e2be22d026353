/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are inspected field by field */
import { existsSync } from 'node:fs';
import { stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { CaseCommand } from '@one-window/case';
import { ManualClock } from '@one-window/shared';
import { AttachGuard, AttachedFiles, UnattachedFilesSweeper } from '../../src/blobs/index.js';
import { ApiWorld, foodLicenceReceipt } from '../support/api-world.js';
import { type TestServer, startTestServer } from '../support/test-server.js';
import { serveApi } from '../support/suites.js';
import { PDF_BYTES, PNG_BYTES, uploadFile } from '../support/uploads.js';
import { type LocalS3, startS3rver } from '../../../../libs/blob-store/src/testing/local-s3.js';

const HOUR = 60 * 60 * 1000;
const MB = 1024 * 1024;

/** A PDF of its own content: the same small document with a numbered comment at its end. */
const pdf = (n: number) => Buffer.concat([PDF_BYTES, Buffer.from(`% scan ${n}\n`, 'latin1')]);

const BLOBS = { url: undefined, maxFileBytes: 10 * MB, maxCaseBytes: 12 * MB, unattachedTtlHours: 24 };

/** POST /api/blobs as clerk1; the file's hash. */
async function uploadAs(server: TestServer, w: ApiWorld, bytes: Buffer, name = 'scan.pdf'): Promise<string> {
  const answer = await uploadFile(server.base, w.token('clerk1'), name, bytes);
  expect(answer.status).toBe(201);
  return String(answer.body.sha256);
}

/** The food licence receipt with one file on its application form. */
const receiptWith = (sha256: string) => foodLicenceReceipt({}, [[{ sha256, name: 'scan.pdf' }]]);

/** Issue 13: a file uploaded and never attached (the clerk left the form) does not stay forever (ADR 16). */
describe('the unattached-file sweep (BLOB_UNATTACHED_TTL_HOURS)', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { server, w } = serveApi({
    clock,
    // The poll would sweep on its own between a test's steps: the tests call it themselves.
    config: { blobs: BLOBS, timerPollMs: 3_600_000 },
  });
  let sweeper: UnattachedFilesSweeper;

  const path = (sha256: string) => join(server.dataDir, 'blobs', sha256.slice(0, 2), sha256);
  const stored = (sha256: string) => existsSync(path(sha256));
  /** Sets the file's mtime — the filesystem store's storedAt — this many hours before the clock. */
  const age = async (sha256: string, hours: number) => {
    const at = new Date(clock.now().getTime() - hours * HOUR);
    await utimes(path(sha256), at, at);
  };
  const upload = (bytes: Buffer, name?: string) => uploadAs(server, w, bytes, name);

  beforeAll(() => {
    sweeper = server.app.get(UnattachedFilesSweeper);
  });

  it('deletes old files no case event names; keeps attached ones, young ones, and old content uploaded again', async () => {
    const attachedOld = await upload(pdf(1));
    await w.ok('clerk1', '/api/cases', receiptWith(attachedOld));
    const abandoned = await upload(pdf(2));
    const abandonedPng = await upload(PNG_BYTES, 'photo.png');
    const young = await upload(pdf(3));
    const uploadedAgain = await upload(pdf(4));
    await age(attachedOld, 24 * 30);
    await age(abandoned, 25);
    await age(abandonedPng, 24 * 7);
    await age(young, 20);
    await age(uploadedAgain, 48);
    // The clerk scans the same page again today: storing it again moves its time on.
    expect(await upload(pdf(4))).toBe(uploadedAgain);

    const sweep = await sweeper.sweep();
    expect([...sweep.deleted].sort()).toEqual([abandoned, abandonedPng].sort());
    expect(sweep).toMatchObject({
      at: '2026-03-02T01:30:00.000Z',
      cutoff: '2026-03-01T01:30:00.000Z',
      referenced: 1,
      guarded: 0,
    });
    expect([abandoned, abandonedPng].map(stored)).toEqual([false, false]);
    expect([attachedOld, young, uploadedAgain].map(stored)).toEqual([true, true, true]);

    // An abandoned hash is then refused like any unknown one, nothing written.
    const refused = await w.as('clerk1', 'POST', '/api/cases', receiptWith(abandoned));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ pointer: '#/materials/0/files/0/sha256', code: 'blob-not-found' }),
    ]);
  });

  it('runs from the poll at most hourly by the clock, the first an hour after start, and the deadline is data: a file past it is swept at the next hourly poll', async () => {
    const started = await startTestServer({ timerPollMs: 3_600_000 }, { clock });
    try {
      // A cold start's catch-up has the log to itself: no sweep in its first hour.
      expect(await started.app.get(UnattachedFilesSweeper).poll()).toBeUndefined();
    } finally {
      await started.close();
    }
    await sweeper.sweep();
    const file = await upload(pdf(5));
    await age(file, 23.5);
    clock.advance(30 * 60 * 1000);
    expect(await sweeper.poll()).toBeUndefined();
    expect(stored(file)).toBe(true);
    clock.advance(30 * 60 * 1000);
    const sweep = await sweeper.poll();
    expect(sweep?.deleted).toEqual([file]);
    expect(stored(file)).toBe(false);
  });

  it('keeps an old unattached file that a command holds while the sweep runs, and the command attaches it', async () => {
    const file = await upload(pdf(6));
    await age(file, 72);
    const receipt = receiptWith(file);
    let during: Awaited<ReturnType<UnattachedFilesSweeper['sweep']>> | undefined;
    // As a command between its lookup of the file and its append: the sweep runs in that gap.
    const answer = await server.app
      .get(AttachedFiles)
      .attach({ type: 'ReceiveApplication', ...receipt } as unknown as CaseCommand, async () => {
        during = await sweeper.sweep();
        return (await w.ok('clerk1', '/api/cases', receipt)) as { caseId: string };
      });
    expect(during).toMatchObject({ deleted: [], guarded: 1 });
    expect(stored(file)).toBe(true);
    const events = await server.store.readStream(`case-${answer.caseId}`);
    expect((events[0].data as any).materials[0].files[0].sha256).toBe(file);

    // Named by an event now: later sweeps never delete it, however old.
    clock.advance(2 * HOUR);
    const later = await sweeper.poll();
    expect(later?.deleted).toEqual([]);
    expect(stored(file)).toBe(true);
  });

  it('an upload of the same bytes as a file the sweep is deleting that moment is answered 503 (upload again), never a hash without its file', async () => {
    const bytes = pdf(7);
    const file = await upload(bytes);
    await age(file, 48);
    const oldTime = (await stat(path(file))).mtimeMs;
    // A sweep's window on the server's own guard, deleting the file once the test lets it.
    const window = server.app.get(AttachGuard).openSweep();
    let letGo = (): void => undefined;
    const gate = new Promise<void>((resolve) => (letGo = resolve));
    const deleting = window.delete(file, async () => {
      await gate;
      await unlink(path(file));
    });
    const again = uploadFile(server.base, w.token('clerk1'), 'scan.pdf', bytes, 'zh');
    // The upload's put found the file and moved its time on; then the deletion goes through.
    while ((await stat(path(file))).mtimeMs === oldTime) await new Promise((r) => setTimeout(r, 5));
    letGo();
    expect(await deleting).toBe(true);
    const answer = await again;
    window.close();
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ code: 'blob-store-unavailable' });
    expect(answer.body.detail).toMatch(/\p{Script=Han}/u);
    expect(stored(file)).toBe(false);
    // Uploading it again stores it.
    expect(await upload(bytes)).toBe(file);
    expect(stored(file)).toBe(true);
  });
});

/** The same sweep on the S3 adapter: the objects' LastModified is their storedAt, the clock moves past it. */
describe('the unattached-file sweep on an S3-compatible store (s3rver)', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const prefix = 'sweep/';
  let s3: LocalS3;
  let server: TestServer;
  let w: ApiWorld;

  beforeAll(async () => {
    s3 = await startS3rver();
    server = await startTestServer(
      { blobs: { ...BLOBS, url: s3.url(prefix) }, timerPollMs: 3_600_000 },
      { clock },
    );
    w = await ApiWorld.signIn(server.base);
  });
  afterAll(async () => {
    await server?.close();
    await s3?.close();
  });

  const keys = async (): Promise<string[]> => {
    const page = await s3.client.send(
      new ListObjectsV2Command({ Bucket: 'one-window-blobs', Prefix: prefix }),
    );
    return (page.Contents ?? []).map((o) => o.Key!.slice(prefix.length)).sort();
  };

  it('deletes the objects no case event names once the clock is past their LastModified plus the TTL; keeps attached ones and leaves no temporaries', async () => {
    const attached = await uploadAs(server, w, pdf(11));
    await w.ok('clerk1', '/api/cases', receiptWith(attached));
    const abandoned = await uploadAs(server, w, pdf(12));
    expect(await keys()).toEqual([attached, abandoned].sort());
    const sweeper = server.app.get(UnattachedFilesSweeper);
    // An hour after the upload by the objects' own time: young, nothing goes.
    clock.set(new Date(Date.now() + HOUR));
    expect(await sweeper.sweep()).toMatchObject({ deleted: [], young: 1, referenced: 1 });
    clock.set(new Date(Date.now() + 25 * HOUR));
    expect(await sweeper.sweep()).toMatchObject({ deleted: [abandoned], young: 0, referenced: 1 });
    expect(await keys()).toEqual([attached]);
  });
});

/** A store that cannot be reached: the sweep fails, says so, and is tried again an hour on, not at every poll. */
describe('the unattached-file sweep when the object store is down', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(
      {
        // Nothing listens on port 9 (discard): every request to the store fails.
        blobs: { ...BLOBS, url: 's3://a:b@hall-files/p/?endpoint=http://127.0.0.1:9&forcePathStyle=true' },
        timerPollMs: 3_600_000,
      },
      { clock },
    );
  });
  afterAll(async () => server?.close());

  it('fails with the store’s error, and the next poll within the hour does not try again', async () => {
    const sweeper = server.app.get(UnattachedFilesSweeper);
    clock.advance(HOUR);
    await expect(sweeper.poll()).rejects.toMatchObject({ code: 'blob-store-unavailable' });
    clock.advance(HOUR / 2);
    expect(await sweeper.poll()).toBeUndefined();
    clock.advance(HOUR / 2);
    await expect(sweeper.poll()).rejects.toMatchObject({ code: 'blob-store-unavailable' });
  }, 60_000);
});
