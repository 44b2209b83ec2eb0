// The severity rules: each kind of difference, whether it breaks a Microsoft.OData.Client proxy
// generated from the legacy EDMX (which reads every response against that embedded model), and
// why. One table, so the README's rule table and the command's output cannot drift apart.
import type { Finding } from './finding';

export type Severity = 'breaking' | 'info';

interface Rule {
  readonly severity: Severity;
  readonly reason: string;
}

const B = (reason: string): Rule => ({ severity: 'breaking', reason });
const I = (reason: string): Rule => ({ severity: 'info', reason });

const MISSING = 'the proxy has a class/member for it and sends requests that use it; ours answers 404/400 or leaves it unset';
const RENAMED = 'the proxy uses the legacy name in URLs, payloads and type annotations; ours does not know that name';
const ADDED = 'extra on our side: the proxy never asks for it';

export const RULES = {
  'edmx-version-changed': I('the client negotiates OData-Version per request; the document version alone does not change payloads'),
  'namespace-renamed': B('type names in payloads (@odata.type, @odata.context), casts and the proxy\'s type mapping are namespace-qualified; the client cannot resolve the renamed types'),
  'namespace-missing': B('the legacy schema\'s types have no counterpart in any namespace of ours'),
  'namespace-added': I(ADDED),
  'container-missing': B('without an entity container there are no entity sets to query'),
  'container-renamed': I('requests address sets relative to the service root; the container name appears in no URL or payload, only in the proxy\'s class name'),
  'container-namespace-changed': I('the container\'s namespace appears in no URL or payload'),
  'entity-type-missing': B(MISSING),
  'entity-type-renamed': B(RENAMED),
  'entity-type-added': I(ADDED),
  'complex-type-missing': B(MISSING),
  'complex-type-renamed': B(RENAMED),
  'complex-type-added': I(ADDED),
  'type-kind-changed': B('entity and complex values are read differently (keys, ids, links); the proxy\'s materialiser fails'),
  'base-type-changed': B('inherited members and type casts of the proxy no longer match'),
  'open-type-removed': B('the client may send dynamic properties the legacy open type accepted; ours refuses them'),
  'open-type-added': I('an open type also accepts every declared property'),
  'has-stream-removed': B('the proxy reads and writes the media resource ($value) that ours no longer has'),
  'has-stream-added': I(ADDED),
  'key-changed': B('the proxy builds entity URLs (Customers(\'…\')) and entity identity from the key; a different key yields wrong URLs and duplicate or lost entities'),
  'key-type-changed': B('the proxy writes key literals in URLs for the legacy type (\'10042\' vs 10042) and tracks identity by its CLR value; ours refuses other literals or values out of its range'),
  'property-missing': B(MISSING),
  'property-renamed': B(RENAMED),
  'property-added': I('extra property in our payloads: Microsoft.OData.Client 7 reads undeclared properties (UndeclaredPropertyBehavior=Support, the default); a context set to ThrowException fails'),
  'property-type-changed': B('ODL validates every payload value against the type of the embedded model and the proxy member has the legacy CLR type'),
  'nullable-on-ours': B('the legacy model says never null, so the proxy member may be a non-nullable value type and ODL rejects null for a Nullable=false property: ours may send a null the client cannot hold'),
  'not-nullable-on-ours': I('ours never sends null where the client tolerates it; a write with null that the legacy accepted is refused by ours'),
  'facet-narrower': B('values the ERP may write within the legacy facet are refused by ours'),
  'facet-wider': I('ours accepts everything the legacy accepted; the proxy\'s CLR type is the same and ODL does not check facets when reading; the values ours returns come from the ERP'),
  'facet-changed': B('the facet has a different meaning on each side (e.g. another SRID)'),
  'scale-variable-legacy': I('EdmLib 7 writes Scale="Variable" for every decimal whose scale the model builder was not told (the legacy column still had one); System.Decimal and ODL ignore Scale when reading; only a write with more decimal places than ours keeps is refused — check the ERP\'s data'),
  'precision-unspecified-legacy': I('EdmLib omits Precision when the model builder was not told one; System.Decimal holds 28 digits either way; only a write beyond our precision would differ'),
  'computed-changed': I('Core.Computed only tells the client not to send the value; ours ignores computed values in request bodies'),
  'annotation-missing': I('the proxy does not act on this annotation at run time'),
  'annotation-added': I('extra annotation: clients ignore unknown annotations'),
  'navigation-missing': B(MISSING),
  'navigation-renamed': B(RENAMED),
  'navigation-added': I('extra navigation link in full metadata only; $expand is never requested for it by the proxy'),
  'navigation-type-changed': B('the proxy materialises expanded entities into the legacy target type and multiplicity'),
  'navigation-nullable-on-ours': B('the legacy model says the related entity always exists; ODL rejects an expanded null for Nullable=false'),
  'navigation-not-nullable-on-ours': I('ours always has the related entity where the client tolerates none'),
  'partner-missing': B('the legacy model declares both ends one relationship; on ours they are independent, so links set through one end (SetLink, deep insert) are not guaranteed on the other — treat as breaking until verified'),
  'partner-changed': B('the reverse navigation of the relationship is a different one on ours'),
  'partner-added': I('declaring the reverse end only adds information'),
  'referential-constraint-missing': B('the legacy model ties the foreign-key property to the navigation; ours does not, so setting one no longer implies the other'),
  'referential-constraint-changed': B('the foreign key points at other properties on ours'),
  'referential-constraint-added': I('an extra constraint only states what the data already does'),
  'contains-target-changed': B('containment changes the URLs and context URLs of the related entities'),
  'enum-type-missing': B(MISSING),
  'enum-type-renamed': B(RENAMED),
  'enum-type-added': I(ADDED),
  'enum-underlying-type-changed': B('the proxy enum\'s CLR underlying type and the accepted values differ'),
  'enum-flags-changed': B('flags enums are written as comma-separated member lists; the two sides disagree on the form'),
  'enum-member-missing': B('the ERP sends a member name ours does not accept'),
  'enum-member-value-changed': B('integer forms of the member ($filter with numbers, stored values) mean another member'),
  'enum-member-added': B('ours may return a member name the proxy enum does not have; materialisation fails for that entity'),
  'entity-set-missing': B(MISSING),
  'entity-set-renamed': B(RENAMED),
  'entity-set-added': I(ADDED),
  'singleton-missing': B(MISSING),
  'singleton-renamed': B(RENAMED),
  'singleton-added': I(ADDED),
  'entity-set-type-changed': B('the proxy materialises the set\'s entities into the legacy entity type'),
  'binding-missing': B('the client computes the entity set (and so the edit URL) of related entities from the binding; without it ODL cannot resolve expanded entities'),
  'binding-target-changed': B('related entities live in another set on ours; the proxy\'s computed URLs for them are wrong'),
  'binding-added': I(ADDED),
  'concurrency-token-missing': B('the legacy service protected updates with an ETag the client tracks and sends as If-Match; ours would not check it (lost updates) or computes it from other properties'),
  'concurrency-token-changed': B('the ETag is computed from other properties on ours'),
  'concurrency-token-added': I('the client echoes @odata.etag from responses as If-Match; an entity it never read has no ETag, and ours then answers 428 unless ODATA_REQUIRE_IF_MATCH=false'),
  'operation-missing': B(MISSING),
  'operation-added': I(ADDED),
  'operation-kind-changed': B('functions are called with GET, actions with POST; the proxy uses the legacy verb'),
  'operation-signature-changed': B('the proxy sends the legacy parameters and reads the legacy return type'),
  'operation-import-missing': B(MISSING),
  'operation-import-added': I(ADDED),
  'operation-import-changed': B('the import calls another operation on ours'),
} as const satisfies Readonly<Record<string, Rule>>;

export type DifferenceKind = keyof typeof RULES;

export interface Difference {
  readonly severity: Severity;
  readonly kind: DifferenceKind;
  readonly path: string;
  readonly legacy: string | null;
  readonly ours: string | null;
  readonly reason: string;
}

/** Adds severity and reason to a finding. */
export function classify(f: Finding): Difference {
  const rule: Rule = RULES[f.kind];
  const reason = f.detail === undefined ? rule.reason : `${f.detail}; ${rule.reason}`;
  return { severity: rule.severity, kind: f.kind, path: f.path, legacy: f.legacy, ours: f.ours, reason };
}
