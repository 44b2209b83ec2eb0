// A read in `shadow` mode (issue #5): the primary answers the client, the secondary's answer to the
// same read is compared in the background. Primary local: local dispatch runs as always and its
// answer is captured. Primary upstream: the forwarded answer is relayed, then the same read runs
// in-process (legacy-compat/background-read.ts). Never delays the client; skipped when at capacity.
import { requestId } from '../http/request-context';
import { captureResponse } from './capture-response';
import type { UpstreamAnswer } from './forward-upstream';
import { requireUpstream, type GateParts, type GateRequest } from './gate-parts';
import type { Side } from './legacy-settings';
import { routeUpstream } from './route-upstream';
import type { ComparedAnswer, ShadowRequest } from './shadow-compare';
import { upstreamRequest } from './upstream-request';
import { textString } from '../odata/format/text-chunks';
import { authorizeForward } from './forward-grants';

const compared = (a: UpstreamAnswer): ComparedAnswer => ({ status: a.status, contentType: a.headers['content-type'], body: a.body.toString('utf8') });

function shadowRequest(g: GateRequest, entitySet: string, primary: Side): ShadowRequest {
  const { target } = g;
  const request = `${g.req.method} ${target.path}${target.rawQuery === '' ? '' : `?${target.rawQuery}`}`;
  return { tenantId: g.principal.tenantId, entitySet, requestId: requestId(g.res), request, primary };
}

/** Primary local: returns false (local dispatch answers); the comparison starts once it has. */
export function shadowLocalPrimary(parts: GateParts, g: GateRequest, entitySet: string): false {
  const upstream = requireUpstream(parts, `Entity set ${entitySet}`);
  // the upstream must not learn of reads the client may not make
  authorizeForward(g.principal, g.req.method, g.uri);
  if (!parts.shadow.reserve(upstream.pausedFor(Date.now()) > 0)) return false;
  const info = shadowRequest(g, entitySet, 'local');
  const call = upstreamRequest(g.req, 'GET', { upstreamRoot: upstream.root, target: g.target, credential: g.settings.credential, requestId: info.requestId });
  captureResponse(g.res, (captured) => {
    if (!captured) return parts.shadow.release();
    parts.shadow.run(info, captured, async () => compared(await upstream.call(call, g.target.serviceRoot)));
  });
  return false;
}

/** Primary upstream: forwards and answers, then compares with the local read in the background. */
export async function shadowUpstreamPrimary(parts: GateParts, g: GateRequest, entitySet: string): Promise<true> {
  const answer = await routeUpstream(parts, g, entitySet);
  const readLocally = parts.readLocally;
  if (!parts.shadow.reserve(readLocally === undefined) || readLocally === undefined) return true;
  const { req } = g;
  const background = { principal: g.principal, target: g.target, uri: g.uri, requestId: requestId(g.res), header: (name: string) => req.get(name) };
  parts.shadow.run(shadowRequest(g, entitySet, 'upstream'), compared(answer), async () => {
    const local = await readLocally(background);
    return { status: local.status, contentType: local.headers['Content-Type'], body: textString(local.body ?? '') };
  });
  return true;
}
