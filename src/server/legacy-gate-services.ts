// Composes the /odata LegacyGate (issue #5) with its in-process local reader, so `serve` and the
// test gateways build the same gate from the same few settings.
import type { LegacyGate } from '../../legacy-compat/legacy-gate';
import { localReader } from '../../legacy-compat/background-read';
import type { Database } from '../data/db';
import { createLegacyGate, type LegacyGateDeps } from '../legacy/create-legacy-gate';
import { DEFAULT_LIMITS } from '../odata/uri/limits';

export type LegacyGateServices = Omit<LegacyGateDeps, 'readLocally'> & { readonly db: Database };

export function legacyGateServices(o: LegacyGateServices): LegacyGate {
  const limits = o.limits ?? DEFAULT_LIMITS;
  return createLegacyGate({ ...o, limits, readLocally: localReader({ db: o.db, limits, ...(o.naming ? { naming: o.naming } : {}) }) });
}
