// The textual forms of the 32-byte master key accepted in GATEWAY_MASTER_KEY and in a text key
// file: 64 hex digits, or base64 / base64url (padding optional) — what `openssl rand -hex 32`
// and `openssl rand -base64 32` print.

export const MASTER_KEY_BYTES = 32;

const HEX = /^[0-9a-fA-F]{64}$/;
const BASE64 = /^[A-Za-z0-9+/_-]{43}=?$/;

/** Decodes a textual master key; undefined when it is not exactly 32 bytes in hex or base64. */
export function decodeMasterKey(text: string): Uint8Array | undefined {
  const s = text.trim();
  if (HEX.test(s)) return new Uint8Array(Buffer.from(s, 'hex'));
  if (!BASE64.test(s)) return undefined;
  // 43 chars carry 258 bits: the last char's 2 low bits must be 0, or it is not a 32-byte value
  const bytes = Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length !== MASTER_KEY_BYTES) return undefined;
  if (bytes.toString('base64').slice(0, 43) !== s.slice(0, 43).replace(/-/g, '+').replace(/_/g, '/')) return undefined;
  return new Uint8Array(bytes);
}
