// Product `A-{100001 + index}` from its own random stream: name from its category's family,
// an EAN-13 with a valid check digit, and prices generated as integers of the scaled unit
// (Decimal(18,4): 1 = 0.0001) — never as floats.
import { FAMILIES, LEAF_CATEGORIES } from './catalogue';
import { rngFor, STREAMS, type Rng } from './prng';
import { digits, timestamps, type SeedRow } from './seed-row';

export const FIRST_PRODUCT_NUMBER = 100001;
export const productId = (index: number): string => `A-${FIRST_PRODUCT_NUMBER + index}`;

/** EAN-13 with a German, Austrian or Swiss GS1 prefix and a correct check digit. */
function gtin(rng: Rng): string {
  const body = rng.pick(['400', '401', '426', '900', '760']) + digits(rng, 9);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return body + String((10 - (sum % 10)) % 10);
}

/** List price in 1/10000 units: usually whole cents, sometimes sub-cent piece prices. */
function listPrice(rng: Rng, cents: readonly [number, number]): number {
  return rng.chance(15) ? rng.between(100, 99_999) : rng.between(cents[0], cents[1]) * 100;
}

/** Stock in 1/1000 units: whole pieces, or fractional for weights and lengths. */
function stock(rng: Rng, unit: string): number {
  if (rng.chance(5)) return 0;
  return unit === 'KG' || unit === 'M' || unit === 'L' || unit === 'M2' ? rng.int(5_000_000) : rng.between(1, 5000) * 1000;
}

const DESCRIPTIONS = [
  'Qualität "Profi" für Handwerk & Industrie.',
  'Für Innen- & Außenbereich geeignet.',
  'Lieferung ab Lager Nürnberg; Größe & Farbe siehe Datenblatt.',
  'Bewährt im täglichen Einsatz – langlebig, robust, geprüft.',
];

export function generateProduct(seed: number, index: number): SeedRow {
  const rng = rngFor(seed, STREAMS.product, index);
  const leaf = rng.pick(LEAF_CATEGORIES);
  const family = FAMILIES[leaf.family] ?? FAMILIES[0];
  if (!family) throw new Error('catalogue: no product families');
  const name = `${rng.pick(family.nouns)} ${rng.pick(family.sizes)} ${rng.pick(family.finishes)}`;
  const unit = rng.pick(family.units);
  const { modified } = timestamps(rng);
  return {
    id: productId(index),
    name,
    description: rng.chance(30) ? null : `${name}. ${rng.pick(DESCRIPTIONS)}`,
    gtin: rng.chance(20) ? null : gtin(rng),
    unit,
    category_id: rng.chance(2) ? null : leaf.id,
    list_price: listPrice(rng, family.cents),
    currency: 'EUR',
    stock_quantity: stock(rng, unit),
    is_active: rng.chance(95) ? 1 : 0,
    modified_at: modified,
    version: 1,
  };
}
