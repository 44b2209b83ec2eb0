// Pure rules of webhook delivery: full-jitter backoff bounds, the receiver-URL policy, the
// signature format, and the WEBHOOK_* environment.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../../src/events/backoff';
import { webhookUrlProblem } from '../../../src/events/webhook-url';
import { webhookSignature } from '../../../src/events/sign-webhook';
import { loadWebhookConfig } from '../../../src/server/webhook-config';
import { ConfigError } from '../../../src/errors/config-error';

describe('full-jitter backoff', () => {
  it('stays within [0, min(cap, base·2^(n-1))]', () => {
    const o = { baseMs: 1000, capMs: 600_000 };
    expect(backoffDelayMs(1, { ...o, random: () => 0.999 })).toBe(999);
    expect(backoffDelayMs(4, { ...o, random: () => 0.5 })).toBe(4000);
    expect(backoffDelayMs(30, { ...o, random: () => 0.999 })).toBeLessThan(600_000);
    expect(backoffDelayMs(3, { ...o, random: () => 0 })).toBe(0);
  });
});

describe('receiver URL policy', () => {
  it('accepts http(s) and loopback outside production', () => {
    expect(webhookUrlProblem('http://127.0.0.1:8080/hooks', false)).toBeUndefined();
    expect(webhookUrlProblem('https://shop.example.com/hooks', false)).toBeUndefined();
  });
  it('refuses other schemes, credentials and fragments everywhere', () => {
    expect(webhookUrlProblem('ftp://example.com/x', false)).toMatch(/http/);
    expect(webhookUrlProblem('https://u:p@example.com/x', false)).toMatch(/credentials/);
    expect(webhookUrlProblem('not a url', false)).toMatch(/absolute/);
  });
  it('refuses plain http and internal targets in production', () => {
    expect(webhookUrlProblem('http://shop.example.com/hooks', true)).toMatch(/https/);
    for (const host of ['127.0.0.1', '10.1.2.3', '192.168.0.9', '172.20.0.1', '169.254.169.254', 'localhost', '[::1]', '[fd00::1]']) {
      expect(webhookUrlProblem(`https://${host}/hooks`, true), host).toMatch(/loopback|private/);
    }
    expect(webhookUrlProblem('https://shop.example.com/hooks', true)).toBeUndefined();
  });
});

describe('signature', () => {
  it('is sha256=<hex HMAC-SHA256 of "timestamp.body"> keyed with the secret text', () => {
    const hex = createHmac('sha256', 'whsec_x').update('1700000000.{"a":1}').digest('hex');
    expect(webhookSignature('whsec_x', '1700000000', '{"a":1}')).toBe(`sha256=${hex}`);
  });
});

describe('WEBHOOK_* environment', () => {
  it('defaults to dispatching with 10 attempts and a 5 s timeout', () => {
    const c = loadWebhookConfig({});
    expect(c.dispatch).toBe(true);
    expect(c.options).toMatchObject({ maxAttempts: 10, timeoutMs: 5000, backoff: { baseMs: 1000, capMs: 600_000 } });
  });
  it('reads every knob and refuses bad values with one line naming the variable', () => {
    const c = loadWebhookConfig({ WEBHOOK_DISPATCH: 'off', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_BREAKER_FAILURES: '2', WEBHOOK_BREAKER_COOLDOWN_MS: '1000' });
    expect(c).toMatchObject({ dispatch: false, options: { maxAttempts: 3, breaker: { threshold: 2, halfOpenAfterMs: 1000 } } });
    expect(() => loadWebhookConfig({ WEBHOOK_DISPATCH: 'maybe' })).toThrow(ConfigError);
    expect(() => loadWebhookConfig({ WEBHOOK_TIMEOUT_MS: '5s' })).toThrow(/WEBHOOK_TIMEOUT_MS/);
  });
});
