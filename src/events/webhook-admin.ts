// What the admin API does with webhook subscriptions: register (secret generated, sealed at rest,
// returned once), list (never a secret), delete, inspect deliveries and redeliver.
import { randomBytes } from 'node:crypto';
import type { Database } from '../data/db';
import { findTenant } from '../data/accounts/find-tenant';
import { deleteSubscription } from '../data/webhooks/delete-subscription';
import { insertSubscription } from '../data/webhooks/insert-subscription';
import { listDeliveries } from '../data/webhooks/list-deliveries';
import { listSubscriptions } from '../data/webhooks/list-subscriptions';
import { resetDeliveries } from '../data/webhooks/reset-deliveries';
import type { DeliveryListRow, DeliveryStatus, SubscriptionListRow } from '../data/webhooks/rows';
import { BadRequestError, NotFoundError, ValidationError } from '../errors/catalogue';
import type { SecretBox } from '../security/secret-box';
import { webhookUrlProblem } from './webhook-url';

export interface Subscription {
  readonly id: string;
  readonly tenant: string;
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly active: boolean;
  readonly createdAt: string;
}

export interface CreatedSubscription extends Subscription {
  /** shown once; stored only sealed */
  readonly secret: string;
}

export interface WebhookAdmin {
  create(input: { tenant: string; url: string; eventTypes: readonly string[] }): Promise<CreatedSubscription>;
  list(filter: { tenant?: string }): Promise<Subscription[]>;
  remove(id: string): Promise<void>;
  deliveries(id: string, filter: { status?: DeliveryStatus; limit: number }): Promise<DeliveryListRow[]>;
  redeliver(id: string, eventIds?: readonly string[]): Promise<number>;
}

const summary = (r: SubscriptionListRow): Subscription => ({
  id: r.id, tenant: r.tenant_id, url: r.url, eventTypes: JSON.parse(r.event_types) as string[], active: Boolean(r.active), createdAt: r.created_at,
});

export function webhookAdmin(db: Database, box: SecretBox, opts: { production: boolean }): WebhookAdmin {
  const mustExist = async (id: string): Promise<void> => {
    if ((await listSubscriptions(db.knex, { id })).length === 0) throw new NotFoundError(`No webhook subscription '${id}'.`);
  };
  return {
    async create({ tenant, url, eventTypes }) {
      const problem = webhookUrlProblem(url, opts.production);
      if (problem !== undefined) throw new BadRequestError(problem, { target: 'url' });
      if (!(await findTenant(db.knex, tenant))) throw new ValidationError(`tenant '${tenant}' does not exist`, { target: 'tenant' });
      const id = `wh_${randomBytes(12).toString('hex')}`;
      const secret = `whsec_${randomBytes(32).toString('base64url')}`;
      const types = [...new Set(eventTypes)];
      const createdAt = new Date().toISOString();
      await insertSubscription(db.knex, { id, tenant_id: tenant, url, event_types: JSON.stringify(types), secret_sealed: await box.seal(secret), active: 1, created_at: createdAt });
      return { id, tenant, url, eventTypes: types, active: true, createdAt, secret };
    },
    list: async (filter) => (await listSubscriptions(db.knex, filter)).map(summary),
    async remove(id) {
      if (!(await deleteSubscription(db.knex, id))) throw new NotFoundError(`No webhook subscription '${id}'.`);
    },
    async deliveries(id, filter) {
      await mustExist(id);
      return listDeliveries(db.knex, id, filter);
    },
    async redeliver(id, eventIds) {
      await mustExist(id);
      return resetDeliveries(db.knex, id, new Date().toISOString(), eventIds);
    },
  };
}
