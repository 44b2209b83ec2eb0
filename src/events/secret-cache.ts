// Unsealed subscription secrets, kept in memory per subscription so each delivery does not pay
// for libsodium; keyed by the sealed text too, so a changed secret is picked up.
import type { SecretBox } from '../security/secret-box';

export function secretCache(box: SecretBox) {
  const cache = new Map<string, { sealed: string; secret: string }>();
  return {
    async secretOf(subscriptionId: string, sealed: string): Promise<string> {
      const hit = cache.get(subscriptionId);
      if (hit?.sealed === sealed) return hit.secret;
      const secret = await box.open(sealed);
      cache.set(subscriptionId, { sealed, secret });
      return secret;
    },
  };
}
