// Environment → one typed, frozen Config, validated at start (contract.md "Process and
// configuration"). Any bad variable stops the process with ONE line naming it; secrets are
// never echoed and are non-enumerable, so logging the config cannot leak them.
import { z } from 'zod';
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { ConfigError } from '../errors/config-error';
import { decodeMasterKey } from '../security/decode-master-key';
import { defaultNameMappingFile } from '../edm/load-name-mapping';
import { DEFAULT_HEAP_GROWTH_PERCENT } from './heap-growth';

export { ConfigError };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** Express `trust proxy`: boolean, hop count, or comma-separated addresses/subnets/names */
export type TrustProxy = boolean | number | string;

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly redisUrl: string | undefined;
  /** GATEWAY_MASTER_KEY_FILE (default ./data/master.key) */
  readonly masterKeyFile: string;
  /** GATEWAY_MASTER_KEY as given (validated: 32 bytes hex/base64). Non-enumerable. */
  readonly masterKeyText: string | undefined;
  readonly tls: { readonly certFile: string; readonly keyFile: string } | undefined;
  readonly trustProxy: TrustProxy | undefined;
  readonly logLevel: LogLevel;
  readonly nodeEnv: string | undefined;
  readonly production: boolean;
  /** Bearer token accepted on /metrics besides admin keys. Non-enumerable. */
  readonly metricsToken: string | undefined;
  /** ODATA_REQUIRE_IF_MATCH (default true): missing If-Match on PATCH/PUT/DELETE → 428 */
  readonly odataRequireIfMatch: boolean;
  /** CORS_ORIGINS: browser origins allowed to call the API (empty = CORS off) */
  readonly corsOrigins: readonly string[];
  /** ODATA_NAME_MAPPING_FILE: the name mapping of the /odata surface (default metadata/name-mapping.json of the package) */
  readonly odataNameMappingFile: string;
  /** LEGACY_UPSTREAM_URL: service root of the legacy RESTier service (dual running); unset = no upstream */
  readonly legacyUpstreamUrl: string | undefined;
  /** LEGACY_DEFAULT_MODE: mode of entity sets without an explicit route (default local) */
  readonly legacyDefaultMode: 'local' | 'upstream';
  /** LEGACY_UPSTREAM_TIMEOUT_MS (default 5000): one upstream call, headers and body */
  readonly legacyUpstreamTimeoutMs: number;
  /** LEGACY_SHADOW_CONCURRENCY (default 4): background comparisons in flight; beyond it they are skipped */
  readonly legacyShadowConcurrency: number;
  /** GATEWAY_HEAP_GROWTH_PERCENT (default 30, server/heap-growth.ts): old-space growth per full GC; 0 = V8's own */
  readonly heapGrowthPercent: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Shows a rejected value without secrets: URL credentials masked, long values cut. */
function shown(value: string): string {
  const masked = value.replace(/\/\/[^/@\s]*@/, '//***@');
  return JSON.stringify(masked.length > 80 ? `${masked.slice(0, 77)}...` : masked);
}

/** Reads one variable ('' counts as unset) and validates it; throws the one-line ConfigError. */
function read<T>(env: Env, name: string, schema: z.ZodType<T>, expect: string, secret = false): T | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw new ConfigError(`${name} ${expect} (got ${secret ? `${raw.length} characters` : shown(raw)})`);
}

const parsesAsUrl = (s: string) => URL.canParse(s);
const PORT = z.string().regex(/^\d{1,5}$/).transform(Number).pipe(z.number().int().min(1).max(65535));
const HOST = z.string().regex(/^(\[[0-9a-fA-F:.%a-z0-9]+\]|[A-Za-z0-9.:%-]+)$/);
const DATABASE_URL = z.string().refine((s) => /^sqlite:.+/.test(s) || (/^postgres(ql)?:\/\/./.test(s) && parsesAsUrl(s)));
const REDIS_URL = z.string().refine((s) => /^rediss?:\/\/./.test(s) && parsesAsUrl(s));
const PATH = z.string().refine((s) => s.trim() === s && !s.includes('\0'));
const EXISTING_FILE = PATH.refine((s) => existsSync(s));
const MASTER_KEY = z.string().refine((s) => decodeMasterKey(s) !== undefined);
const LOG_LEVEL = z.enum(LOG_LEVELS);
const NODE_ENV = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/);
const TOKEN = z.string().regex(/^[\x21-\x7e]{16,512}$/);
const BOOL = z.enum(['true', 'false', '1', '0']).transform((s) => s === 'true' || s === '1');
// exact origins as browsers send them: scheme://host[:port], no path, no wildcard
const isOrigin = (s: string) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol) && new URL(s).origin === s;
const CORS_ORIGINS = z.string().transform((s) => s.split(',').map((o) => o.trim()).filter((o) => o !== '')).refine((list) => list.every(isOrigin));

