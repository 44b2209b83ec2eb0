// One HTTP POST to a receiver, bounded by a timeout (AbortController). Only a 2xx counts as
// delivered; redirects are not followed (a 3xx is a failure), so a receiver cannot bounce the
// gateway elsewhere. The response body is discarded to free the connection.

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
}

function failureOf(err: unknown, timedOut: boolean): DeliveryFailure {
  if (timedOut) return new DeliveryFailure('timed out', null);
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return new DeliveryFailure(cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : 'request failed'), null);
}

/** Resolves with the 2xx status; throws DeliveryFailure otherwise. */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, o: PostOptions): Promise<number> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), controller.abort()), o.timeoutMs);
  const onAbort = () => controller.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: controller.signal });
    await res.body?.cancel().catch(() => undefined);
    if (res.status < 200 || res.status > 299) throw new DeliveryFailure(`HTTP ${res.status}`, res.status);
    return res.status;
  } catch (err) {
    throw err instanceof DeliveryFailure ? err : failureOf(err, timedOut);
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
  }
}
