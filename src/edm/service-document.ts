// The OData service document (OData JSON Format 4.0 §5): one entry per entity set, derived from
// the model; only the context URL depends on the request's service root.
import { MODEL } from '../../metadata';
import type { EdmModel } from '../../metadata';

export interface ServiceDocumentEntry {
  readonly name: string;
  readonly kind: 'EntitySet';
  /** relative to the service root */
  readonly url: string;
}

export interface ServiceDocument {
  readonly '@odata.context': string;
  readonly value: readonly ServiceDocumentEntry[];
}

/** `serviceRoot` is absolute, e.g. `http://127.0.0.1:8080/odata` (a trailing slash is tolerated). */
export function renderServiceDocument(serviceRoot: string, model: EdmModel = MODEL): ServiceDocument {
  return {
    '@odata.context': `${serviceRoot.replace(/\/+$/, '')}/$metadata`,
    value: model.entitySets.map((s) => ({ name: s.name, kind: 'EntitySet', url: s.name })),
  };
}
