// Reads the legacy $metadata from a file or an http(s) URL, bounded in time and size so a wrong
// URL or a huge response ends in one clear error instead of a hang or an exhausted heap.
import { readFile, stat } from 'node:fs/promises';
import { LegacyMetadataError } from './legacy-metadata-error';

export interface ReadLimits {
  /** extra request headers for a URL (credentials); never echoed in messages */
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { headers: {}, timeoutMs: 10_000, maxBytes: 10 * 1024 * 1024 };

export interface SourceText {
  /** where it came from, as shown in the report (a URL without user info) */
  readonly source: string;
  readonly text: string;
}

const isUrl = (spec: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(spec);
const MIB = 1024 * 1024;
const mib = (bytes: number): string => (bytes >= MIB ? `${Math.round((bytes / MIB) * 10) / 10} MiB` : `${bytes} bytes`);

async function readBody(res: Response, shown: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new LegacyMetadataError(`${shown} is larger than ${mib(maxBytes)}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of (res.body ?? []) as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new LegacyMetadataError(`${shown} is larger than ${mib(maxBytes)}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function fetchFailure(err: unknown, shown: string, timeoutMs: number): LegacyMetadataError {
  if (err instanceof LegacyMetadataError) return err;
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return new LegacyMetadataError(`${shown} did not answer within ${timeoutMs / 1000} s`);
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const why = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : String((err as Error).message ?? err);
  return new LegacyMetadataError(`cannot fetch ${shown} (${why})`);
}

// fetch() refuses URLs with user info; like curl, send it as Basic credentials instead, so the
// URL shown in messages and reports never carries the password.
function basicAuthOf(url: URL): Record<string, string> {
  if (url.username === '' && url.password === '') return {};
  const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return { Authorization: `Basic ${Buffer.from(pair, 'utf8').toString('base64')}` };
}

async function readUrl(spec: string, limits: ReadLimits): Promise<SourceText> {
  let url: URL;
  try { url = new URL(spec); } catch { throw new LegacyMetadataError(`not a valid URL: ${spec}`); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LegacyMetadataError(`only http and https URLs are read (got ${url.protocol})`);
  const headers = { Accept: 'application/xml', ...basicAuthOf(url), ...limits.headers };
  url.username = '';
  url.password = '';
  const shown = url.toString();
  try {
    // redirects are not followed: --header credentials would travel to wherever Location points
    const res = await fetch(shown, { headers, redirect: 'manual', signal: AbortSignal.timeout(limits.timeoutMs) });
    if (res.status >= 300 && res.status < 400) throw new LegacyMetadataError(`${shown} redirects (HTTP ${res.status}) to ${res.headers.get('location') ?? '?'}; give that URL`);
    if (!res.ok) throw new LegacyMetadataError(`${shown} answered HTTP ${res.status}${res.status === 401 || res.status === 403 ? ' (send a credential with --header)' : ''}`);
    return { source: shown, text: new TextDecoder('utf-8').decode(await readBody(res, shown, limits.maxBytes)) };
  } catch (err) {
    throw fetchFailure(err, shown, limits.timeoutMs);
  }
}

async function readLocalFile(path: string, maxBytes: number): Promise<SourceText> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new LegacyMetadataError(`${path} is not a file`);
    if (info.size > maxBytes) throw new LegacyMetadataError(`${path} is larger than ${mib(maxBytes)}`);
    return { source: path, text: new TextDecoder('utf-8').decode(await readFile(path)) };
  } catch (err) {
    if (err instanceof LegacyMetadataError) throw err;
    throw new LegacyMetadataError(`cannot read ${path} (${(err as { code?: string }).code ?? (err as Error).message})`);
  }
}

/** Reads `spec` (a file path or an http/https URL). */
export function readSource(spec: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<SourceText> {
  return isUrl(spec) ? readUrl(spec, limits) : readLocalFile(spec, limits.maxBytes);
}
