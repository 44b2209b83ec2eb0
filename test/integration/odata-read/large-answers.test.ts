// Answers larger than one text chunk (src/odata/format/text-chunks.ts) go out as several writes:
// the bytes must be exactly those of the same read in small pages (which go out as one string),
// with a Content-Length that counts them (never chunked transfer coding), also inside a $batch.
// Names carry 2-, 3- and 4-byte UTF-8 characters so the byte count differs from the length.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_CHARS } from '../../../src/odata/format/text-chunks';
import { testDialects } from '../../helpers/databases';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { rawRequest } from '../../helpers/raw-request';
import { sendJson, sendMultipart, part } from '../batch/batch-client';
import { writerKey } from '../odata-write/write-client';
import { contactRow, customerRow } from './fixtures';

const TENANT = 'large';
const CUSTOMERS = 400;
const PAGE = 20;
const BIG_READ = `Customers?$expand=Contacts&$top=${CUSTOMERS}&$orderby=ID`;

const id = (i: number): string => String(50000 + i);
const name = (i: number): string => `Grüße & Söhne € ${'😀'.repeat(i % 5)} ${'x'.repeat(150)} ${i}`;

/** A GET on a plain socket: the headers as sent (fetch would hide the transfer coding). */
const rawGet = (gw: TestGateway, path: string, key: string) =>
  rawRequest(`${gw.url}${path}`, 'GET', { 'X-API-Key': key, Prefer: 'odata.maxpagesize=1000' });

describe.each(testDialects())('answers larger than one chunk on %s', (dialect) => {
  let gw: TestGateway;
  let key: string;
  beforeAll(async () => {
    gw = await startTestGateway(dialect);
    key = await writerKey(gw, TENANT);
    const knex = gw.database.db.knex;
    const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({ tenant_id: TENANT, ...customerRow(id(i), name(i), { address_city: 'Zürich' }) }));
    const contacts = customers.flatMap((c, i) =>
      [1, 2].map((n) => ({ tenant_id: TENANT, ...contactRow(`${id(i)}-${n}`, id(i), `Łukasiewicz ${n}`, `c${n}@${id(i)}.example`) })));
    await knex.batchInsert('customers', customers, 200);
    await knex.batchInsert('contacts', contacts, 200);
  }, 60_000);
  afterAll(() => gw?.close());

  it('sends the whole text with a Content-Length of its UTF-8 bytes', async () => {
    const res = await rawGet(gw, `/odata/${BIG_READ}`, key);
    expect(res.status).toBe(200);
    expect(res.headers['transfer-encoding']).toBeUndefined();
    expect(Number(res.headers['content-length'])).toBe(res.bytes.length);
    const text = res.bytes.toString('utf8');
    expect(text.length).toBeGreaterThan(3 * CHUNK_CHARS);
    const body = JSON.parse(text) as { value: Array<{ ID: string; Name: string; Contacts: Array<{ LastName: string }> }> };
    expect(body.value.map((c) => c.ID)).toEqual(Array.from({ length: CUSTOMERS }, (_, i) => id(i)));
    expect(body.value.map((c) => c.Name)).toEqual(Array.from({ length: CUSTOMERS }, (_, i) => name(i)));
    expect(body.value.every((c) => c.Contacts.map((x) => x.LastName).join() === 'Łukasiewicz 1,Łukasiewicz 2')).toBe(true);
  });

  it('writes the same entity texts as the same read in pages of one chunk', async () => {
    const whole = (await rawGet(gw, `/odata/${BIG_READ}`, key)).bytes.toString('utf8');
    const pages: string[] = [];
    for (let skip = 0; skip < CUSTOMERS; skip += PAGE) {
      const page = (await rawGet(gw, `/odata/Customers?$expand=Contacts&$top=${PAGE}&$skip=${skip}&$orderby=ID`, key)).bytes.toString('utf8');
      expect(page.length).toBeLessThan(CHUNK_CHARS);
      pages.push(page.slice(page.indexOf('"value":[') + '"value":['.length, page.lastIndexOf(']}')));
    }
    expect(whole.slice(whole.indexOf('"value":[') + '"value":['.length, whole.lastIndexOf(']}'))).toBe(pages.join(','));
  });

  it('embeds large answers whole in a JSON $batch', async () => {
    const direct: unknown = JSON.parse((await rawGet(gw, `/odata/${BIG_READ}`, key)).bytes.toString('utf8'));
    const res = await sendJson(gw, key, [
      { id: 'a', method: 'GET', url: BIG_READ, headers: { Prefer: 'odata.maxpagesize=1000' } },
      { id: 'b', method: 'GET', url: BIG_READ, headers: { Prefer: 'odata.maxpagesize=1000' } },
    ]);
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(res.text, 'utf8'));
    expect(res.json.responses.map((r: { id: string; status: number }) => [r.id, r.status])).toEqual([['a', 200], ['b', 200]]);
    expect(res.json.responses[0].body).toEqual(direct);
    expect(res.json.responses[1].body).toEqual(direct);
  });

  it('embeds large answers whole in a multipart $batch', async () => {
    const direct: unknown = JSON.parse((await rawGet(gw, `/odata/${BIG_READ}`, key)).bytes.toString('utf8'));
    const get = part('GET', BIG_READ, { headers: { Prefer: 'odata.maxpagesize=1000' } });
    const res = await sendMultipart(gw, key, [get, get]);
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(res.text, 'utf8'));
    expect(res.units).toHaveLength(2);
    for (const u of res.units) {
      expect('status' in u && u.status).toBe(200);
      expect('body' in u && u.body).toEqual(direct);
    }
  });
});
