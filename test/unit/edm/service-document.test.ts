// The service document lists every entity set of the model, relative to the service root.
import { describe, expect, it } from 'vitest';
import { renderServiceDocument } from '../../../src/edm/service-document';
import { MODEL } from '../../../metadata';

describe('service document', () => {
  it('points @odata.context at $metadata under the service root', () => {
    expect(renderServiceDocument('http://127.0.0.1:8080/odata')['@odata.context']).toBe('http://127.0.0.1:8080/odata/$metadata');
  });

  it('tolerates a trailing slash on the service root', () => {
    expect(renderServiceDocument('https://erp.example/odata/')['@odata.context']).toBe('https://erp.example/odata/$metadata');
  });

  it('lists each entity set once, in model order, with a relative url', () => {
    const { value } = renderServiceDocument('http://h/odata');
    expect(value).toEqual(MODEL.entitySets.map((s) => ({ name: s.name, kind: 'EntitySet', url: s.name })));
    expect(value.map((e) => e.name)).toEqual(['Customers', 'Contacts', 'Products', 'Categories', 'PriceAgreements']);
  });
});
