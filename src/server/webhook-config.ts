// Webhook dispatcher settings from the environment, validated like config.ts (one ConfigError line
// naming the variable). Kept apart from config.ts so the dispatcher's knobs live in one place.
import { z } from 'zod';
import { ConfigError } from '../errors/config-error';
import { DEFAULT_DISPATCHER_OPTIONS, type DispatcherOptions } from '../events/dispatcher-options';

export interface WebhookConfig {
  /** WEBHOOK_DISPATCH=off: this instance serves the admin API but delivers nothing */
  readonly dispatch: boolean;
  readonly options: DispatcherOptions;
}

type Env = Readonly<Record<string, string | undefined>>;

function int(env: Env, name: string, min: number, max: number, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const r = z.string().regex(/^\d{1,9}$/).transform(Number).pipe(z.number().int().min(min).max(max)).safeParse(raw);
  if (!r.success) throw new ConfigError(`${name} must be an integer ${min}-${max} (got ${JSON.stringify(raw.slice(0, 40))})`);
  return r.data;
}

function dispatchOf(env: Env): boolean {
  const raw = env.WEBHOOK_DISPATCH;
  if (raw === undefined || raw === '' || raw === 'on') return true;
  if (raw === 'off') return false;
  throw new ConfigError(`WEBHOOK_DISPATCH must be on or off (got ${JSON.stringify(raw.slice(0, 40))})`);
}

export function loadWebhookConfig(env: Env = process.env): WebhookConfig {
  const d = DEFAULT_DISPATCHER_OPTIONS;
  return {
    dispatch: dispatchOf(env),
    options: {
      ...d,
      pollIntervalMs: int(env, 'WEBHOOK_POLL_MS', 50, 60_000, d.pollIntervalMs),
      timeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 100, 60_000, d.timeoutMs),
      maxAttempts: int(env, 'WEBHOOK_MAX_ATTEMPTS', 1, 100, d.maxAttempts),
      backoff: { baseMs: int(env, 'WEBHOOK_BACKOFF_BASE_MS', 1, 3_600_000, d.backoff.baseMs), capMs: int(env, 'WEBHOOK_BACKOFF_CAP_MS', 1, 86_400_000, d.backoff.capMs) },
      breaker: {
        threshold: int(env, 'WEBHOOK_BREAKER_FAILURES', 1, 1000, d.breaker.threshold),
        halfOpenAfterMs: int(env, 'WEBHOOK_BREAKER_COOLDOWN_MS', 100, 3_600_000, d.breaker.halfOpenAfterMs),
      },
    },
  };
}
