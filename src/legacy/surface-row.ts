// The stored surface row as the gate's SurfaceSetting: no row (or a state the code does not know)
// means the legacy surface is fully open, `read-write`, as it was before dual running.
import type { LegacySurfaceRow } from '../data/legacy/rows';
import type { SurfaceSetting, SurfaceState } from './legacy-settings';
import { SURFACE_STATES } from './legacy-validation';

const isState = (s: string): s is SurfaceState => (SURFACE_STATES as readonly string[]).includes(s);

export function surfaceOfRow(row: LegacySurfaceRow | undefined): SurfaceSetting {
  if (!row) return { state: 'read-write' };
  return {
    state: isState(row.state) ? row.state : 'read-write',
    ...(row.deprecation ? { deprecation: row.deprecation } : {}),
    ...(row.sunset ? { sunset: row.sunset } : {}),
    ...(row.link ? { link: row.link } : {}),
  };
}
