// Content negotiation for the OData surface (Protocol §8.2.1 Accept, §11.2.11 $format,
// JSON Format §3.1 odata.metadata / IEEE754Compatible, Protocol §8.2.8 Prefer).
import { BadRequestError, NotAcceptableError } from '../src/errors/catalogue';
import type { ResponseFormat } from '../src/odata/format/response-format';

interface MediaRange {
  readonly type: string;
  readonly params: ReadonlyMap<string, string>;
  readonly q: number;
}

function parseMediaRange(text: string): MediaRange | undefined {
  const [typePart, ...paramParts] = text.split(';');
  const type = typePart?.trim().toLowerCase();
  if (!type || !/^[a-z0-9!#$&^_.+*-]+\/[a-z0-9!#$&^_.+*-]+$/.test(type)) return undefined;
  const params = new Map<string, string>();
  let q = 1;
  for (const p of paramParts) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const name = p.slice(0, eq).trim().toLowerCase();
    const value = p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (name === 'q') q = Number.parseFloat(value);
    else params.set(name, value.toLowerCase());
  }
  return { type, params, q: Number.isFinite(q) ? q : 0 };
}

/** Media ranges by preference (q descending, stable), dropping malformed ones and q=0. */
function parseAccept(header: string | undefined): MediaRange[] {
  if (header === undefined || header.trim() === '') return [{ type: '*/*', params: new Map(), q: 1 }];
  return header
    .split(',')
    .map(parseMediaRange)
    .filter((r): r is MediaRange => r !== undefined && r.q > 0)
    .sort((a, b) => b.q - a.q);
}

function formatFromParams(params: ReadonlyMap<string, string>): ResponseFormat {
  const metadata = params.get('odata.metadata') ?? params.get('metadata') ?? 'minimal';
  if (metadata !== 'minimal' && metadata !== 'full' && metadata !== 'none') {
    throw new NotAcceptableError(`odata.metadata=${metadata} is not supported; use minimal, full or none.`);
  }
  const ieee = params.get('ieee754compatible') ?? 'false';
  if (ieee !== 'true' && ieee !== 'false') throw new BadRequestError(`IEEE754Compatible must be true or false.`);
  return { metadata, ieee754: ieee === 'true' };
}

const JSON_RANGES = new Set(['application/json', 'application/*', '*/*']);

/** The JSON format of a data response, from $format (wins) or Accept; 406 when JSON is not acceptable. */
export function negotiateJson(accept: string | undefined, format: string | undefined): ResponseFormat {
  if (format !== undefined) {
    const r = parseMediaRange(format.toLowerCase() === 'json' ? 'application/json' : format);
    if (!r || r.type !== 'application/json') throw new NotAcceptableError(`$format=${format} is not supported; use json.`);
    return formatFromParams(r.params);
  }
  const chosen = parseAccept(accept).find((r) => JSON_RANGES.has(r.type));
  if (!chosen) throw new NotAcceptableError('This resource is available as application/json only.');
  return formatFromParams(chosen.params);
}

/** $metadata is CSDL XML by default, CSDL JSON when asked for (contract: OData surface). */
export function negotiateMetadata(accept: string | undefined, format: string | undefined): 'xml' | 'json' {
  if (format !== undefined) {
    const f = format.toLowerCase();
    if (f === 'xml' || f.startsWith('application/xml')) return 'xml';
    if (f === 'json' || f.startsWith('application/json')) return 'json';
    throw new NotAcceptableError(`$format=${format} is not supported for $metadata; use xml or json.`);
  }
  for (const r of parseAccept(accept)) {
    if (r.type === 'application/xml' || r.type === 'text/xml' || r.type === '*/*' || r.type === 'application/*') return 'xml';
    if (r.type === 'application/json') return 'json';
  }
  throw new NotAcceptableError('$metadata is available as application/xml or application/json.');
}

/** Raw values ($value, /$count) are text/plain. */
export function assertTextAcceptable(accept: string | undefined): void {
  const ok = parseAccept(accept).some((r) => r.type === 'text/plain' || r.type === 'text/*' || r.type === '*/*');
  if (!ok) throw new NotAcceptableError('This resource is available as text/plain only.');
}

export interface Preferences {
  readonly maxPageSize?: number;
  readonly returnRepresentation?: 'minimal' | 'representation';
  readonly continueOnError?: boolean;
}

/** Prefer header (RFC 7240) — only the preferences OData defines that we honour. */
export function parsePrefer(header: string | undefined): Preferences {
  if (!header) return {};
  const out: { maxPageSize?: number; returnRepresentation?: 'minimal' | 'representation'; continueOnError?: boolean } = {};
  for (const item of header.split(',')) {
    const [rawName, rawValue] = item.split(';')[0]!.split('=').map((s) => s.trim());
    const name = rawName?.toLowerCase();
    if (name === 'odata.maxpagesize' || name === 'maxpagesize') {
      const n = Number(rawValue);
      if (Number.isInteger(n) && n > 0) out.maxPageSize = n;
    } else if (name === 'return' && (rawValue === 'minimal' || rawValue === 'representation')) {
      out.returnRepresentation = rawValue;
    } else if (name === 'odata.continue-on-error' || name === 'continue-on-error') {
      out.continueOnError = rawValue === undefined || rawValue === 'true';
    }
  }
  return out;
}

const SUPPORTED_VERSIONS = new Set(['4.0', '4.01']);

/** OData-Version / OData-MaxVersion request headers (Protocol §8.2.6, §8.2.7). */
export function checkVersionHeaders(version: string | undefined, maxVersion: string | undefined): void {
  if (version !== undefined && !SUPPORTED_VERSIONS.has(version.trim())) {
    throw new BadRequestError(`OData-Version ${version} is not supported; this service speaks 4.0 (4.01 requests accepted).`);
  }
  if (maxVersion !== undefined) {
    const n = Number.parseFloat(maxVersion);
    if (!Number.isFinite(n) || n < 4) throw new BadRequestError(`OData-MaxVersion ${maxVersion} is below 4.0, the version this service speaks.`);
  }
}
