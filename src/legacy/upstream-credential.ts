// The upstream credential of a tenant at rest: `{"header","value"}` sealed under the master key in
// sealed_secrets as `legacy-upstream:{tenant}`, so `master-key rotate` re-seals it with the rest.
import type { Knex } from 'knex';
import { deleteSealedSecret } from '../data/secrets/delete-sealed-secret';
import { findSealedSecret } from '../data/secrets/find-sealed-secret';
import { upsertSealedSecret } from '../data/secrets/upsert-sealed-secret';
import type { SecretBox } from '../security/secret-box';
import type { UpstreamCredential } from './legacy-settings';

export const credentialSecretName = (tenantId: string): string => `legacy-upstream:${tenantId}`;

export async function storeCredential(knex: Knex, box: SecretBox, tenantId: string, c: UpstreamCredential): Promise<void> {
  const now = new Date().toISOString();
  const sealed = await box.seal(JSON.stringify({ header: c.header, value: c.value }));
  await upsertSealedSecret(knex, { name: credentialSecretName(tenantId), sealed, created_at: now, updated_at: now });
}

export const clearCredential = (knex: Knex, tenantId: string): Promise<boolean> => deleteSealedSecret(knex, credentialSecretName(tenantId));

/** The sealed text, or undefined when the tenant has no credential. */
export async function sealedCredential(knex: Knex, tenantId: string): Promise<string | undefined> {
  return (await findSealedSecret(knex, credentialSecretName(tenantId)))?.sealed;
}

export async function openCredential(box: SecretBox, sealed: string): Promise<UpstreamCredential> {
  const parsed = JSON.parse(await box.open(sealed)) as { header?: unknown; value?: unknown };
  if (typeof parsed.header !== 'string' || typeof parsed.value !== 'string') throw new Error('legacy upstream credential: sealed JSON lacks header/value');
  return { header: parsed.header, value: parsed.value };
}
