// Request and response schemas of /api/auth and /api/admin for the OpenAPI document: the request
// schemas are the ones the admin controllers validate with (exported there); responses follow contract.md.
import { z } from 'zod';
import { QUERY as AUDIT_QUERY } from '../admin/audit-list';
import { BODY as KEY_BODY } from '../admin/keys-create';
import { BODY as ROTATE_BODY } from '../admin/service-account-rotate';
import { BODY as ACCOUNT_PATCH } from '../admin/service-account-update';
import { BODY as ACCOUNT_BODY } from '../admin/service-accounts-create';
import { QUERY as ACCOUNTS_QUERY } from '../admin/service-accounts-list';
import { BODY as TENANT_BODY } from '../admin/tenants-create';

export { AUDIT_QUERY, KEY_BODY, ROTATE_BODY, ACCOUNT_PATCH, ACCOUNT_BODY, ACCOUNTS_QUERY, TENANT_BODY };

export const TOKEN_RESPONSE = z.object({ access_token: z.string(), token_type: z.literal('Bearer'), expires_in: z.number().int() }).meta({ id: 'Token' });

export const TENANT = z.object({ id: z.string(), name: z.string().nullable().optional() }).loose().meta({ id: 'Tenant' });
export const TENANT_LIST = z.object({ value: z.array(TENANT) });

export const SERVICE_ACCOUNT = z.object({
  id: z.string(), tenant: z.string(), name: z.string().nullable().optional(), operations: z.array(z.string()),
  rateLimitPerMinute: z.number().int(), active: z.boolean().optional(),
}).loose().meta({ id: 'ServiceAccount', description: 'never a key, secret or hash' });
export const SERVICE_ACCOUNT_LIST = z.object({ value: z.array(SERVICE_ACCOUNT) });
export const CREATED_ACCOUNT = SERVICE_ACCOUNT.extend({ apiKey: z.string().meta({ description: 'shown only here' }) }).meta({ id: 'CreatedServiceAccount' });
export const ROTATED_KEY = z.object({ id: z.string(), apiKey: z.string(), previousKeyExpiresAt: z.string().nullable() }).loose().meta({ id: 'RotatedKey' });
export const REVOKED = z.object({ id: z.string(), revokedAt: z.string(), keysRevoked: z.number().int() }).loose().meta({ id: 'RevokedAccount' });
export const ADMIN_KEY = z.object({ id: z.string(), apiKey: z.string() }).meta({ id: 'AdminKey' });
export const AUDIT_LIST = z.object({ value: z.array(z.object({}).loose().meta({ id: 'AuditRecord' })) });
