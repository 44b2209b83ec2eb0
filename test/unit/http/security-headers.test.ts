// The precomputed security headers must be exactly what helmet itself sets, with and without TLS
// (HSTS only over TLS) with the service's API options, in the same order, so replacing helmet's per-request chain changes nothing.
import { describe, expect, it } from 'vitest';
import helmet from 'helmet';
import type { Request, Response } from 'express';
import { securityHeaders } from '../../../src/http/security-headers';
import { apiSecurityOptions } from '../../../src/http/api-security-options';

function headersOf(handler: (req: Request, res: Response, next: (err?: unknown) => void) => void): Array<[string, unknown]> {
  const set: Array<[string, unknown]> = [];
  const res = {
    setHeader(name: string, value: unknown) {
      set.push([name, value]);
      return res;
    },
    removeHeader(name: string) {
      set.push([`-${name}`, undefined]);
    },
  };
  let nextCalled = false;
  handler({ headers: {} } as Request, res as unknown as Response, () => {
    nextCalled = true;
  });
  expect(nextCalled).toBe(true);
  return set;
}

describe('security headers', () => {
  it.each([false, true])('given strictTransportSecurity %s, then the same headers as helmet are set', (tls) => {
    const options = apiSecurityOptions(tls);
    const expected = headersOf(helmet(options));
    expect(headersOf(securityHeaders(options))).toEqual(expected);
    expect(expected.some(([name]) => name === 'Strict-Transport-Security')).toBe(tls);
  });

  it('given the same middleware twice, then each response gets the full set again', () => {
    const mw = securityHeaders({ strictTransportSecurity: false });
    expect(headersOf(mw)).toEqual(headersOf(mw));
  });
});
