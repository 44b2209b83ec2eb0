// POST $batch beside the legacy service (see batch-side.ts for the rule): local when every set is
// primary here; forwarded whole when every set is primary upstream — after each operation is
// authorized and charged one rate-limit unit, as local $batch does; 409 when the sets are split.
// A read-only surface refuses a batch with any write in it.
import { consume } from '../http/rate-limit';
import { requestId, setAuditInfo } from '../http/request-context';
import { parseBatch } from '../../legacy-compat/batch/handle-batch';
import { authorizeBatch, batchOperations } from './batch-grants';
import { batchSide } from './batch-side';
import { requireUpstream, type GateParts, type GateRequest } from './gate-parts';
import { readOnlyRefusal } from './lifecycle-headers';
import { readRawBody } from '../../legacy-compat/read-json-body';
import { upstreamUrlRewriter } from './rewrite-upstream-urls';
import { sendUpstreamAnswer } from './send-upstream-answer';
import { upstreamRequest } from './upstream-request';

/** true when the gate answered; false leaves the batch (or the 405 for other methods) to local dispatch. */
export async function routeBatch(parts: GateParts, g: GateRequest): Promise<boolean> {
  const { req, res, settings } = g;
  const side = batchSide(settings.routes);
  const readOnly = settings.surface.state === 'read-only';
  if (req.method !== 'POST' || (side === 'local' && !readOnly)) return false;
  const upstream = side === 'upstream' ? requireUpstream(parts, 'Every entity set') : undefined;
  const raw = await readRawBody(req, res);
  const batch = parseBatch(req.get('content-type'), raw.toString('utf8'));
  if (readOnly && batchOperations(batch).some((op) => op.method !== 'GET')) throw readOnlyRefusal();
  if (!upstream) return false;
  setAuditInfo(res, { operation: 'odata.batch', target: '$batch' });
  authorizeBatch(g.principal, batch, { serviceRoot: g.target.serviceRoot, limits: parts.limits, tables: parts.tables });
  const ops = batchOperations(batch).length;
  if (ops > 1) await consume(res, ops - 1);
  // absolute part URLs name OUR service root; the upstream resolves them against its own
  const body = Buffer.from(upstreamUrlRewriter(g.target.serviceRoot, upstream.root)(raw.toString('utf8')), 'utf8');
  const call = upstreamRequest(req, 'POST', { upstreamRoot: upstream.root, target: g.target, credential: settings.credential, requestId: requestId(res), body });
  sendUpstreamAnswer(res, await upstream.call(call, g.target.serviceRoot), false);
  return true;
}
