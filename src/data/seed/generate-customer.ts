// Customer `10001 + index` and its contacts, from the customer's own random stream (model.md
// "Demo data"). Contact e-mails embed the customer number, so they are unique per tenant even
// case-insensitively; some are capitalised to exercise case-insensitive matching.
import { rngFor, STREAMS, type Rng } from './prng';
import { digits, timestamps, type SeedRow } from './seed-row';
import {
  asciiSlug, WEIGHTED_CITIES, FIRST_NAMES, LAST_NAMES, LEGAL_FORMS, MAILBOXES, NAME2, PRICE_GROUPS, STREETS_CH, STREETS_DE_AT, TRADES, type City,
} from './vocabulary';

export const FIRST_CUSTOMER_NUMBER = 10001;

export interface GeneratedCustomer {
  readonly customer: SeedRow;
  readonly contacts: SeedRow[];
  readonly currency: string;
}

function companyName(rng: Rng, city: City): string {
  const last = rng.pick(LAST_NAMES);
  const form = rng.pick(LEGAL_FORMS[city.country]);
  switch (rng.int(5)) {
    case 0: return `${last} ${form}`;
    case 1: return `${last} & ${rng.pick(LAST_NAMES)} ${form}`;
    case 2: return `${rng.pick(TRADES)} ${last} ${form}`;
    case 3: return `${last} & Söhne ${form}`;
    default: return `"${rng.pick(['Zum Löwen', 'Alte Schmiede', 'Nordlicht', 'Am Hafen'])}" ${rng.pick(TRADES)} ${form}`;
  }
}

function vatId(rng: Rng, country: City['country']): string {
  if (country === 'DE') return `DE${digits(rng, 9)}`;
  if (country === 'AT') return `ATU${digits(rng, 8)}`;
  return `CHE-${digits(rng, 3)}.${digits(rng, 3)}.${digits(rng, 3)} MWST`;
}

function address(rng: Rng, city: City): SeedRow {
  if (rng.chance(2)) return { address_street: null, address_postal_code: null, address_city: null, address_country_code: null };
  const streets = city.country === 'CH' ? STREETS_CH : STREETS_DE_AT;
  const zip = String(rng.between(city.zip[0], city.zip[1])).padStart(city.country === 'DE' ? 5 : 4, '0');
  const suffix = rng.chance(10) ? rng.pick(['a', 'b', 'c']) : '';
  return {
    address_street: `${rng.pick(streets)} ${rng.between(1, 180)}${suffix}`,
    address_postal_code: zip,
    address_city: city.name,
    address_country_code: city.country,
  };
}

/** Credit limit in cents (Decimal(18,2) scaled by 10^2): mostly round sums, sometimes odd. */
const creditLimit = (rng: Rng): number => (rng.chance(10) ? rng.int(10_000_000) : rng.between(0, 200) * 50_000);

function contact(rng: Rng, customerId: string, n: number, domain: string, city: City, used: Set<string>): SeedRow {
  const first = rng.chance(5) ? null : rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  let local = asciiSlug(first === null ? last : `${first} ${last}`, '.');
  if (used.has(local)) local = `${local}${n}`;
  used.add(local);
  const email = `${rng.chance(10) ? local.replace(/(^|\.)([a-z])/g, (_, dot: string, c: string) => dot + c.toUpperCase()) : local}@${domain}`;
  const { modified } = timestamps(rng);
  const role = rng.chance(10) ? 2 : rng.chance(20) ? 1 : 0;
  const hasAccess = rng.chance(70);
  const validUntil = hasAccess && rng.chance(25) ? rng.pick(['2025-03-31T23:59:59.999Z', '2026-12-31T23:59:59.999Z', '2027-06-30T00:00:00.000Z']) : null;
  return {
    id: `${customerId}-${n}`, customer_id: customerId, first_name: first, last_name: last, email,
    phone: rng.chance(40) ? null : `${city.phone} ${digits(rng, 6)}-${rng.between(10, 99)}`,
    role, has_shop_access: hasAccess ? 1 : 0, access_valid_until: validUntil, modified_at: modified, version: 1,
  };
}

/** Customer number FIRST_CUSTOMER_NUMBER + index with 1–4 contacts (or exactly `contactCount`). */
export function generateCustomer(seed: number, index: number, contactCount?: number): GeneratedCustomer {
  const rng = rngFor(seed, STREAMS.customer, index);
  const id = String(FIRST_CUSTOMER_NUMBER + index);
  const city = rng.pick(WEIGHTED_CITIES);
  const name = companyName(rng, city);
  const domain = `${asciiSlug(name, '-').slice(0, 40)}-${id}.example`;
  const currency = city.country === 'CH' ? 'CHF' : 'EUR';
  const { created, modified } = timestamps(rng);
  const customer: SeedRow = {
    id, name, name2: rng.chance(35) ? rng.pick(NAME2) : null, ...address(rng, city),
    email: rng.chance(20) ? null : `${rng.pick(MAILBOXES)}@${domain}`,
    phone: rng.chance(10) ? null : `${city.phone} ${digits(rng, 7)}`,
    vat_id: rng.chance(25) ? null : vatId(rng, city.country),
    price_group: rng.chance(40) ? null : rng.pick(PRICE_GROUPS),
    currency, credit_limit: creditLimit(rng), is_blocked: rng.chance(3) ? 1 : 0,
    created_at: created, modified_at: modified, version: 1,
  };
  const count = contactCount ?? rng.between(1, 4);
  const used = new Set<string>();
  const contacts = Array.from({ length: count }, (_, k) => contact(rng, id, k + 1, domain, city, used));
  return { customer, contacts, currency };
}
