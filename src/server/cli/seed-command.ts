// `b2x-gateway seed --tenant T …`: deterministic demo data (model.md "Demo data"); creates the
// tenant if missing. Refused in production, which never receives demo data (contract.md).
import { ConfigError } from '../../errors/config-error';
import { seedTenant, type SeedProgress } from '../../data/seed/seed-tenant';
import { ensureTenant } from '../../security/accounts/ensure-tenant';
import type { Command } from './command';
import { intFlag, requiredFlag } from './parse-args';
import { withDatabase } from './with-database';

export const SEED_DEFAULTS = { customers: 1000, products: 10_000, seed: 42 } as const;

const progressText = (p: SeedProgress): string => `seeding ${p.phase}: ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')}`;

export const seedCommand: Command = {
  words: ['seed'],
  synopsis: `--tenant T [--customers N (${SEED_DEFAULTS.customers})] [--products M (${SEED_DEFAULTS.products})] [--seed S (${SEED_DEFAULTS.seed})] [--contacts-per-customer K] [--replace]`,
  summary: 'deterministic demo data for a tenant (--replace deletes its existing entity rows first)',
  flags: { tenant: 'string', customers: 'string', products: 'string', seed: 'string', 'contacts-per-customer': 'string', replace: 'boolean' },
  positionals: { min: 0, max: 0 },
  async run({ args, config, out }) {
    if (config.production) throw new ConfigError('seed is refused with NODE_ENV=production: demo data never goes into a production database');
    const tenant = requiredFlag(args, 'tenant');
    const opts = {
      customers: intFlag(args, 'customers', SEED_DEFAULTS.customers),
      products: intFlag(args, 'products', SEED_DEFAULTS.products),
      seed: intFlag(args, 'seed', SEED_DEFAULTS.seed),
      contactsPerCustomer: intFlag(args, 'contacts-per-customer'),
      replace: args.flags.has('replace'),
      onProgress: (p: SeedProgress) => out.progress(progressText(p)),
    };
    const { created, result } = await withDatabase(config, async (db) => {
      const { created } = await ensureTenant(db, tenant);
      return { created, result: await seedTenant(db, tenant, opts) };
    });
    out.progressDone();
    const c = result.counts;
    out.result(
      { ...result, tenantCreated: created },
      `Seeded tenant '${tenant}' (seed ${result.seed}) in ${result.durationMs} ms: ${c.customers} customers, ${c.contacts} contacts, ` +
        `${c.products} products, ${c.categories} categories, ${c.priceAgreements} price agreements.`,
    );
  },
};
