// Reading the legacy $metadata: files and http(s) URLs, bounded in time and size, one clear error each.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LegacyMetadataError } from '../../../src/compat/legacy-metadata-error';
import { DEFAULT_LIMITS, readSource } from '../../../src/compat/read-source';
import { freePort } from '../../helpers/free-port';

describe('readSource', () => {
  let server: http.Server;
  let base: string;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'b2x-compat-'));
    server = http.createServer((req, res) => {
      if (req.url === '/slow') return; // never answers
      if (req.url === '/big') return void res.end('x'.repeat(2048));
      if (req.url === '/moved') return void res.writeHead(302, { Location: 'http://elsewhere.example/m' }).end();
      const basic = `Basic ${Buffer.from('erp:s3cret').toString('base64')}`;
      if (req.headers['x-api-key'] !== 'k' && req.headers.authorization !== basic) return void res.writeHead(401).end();
      res.setHeader('Content-Type', 'application/xml');
      res.end('<edmx:Edmx/>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a file, and a URL with the given headers', async () => {
    const file = join(dir, 'm.xml');
    writeFileSync(file, '<a/>');
    expect(await readSource(file)).toEqual({ source: file, text: '<a/>' });
    expect(await readSource(`${base}/odata/$metadata`, { ...DEFAULT_LIMITS, headers: { 'X-API-Key': 'k' } })).toEqual({ source: `${base}/odata/$metadata`, text: '<edmx:Edmx/>' });
    // user info in the URL becomes Basic credentials and is left out of the source shown
    const withUser = `http://erp:s3cret@127.0.0.1:${new URL(base).port}/odata/$metadata`;
    expect(await readSource(withUser)).toEqual({ source: `${base}/odata/$metadata`, text: '<edmx:Edmx/>' });
  });

  it('fails with one LegacyMetadataError per cause, never echoing credentials', async () => {
    const fail = (spec: string, limits = DEFAULT_LIMITS) => readSource(spec, limits).then(() => 'read', (e: unknown) => (e instanceof LegacyMetadataError ? e.message : `other: ${String(e)}`));
    expect(await fail(join(dir, 'missing.xml'))).toMatch(/^cannot read .*missing\.xml \(ENOENT\)$/);
    expect(await fail(dir)).toMatch(/is not a file$/);
    expect(await fail(`${base}/x`)).toBe(`${base}/x answered HTTP 401 (send a credential with --header)`);
    expect(await fail(`http://user:secret@127.0.0.1:${new URL(base).port}/x`)).toBe(`${base}/x answered HTTP 401 (send a credential with --header)`);
    expect(await fail(`${base}/moved`, { ...DEFAULT_LIMITS, headers: { 'X-API-Key': 'k' } })).toBe(`${base}/moved redirects (HTTP 302) to http://elsewhere.example/m; give that URL`);
    expect(await fail('ftp://example.org/m.xml')).toBe('only http and https URLs are read (got ftp:)');
    expect(await fail(`${base}/slow`, { ...DEFAULT_LIMITS, timeoutMs: 200 })).toBe(`${base}/slow did not answer within 0.2 s`);
    expect(await fail(`${base}/big`, { ...DEFAULT_LIMITS, maxBytes: 1024 })).toBe(`${base}/big is larger than 1024 bytes`);
    const closed = `http://127.0.0.1:${await freePort()}/m`;
    expect(await fail(closed)).toBe(`cannot fetch ${closed} (ECONNREFUSED)`);
  });
});
