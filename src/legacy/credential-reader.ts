// Reads and unseals a tenant's upstream credential for the gate. After `master-key rotate` the
// stored value is sealed under the new key while this instance still runs with the old one (until
// it is restarted, README "master-key rotate"): it then keeps the credential it last opened — a
// rotation re-seals the same value. A value it cannot open at all reads as no credential, so the
// tenant's locally served sets keep working and only upstream calls fail (the legacy side's 401
// becomes the gate's 502 naming `legacy credential set`).
import type { Knex } from 'knex';
import { SealError } from '../security/seal';
import type { SecretBox } from '../security/secret-box';
import type { UpstreamCredential } from './legacy-settings';
import { openCredential, sealedCredential } from './upstream-credential';

export interface CredentialReader {
  read(tenantId: string): Promise<UpstreamCredential | undefined>;
  /** drop the remembered credential (it was changed or cleared through this store) */
  forget(tenantId: string): void;
}

export function credentialReader(knex: Knex, box: SecretBox): CredentialReader {
  const lastOpened = new Map<string, UpstreamCredential>();
  return {
    async read(tenantId) {
      const sealed = await sealedCredential(knex, tenantId);
      if (sealed === undefined) {
        lastOpened.delete(tenantId);
        return undefined;
      }
      try {
        const c = await openCredential(box, sealed);
        lastOpened.set(tenantId, c);
        return c;
      } catch (err) {
        if (!(err instanceof SealError)) throw err;
        return err.reason === 'wrong-key' ? lastOpened.get(tenantId) : undefined;
      }
    },
    forget: (tenantId) => void lastOpened.delete(tenantId),
  };
}
