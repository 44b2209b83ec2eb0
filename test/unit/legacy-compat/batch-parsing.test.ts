// The $batch parsers and URL resolution without HTTP: RFC 2046 framing (CRLF, bare LF, preamble,
// epilogue), Content-ID from the MIME part or the inner request, and URLs of this service only.
import { describe, expect, it } from 'vitest';
import { parseMultipartBatch } from '../../../legacy-compat/batch/parse-multipart';
import { parseJsonBatch } from '../../../legacy-compat/batch/parse-json-batch';
import { resolveOperationUrl } from '../../../legacy-compat/batch/resolve-url';

const ROOT = 'http://gw.example:8080/odata';

describe('parseMultipartBatch', () => {
  it('reads operations and change sets, ignoring preamble and epilogue', () => {
    const text = [
      'preamble', '--b', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '',
      "GET Customers('1') HTTP/1.1", 'Accept: application/json', '', '',
      '--b', 'Content-Type: multipart/mixed; boundary="cs"', '',
      '--cs', 'Content-Type: application/http', 'Content-ID: 7', '', 'POST Customers HTTP/1.1', 'Content-Type: application/json', '', '{"ID":"2"}',
      '--cs--', '', '--b--', 'epilogue',
    ].join('\r\n');
    const units = parseMultipartBatch(text, 'multipart/mixed; boundary=b');
    expect(units).toHaveLength(2);
    expect(units[0]).toMatchObject({ kind: 'operation', op: { method: 'GET', url: "Customers('1')" } });
    expect(units[0]?.kind === 'operation' && units[0].op.headers.get('accept')).toBe('application/json');
    expect(units[1]).toMatchObject({ kind: 'changeSet', ops: [{ id: '7', method: 'POST', url: 'Customers', body: { text: '{"ID":"2"}' } }] });
  });

  it('accepts bare LF and a Content-ID sent among the inner request headers', () => {
    const text = '--b\nContent-Type: application/http\n\nDELETE Customers(\'1\') HTTP/1.1\nContent-ID: x\n\n\n--b--\n';
    const [unit] = parseMultipartBatch(text, 'multipart/mixed; boundary=b');
    expect(unit).toMatchObject({ kind: 'operation', op: { id: 'x', method: 'DELETE' } });
  });

  it('refuses a missing boundary, a truncated body, nested change sets and duplicate Content-IDs', () => {
    const op = 'Content-Type: application/http\r\n\r\nGET Customers HTTP/1.1\r\n';
    expect(() => parseMultipartBatch(`--b\r\n${op}--b--`, 'multipart/mixed')).toThrow(/no boundary/);
    expect(() => parseMultipartBatch(`--b\r\n${op}`, 'multipart/mixed; boundary=b')).toThrow(/truncated/);
    const nested = '--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n--c\r\nContent-Type: multipart/mixed; boundary=d\r\n\r\n--d--\r\n--c--\r\n--b--';
    expect(() => parseMultipartBatch(nested, 'multipart/mixed; boundary=b')).toThrow(/application\/http/);
    const dup = `--b\r\nContent-ID: 1\r\n${op}--b\r\nContent-ID: 1\r\n${op}--b--`;
    expect(() => parseMultipartBatch(dup, 'multipart/mixed; boundary=b')).toThrow(/used twice/);
  });
});

describe('parseJsonBatch', () => {
  it('groups adjacent atomicity-group members into one change set', () => {
    const units = parseJsonBatch(JSON.stringify({ requests: [
      { id: '1', method: 'post', url: 'Customers', body: { ID: '1' }, atomicityGroup: 'g' },
      { id: '2', method: 'POST', url: 'Customers', atomicityGroup: 'g' },
      { id: '3', method: 'GET', url: 'Customers', dependsOn: ['g'] },
    ] }));
    expect(units.map((u) => u.kind)).toEqual(['changeSet', 'operation']);
    expect(units[0]?.kind === 'changeSet' && units[0].ops.map((o) => o.method)).toEqual(['POST', 'POST']);
  });
});

describe('resolveOperationUrl', () => {
  const refs = new Map([['1', `${ROOT}/Customers('9')`]]);
  it('resolves relative, absolute-path, absolute and $-reference URLs of this service', () => {
    expect(resolveOperationUrl("Customers('1')?$select=ID", ROOT, refs)).toEqual({ path: "/Customers('1')", rawQuery: '$select=ID' });
    expect(resolveOperationUrl('/odata/Customers', ROOT, refs).path).toBe('/Customers');
    expect(resolveOperationUrl(`${ROOT}/Products`, ROOT, refs).path).toBe('/Products');
    expect(resolveOperationUrl('$1/Contacts', ROOT, refs).path).toBe("/Customers('9')/Contacts");
  });
  it('refuses other hosts, ports, schemes and paths outside the service root', () => {
    for (const url of ['http://evil.example/odata/Customers', 'http://gw.example:9090/odata/Customers', 'https://gw.example:8080/odata/Customers',
      '//evil.example/odata/Customers', '/admin/Customers', '../admin', 'http://user:pw@gw.example:8080/odata/Customers', '$2/Contacts']) {
      expect(() => resolveOperationUrl(url, ROOT, refs), url).toThrow();
    }
  });
});
