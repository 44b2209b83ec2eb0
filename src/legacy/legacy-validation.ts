// The checks every write of a legacy setting passes, whoever sends it (admin API, CLI, tests):
// canonical entity-set names from the model, known modes, a primary that fits the mode, ISO
// instants and http(s) links on the surface, and an upstream credential that is a valid header.
import { entitySet, MODEL } from '../../metadata';
import { BadRequestError, NotFoundError, ValidationError } from '../errors/catalogue';
import type { RouteMode, RouteSetting, Side, SurfaceSetting, SurfaceState, UpstreamCredential } from './legacy-settings';

// tuples (not RouteMode[]), so zod enums at the API boundary take them as they are
export const ROUTE_MODES = ['local', 'upstream', 'shadow'] as const satisfies readonly RouteMode[];
export const SIDES = ['local', 'upstream'] as const satisfies readonly Side[];
export const SURFACE_STATES = ['read-write', 'read-only', 'off'] as const satisfies readonly SurfaceState[];

/** Canonical names of every entity set of the model, in model order. */
export const ENTITY_SET_NAMES: readonly string[] = MODEL.entitySets.map((s) => s.name);

/**
 * The side that answers when a mode is chosen without one: the side that serves it, and in
 * `shadow` the legacy side — shadowing starts while the legacy service is still authoritative.
 */
export const defaultPrimary = (mode: RouteMode): Side => (mode === 'local' ? 'local' : 'upstream');

export function checkEntitySet(name: string): string {
  if (entitySet(name) === undefined) throw new NotFoundError(`No entity set '${name}' (known: ${ENTITY_SET_NAMES.join(', ')}).`, { target: 'entitySet' });
  return name;
}

export function checkRoute(s: RouteSetting): RouteSetting {
  checkEntitySet(s.entitySet);
  if (!ROUTE_MODES.includes(s.mode)) throw new BadRequestError(`mode must be one of ${ROUTE_MODES.join(', ')}`, { target: 'mode' });
  if (!SIDES.includes(s.primary)) throw new BadRequestError(`primary must be one of ${SIDES.join(', ')}`, { target: 'primary' });
  if (s.mode !== 'shadow' && s.primary !== s.mode) {
    throw new ValidationError(`in mode ${s.mode} the primary side is ${s.mode}; only shadow mode lets you choose`, { target: 'primary' });
  }
  return { entitySet: s.entitySet, mode: s.mode, primary: s.primary };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const ms = ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new BadRequestError(`${field} must be an ISO 8601 instant with a time zone, e.g. 2026-12-31T00:00:00Z`, { target: field });
  return new Date(ms).toISOString();
}

function link(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (value.length > 2048 || !url || !['http:', 'https:'].includes(url.protocol) || url.username !== '' || url.password !== '') {
    throw new BadRequestError('link must be an http(s) URL of at most 2048 characters without credentials', { target: 'link' });
  }
  return value;
}

/** The surface with its instants normalised to `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function checkSurface(s: SurfaceSetting): SurfaceSetting {
  if (!SURFACE_STATES.includes(s.state)) throw new BadRequestError(`state must be one of ${SURFACE_STATES.join(', ')}`, { target: 'state' });
  const deprecation = instant(s.deprecation, 'deprecation');
  const sunset = instant(s.sunset, 'sunset');
  const url = link(s.link);
  if (deprecation !== undefined && sunset !== undefined && sunset < deprecation) {
    throw new ValidationError('sunset must not be before deprecation (RFC 9745 §3)', { target: 'sunset' });
  }
  return { state: s.state, ...(deprecation ? { deprecation } : {}), ...(sunset ? { sunset } : {}), ...(url ? { link: url } : {}) };
}

// RFC 9110 §5.6.2 token; framing and routing headers are ours to set, never the credential's.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
const RESERVED = new Set(['host', 'content-length', 'content-type', 'transfer-encoding', 'connection', 'upgrade', 'te', 'trailer', 'keep-alive', 'proxy-connection', 'expect']);
// RFC 9110 §5.5 field value: visible ASCII, space and tab inside, no CR/LF/NUL
const FIELD_VALUE = /^[\x21-\x7e]([\x20-\x7e\t]*[\x21-\x7e])?$/;

export function checkCredential(c: UpstreamCredential): UpstreamCredential {
  if (!TOKEN.test(c.header) || RESERVED.has(c.header.toLowerCase())) {
    throw new BadRequestError('header must be an HTTP field name (RFC 9110 token, ≤ 64 characters) other than a framing header', { target: 'header' });
  }
  // the message never repeats the value
  if (c.value.length > 4096 || !FIELD_VALUE.test(c.value)) {
    throw new BadRequestError('value must be 1–4096 visible ASCII characters (spaces inside allowed, no line breaks)', { target: 'value' });
  }
  return { header: c.header, value: c.value };
}
