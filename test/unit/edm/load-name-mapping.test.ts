// The name mapping file (issue #5): the shipped identity file and the legacy fixture load; every
// kind of mistake stops start-up with one line naming the file and the offending key.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors/config-error';
import { defaultNameMappingFile, loadNameMapping } from '../../../src/edm/load-name-mapping';
import { isIdentityMapping } from '../../../src/edm/name-mapping';

const dir = mkdtempSync(join(tmpdir(), 'b2x-names-'));
let n = 0;
function fileWith(content: unknown): string {
  const file = join(dir, `mapping-${++n}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function problemOf(content: unknown): string {
  const file = fileWith(content);
  try {
    loadNameMapping(file);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as Error).message;
    expect(message).toContain(file);
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('the mapping was accepted');
}

describe('loading the name mapping file', () => {
  it('ships metadata/name-mapping.json as the identity mapping, found from the package root', () => {
    const file = defaultNameMappingFile();
    expect(file).toBe(join(__dirname, '..', '..', '..', 'metadata', 'name-mapping.json'));
    expect(isIdentityMapping(loadNameMapping(file))).toBe(true);
  });

  it('loads the legacy fixture and keeps every given name', () => {
    const file = join(__dirname, '..', '..', 'fixtures', 'name-mapping', 'legacy-names.json');
    const m = loadNameMapping(file);
    expect(m).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    expect(isIdentityMapping(m)).toBe(false);
  });

  it('treats absent keys as empty and a mapping of names to themselves as identity', () => {
    expect(isIdentityMapping(loadNameMapping(fileWith({})))).toBe(true);
    expect(isIdentityMapping(loadNameMapping(fileWith({ namespace: 'B2X.Erp', entitySets: { Customers: 'Customers' } })))).toBe(true);
  });

  it('refuses a missing file and text that is not JSON', () => {
    expect(() => loadNameMapping(join(dir, 'absent.json'))).toThrow(/absent\.json: cannot be read \(ENOENT\)/);
    expect(problemOf('{"namespace": ')).toMatch(/is not valid JSON/);
  });

  it('refuses unknown keys and values of the wrong kind', () => {
    expect(problemOf({ sets: {} })).toMatch(/unknown key\(s\) sets/);
    expect(problemOf({ entitySets: { Customers: 42 } })).toMatch(/entitySets\.Customers/);
    expect(problemOf({ properties: { Customer: 'Kunde' } })).toMatch(/properties\.Customer/);
  });

  it('refuses canonical names the model does not have', () => {
    expect(problemOf({ entitySets: { Clients: 'Kunden' } })).toMatch(/entitySets: 'Clients' is not an entity set of the model/);
    expect(problemOf({ types: { Client: 'Kunde' } })).toMatch(/types: 'Client' is not an entity, complex or enum type/);
    expect(problemOf({ properties: { Client: { Name: 'Firma' } } })).toMatch(/properties: 'Client' is not an entity or complex type/);
    expect(problemOf({ properties: { Customer: { Nom: 'Firma' } } })).toMatch(/properties\.Customer: 'Nom' is not a property or navigation property of Customer/);
  });

  it('refuses public names that are not OData identifiers', () => {
    expect(problemOf({ entitySets: { Customers: 'Kun den' } })).toMatch(/entitySets\.Customers is not a valid OData identifier/);
    expect(problemOf({ properties: { Customer: { Name: '$Name' } } })).toMatch(/is not a valid OData identifier/);
    expect(problemOf({ namespace: 'Legacy..Erp' })).toMatch(/namespace is not a valid OData namespace/);
    expect(problemOf({ namespace: 'Edm' })).toMatch(/namespace is a reserved namespace/);
    expect(problemOf({ container: 'a.b' })).toMatch(/container is not a valid OData identifier/);
  });

  it('refuses two names that would be the same public name in one scope', () => {
    expect(problemOf({ entitySets: { Customers: 'Contacts' } })).toMatch(/entitySets: 'Customers' and 'Contacts' would both be named 'Contacts'/);
    expect(problemOf({ types: { Customer: 'Kunde', Contact: 'Kunde' } })).toMatch(/would both be named 'Kunde'/);
    expect(problemOf({ types: { Address: 'Container' } })).toMatch(/types and container: 'Address' and 'Container'/);
    expect(problemOf({ properties: { Customer: { Name: 'Name2' } } })).toMatch(/properties\.Customer: 'Name' and 'Name2' would both be named 'Name2'/);
    expect(problemOf({ properties: { Customer: { Contacts: 'Email' } } })).toMatch(/would both be named 'Email'/);
    expect(problemOf({ types: { Contact: 'Kontakt' }, properties: { Contact: { Email: 'Kontakt' } } })).toMatch(/properties\.Contact: 'Email' would be named 'Kontakt', the name of its own type/);
  });
});
