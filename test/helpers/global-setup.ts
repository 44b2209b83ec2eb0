// Runs once before all test files: probes PostgreSQL so every file agrees on the dialect list.
import { isPgReachable, PG_URL, REQUIRE_PG } from './databases';

export default async function setup(): Promise<void> {
  const ok = await isPgReachable();
  if (!ok && REQUIRE_PG) throw new Error(`REQUIRE_PG=1 but PostgreSQL is not reachable at ${PG_URL}`);
  if (!ok) console.warn(`PostgreSQL not reachable at ${PG_URL}: PG variants of the integration tests are skipped`);
  process.env.TEST_PG_AVAILABLE = ok ? '1' : '0';
}
