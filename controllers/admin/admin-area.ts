// Admin routes are for admin principals only, whatever the spelling of the path: the check runs
// on a normalised form (percent-decoded, dot segments resolved, lower-cased), because Express
// matches case-insensitively and an encoded or dotted variant must never slip past as "not admin".
import type { NextFunction, Request, Response } from 'express';
import { posix } from 'node:path';
import { ForbiddenError } from '../../src/errors/catalogue';
import { principalOf } from '../../src/http/request-context';

function decodeAll(path: string): string | undefined {
  let current = path;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/** True when the request path, however spelled, lies under /api/admin (undecodable counts as yes). */
export function isAdminPath(originalUrl: string): boolean {
  const raw = originalUrl.split('?', 1)[0] ?? '';
  const decoded = decodeAll(raw.replace(/\\/g, '/'));
  if (decoded === undefined) return true;
  const normal = posix.normalize(`/${decoded.replace(/\\/g, '/')}`).toLowerCase();
  return normal === '/api/admin' || normal.startsWith('/api/admin/');
}

/** 403 for every non-admin principal on any spelling of an admin path. */
export function adminAreaGuard() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (isAdminPath(req.originalUrl) && principalOf(res)?.kind !== 'admin') {
      throw new ForbiddenError('Only platform admin keys may use the admin API.');
    }
    next();
  };
}
