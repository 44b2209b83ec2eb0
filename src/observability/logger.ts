// Structured JSON logs (pino) on stdout. Credentials are redacted at the logger, so no code path
// can log a key or token by accident.
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'b2x-erp-gateway' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', '*.apiKey', '*.password', '*.secret'],
      censor: '[redacted]',
    },
  });
}
