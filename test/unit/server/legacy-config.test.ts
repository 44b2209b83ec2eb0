import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/server/config';

const env = (over: Record<string, string>) => ({ GATEWAY_MASTER_KEY: 'a'.repeat(64), ...over });

describe('dual-running configuration (LEGACY_*)', () => {
  it('defaults: no upstream, local, 5 s timeout, 4 comparisons in flight', () => {
    const c = loadConfig(env({}));
    expect(c.legacyUpstreamUrl).toBeUndefined();
    expect(c.legacyDefaultMode).toBe('local');
    expect(c.legacyUpstreamTimeoutMs).toBe(5000);
    expect(c.legacyShadowConcurrency).toBe(4);
  });

  it('takes an http(s) service root without its trailing slash', () => {
    const c = loadConfig(env({ LEGACY_UPSTREAM_URL: 'http://legacy:8080/odata/', LEGACY_DEFAULT_MODE: 'upstream', LEGACY_UPSTREAM_TIMEOUT_MS: '250', LEGACY_SHADOW_CONCURRENCY: '0' }));
    expect(c.legacyUpstreamUrl).toBe('http://legacy:8080/odata');
    expect(c.legacyDefaultMode).toBe('upstream');
    expect(c.legacyUpstreamTimeoutMs).toBe(250);
    expect(c.legacyShadowConcurrency).toBe(0);
  });

  it('refuses credentials in the URL, pointing at `legacy credential set`, without echoing them', () => {
    const run = () => loadConfig(env({ LEGACY_UPSTREAM_URL: 'http://user:s3cret@legacy/odata' }));
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/LEGACY_UPSTREAM_URL must not contain credentials.*legacy credential set/);
    expect(run).not.toThrow(/s3cret/);
  });

  it.each([
    ['LEGACY_UPSTREAM_URL', 'ftp://legacy/odata', /LEGACY_UPSTREAM_URL must be an http/],
    ['LEGACY_UPSTREAM_URL', 'http://legacy/odata?x=1', /LEGACY_UPSTREAM_URL must be/],
    ['LEGACY_DEFAULT_MODE', 'shadow', /LEGACY_DEFAULT_MODE must be local or upstream \(got "shadow"\)/],
    ['LEGACY_UPSTREAM_TIMEOUT_MS', '0', /LEGACY_UPSTREAM_TIMEOUT_MS must be an integer/],
    ['LEGACY_SHADOW_CONCURRENCY', '-1', /LEGACY_SHADOW_CONCURRENCY must be an integer 0-1000/],
  ])('%s=%s is one ConfigError line', (name, value, message) => {
    expect(() => loadConfig(env({ [name]: value }))).toThrow(message);
  });
});
