/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are inspected field by field */
import { request } from 'node:http';
import { Readable } from 'node:stream';
import type { Answer } from './http.js';

/** A small PDF a browser renders (one empty page). */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** A 1×1 PNG. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The first bytes of an ELF and of a Windows (MZ) executable, padded: what a renamed program sends. */
export const ELF_BYTES = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01]),
  Buffer.alloc(4096),
]);
export const EXE_BYTES = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), Buffer.alloc(4096)]);

/** POST /api/blobs with one file, as the console sends it (FormData, part "file"). */
export async function uploadFile(
  base: string,
  token: string,
  name: string,
  bytes: Buffer,
  lang: 'en' | 'zh' = 'en',
): Promise<Answer> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }), name);
  const res = await fetch(`${base}/api/blobs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'accept-language': lang },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

export interface StreamedUpload {
  readonly status: number;
  readonly body: any;
  /** Bytes the client handed to the socket before the answer came. */
  readonly sent: number;
  /** The highest resident set size of this process (server and client) seen while sending. */
  readonly peakRss: number;
}

/**
 * A multipart upload of `size` bytes beginning with `head`, sent chunked (no Content-Length, so the
 * server cannot refuse it by its header) from chunks made as they are sent; RSS is sampled at every
 * chunk. Resolves when the server answers, whatever is left unsent.
 */
export function streamUpload(
  base: string,
  token: string,
  head: Buffer,
  size: number,
): Promise<StreamedUpload> {
  const boundary = '----one-window-test-boundary';
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  const preamble = Buffer.from(
    `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.pdf"\r\n` +
      'content-type: application/pdf\r\n\r\n',
  );
  let sent = 0;
  let peakRss = process.memoryUsage().rss;
  let started = false;
  const source = new Readable({
    read() {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (!started) {
        started = true;
        this.push(Buffer.concat([preamble, head]));
        sent += head.length;
        return;
      }
      if (sent >= size) {
        this.push(Buffer.from(`\r\n--${boundary}--\r\n`));
        this.push(null);
        return;
      }
      const n = Math.min(chunk.length, size - sent);
      sent += n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
  const url = new URL('/api/blobs', base);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'transfer-encoding': 'chunked',
        'accept-language': 'en',
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        source.destroy();
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, sent, peakRss });
      });
      res.on('error', reject);
    });
    // The server closes the socket after refusing: writes after that fail, which is expected.
    req.on('error', () => undefined);
    source.pipe(req);
  });
}
