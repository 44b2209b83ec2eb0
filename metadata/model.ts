// The B2X.Erp EDM model of ../shared/spec/model.md, written once. $metadata (XML and JSON),
// the database schema, query binding and input validation are all derived from this value.
import type { EdmModel, PrimitiveProperty, EdmPrimitive, NavigationProperty } from './edm-types';

type Facets = Omit<PrimitiveProperty, 'kind' | 'name' | 'type' | 'nullable'>;

function prop(name: string, type: EdmPrimitive, nullable: boolean, facets: Facets = {}): PrimitiveProperty {
  return { kind: 'primitive', name, type, nullable, ...facets };
}
const str = (name: string, maxLength: number | undefined, nullable: boolean, facets: Facets = {}) =>
  prop(name, 'Edm.String', nullable, maxLength === undefined ? facets : { maxLength, ...facets });
const dec = (name: string, precision: number, scale: number, nullable: boolean, facets: Facets = {}) =>
  prop(name, 'Edm.Decimal', nullable, { precision, scale, ...facets });
// Precision 3: values carry milliseconds (model.md); an absent Precision would mean whole seconds in CSDL.
const computedTimestamp = (name: string) => prop(name, 'Edm.DateTimeOffset', false, { computed: true, precision: 3 });
const version = () => prop('Version', 'Edm.Int64', false, { computed: true });

function nav(name: string, target: string, collection: boolean, nullable: boolean, on: [string, string], partner?: string): NavigationProperty {
  return { name, target, collection, nullable, on: [{ source: on[0], target: on[1] }], ...(partner ? { partner } : {}) };
}

export const MODEL: EdmModel = {
  namespace: 'B2X.Erp',
  container: 'Container',
  enumTypes: [
    { name: 'ContactRole', members: [{ name: 'Buyer', value: 0 }, { name: 'Approver', value: 1 }, { name: 'Administrator', value: 2 }] },
  ],
  complexTypes: [
    {
      name: 'Address',
      properties: [str('Street', 120, true), str('PostalCode', 16, true), str('City', 80, true), str('CountryCode', 2, true)],
    },
  ],
  entityTypes: [
    {
      name: 'Customer',
      key: ['ID'],
      properties: [
        str('ID', 20, false),
        str('Name', 120, false),
        str('Name2', 120, true),
        { kind: 'complex', name: 'Address', type: 'Address', nullable: true },
        str('Email', 254, true),
        str('Phone', 40, true),
        str('VatId', 20, true),
        str('PriceGroup', 10, true),
        str('Currency', 3, false, { defaultValue: 'EUR' }),
        dec('CreditLimit', 18, 2, false, { defaultValue: '0' }),
        prop('IsBlocked', 'Edm.Boolean', false, { defaultValue: false }),
        computedTimestamp('CreatedAt'),
        computedTimestamp('ModifiedAt'),
        version(),
      ],
      navigation: [
        nav('Contacts', 'Contact', true, false, ['ID', 'CustomerID'], 'Customer'),
        nav('PriceAgreements', 'PriceAgreement', true, false, ['ID', 'CustomerID'], 'Customer'),
      ],
      concurrency: 'Version',
      searchable: ['ID', 'Name', 'Name2', 'Email', 'Address/City'],
    },
    {
      name: 'Contact',
      key: ['ID'],
      properties: [
        str('ID', 20, false),
        str('CustomerID', 20, false),
        str('FirstName', 60, true),
        str('LastName', 60, false),
        str('Email', 254, false),
        str('Phone', 40, true),
        { kind: 'enum', name: 'Role', type: 'ContactRole', nullable: false, defaultValue: 'Buyer' },
        prop('HasShopAccess', 'Edm.Boolean', false, { defaultValue: false }),
        prop('AccessValidUntil', 'Edm.DateTimeOffset', true, { precision: 3 }),
        computedTimestamp('ModifiedAt'),
        version(),
      ],
      navigation: [nav('Customer', 'Customer', false, false, ['CustomerID', 'ID'], 'Contacts')],
      concurrency: 'Version',
    },
    {
      name: 'Category',
      key: ['ID'],
      properties: [prop('ID', 'Edm.Int32', false), str('Name', 120, false), prop('ParentID', 'Edm.Int32', true)],
      navigation: [
        nav('Parent', 'Category', false, true, ['ParentID', 'ID'], 'Children'),
        nav('Children', 'Category', true, false, ['ID', 'ParentID'], 'Parent'),
        nav('Products', 'Product', true, false, ['ID', 'CategoryID'], 'Category'),
      ],
    },
    {
      name: 'Product',
      key: ['ID'],
      properties: [
        str('ID', 40, false),
        str('Name', 200, false),
        str('Description', undefined, true),
        str('Gtin', 14, true),
        str('Unit', 10, false, { defaultValue: 'PCE' }),
        prop('CategoryID', 'Edm.Int32', true),
        dec('ListPrice', 18, 4, false),
        str('Currency', 3, false, { defaultValue: 'EUR' }),
        dec('StockQuantity', 18, 3, false, { defaultValue: '0' }),
        prop('IsActive', 'Edm.Boolean', false, { defaultValue: true }),
        computedTimestamp('ModifiedAt'),
        version(),
      ],
      navigation: [
        nav('Category', 'Category', false, true, ['CategoryID', 'ID'], 'Products'),
        nav('PriceAgreements', 'PriceAgreement', true, false, ['ID', 'ProductID'], 'Product'),
      ],
      concurrency: 'Version',
      searchable: ['ID', 'Name', 'Description', 'Gtin'],
    },
    {
      name: 'PriceAgreement',
      key: ['CustomerID', 'ProductID'],
      properties: [
        str('CustomerID', 20, false),
        str('ProductID', 40, false),
        dec('Price', 18, 4, false),
        str('Currency', 3, false, { defaultValue: 'EUR' }),
        dec('MinQuantity', 18, 3, false, { defaultValue: '1' }),
        prop('ValidFrom', 'Edm.Date', true),
        prop('ValidUntil', 'Edm.Date', true),
        computedTimestamp('ModifiedAt'),
        version(),
      ],
      navigation: [
        nav('Customer', 'Customer', false, false, ['CustomerID', 'ID'], 'PriceAgreements'),
        nav('Product', 'Product', false, false, ['ProductID', 'ID'], 'PriceAgreements'),
      ],
      concurrency: 'Version',
    },
  ],
  entitySets: [
    { name: 'Customers', type: 'Customer', table: 'customers', operation: 'customers', bindings: { Contacts: 'Contacts', PriceAgreements: 'PriceAgreements' } },
    { name: 'Contacts', type: 'Contact', table: 'contacts', operation: 'contacts', bindings: { Customer: 'Customers' } },
    { name: 'Products', type: 'Product', table: 'products', operation: 'products', bindings: { Category: 'Categories', PriceAgreements: 'PriceAgreements' } },
    { name: 'Categories', type: 'Category', table: 'categories', operation: 'categories', bindings: { Parent: 'Categories', Children: 'Categories', Products: 'Products' } },
    { name: 'PriceAgreements', type: 'PriceAgreement', table: 'price_agreements', operation: 'prices', bindings: { Customer: 'Customers', Product: 'Products' } },
  ],
};
