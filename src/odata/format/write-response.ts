// ReadResult → response body text and headers (JSON Format §10 context URLs, §12–14 payloads).
import type { ReadResult } from '../query/read-result';
import { etagOf } from './etag';
import { jsonContentType } from './response-format';
import { CANONICAL_NAMES } from './served-names';
import { writeEntities, writeEntity, type WriteOptions } from './write-entity';
import { TextChunks, type ResponseText } from './text-chunks';

export interface SerializedResponse {
  readonly status: 200 | 204;
  readonly contentType?: string;
  readonly body?: ResponseText;
  readonly etag?: string;
}

const context = (o: WriteOptions, fragment: string): string[] =>
  o.format.metadata === 'none' ? [] : [`"@odata.context":${JSON.stringify(`${o.serviceRoot}/$metadata#${fragment}`)}`];

const selectClause = (s: string | undefined): string => (s === undefined ? '' : `(${s})`);

function writeCollection(r: Extract<ReadResult, { kind: 'collection' }>, o: WriteOptions): ResponseText {
  const head = context(o, `${(o.names ?? CANONICAL_NAMES).setName(r.set)}${selectClause(r.contextSelect)}`);
  if (r.count !== undefined) head.push(`"@odata.count":${r.count}`);
  head.push('"value":[');
  const out = new TextChunks();
  out.add(`{${head.join(',')}`);
  writeEntities(out, r.set, r.entities, o);
  out.add(r.nextLink === undefined ? ']}' : `],"@odata.nextLink":${JSON.stringify(r.nextLink)}}`);
  return out.text();
}

function writeProperty(r: Extract<ReadResult, { kind: 'property' }>, o: WriteOptions): SerializedResponse {
  const etag = r.version === undefined ? undefined : etagOf(r.version);
  const base = etag === undefined ? {} : { etag };
  if (r.value === null) return { status: 204, ...base };
  const name = r.contextPath.slice(r.contextPath.lastIndexOf('/') + 1);
  if (r.raw) return { status: 200, contentType: 'text/plain;charset=utf-8', body: String(r.value), ...base };
  const w = (o.names ?? CANONICAL_NAMES).propertyWriter(r.set.type, name);
  const valueText = w ? w.write(r.value, o.format) : JSON.stringify(r.value);
  const ctx = context(o, o.names ? o.names.propertyContextPath(r.set, r.contextPath) : r.contextPath);
  // A complex value's members stand at the top level beside the context (JSON Format §11).
  const body =
    typeof r.value === 'object' ? `{${[...ctx, valueText.slice(1, -1)].filter((s) => s !== '').join(',')}}` : `{${[...ctx, `"value":${valueText}`].join(',')}}`;
  return { status: 200, contentType: jsonContentType(o.format), body, ...base };
}

export function serializeRead(r: ReadResult, o: WriteOptions): SerializedResponse {
  switch (r.kind) {
    case 'collection':
      return { status: 200, contentType: jsonContentType(o.format), body: writeCollection(r, o) };
    case 'entity': {
      const setName = (o.names ?? CANONICAL_NAMES).setName(r.set);
      const body = writeEntity(r.set, r.entity, o, context(o, `${setName}${selectClause(r.contextSelect)}/$entity`));
      const etag = r.entity.version === undefined ? undefined : etagOf(r.entity.version);
      return { status: 200, contentType: jsonContentType(o.format), body, ...(etag === undefined ? {} : { etag }) };
    }
    case 'property':
      return writeProperty(r, o);
    case 'count':
      return { status: 200, contentType: 'text/plain;charset=utf-8', body: String(r.count) };
    case 'none':
      return { status: 204 };
  }
}
