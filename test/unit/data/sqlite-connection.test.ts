// The settings every SQLite connection of the gateway gets (db.ts afterCreate), read back from a real file.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, WAL_AUTOCHECKPOINT_PAGES } from '../../../src/data/db';

describe('SQLite connection settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'b2x-sqlite-conn-'));
  const db = openDatabase(`sqlite:${join(dir, 'gw.db')}`);
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pragma = async (name: string): Promise<unknown> => {
    const rows = (await db.knex.raw(`PRAGMA ${name}`)) as Array<Record<string, unknown>>;
    return Object.values(rows[0] ?? {})[0];
  };

  it('uses WAL with NORMAL sync, foreign keys, a busy timeout and a small page cache', async () => {
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(1);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
    expect(await pragma('cache_size')).toBe(-4000);
  });

  it('checkpoints the WAL after 1 MiB rather than SQLite default 4 MiB', async () => {
    expect(WAL_AUTOCHECKPOINT_PAGES).toBe(256);
    expect(await pragma('wal_autocheckpoint')).toBe(WAL_AUTOCHECKPOINT_PAGES);
    // 8 MiB in 80 commits: the WAL is reused from its start after each checkpoint, never grows to 4 MiB
    await db.knex.raw('CREATE TABLE filler (b BLOB)');
    for (let i = 0; i < 80; i++) await db.knex.raw('INSERT INTO filler VALUES (randomblob(100000))');
    const walBytes = statSync(join(dir, 'gw.db-wal')).size;
    expect(walBytes).toBeGreaterThan(0);
    expect(walBytes).toBeLessThan(2 * 1024 * 1024);
  });
});
