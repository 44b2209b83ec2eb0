// Loads the 32-byte master key that keys API-key hashes and seals secrets at rest. Outside
// production a missing key file is created (0600, random bytes) so `npm start` just works;
// production refuses to start without an explicit key (contract.md).
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../errors/config-error';
import { decodeMasterKey, MASTER_KEY_BYTES } from './decode-master-key';
import { sodiumReady } from './sodium';

export interface MasterKeySource {
  /** GATEWAY_MASTER_KEY text, if set */
  readonly masterKeyText: string | undefined;
  /** GATEWAY_MASTER_KEY_FILE (or its default) */
  readonly masterKeyFile: string;
  readonly production: boolean;
}

/** A key file holds the 32 raw bytes (as we create it) or the key as hex/base64 text. */
function keyFromFile(file: string, bytes: Buffer): Uint8Array {
  if (bytes.length === MASTER_KEY_BYTES) return new Uint8Array(bytes);
  const key = decodeMasterKey(bytes.toString('utf8'));
  if (key) return key;
  throw new ConfigError(`GATEWAY_MASTER_KEY_FILE ${file} must hold 32 raw bytes or 64 hex digits / base64 of 32 bytes`);
}

function readKeyFile(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`GATEWAY_MASTER_KEY_FILE ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Creates the key file exclusively ('wx'), so two processes starting at once cannot both win. */
async function createKeyFile(file: string): Promise<Uint8Array> {
  const key = (await sodiumReady()).randombytes_buf(MASTER_KEY_BYTES);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (err) {
    const existing = (err as NodeJS.ErrnoException).code === 'EEXIST' ? readKeyFile(file) : undefined;
    if (existing) return keyFromFile(file, existing);
    throw new ConfigError(`GATEWAY_MASTER_KEY_FILE ${file} cannot be created (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    writeSync(fd, key);
  } finally {
    closeSync(fd);
  }
  chmodSync(file, 0o600); // the umask may have narrowed, never widened, the mode; make it exact
  return key;
}

/** The master key from GATEWAY_MASTER_KEY, else the key file (created outside production). */
export async function loadMasterKey(source: MasterKeySource): Promise<Uint8Array> {
  if (source.masterKeyText !== undefined) {
    const key = decodeMasterKey(source.masterKeyText);
    if (!key) throw new ConfigError('GATEWAY_MASTER_KEY must be 32 bytes written as 64 hex digits or base64');
    return key;
  }
  const bytes = readKeyFile(source.masterKeyFile);
  if (bytes) return keyFromFile(source.masterKeyFile, bytes);
  if (source.production) {
    throw new ConfigError(
      `NODE_ENV=production needs a master key: set GATEWAY_MASTER_KEY or provide GATEWAY_MASTER_KEY_FILE (${source.masterKeyFile} not found)`,
    );
  }
  return createKeyFile(source.masterKeyFile);
}
