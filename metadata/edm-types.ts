// Type vocabulary of the EDM model. Pure types: metadata/ imports nothing of ours, so every
// other layer (CSDL writers, DB schema, parser binding, validation) can derive from it.

export type EdmPrimitive =
  | 'Edm.String'
  | 'Edm.Int32'
  | 'Edm.Int64'
  | 'Edm.Decimal'
  | 'Edm.Boolean'
  | 'Edm.DateTimeOffset'
  | 'Edm.Date';

export interface PrimitiveProperty {
  readonly kind: 'primitive';
  readonly name: string;
  readonly type: EdmPrimitive;
  readonly nullable: boolean;
  /** Edm.String only; undefined = unbounded */
  readonly maxLength?: number;
  /** Edm.Decimal: total digits; Edm.DateTimeOffset: fractional-second digits */
  readonly precision?: number;
  /** Edm.Decimal only */
  readonly scale?: number;
  /** Default applied on create/replace when the client omits the property (OData-JSON literal form). */
  readonly defaultValue?: string | number | boolean;
  /** Core.Computed: set by the service, ignored in request bodies. */
  readonly computed?: boolean;
}

export interface EnumProperty {
  readonly kind: 'enum';
  readonly name: string;
  /** simple name of an EnumType in the same namespace */
  readonly type: string;
  readonly nullable: boolean;
  readonly defaultValue?: string;
}

export interface ComplexProperty {
  readonly kind: 'complex';
  readonly name: string;
  /** simple name of a ComplexType in the same namespace */
  readonly type: string;
  readonly nullable: boolean;
}

export type StructuralProperty = PrimitiveProperty | EnumProperty | ComplexProperty;

export interface NavigationProperty {
  readonly name: string;
  /** simple name of the target EntityType */
  readonly target: string;
  readonly collection: boolean;
  readonly nullable: boolean;
  readonly partner?: string;
  /**
   * Referential constraint as pairs [dependent property on the source, principal property on the target].
   * For a collection navigation the pair is [source key, target foreign key] — i.e. "which column of
   * the target points back at me". Drives both CSDL ReferentialConstraint and the SQL join.
   */
  readonly on: ReadonlyArray<{ readonly source: string; readonly target: string }>;
}

export interface EntityType {
  readonly name: string;
  readonly key: readonly string[];
  readonly properties: readonly StructuralProperty[];
  readonly navigation: readonly NavigationProperty[];
  /** Core.OptimisticConcurrency property (Int64 Version) if any */
  readonly concurrency?: string;
  /** properties $search looks in; paths may use '/' into complex properties */
  readonly searchable?: readonly string[];
}

export interface ComplexType {
  readonly name: string;
  readonly properties: readonly PrimitiveProperty[];
}

export interface EnumType {
  readonly name: string;
  readonly members: ReadonlyArray<{ readonly name: string; readonly value: number }>;
}

export interface EntitySet {
  readonly name: string;
  readonly type: string;
  /** Navigation property name → target entity set name */
  readonly bindings: Readonly<Record<string, string>>;
  /** SQL table name */
  readonly table: string;
  /** grant prefix, e.g. 'customers' → customers.read / customers.write */
  readonly operation: string;
}

export interface EdmModel {
  readonly namespace: string;
  readonly container: string;
  readonly enumTypes: readonly EnumType[];
  readonly complexTypes: readonly ComplexType[];
  readonly entityTypes: readonly EntityType[];
  readonly entitySets: readonly EntitySet[];
}
