// Options and result of seedTenant, validated up front so a bad number fails before the
// transaction starts (BadRequestError naming the option).
import { BadRequestError } from '../../errors/catalogue';

export interface SeedProgress {
  readonly phase: 'categories' | 'products' | 'customers';
  readonly done: number;
  readonly total: number;
}

export interface SeedOptions {
  readonly customers: number;
  readonly products: number;
  /** 0 … 2^32-1; the same seed always yields the same rows */
  readonly seed: number;
  /** exactly this many contacts per customer (default: 1–4 each) */
  readonly contactsPerCustomer?: number;
  /** delete the tenant's existing entity rows first (default: ConflictError if it has any) */
  readonly replace?: boolean;
  readonly onProgress?: (progress: SeedProgress) => void;
}

export interface SeedCounts {
  readonly categories: number;
  readonly customers: number;
  readonly contacts: number;
  readonly products: number;
  readonly priceAgreements: number;
}

export interface SeedResult {
  readonly tenant: string;
  readonly seed: number;
  readonly replaced: boolean;
  readonly counts: SeedCounts;
  readonly durationMs: number;
}

export const SEED_LIMITS = { customers: 1_000_000, products: 10_000_000, seed: 0xffffffff, contactsPerCustomer: 20 } as const;

function assertInt(name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadRequestError(`${name} must be an integer ${min}-${max} (got ${String(value)})`, { target: name });
  }
}

export function validateSeedOptions(opts: SeedOptions): void {
  assertInt('customers', opts.customers, 0, SEED_LIMITS.customers);
  assertInt('products', opts.products, 0, SEED_LIMITS.products);
  assertInt('seed', opts.seed, 0, SEED_LIMITS.seed);
  assertInt('contactsPerCustomer', opts.contactsPerCustomer, 0, SEED_LIMITS.contactsPerCustomer);
}
