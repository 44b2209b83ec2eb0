// Text secrets sealed under the master key (seal.ts), as a small object the composition root hands
// to code that must not hold the master key itself (webhook subscriptions and their dispatcher).
import { seal, unseal } from './seal';

export interface SecretBox {
  seal(plain: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

export function secretBox(masterKey: Uint8Array): SecretBox {
  return {
    seal: (plain) => seal(new TextEncoder().encode(plain), masterKey),
    open: async (sealed) => new TextDecoder().decode(await unseal(sealed, masterKey)),
  };
}
