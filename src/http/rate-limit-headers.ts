// The rate-limit response headers, in the IETF draft-7 form express-rate-limit writes
// (`RateLimit: limit=600, remaining=12, reset=41` and `RateLimit-Policy: 600;w=60`), plus the
// 429 error, so the middleware, consume() and the failed-login limiter all answer alike.
import type { Response } from 'express';
import { TooManyRequestsError } from '../errors/catalogue';

/** A budget after a charge: what the headers report. */
export interface RateLimitState {
  readonly limit: number;
  /** units used in the current window, including this charge */
  readonly used: number;
  readonly remaining: number;
  readonly resetTime: Date;
}

export const secondsUntil = (t: Date): number => Math.max(0, Math.ceil((t.getTime() - Date.now()) / 1000));

export function rateLimitHeaders(state: RateLimitState, windowMs: number): Record<string, string> {
  return {
    'RateLimit-Policy': `${state.limit};w=${Math.ceil(windowMs / 1000)}`,
    RateLimit: `limit=${state.limit}, remaining=${state.remaining}, reset=${secondsUntil(state.resetTime)}`,
  };
}

/** The same two headers as rateLimitHeaders, set directly: this runs on every request. */
export function setRateLimitHeaders(res: Response, state: RateLimitState, windowMs: number): void {
  if (res.headersSent) return;
  res.setHeader('RateLimit-Policy', `${state.limit};w=${Math.ceil(windowMs / 1000)}`);
  res.setHeader('RateLimit', `limit=${state.limit}, remaining=${state.remaining}, reset=${secondsUntil(state.resetTime)}`);
}

/** The 429 (OData error body via the error handler), with Retry-After and, when known, RateLimit-*. */
export function tooManyRequests(message: string, resetTime: Date, state?: RateLimitState, windowMs?: number): TooManyRequestsError {
  const headers: Record<string, string> = { 'Retry-After': String(Math.max(1, secondsUntil(resetTime))) };
  if (state && windowMs !== undefined) Object.assign(headers, rateLimitHeaders(state, windowMs));
  return new TooManyRequestsError(message, { headers });
}
