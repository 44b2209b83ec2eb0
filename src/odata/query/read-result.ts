// What the read engine (bind → plan → SQL → rows) hands to the OData JSON serializer. Values are
// already in their exact, model-typed form; the serializer only decides notation (IEEE754, metadata
// level), so no SQL or storage detail leaks past this type.
import type { EntitySet } from '../../../metadata';

/**
 * A primitive value: Edm.String/Date/DateTimeOffset/Guid as string (DateTimeOffset `…sssZ`, Date
 * `YYYY-MM-DD`); Edm.Int32 as number; Edm.Int64 and Edm.Decimal as exact decimal strings
 * ("1000.50", "-3"); Edm.Boolean as boolean; enum values as the member name.
 */
export type PrimitiveValue = string | number | boolean;
/** A complex value (Address): member name → primitive or null, members in model order. */
export type ComplexValue = { readonly [member: string]: PrimitiveValue | null };
export type PropertyValue = PrimitiveValue | ComplexValue | null;

export interface EntityRecord {
  /** the selected structural properties, in model order (all of them when there is no $select) */
  readonly values: Readonly<Record<string, PropertyValue>>;
  /** key property → value, always present (for @odata.id / editLink / Location) */
  readonly key: Readonly<Record<string, string | number>>;
  /** concurrency token (Version) as exact decimal string, when the type has one */
  readonly version?: string;
  /** navigation property name → expanded content, in $expand order */
  readonly expanded: Readonly<Record<string, ExpandedResult>>;
}

export type ExpandedResult =
  | { readonly kind: 'collection'; readonly set: EntitySet; readonly entities: readonly EntityRecord[]; readonly count?: number }
  | { readonly kind: 'single'; readonly set: EntitySet; readonly entity: EntityRecord | null };

export type ReadResult =
  | {
      readonly kind: 'collection';
      readonly set: EntitySet;
      readonly entities: readonly EntityRecord[];
      /** total matching rows ignoring $top/$skip/paging, when $count=true */
      readonly count?: number;
      /** absolute URL of the next page (server-driven paging), when there is one */
      readonly nextLink?: string;
      /** the parenthesised select/expand clause of the context URL, e.g. "ID,Name,Contacts()"; undefined = none */
      readonly contextSelect?: string;
    }
  | {
      readonly kind: 'entity';
      readonly set: EntitySet;
      readonly entity: EntityRecord;
      readonly contextSelect?: string;
    }
  | {
      /** Customers('10042')/Name or /Address (complex), optionally with /$value (raw) */
      readonly kind: 'property';
      readonly set: EntitySet;
      /** context URL fragment after `$metadata#`, e.g. "Customers('10042')/Address" */
      readonly contextPath: string;
      /** EDM type name of the property: 'Edm.String', 'B2X.Erp.Address', 'B2X.Erp.ContactRole' … */
      readonly edmType: string;
      readonly value: PropertyValue;
      readonly raw: boolean;
      readonly version?: string;
    }
  | { readonly kind: 'count'; readonly count: number }
  /** a single-valued navigation of an existing entity that points at nothing (Products('A-1')/Category): 204 */
  | { readonly kind: 'none' };
