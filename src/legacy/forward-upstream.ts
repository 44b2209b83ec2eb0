// One HTTP call to the legacy upstream (issue #5), fail fast: an AbortSignal timeout covers the
// headers and the body, redirects are never followed (a 3xx is answered as it is), the answer is
// read up to a cap. Network failures become 502, timeouts 504 — both count as breaker failures.
import { BadGatewayError, GatewayTimeoutError } from '../errors/catalogue';

export interface UpstreamCall {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

export interface UpstreamAnswer {
  readonly status: number;
  /** allow-listed response headers, lower-case names */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** far above any answer of a page of 1000 entities; beyond it the upstream is misbehaving */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

// what the client may see of the upstream's answer: no cookies, no server banners, no caching
// directives — our own X-Request-Id, Cache-Control and security headers stay
const RESPONSE_HEADERS = ['content-type', 'etag', 'location', 'odata-entityid', 'odata-version', 'preference-applied', 'retry-after', 'content-language', 'allow'];

async function readCapped(res: Response): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    if (size > MAX_ANSWER_BYTES) throw new BadGatewayError(`The legacy OData service answered with more than ${MAX_ANSWER_BYTES} bytes.`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

function failure(err: unknown, timeoutMs: number): Error {
  if (err instanceof BadGatewayError) return err;
  const name = (err as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return new GatewayTimeoutError(`The legacy OData service did not answer within ${timeoutMs} ms.`);
  return new BadGatewayError('The legacy OData service could not be reached.');
}

export async function callUpstream(call: UpstreamCall, timeoutMs: number): Promise<UpstreamAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(call.url, { method: call.method, headers: call.headers, redirect: 'manual', signal, ...(call.body && call.body.length > 0 ? { body: call.body } : {}) });
    const body = await readCapped(res);
    const headers: Record<string, string> = {};
    for (const name of RESPONSE_HEADERS) {
      const v = res.headers.get(name);
      if (v !== null) headers[name] = v;
    }
    return { status: res.status, headers, body };
  } catch (err) {
    throw failure(err, timeoutMs);
  }
}
