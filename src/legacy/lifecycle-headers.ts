// The tenant's legacy /odata surface lifecycle (issue #5): Deprecation (RFC 9745), Sunset (RFC 8594)
// and Link headers on every /odata answer, and the refusals of `read-only` and `off`. Header values
// are formatted once per settings object (the store hands out the same object until it changes),
// so a tenant without a deprecation costs nothing and one with it costs no formatting per request.
import type { Response } from 'express';
import { ForbiddenError } from '../errors/catalogue';
import type { SurfaceSetting } from './legacy-settings';

const WAY_FORWARD = 'Use the ERP gateway API under /api/erp instead.';
const formatted = new WeakMap<SurfaceSetting, ReadonlyArray<readonly [string, string]>>();

/** RFC 9745 §2.1: Deprecation is a Structured Field Date, `@<epoch seconds>`. */
export const deprecationValue = (iso: string): string => `@${Math.floor(Date.parse(iso) / 1000)}`;
/** RFC 8594 §3: Sunset is an HTTP-date (IMF-fixdate). */
export const sunsetValue = (iso: string): string => new Date(iso).toUTCString();

/** The lifecycle headers for a surface, in the order they are sent. */
export function lifecycleHeaders(s: SurfaceSetting): ReadonlyArray<readonly [string, string]> {
  const headers: Array<readonly [string, string]> = [];
  if (s.deprecation !== undefined) headers.push(['Deprecation', deprecationValue(s.deprecation)]);
  if (s.sunset !== undefined) headers.push(['Sunset', sunsetValue(s.sunset)]);
  if (s.link !== undefined) {
    // RFC 9745 §3 rel="deprecation"; RFC 8594 §6 rel="sunset" for the same migration notes
    const links = [`<${s.link}>; rel="deprecation"`, ...(s.sunset !== undefined ? [`<${s.link}>; rel="sunset"`] : [])];
    headers.push(['Link', links.join(', ')]);
  }
  return headers;
}

/** Sets the surface's lifecycle headers on `res` (kept on error answers too: sendError never clears them). */
export function applyLifecycleHeaders(res: Response, s: SurfaceSetting): void {
  if (s.deprecation === undefined && s.sunset === undefined && s.link === undefined) return;
  let headers = formatted.get(s);
  if (headers === undefined) formatted.set(s, (headers = lifecycleHeaders(s)));
  for (const [name, value] of headers) res.setHeader(name, value);
}

export const readOnlyRefusal = (): ForbiddenError =>
  new ForbiddenError(`The legacy OData surface is read-only for this tenant; writes are refused. ${WAY_FORWARD}`);

/** `off` refuses every /odata request; `read-only` refuses writes ($batch: route-batch.ts looks inside). */
export function assertSurfaceAllows(s: SurfaceSetting, method: string): void {
  if (s.state === 'read-write') return;
  if (s.state === 'off') throw new ForbiddenError(`The legacy OData surface is switched off for this tenant. ${WAY_FORWARD}`);
  if (method !== 'GET' && method !== 'HEAD') throw readOnlyRefusal();
}
