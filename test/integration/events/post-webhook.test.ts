// The delivery transport against real loopback servers: 2xx delivered, 3xx not followed, timeouts,
// and — with internal targets refused, as in production — no connection to a name that resolves
// to loopback, nor to an address literal, ever reaches the receiver.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryFailure, postWebhook } from '../../../src/events/post-webhook';

interface Hit {
  readonly path: string;
  readonly body: string;
  readonly signature: string | undefined;
}

describe('webhook POST transport', () => {
  const hits: Hit[] = [];
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        hits.push({ path: req.url ?? '', body, signature: req.headers['x-b2x-signature'] as string | undefined });
        if (req.url === '/redirect') res.writeHead(302, { Location: `http://127.0.0.1:${port}/ok` }).end();
        else if (req.url !== '/hang') res.writeHead(204).end(); // /hang never answers
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as DeliveryFailure);

  it('delivers the body and headers and answers the 2xx status', async () => {
    const status = await postWebhook(`http://127.0.0.1:${port}/ok`, '{"a":1}', { 'content-type': 'application/json', 'x-b2x-signature': 'sha256=ab' }, { timeoutMs: 2000 });
    expect(status).toBe(204);
    expect(hits.at(-1)).toEqual({ path: '/ok', body: '{"a":1}', signature: 'sha256=ab' });
  });

  it('does not follow a redirect: a 3xx is a failure with its status', async () => {
    const before = hits.length;
    const err = await failureOf(postWebhook(`http://127.0.0.1:${port}/redirect`, '{}', {}, { timeoutMs: 2000 }));
    expect(err).toBeInstanceOf(DeliveryFailure);
    expect(err).toMatchObject({ status: 302, message: 'HTTP 302' });
    expect(hits.slice(before).map((h) => h.path)).toEqual(['/redirect']);
  });

  it('gives up on a receiver that never answers', async () => {
    const err = await failureOf(postWebhook(`http://127.0.0.1:${port}/hang`, '{}', {}, { timeoutMs: 200 }));
    expect(err).toMatchObject({ message: 'timed out', status: null });
  });

  it('with internal targets refused, never connects to a name resolving to loopback or to an internal literal', async () => {
    const before = hits.length;
    const byName = await failureOf(postWebhook(`http://localhost:${port}/ok`, '{}', {}, { timeoutMs: 2000, refuseInternal: true }));
    expect(byName).toBeInstanceOf(DeliveryFailure);
    expect(byName?.message).toMatch(/^refused: localhost resolves to a loopback, private or link-local address$/);
    const byLiteral = await failureOf(postWebhook(`http://127.0.0.1:${port}/ok`, '{}', {}, { timeoutMs: 2000, refuseInternal: true }));
    expect(byLiteral?.message).toMatch(/^refused: 127\.0\.0\.1 is a loopback/);
    const v6 = await failureOf(postWebhook(`http://[::1]:${port}/ok`, '{}', {}, { timeoutMs: 2000, refuseInternal: true }));
    expect(v6?.message).toMatch(/^refused: \[?::1\]? is a loopback/);
    expect(hits.length).toBe(before);
    // the same name is delivered when internal targets are allowed (development)
    expect(await postWebhook(`http://localhost:${port}/ok`, '{}', {}, { timeoutMs: 2000 })).toBe(204);
  });

  it('reports an unreachable receiver by its error code', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await failureOf(postWebhook(`http://127.0.0.1:${freePort}/`, '{}', {}, { timeoutMs: 2000 }));
    expect(err).toMatchObject({ message: 'ECONNREFUSED', status: null });
  });
});
