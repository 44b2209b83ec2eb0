// One HTTP POST to a receiver, bounded by a timeout (AbortController). Only a 2xx counts as
// delivered; redirects are not followed (a 3xx is a failure), so a receiver cannot bounce the
// gateway elsewhere. The response body is discarded to free the connection. node:http rather than
// fetch because only it lets us choose the DNS lookup the socket connects with (guarded-lookup.ts).
import http from 'node:http';
import https from 'node:https';
import { guardedLookup } from './guarded-lookup';
import { isInternalAddress } from './webhook-url';

export class DeliveryFailure extends Error {
  constructor(message: string, readonly status: number | null) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}

export interface PostOptions {
  readonly timeoutMs: number;
  /** aborts the request early (shutdown) */
  readonly signal?: AbortSignal;
  /** production: refuse receivers that are, or resolve to, loopback/private/link-local addresses */
  readonly refuseInternal?: boolean;
}

function failureOf(err: unknown, timedOut: boolean): DeliveryFailure {
  if (timedOut) return new DeliveryFailure('timed out', null);
  const e = err as { code?: string; message?: string };
  if (e.code === 'EINTERNALTARGET') return new DeliveryFailure(`refused: ${e.message ?? 'internal address'}`, null);
  return new DeliveryFailure(e.code ?? e.message ?? 'request failed', null);
}

function send(url: URL, body: string, headers: Record<string, string>, signal: AbortSignal, refuseInternal: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    const options: https.RequestOptions = {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      signal,
      ...(refuseInternal ? { lookup: guardedLookup } : {}),
    };
    const req = transport.request(url, options, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Resolves with the 2xx status; throws DeliveryFailure otherwise. */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, o: PostOptions): Promise<number> {
  const target = new URL(url);
  // an address literal is never looked up, so check it here
  if (o.refuseInternal === true && isInternalAddress(target.hostname)) throw new DeliveryFailure(`refused: ${target.hostname} is a loopback, private or link-local address`, null);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), controller.abort()), o.timeoutMs);
  const onAbort = () => controller.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const status = await send(target, body, headers, controller.signal, o.refuseInternal === true);
    if (status < 200 || status > 299) throw new DeliveryFailure(`HTTP ${status}`, status);
    return status;
  } catch (err) {
    throw err instanceof DeliveryFailure ? err : failureOf(err, timedOut);
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
  }
}
