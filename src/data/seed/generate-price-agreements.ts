// Customer-specific prices (model.md "Demo data": ~10 % of customer/product pairs of the first
// 1,000 customers). The pairs are drawn from the first 1,000 products: 10 % of every pair at
// 100k products would be 10M rows, far beyond a demo. Prices are list price minus 2–30 %,
// computed in scaled integers.
import { rngFor, STREAMS, type Rng } from './prng';
import { type SeedRow } from './seed-row';
import { productId } from './generate-product';

export const AGREEMENT_CUSTOMERS = 1000;
export const AGREEMENT_PRODUCTS = 1000;
const SHARE_PERCENT = 10;

const minQuantity = (rng: Rng): number => rng.pick([1, 1, 1, 5, 10, 50, 100]) * 1000;

/** Agreements of one customer; `listPriceOf(p)` gives product p's list price in 1/10000 units. */
export function generatePriceAgreements(
  seed: number,
  customerIndex: number,
  customerId: string,
  currency: string,
  products: number,
  listPriceOf: (productIndex: number) => number,
): SeedRow[] {
  const rng = rngFor(seed, STREAMS.agreement, customerIndex);
  const rows: SeedRow[] = [];
  const window = Math.min(products, AGREEMENT_PRODUCTS);
  for (let p = 0; p < window; p++) {
    if (!rng.chance(SHARE_PERCENT)) continue;
    const discounted = listPriceOf(p) * (100 - rng.between(2, 30)); // exact: < 2^53
    rows.push({
      customer_id: customerId,
      product_id: productId(p),
      price: (discounted - (discounted % 100)) / 100, // integer division, rounds down
      currency,
      min_quantity: minQuantity(rng),
      valid_from: rng.chance(50) ? null : rng.pick(['2025-01-01', '2025-07-01']),
      valid_until: rng.chance(60) ? null : rng.pick(['2025-12-31', '2026-12-31']),
      modified_at: `2025-0${rng.between(1, 6)}-${String(rng.between(1, 28)).padStart(2, '0')}T${String(rng.int(24)).padStart(2, '0')}:00:00.000Z`,
      version: 1,
    });
  }
  return rows;
}
