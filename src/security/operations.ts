// The ERP operations an account can be granted (contract.md "Authorization"), in ONE list:
// account creation validates against it and defaults to all of it; authorize checks against it.

export const ERP_OPERATIONS = [
  'customers.read',
  'customers.write',
  'contacts.read',
  'contacts.write',
  'products.read',
  'products.write',
  'categories.read',
  'categories.write',
  'prices.read',
  'prices.write',
  'access.validate',
  'usage.read',
  'events.read',
] as const;

export type ErpOperation = (typeof ERP_OPERATIONS)[number];

const KNOWN: ReadonlySet<string> = new Set(ERP_OPERATIONS);

export const isErpOperation = (s: string): s is ErpOperation => KNOWN.has(s);

/** Default rate limit per account (contract.md "Rate limiting"). */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
