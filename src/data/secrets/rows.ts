// Row shape of sealed_secrets (migration 0003): one named secret, sealed under the master key.

export interface SealedSecretRow {
  readonly name: string;
  /** v1.<masterKeyId>.<nonce>.<ciphertext> — see security/seal.ts */
  readonly sealed: string;
  readonly created_at: string;
  readonly updated_at: string;
}
