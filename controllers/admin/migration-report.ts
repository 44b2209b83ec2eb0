// GET /api/admin/migration[?tenant=T&from&to&granularity=hour|day] → the migration report (default:
// the last 7 days in day buckets): per tenant and entity set the route, traffic by surface, shadow
// evidence, and the verdict of what still blocks switching the legacy surface off.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { MigrationReporter } from '../../src/legacy/report/migration-report';
import { validate } from '../validate';
import { TENANT_ID } from './legacy-params';

const INSTANT = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const QUERY = z.object({
  tenant: TENANT_ID.optional(),
  from: INSTANT.optional().meta({ description: 'inclusive; default `to` − 7 days' }),
  to: INSTANT.optional().meta({ description: 'exclusive; default now' }),
  granularity: z.enum(['hour', 'day']).optional().meta({ description: 'bucket of the request series (default day)' }),
});

export function migrationReport(report: MigrationReporter) {
  return async (req: Request, res: Response): Promise<void> => {
    const q = validate(QUERY, req.query, 'query');
    res.json(await report({
      ...(q.tenant !== undefined ? { tenant: q.tenant } : {}),
      ...(q.from !== undefined ? { from: q.from } : {}),
      ...(q.to !== undefined ? { to: q.to } : {}),
      ...(q.granularity !== undefined ? { granularity: q.granularity } : {}),
    }));
  };
}
