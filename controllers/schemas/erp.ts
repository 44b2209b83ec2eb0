// Request and response schemas of /api/erp, in one place: the controllers validate with them and
// the OpenAPI document (controllers/openapi/) is generated from them.
import { z } from 'zod';
import { CONTACT, CUSTOMER, PRODUCT, PRODUCT_STATE } from './erp-entities';

export const MAX_SYNC_ITEMS = 1000;

/** Each item is an object; its properties are checked against the model per item (errors in the report). */
const SYNC_ITEM = z.looseObject({});

export const SYNC_BODY = z.strictObject({
  customers: z.array(SYNC_ITEM).min(1).max(MAX_SYNC_ITEMS),
  replaceContacts: z.boolean().optional().meta({ description: "true: delete stored contacts of a synced customer that the item leaves out (default false: leave them)" }),
});

/** SYNC_BODY as documented: the items' model properties (validated per item, failures reported, not fatal). */
export const SYNC_BODY_DOC = SYNC_BODY.extend({
  customers: z.array(CUSTOMER.extend({ Contacts: z.array(CONTACT).optional() }).meta({ id: 'SyncCustomer' })).min(1).max(MAX_SYNC_ITEMS),
});

const ERROR_DETAIL = z.object({ code: z.string(), message: z.string(), target: z.string().optional() });

export const SYNC_REPORT = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  errors: z.array(z.object({
    index: z.number().int(), id: z.string().nullable(), code: z.string(), message: z.string(), details: z.array(ERROR_DETAIL),
  })),
}).meta({ id: 'SyncReport' });

export const IDEMPOTENCY_KEY = z.string().regex(/^[\x21-\x7e]{1,255}$/, 'must be 1-255 visible ASCII characters');

export const PRODUCT_ID = z.string().min(1).max(40);
/** any JSON object; its properties are checked against the model (400 unknown names, 422 bad values) */
export const PRODUCT_BODY = z.record(z.string(), z.unknown());
export const PRODUCT_BODY_DOC = PRODUCT;
export { PRODUCT_STATE };

export const ACCESS_BODY = z.union([
  z.strictObject({ contactId: z.string().min(1).max(20) }),
  z.strictObject({ email: z.string().min(1).max(254) }),
]).meta({ description: 'exactly one of contactId or email (e-mail compared ignoring case)' });

export const ACCESS_DECISION = z.object({
  allowed: z.boolean(),
  reasons: z.array(z.enum(['NoShopAccess', 'AccessExpired', 'CustomerBlocked'])),
  contact: z.object({
    ID: z.string(), CustomerID: z.string(), FirstName: z.string().nullable(), LastName: z.string(), Email: z.string(),
    Role: z.string(), HasShopAccess: z.boolean(), AccessValidUntil: z.string().nullable(),
  }),
  customer: z.object({ ID: z.string(), Name: z.string(), IsBlocked: z.boolean() }).nullable(),
  validUntil: z.string().nullable(),
}).meta({ id: 'AccessDecision' });

const INSTANT = z.iso.datetime({ offset: true });
export const USAGE_QUERY = z.strictObject({
  from: INSTANT,
  to: INSTANT,
  granularity: z.enum(['hour', 'day']).default('hour'),
});

export const USAGE_STATS = z.object({
  from: z.string(), to: z.string(), granularity: z.enum(['hour', 'day']),
  value: z.array(z.object({
    bucket: z.string(), accountId: z.string(), operation: z.string(), requests: z.number().int(), errors: z.number().int(),
    rowsRead: z.number().int(), rowsWritten: z.number().int(), p50Ms: z.number(), p95Ms: z.number(),
  })),
}).meta({ id: 'UsageStats' });

export const EVENTS_QUERY = z.strictObject({
  after: z.string().max(40).optional().meta({ description: 'opaque cursor (nextCursor of an earlier page); absent = from the first event' }),
  limit: z.string().regex(/^\d{1,4}$/, 'must be an integer').transform(Number).pipe(z.number().int().min(1).max(1000)).optional(),
});

export const EVENT_PAGE = z.object({
  value: z.array(z.object({
    id: z.string(), type: z.string(), occurredAt: z.string(), entitySet: z.string().nullable(), key: z.string().nullable(),
    version: z.string().nullable(), data: z.unknown(),
  })),
  nextCursor: z.string().nullable(),
}).meta({ id: 'EventPage' });
