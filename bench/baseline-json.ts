// Hand-written OData JSON (metadata=minimal) for the baseline servers: string templates over SQL
// rows, so the baselines pay only for what any honest implementation must (escaping, exact decimals).

const str = (v: string): string => JSON.stringify(v);
const strOrNull = (v: string | null): string => (v === null ? 'null' : JSON.stringify(v));
const bool = (v: number): string => (v ? 'true' : 'false');

/** Scaled integer (as exact SQL text, e.g. "100050") → exact JSON number text ("1000.50" for scale 2). */
export function scaledDecimal(text: string, scale: number): string {
  const negative = text.startsWith('-');
  const digits = (negative ? text.slice(1) : text).padStart(scale + 1, '0');
  const cut = digits.length - scale;
  return `${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

const etag = (version: number): string => `"@odata.etag":"W/\\"${version}\\""`;

export interface CustomerRow {
  id: string; name: string; name2: string | null;
  address_street: string | null; address_postal_code: string | null; address_city: string | null; address_country_code: string | null;
  email: string | null; phone: string | null; vat_id: string | null; price_group: string | null;
  currency: string; credit_limit: string; is_blocked: number; created_at: string; modified_at: string; version: number;
}

export interface ContactRow {
  id: string; customer_id: string; first_name: string | null; last_name: string; email: string; phone: string | null;
  role: number; has_shop_access: number; access_valid_until: string | null; modified_at: string; version: number;
}

export interface ProductRow {
  id: string; name: string; description: string | null; gtin: string | null; unit: string; category_id: number | null;
  list_price: string; currency: string; stock_quantity: string; is_active: number; modified_at: string; version: number;
}

export type ProductPickRow = Pick<ProductRow, 'id' | 'name' | 'list_price' | 'version'>;

/** Customer properties in model order; `tail` is appended inside the object (e.g. expanded Contacts). */
export function customerJson(r: CustomerRow, tail = ''): string {
  return `{${etag(r.version)},"ID":${str(r.id)},"Name":${str(r.name)},"Name2":${strOrNull(r.name2)},` +
    `"Address":{"Street":${strOrNull(r.address_street)},"PostalCode":${strOrNull(r.address_postal_code)},` +
    `"City":${strOrNull(r.address_city)},"CountryCode":${strOrNull(r.address_country_code)}},` +
    `"Email":${strOrNull(r.email)},"Phone":${strOrNull(r.phone)},"VatId":${strOrNull(r.vat_id)},` +
    `"PriceGroup":${strOrNull(r.price_group)},"Currency":${str(r.currency)},"CreditLimit":${scaledDecimal(r.credit_limit, 2)},` +
    `"IsBlocked":${bool(r.is_blocked)},"CreatedAt":${str(r.created_at)},"ModifiedAt":${str(r.modified_at)},"Version":${r.version}${tail}}`;
}

const ROLES = ['Buyer', 'Approver', 'Administrator'] as const;

export function contactJson(r: ContactRow): string {
  const role = ROLES[r.role];
  if (role === undefined) throw new Error(`contact ${r.id}: unknown role ${r.role}`);
  return `{${etag(r.version)},"ID":${str(r.id)},"CustomerID":${str(r.customer_id)},"FirstName":${strOrNull(r.first_name)},` +
    `"LastName":${str(r.last_name)},"Email":${str(r.email)},"Phone":${strOrNull(r.phone)},"Role":"${role}",` +
    `"HasShopAccess":${bool(r.has_shop_access)},"AccessValidUntil":${strOrNull(r.access_valid_until)},` +
    `"ModifiedAt":${str(r.modified_at)},"Version":${r.version}}`;
}

export function productJson(r: ProductRow): string {
  return `{${etag(r.version)},"ID":${str(r.id)},"Name":${str(r.name)},"Description":${strOrNull(r.description)},` +
    `"Gtin":${strOrNull(r.gtin)},"Unit":${str(r.unit)},"CategoryID":${r.category_id === null ? 'null' : r.category_id},` +
    `"ListPrice":${scaledDecimal(r.list_price, 4)},"Currency":${str(r.currency)},` +
    `"StockQuantity":${scaledDecimal(r.stock_quantity, 3)},"IsActive":${bool(r.is_active)},` +
    `"ModifiedAt":${str(r.modified_at)},"Version":${r.version}}`;
}

/** $select=ID,Name,ListPrice: the etag stays (it identifies the entity version, not a selected property). */
export const productPickJson = (r: ProductPickRow): string =>
  `{${etag(r.version)},"ID":${str(r.id)},"Name":${str(r.name)},"ListPrice":${scaledDecimal(r.list_price, 4)}}`;

/** `{"@odata.context":…,[count,]"value":[…]}` */
export function collectionJson(context: string, items: readonly string[], count?: number): string {
  const countPart = count === undefined ? '' : `"@odata.count":${count},`;
  return `{"@odata.context":${str(context)},${countPart}"value":[${items.join(',')}]}`;
}

/** A single entity: the context annotation goes first inside the entity object. */
export const entityJson = (context: string, entity: string): string =>
  `{"@odata.context":${str(context)},${entity.slice(1)}`;
