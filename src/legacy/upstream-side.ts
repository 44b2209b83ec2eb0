// The legacy upstream as the gate uses it (issue #5): every call goes through the circuit breaker,
// is counted by outcome, and its answer is made ours — the upstream's service root rewritten to ours
// in the body and in Location/OData-EntityId. A 401 from upstream means OUR stored credential for the
// tenant is wrong, which the client cannot fix: it becomes a 502 naming the operator's remedy.
import { BadGatewayError, GatewayTimeoutError } from '../errors/catalogue';
import type { Metrics } from '../observability/metrics';
import { callUpstream, type UpstreamAnswer, type UpstreamCall } from './forward-upstream';
import { upstreamUrlRewriter } from './rewrite-upstream-urls';
import type { UpstreamBreaker } from './upstream-breaker';

export interface UpstreamSide {
  /** the legacy service root, without a trailing slash */
  readonly root: string;
  /** calls upstream; the answer has our service root `ourRoot` wherever the upstream's was */
  call(c: UpstreamCall, ourRoot: string): Promise<UpstreamAnswer>;
  /** ms the breaker still holds the circuit open (0 = calls go out) */
  pausedFor(nowMs: number): number;
}

const TEXTUAL = /json|text|xml|multipart/i;
const URL_HEADERS = ['location', 'odata-entityid'];

function rewritten(a: UpstreamAnswer, upstreamRoot: string, ourRoot: string): UpstreamAnswer {
  const rewrite = upstreamUrlRewriter(upstreamRoot, ourRoot);
  const headers = { ...a.headers };
  for (const name of URL_HEADERS) if (headers[name] !== undefined) headers[name] = rewrite(headers[name]);
  const textual = TEXTUAL.test(a.headers['content-type'] ?? '');
  return { status: a.status, headers, body: textual ? Buffer.from(rewrite(a.body.toString('utf8')), 'utf8') : a.body };
}

export function upstreamSide(root: string, timeoutMs: number, breaker: UpstreamBreaker, metrics: Metrics): UpstreamSide {
  async function counted(c: UpstreamCall): Promise<UpstreamAnswer> {
    try {
      const a = await callUpstream(c, timeoutMs);
      metrics.legacyUpstreamRequests.inc({ outcome: a.status >= 500 ? 'error' : 'ok' });
      return a;
    } catch (err) {
      metrics.legacyUpstreamRequests.inc({ outcome: err instanceof GatewayTimeoutError ? 'timeout' : 'network' });
      throw err;
    }
  }
  return {
    root,
    pausedFor: (nowMs) => breaker.pausedFor(nowMs),
    async call(c, ourRoot) {
      const a = await breaker.execute(() => counted(c));
      if (a.status === 401 || a.status === 407) {
        throw new BadGatewayError("The legacy OData service refused the gateway's credential for this tenant; the operator must set it (b2x-gateway legacy credential set).");
      }
      return rewritten(a, root, ourRoot);
    },
  };
}
