// Migration 4: the append-only audit trail. One hash chain per tenant (admin rows: '_platform');
// audit_chain_heads holds each chain's last link, the row appends lock so instances never fork a
// chain, and what `audit verify` compares the tail against (a deleted tail shows).
import type { Knex } from 'knex';

export const name = '0004-audit';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id');
    t.string('tenant_id', 40).notNullable(); // the chain: a tenant id, or '_platform' for admin requests
    t.bigInteger('seq').notNullable(); // position in the chain, 1, 2, 3 …
    t.string('at', 24).notNullable(); // ISO 8601 UTC, ms precision (fixed width: text order = time order)
    t.bigInteger('at_ms').notNullable(); // the same instant as epoch ms: range scans and buckets (at_ms / 3600000)
    t.string('request_id', 128).notNullable();
    t.string('principal_kind', 8).notNullable(); // 'erp' | 'admin'
    t.string('account_id', 64).notNullable(); // ERP service account id, or admin key id
    t.string('operation', 96).notNullable(); // customers.read, odata.metadata, admin.service-accounts.create …
    t.text('target').nullable(); // entity set and key, or route — never a query string or body
    t.string('method', 16).notNullable();
    t.integer('status').notNullable();
    t.integer('rows_read').notNullable();
    t.integer('rows_written').notNullable();
    t.integer('duration_ms').notNullable();
    t.string('client_address', 64).nullable();
    t.string('prev_hash', 64).notNullable();
    t.string('hash', 64).notNullable();
    t.unique(['tenant_id', 'seq'], { indexName: 'ux_audit_log_chain' });
    t.index(['tenant_id', 'at_ms'], 'ix_audit_log_tenant_at');
    t.index(['at_ms'], 'ix_audit_log_at');
  });
  await knex.schema.createTable('audit_chain_heads', (t) => {
    t.string('tenant_id', 40).primary();
    t.bigInteger('seq').notNullable(); // last seq written (0 = empty chain)
    t.string('hash', 64).notNullable(); // hash of that row (the genesis hash when empty)
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('audit_chain_heads');
  await knex.schema.dropTableIfExists('audit_log');
}
