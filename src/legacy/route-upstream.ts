// An entity-set request the legacy upstream answers (mode `upstream`, or a write in `shadow` whose
// primary is upstream): authorized and audited here first, then forwarded with the tenant's
// credential, and the (rewritten) answer relayed.
import { setAuditInfo, requestId } from '../http/request-context';
import { readOperation, writeOperation } from '../../legacy-compat/operations';
import { authorizeForward } from './forward-grants';
import type { UpstreamAnswer } from './forward-upstream';
import { auditTarget, requireUpstream, type GateParts, type GateRequest } from './gate-parts';
import { readRawBody } from '../../legacy-compat/read-json-body';
import { sendUpstreamAnswer } from './send-upstream-answer';
import { upstreamRequest } from './upstream-request';

const READS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** Forwards `g` and answers the client; returns the upstream's answer (for a shadow comparison). */
export async function routeUpstream(parts: GateParts, g: GateRequest, entitySet: string): Promise<UpstreamAnswer> {
  const upstream = requireUpstream(parts, `Entity set ${entitySet}`);
  const { req, res, target } = g;
  const read = READS.has(req.method);
  setAuditInfo(res, { operation: read ? readOperation(entitySet) : writeOperation(entitySet), target: auditTarget(target.path) });
  const body = read || req.method === 'DELETE' ? undefined : await readRawBody(req, res);
  authorizeForward(g.principal, req.method, g.uri, body, parts.tables);
  const call = upstreamRequest(req, req.method, { upstreamRoot: upstream.root, target, credential: g.settings.credential, requestId: requestId(res), ...(body ? { body } : {}) });
  const answer = await upstream.call(call, target.serviceRoot);
  sendUpstreamAnswer(res, answer, req.method === 'HEAD');
  return answer;
}
