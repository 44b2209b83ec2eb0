import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../src/server/config';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

const dir = mkdtempSync(join(tmpdir(), 'b2x-cfg-'));
const certFile = join(dir, 'cert.pem');
writeFileSync(certFile, 'x');

describe('configuration from the environment', () => {
  it('applies the contract defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080, host: '127.0.0.1', databaseUrl: 'sqlite:./data/gateway.db', redisUrl: undefined,
      masterKeyFile: './data/master.key', masterKeyText: undefined, tls: undefined, trustProxy: undefined,
      logLevel: 'info', production: false, metricsToken: undefined, odataRequireIfMatch: true, heapGrowthPercent: 30,
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads every variable', () => {
    const key = 'ab'.repeat(32);
    const c = loadConfig({
      PORT: '443', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u:p@db:5432/gw', REDIS_URL: 'redis://cache:6379',
      GATEWAY_MASTER_KEY: key, TLS_CERT_FILE: certFile, TLS_KEY_FILE: certFile, TRUST_PROXY: 'loopback, 10.0.0.0/8',
      LOG_LEVEL: 'debug', NODE_ENV: 'production', METRICS_TOKEN: 'm'.repeat(32), ODATA_REQUIRE_IF_MATCH: 'false',
      GATEWAY_HEAP_GROWTH_PERCENT: '0',
    });
    expect(c).toMatchObject({
      port: 443, host: '0.0.0.0', databaseUrl: 'postgres://u:p@db:5432/gw', redisUrl: 'redis://cache:6379', masterKeyText: key,
      tls: { certFile, keyFile: certFile }, trustProxy: 'loopback, 10.0.0.0/8', logLevel: 'debug', production: true,
      metricsToken: 'm'.repeat(32), odataRequireIfMatch: false, heapGrowthPercent: 0,
    });
  });

  it('parses TRUST_PROXY as boolean, hop count or address list', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '::1,uniquelocal' }).trustProxy).toBe('::1,uniquelocal');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '' })).toMatchObject({ port: 8080, logLevel: 'info' });
  });

  it('keeps secrets out of the enumerable properties (logging the config cannot leak them)', () => {
    const c = loadConfig({ GATEWAY_MASTER_KEY: 'ab'.repeat(32), METRICS_TOKEN: 's'.repeat(20) });
    expect(JSON.stringify(c)).not.toContain('abab');
    expect(JSON.stringify(c)).not.toContain('ssss');
  });

  it.each([
    ['PORT', { PORT: 'abc' }, 'PORT must be an integer 1-65535 (got "abc")'],
    ['PORT', { PORT: '70000' }, 'PORT must be an integer 1-65535 (got "70000")'],
    ['PORT', { PORT: '0' }, 'PORT must be an integer 1-65535 (got "0")'],
    ['HOST', { HOST: 'bad host' }, 'HOST'],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://root:hunter2@db/x' }, 'DATABASE_URL'],
    ['DATABASE_URL', { DATABASE_URL: 'sqlite:' }, 'DATABASE_URL'],
    ['REDIS_URL', { REDIS_URL: 'http://cache' }, 'REDIS_URL'],
    ['GATEWAY_MASTER_KEY', { GATEWAY_MASTER_KEY: 'tooshort' }, 'GATEWAY_MASTER_KEY must be 32 bytes'],
    ['GATEWAY_MASTER_KEY_FILE', { GATEWAY_MASTER_KEY_FILE: ' x ' }, 'GATEWAY_MASTER_KEY_FILE'],
    ['GATEWAY_MASTER_KEY', { GATEWAY_MASTER_KEY: 'ab'.repeat(32), GATEWAY_MASTER_KEY_FILE: '/k' }, 'set only one'],
    ['TLS_CERT_FILE', { TLS_CERT_FILE: join(dir, 'missing.pem'), TLS_KEY_FILE: certFile }, 'TLS_CERT_FILE must name an existing file'],
    ['TLS_KEY_FILE', { TLS_CERT_FILE: certFile }, 'TLS_KEY_FILE must be set together with TLS_CERT_FILE'],
    ['TRUST_PROXY', { TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.0/99' }, 'TRUST_PROXY'],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")'],
    ['NODE_ENV', { NODE_ENV: 'Prod uction' }, 'NODE_ENV'],
    ['METRICS_TOKEN', { METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    ['ODATA_REQUIRE_IF_MATCH', { ODATA_REQUIRE_IF_MATCH: 'maybe' }, 'ODATA_REQUIRE_IF_MATCH must be true or false'],
    ['GATEWAY_HEAP_GROWTH_PERCENT', { GATEWAY_HEAP_GROWTH_PERCENT: '-5' }, 'GATEWAY_HEAP_GROWTH_PERCENT must be an integer 0-1000'],
    ['GATEWAY_HEAP_GROWTH_PERCENT', { GATEWAY_HEAP_GROWTH_PERCENT: '1.5' }, 'GATEWAY_HEAP_GROWTH_PERCENT must be an integer 0-1000'],
  ])('a bad %s stops start-up with one line naming it', (name, env, expected) => {
    const err = errorOf(env);
    expect(err.message).toContain(expected);
    expect(err.message.startsWith(name)).toBe(true);
    expect(err.message).not.toContain('\n');
  });

  it('never echoes secrets or URL passwords in the error', () => {
    expect(errorOf({ DATABASE_URL: 'mysql://root:hunter2@db/x' }).message).not.toContain('hunter2');
    expect(errorOf({ GATEWAY_MASTER_KEY: 'secret-but-wrong' }).message).not.toContain('secret-but-wrong');
    expect(errorOf({ METRICS_TOKEN: 'tiny' }).message).not.toContain('tiny');
  });
});
