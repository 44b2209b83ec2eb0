// POST /api/erp/customers/sync {"customers":[…≤1000],"replaceContacts"?} → 200
// {created,updated,unchanged,failed,errors[]}: bulk upsert in one transaction, per-item errors.
// Idempotency-Key: same key + same body replays the first response (Idempotency-Replayed: true).
import type { Request, Response } from 'express';
import { requestId, setAuditInfo } from '../../src/http/request-context';
import { requestHash } from '../../src/commands/idempotency/request-hash';
import type { SyncReport } from '../../src/commands/sync/sync-types';
import { IDEMPOTENCY_KEY, SYNC_BODY } from '../schemas/erp';
import { validate } from '../validate';
import { erpPrincipal, scopeOf } from './erp-principal';
import type { ErpServices } from './erp-services';

export const SYNC_ROUTE = 'POST /api/erp/customers/sync';

/** contacts.write is needed when contacts are sent, or may be deleted (replaceContacts). */
const touchesContacts = (body: { customers: ReadonlyArray<Record<string, unknown>>; replaceContacts?: boolean | undefined }) =>
  body.replaceContacts === true || body.customers.some((c) => c.Contacts !== undefined);

export function customersSync(erp: ErpServices) {
  return async (req: Request, res: Response): Promise<void> => {
    const first = erpPrincipal(res, ['customers.write']);
    const body = validate(SYNC_BODY, req.body, 'sync request');
    const principal = touchesContacts(body) ? erpPrincipal(res, ['customers.write', 'contacts.write']) : first;
    const header = req.get('Idempotency-Key');
    const key = header === undefined ? undefined : validate(IDEMPOTENCY_KEY, header, 'Idempotency-Key header');
    const out = await erp.syncCustomers(scopeOf(principal), body, {
      requestId: requestId(res),
      ...(key !== undefined ? { idempotency: { key, route: SYNC_ROUTE, requestHash: requestHash(SYNC_ROUTE, body) } } : {}),
    });
    const report = out.body as SyncReport;
    setAuditInfo(res, { operation: 'customers.write', target: '/api/erp/customers/sync', rowsWritten: out.replayed ? 0 : report.created + report.updated });
    if (out.replayed) res.setHeader('Idempotency-Replayed', 'true');
    res.status(out.status).json(out.body);
  };
}
