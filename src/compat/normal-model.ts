// The one comparable shape both documents are normalised into: every name qualified with its
// namespace (aliases resolved), every CSDL default made explicit, annotations attached to their
// targets whether they were written inline or out of line.

export interface TypeRef {
  /** qualified, alias-free: `Edm.String`, `B2X.Erp.Address` */
  readonly type: string;
  readonly collection: boolean;
}

export interface NFacets {
  /** undefined = unbounded */
  readonly maxLength?: number | 'max';
  readonly precision?: number;
  /** `variable` / `floating` as written by EdmLib 7 and CSDL 4.01 */
  readonly scale?: number | 'variable' | 'floating';
  readonly srid?: string;
}

export interface NProperty extends TypeRef, NFacets {
  readonly name: string;
  readonly nullable: boolean;
  /** ConcurrencyMode="Fixed" (EdmLib / CSDL 3 style concurrency token) */
  readonly fixedConcurrency: boolean;
  readonly computed: boolean;
  /** qualified terms of every annotation on the property */
  readonly terms: ReadonlySet<string>;
}

export interface NConstraint {
  readonly property: string;
  readonly referenced: string;
}

export interface NNavigation extends TypeRef {
  readonly name: string;
  readonly nullable: boolean;
  readonly partner?: string;
  readonly containsTarget: boolean;
  readonly constraints: readonly NConstraint[];
}

export interface NStructuredType {
  readonly kind: 'EntityType' | 'ComplexType';
  readonly qname: string;
  readonly baseType?: string;
  readonly abstract: boolean;
  readonly openType: boolean;
  readonly hasStream: boolean;
  /** empty for complex types and derived entity types (the key is inherited) */
  readonly key: readonly string[];
  readonly properties: ReadonlyMap<string, NProperty>;
  readonly navigation: ReadonlyMap<string, NNavigation>;
}

export interface NEnumType {
  readonly qname: string;
  readonly underlying: string;
  readonly isFlags: boolean;
  /** member name → value as decimal text (Int64 range) */
  readonly members: ReadonlyMap<string, string>;
}

export interface NParameter extends TypeRef {
  readonly name: string;
  readonly nullable: boolean;
}

export interface NOperation {
  readonly kind: 'Function' | 'Action';
  readonly qname: string;
  /** type of the binding parameter; undefined when unbound */
  readonly binding?: TypeRef;
  readonly parameters: readonly NParameter[];
  readonly returnType?: TypeRef & { readonly nullable: boolean };
  /** `qname(bindingType)`: how the two sides' operations are matched */
  readonly key: string;
}

export interface NEntitySet {
  readonly kind: 'EntitySet' | 'Singleton';
  readonly name: string;
  readonly entityType: string;
  /** binding path → target */
  readonly bindings: ReadonlyMap<string, string>;
  /** properties of the ETag: Core.OptimisticConcurrency on the set ∪ ConcurrencyMode=Fixed properties */
  readonly concurrency: readonly string[];
}

export interface NImport {
  readonly kind: 'FunctionImport' | 'ActionImport';
  readonly name: string;
  /** qualified operation name */
  readonly operation: string;
}

export interface NContainer {
  readonly name: string;
  readonly namespace: string;
  readonly sets: ReadonlyMap<string, NEntitySet>;
  readonly imports: ReadonlyMap<string, NImport>;
}

export interface NormalModel {
  readonly version: string;
  /** namespaces of the schemas that declare types or operations */
  readonly namespaces: readonly string[];
  readonly container?: NContainer;
  readonly structuredTypes: ReadonlyMap<string, NStructuredType>;
  readonly enumTypes: ReadonlyMap<string, NEnumType>;
  readonly operations: ReadonlyMap<string, NOperation>;
}

/** `Collection(X)` rendered back, for messages. */
export const typeText = (t: TypeRef): string => (t.collection ? `Collection(${t.type})` : t.type);
