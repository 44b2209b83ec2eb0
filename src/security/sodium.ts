// libsodium-wrappers fills its exports only after `ready` resolves, so every use goes through
// this wrapper. `import = require` keeps the live module object (a namespace import would copy
// the 19 pre-ready exports and miss the functions).
import sodium = require('libsodium-wrappers');

export type Sodium = typeof sodium;

/** Resolves to the initialised libsodium module (cheap after the first call). */
export async function sodiumReady(): Promise<Sodium> {
  await sodium.ready;
  return sodium;
}
