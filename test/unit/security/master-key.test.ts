import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../../src/errors/config-error';
import { loadMasterKey } from '../../../src/security/master-key';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'b2x-mk-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HEX = 'ab'.repeat(32);

describe('master key loading', () => {
  it('creates a missing key file outside production: 32 random bytes, mode 0600, parent dir created', async () => {
    const file = join(dir, 'nested', 'data', 'master.key');
    const key = await loadMasterKey({ masterKeyText: undefined, masterKeyFile: file, production: false });
    expect(key).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file)).equals(Buffer.from(key))).toBe(true);
    // a second start reads the same key back
    expect(Buffer.from(await loadMasterKey({ masterKeyText: undefined, masterKeyFile: file, production: false }))).toEqual(Buffer.from(key));
  });

  it('refuses to start in production without an explicit key, naming the variables', async () => {
    const file = join(dir, 'master.key');
    const p = loadMasterKey({ masterKeyText: undefined, masterKeyFile: file, production: true });
    await expect(p).rejects.toBeInstanceOf(ConfigError);
    await expect(p).rejects.toThrow(/GATEWAY_MASTER_KEY/);
    expect(() => statSync(file)).toThrow();
  });

  it('uses GATEWAY_MASTER_KEY in hex or base64, in production too', async () => {
    const fromHex = await loadMasterKey({ masterKeyText: HEX, masterKeyFile: join(dir, 'none'), production: true });
    expect(Buffer.from(fromHex).toString('hex')).toBe(HEX);
    const b64 = Buffer.from(HEX, 'hex').toString('base64');
    expect(Buffer.from(await loadMasterKey({ masterKeyText: b64, masterKeyFile: 'x', production: true })).toString('hex')).toBe(HEX);
  });

  it('reads an existing key file holding raw bytes or hex text, in production', async () => {
    const raw = join(dir, 'raw.key');
    writeFileSync(raw, Buffer.from(HEX, 'hex'));
    expect(Buffer.from(await loadMasterKey({ masterKeyText: undefined, masterKeyFile: raw, production: true })).toString('hex')).toBe(HEX);
    const text = join(dir, 'text.key');
    writeFileSync(text, `${HEX}\n`);
    expect(Buffer.from(await loadMasterKey({ masterKeyText: undefined, masterKeyFile: text, production: true })).toString('hex')).toBe(HEX);
  });

  it('rejects a key file of the wrong size with a ConfigError', async () => {
    const bad = join(dir, 'bad.key');
    writeFileSync(bad, 'too short');
    await expect(loadMasterKey({ masterKeyText: undefined, masterKeyFile: bad, production: false })).rejects.toThrow(/GATEWAY_MASTER_KEY_FILE/);
  });
});
