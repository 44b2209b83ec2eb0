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

// Dual running beside the legacy RESTier service (issue #5): /api/admin/legacy/* and /api/admin/migration.
export { QUERY as LEGACY_ROUTES_QUERY } from '../admin/legacy-routes-list';
export { BODY as LEGACY_ROUTE_BODY } from '../admin/legacy-route-put';
export { BODY as LEGACY_SURFACE_BODY } from '../admin/legacy-surface-put';
export { BODY as LEGACY_CREDENTIAL_BODY } from '../admin/legacy-credential-put';
export { QUERY as MIGRATION_QUERY } from '../admin/migration-report';

const MODE = z.enum(['local', 'upstream', 'shadow']);
const SIDE = z.enum(['local', 'upstream']);

export const LEGACY_ROUTE = z.object({
  tenant: z.string(), entitySet: z.string().meta({ description: 'canonical entity set name' }), mode: MODE,
  primary: SIDE.meta({ description: 'in shadow: whose answer the client gets; otherwise the side that serves' }),
  explicit: z.boolean().meta({ description: 'false: no route set, the default mode (LEGACY_DEFAULT_MODE) applies' }),
  updatedAt: z.string().nullable(),
}).meta({ id: 'LegacyRoute' });
export const LEGACY_ROUTE_LIST = z.object({ value: z.array(LEGACY_ROUTE) });

export const LEGACY_SURFACE = z.object({
  tenant: z.string(), state: z.enum(['read-write', 'read-only', 'off']),
  deprecation: z.string().optional(), sunset: z.string().optional(), link: z.string().optional(), updatedAt: z.string().nullable(),
}).meta({ id: 'LegacySurface' });

const COUNTS = { odata: z.number().int().meta({ description: 'requests on the legacy OData surface' }), erp: z.number().int().meta({ description: 'requests on /api/erp' }) };
const SERIES = z.array(z.object({ bucket: z.string(), ...COUNTS }));
const DIFFERENCE = z.object({
  at: z.string(), requestId: z.string(), request: z.string(), primary: SIDE,
  path: z.string().meta({ description: 'JSON Pointer of the first difference' }), primaryValue: z.string(), secondaryValue: z.string(),
}).meta({ id: 'ShadowDifference' });
const SET_REPORT = z.object({
  entitySet: z.string(), mode: MODE, primary: SIDE, explicit: z.boolean(), ...COUNTS, series: SERIES,
  shadow: z.object({
    compared: z.number().int(), differed: z.number().int(), differenceRate: z.number().nullable(),
    comparedEver: z.number().int(), lastComparedHour: z.string().nullable(), latestDifferences: z.array(DIFFERENCE),
  }),
}).meta({ id: 'MigrationEntitySet' });
export const MIGRATION_REPORT = z.object({
  generatedAt: z.string(), from: z.string(), to: z.string(), granularity: z.enum(['hour', 'day']),
  tenants: z.array(z.object({
    tenant: z.string(),
    surface: LEGACY_SURFACE.omit({ tenant: true }),
    entitySets: z.array(SET_REPORT),
    otherRequests: z.object({ ...COUNTS, series: SERIES }).meta({ description: '$batch, $metadata, access/validate, usage, events: no entity set named' }),
    legacyLast24h: z.object({ requests: z.number().int(), lastAt: z.string().nullable(), byTarget: z.record(z.string(), z.number().int()) }),
    verdict: z.object({ canSwitchOff: z.boolean(), blockers: z.array(z.string()), notes: z.array(z.string()) }).meta({ id: 'MigrationVerdict' }),
  }).meta({ id: 'TenantMigration' })),
}).meta({ id: 'MigrationReport' });