// the legacy service root: http(s), no credentials in the URL (they are sealed per tenant instead)
const LEGACY_URL = z.string().refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol) && new URL(s).search === '' && new URL(s).hash === '');
const LEGACY_MODE = z.enum(['local', 'upstream']);
const intIn = (min: number, max: number) => z.string().regex(/^\d{1,9}$/).transform(Number).pipe(z.number().int().min(min).max(max));

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
function proxyEntry(entry: string): boolean {
  const [addr = '', prefix, extra] = entry.trim().split('/');
  if (extra !== undefined) return false;
  if (prefix === undefined && PROXY_NAMES.has(addr)) return true;
  const family = isIP(addr);
  if (family === 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}
const TRUST_PROXY = z.string().transform((s, ctx): TrustProxy => {
  if (s === 'true' || s === 'false') return s === 'true';
  if (/^\d{1,2}$/.test(s)) return Number(s);
  if (s.split(',').every(proxyEntry)) return s;
  ctx.addIssue({ code: 'custom', message: 'bad TRUST_PROXY' });
  return z.NEVER;
});

function tlsOf(env: Env): Config['tls'] {
  const expect = 'must name an existing file';
  const certFile = read(env, 'TLS_CERT_FILE', EXISTING_FILE, expect);
  const keyFile = read(env, 'TLS_KEY_FILE', EXISTING_FILE, expect);
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined) throw new ConfigError('TLS_CERT_FILE must be set together with TLS_KEY_FILE');
  if (keyFile === undefined) throw new ConfigError('TLS_KEY_FILE must be set together with TLS_CERT_FILE');
  return { certFile, keyFile };
}

function legacyUpstreamUrlOf(env: Env): string | undefined {
  const url = read(env, 'LEGACY_UPSTREAM_URL', LEGACY_URL, 'must be an http:// or https:// URL of the legacy OData service root, e.g. http://legacy:8080/odata');
  if (url === undefined) return undefined;
  const parsed = new URL(url);
  if (parsed.username !== '' || parsed.password !== '') {
    throw new ConfigError('LEGACY_UPSTREAM_URL must not contain credentials; store them per tenant with `b2x-gateway legacy credential set`');
  }
  return url.replace(/\/+$/, '');
}

function masterKeyOf(env: Env): { file: string; text: string | undefined } {
  const text = read(env, 'GATEWAY_MASTER_KEY', MASTER_KEY, 'must be 32 bytes written as 64 hex digits or base64', true);
  const file = read(env, 'GATEWAY_MASTER_KEY_FILE', PATH, 'must be a file path without surrounding spaces');
  if (text !== undefined && file !== undefined) {
    throw new ConfigError('GATEWAY_MASTER_KEY and GATEWAY_MASTER_KEY_FILE are both set; set only one');
  }
  return { file: file ?? './data/master.key', text };
}

/** Validates the environment into a frozen Config; throws ConfigError (one line) on the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = read(env, 'NODE_ENV', NODE_ENV, 'must be a lower-case word such as production or development');
  const masterKey = masterKeyOf(env);
  const config = {
    port: read(env, 'PORT', PORT, 'must be an integer 1-65535') ?? 8080,
    host: read(env, 'HOST', HOST, 'must be a host name or IP address') ?? '127.0.0.1',
    databaseUrl:
      read(env, 'DATABASE_URL', DATABASE_URL, 'must be sqlite:<file> or postgres://user@host/db') ?? 'sqlite:./data/gateway.db',
    redisUrl: read(env, 'REDIS_URL', REDIS_URL, 'must be a redis:// or rediss:// URL'),
    masterKeyFile: masterKey.file,
    tls: tlsOf(env),
    trustProxy: read(env, 'TRUST_PROXY', TRUST_PROXY, 'must be true, false, a hop count or comma-separated IPs/subnets/loopback|linklocal|uniquelocal'),
    logLevel: read(env, 'LOG_LEVEL', LOG_LEVEL, `must be one of ${LOG_LEVELS.join(', ')}`) ?? 'info',
    nodeEnv,
    production: nodeEnv === 'production',
    odataRequireIfMatch: read(env, 'ODATA_REQUIRE_IF_MATCH', BOOL, 'must be true or false') ?? true,
    odataNameMappingFile: read(env, 'ODATA_NAME_MAPPING_FILE', EXISTING_FILE, 'must name an existing JSON file') ?? defaultNameMappingFile(),
    corsOrigins: Object.freeze(read(env, 'CORS_ORIGINS', CORS_ORIGINS, 'must be a comma-separated list of origins like https://shop.example.com') ?? []),
    legacyUpstreamUrl: legacyUpstreamUrlOf(env),
    legacyDefaultMode: read(env, 'LEGACY_DEFAULT_MODE', LEGACY_MODE, 'must be local or upstream') ?? 'local',
    legacyUpstreamTimeoutMs: read(env, 'LEGACY_UPSTREAM_TIMEOUT_MS', intIn(1, 600_000), 'must be an integer 1-600000 (milliseconds)') ?? 5000,
    legacyShadowConcurrency: read(env, 'LEGACY_SHADOW_CONCURRENCY', intIn(0, 1000), 'must be an integer 0-1000') ?? 4,
    heapGrowthPercent: read(env, 'GATEWAY_HEAP_GROWTH_PERCENT', intIn(0, 1000), 'must be an integer 0-1000 (0: V8 decides)') ?? DEFAULT_HEAP_GROWTH_PERCENT,
  };
  const metricsToken = read(env, 'METRICS_TOKEN', TOKEN, 'must be 16-512 printable characters without spaces', true);
  Object.defineProperty(config, 'masterKeyText', { value: masterKey.text, enumerable: false });
  Object.defineProperty(config, 'metricsToken', { value: metricsToken, enumerable: false });
  return Object.freeze(config) as Config;
}
