// POST /api/erp/access/validate, read side: may this contact use the shop right now, and if not,
// why. Not allowed when the contact has no shop access, its access expired (AccessValidUntil in
// the past) or its customer is blocked — every reason that applies is listed.
import type { Database } from '../data/db';
import { findContactForAccess, type ContactLookup } from '../data/erp/find-contact-for-access';
import type { ModelRecord } from '../edm/model-values';
import { NotFoundError } from '../errors/catalogue';

export type AccessReason = 'NoShopAccess' | 'AccessExpired' | 'CustomerBlocked';

export interface AccessDecision {
  readonly allowed: boolean;
  readonly reasons: readonly AccessReason[];
  readonly contact: { ID: string; CustomerID: string; FirstName: string | null; LastName: string; Email: string; Role: string; HasShopAccess: boolean; AccessValidUntil: string | null };
  readonly customer: { ID: string; Name: string; IsBlocked: boolean } | null;
  /** when the access ends (AccessValidUntil), null = no end */
  readonly validUntil: string | null;
}

export type AccessValidator = (tenantId: string, by: ContactLookup, now?: Date) => Promise<AccessDecision>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function reasonsFor(contact: ModelRecord, customer: ModelRecord | undefined, now: Date): AccessReason[] {
  const reasons: AccessReason[] = [];
  if (contact.HasShopAccess !== true) reasons.push('NoShopAccess');
  const until = str(contact.AccessValidUntil);
  if (until !== null && Date.parse(until) < now.getTime()) reasons.push('AccessExpired');
  if (!customer || customer.IsBlocked === true) reasons.push('CustomerBlocked');
  return reasons;
}

export function accessValidator(db: Database): AccessValidator {
  return async (tenantId, by, now = new Date()) => {
    const found = await findContactForAccess(db, tenantId, by);
    if (!found) throw new NotFoundError('No such contact.', { target: 'contactId' in by ? 'contactId' : 'email' });
    const { contact: c, customer: k } = found;
    const reasons = reasonsFor(c, k, now);
    return {
      allowed: reasons.length === 0,
      reasons,
      contact: {
        ID: String(c.ID), CustomerID: String(c.CustomerID), FirstName: str(c.FirstName), LastName: String(c.LastName), Email: String(c.Email),
        Role: String(c.Role), HasShopAccess: c.HasShopAccess === true, AccessValidUntil: str(c.AccessValidUntil),
      },
      customer: k ? { ID: String(k.ID), Name: String(k.Name), IsBlocked: k.IsBlocked === true } : null,
      validUntil: str(c.AccessValidUntil),
    };
  };
}
