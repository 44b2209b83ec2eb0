// `b2x-gateway master-key rotate --new-key-file F`: re-seal every sealed secret under the key in F
// (created, 0600 and random, when F does not exist). Then point GATEWAY_MASTER_KEY[_FILE] at the
// new key and restart the instances; running ones keep their unsealed secrets until then.
import { loadMasterKey } from '../../security/master-key';
import { rotateMasterKey } from '../../security/rotate-master-key';
import type { Command } from './command';
import { requiredFlag } from './parse-args';
import { withDatabase } from './with-database';

export const masterKeyRotateCommand: Command = {
  words: ['master-key', 'rotate'],
  synopsis: '--new-key-file F',
  summary: 're-seal the stored secrets under a new master key (F is created if missing); no API key changes',
  flags: { 'new-key-file': 'string' },
  positionals: { min: 0, max: 0 },
  async run({ args, config, out }) {
    const newKeyFile = requiredFlag(args, 'new-key-file');
    const oldKey = await loadMasterKey(config);
    const newKey = await loadMasterKey({ masterKeyText: undefined, masterKeyFile: newKeyFile, production: false });
    const r = await withDatabase(config, (db) => rotateMasterKey(db, oldKey, newKey));
    out.result(
      { ...r, newKeyFile },
      [
        `Re-sealed ${r.resealed.length} secret(s) under master key ${r.newKeyId} (was ${r.oldKeyId}); ${r.alreadyCurrent.length} already current.`,
        `Now set GATEWAY_MASTER_KEY_FILE=${newKeyFile} (or GATEWAY_MASTER_KEY) on every instance and restart them.`,
      ].join('\n'),
    );
  },
};
