// One entity as OData JSON text (JSON Format §6, §8): control information per metadata level,
// then the selected properties in model order, then expanded navigation properties.
import type { EntitySet } from '../../../metadata';
import type { EntityRecord, ExpandedResult } from '../query/read-result';
import { entityPath } from './entity-id';
import { etagOf } from './etag';
import type { ResponseFormat } from './response-format';
import { typeWriter } from './type-writers';

export interface WriteOptions {
  readonly serviceRoot: string;
  readonly format: ResponseFormat;
}

function controlInfo(set: EntitySet, e: EntityRecord, o: WriteOptions, odataType: string): string[] {
  const out: string[] = [];
  const level = o.format.metadata;
  if (level === 'none') return out;
  if (level === 'full') {
    const url = JSON.stringify(`${o.serviceRoot}/${entityPath(set, e.key)}`);
    out.push(`"@odata.type":"${odataType}"`, `"@odata.id":${url}`);
    if (e.version !== undefined) out.push(`"@odata.etag":${JSON.stringify(etagOf(e.version))}`);
    out.push(`"@odata.editLink":${url}`);
  } else if (e.version !== undefined) {
    out.push(`"@odata.etag":${JSON.stringify(etagOf(e.version))}`);
  }
  return out;
}

function expandedParts(name: string, x: ExpandedResult, o: WriteOptions): string[] {
  const key = JSON.stringify(name);
  if (x.kind === 'single') return [`${key}:${x.entity === null ? 'null' : writeEntity(x.set, x.entity, o)}`];
  const out: string[] = [];
  if (x.count !== undefined) out.push(`"${name}@odata.count":${x.count}`);
  out.push(`${key}:[${x.entities.map((c) => writeEntity(x.set, c, o)).join(',')}]`);
  return out;
}

function navigationLinks(set: EntitySet, e: EntityRecord, o: WriteOptions, expanded: ReadonlySet<string>): string[] {
  if (o.format.metadata !== 'full') return [];
  const base = `${o.serviceRoot}/${entityPath(set, e.key)}`;
  return typeWriter(set.type)
    .type.navigation.filter((n) => !expanded.has(n.name))
    .map((n) => `"${n.name}@odata.navigationLink":${JSON.stringify(`${base}/${n.name}`)}`);
}

/** `{…}` for one entity; `leading` is prepended inside the braces (e.g. the @odata.context). */
export function writeEntity(set: EntitySet, e: EntityRecord, o: WriteOptions, leading: readonly string[] = []): string {
  const tw = typeWriter(set.type);
  const parts = [...leading, ...controlInfo(set, e, o, tw.odataType)];
  const full = o.format.metadata === 'full';
  for (const [name, value] of Object.entries(e.values)) {
    const w = tw.properties.get(name);
    if (!w) throw new Error(`serializer: ${set.type} has no property ${name}`);
    if (full && w.typeAnnotation !== '' && value !== null) parts.push(w.typeAnnotation.slice(0, -1));
    parts.push(`${w.jsonKey}${w.write(value, o.format)}`);
  }
  const expandedNames = new Set(Object.keys(e.expanded));
  for (const [name, x] of Object.entries(e.expanded)) parts.push(...expandedParts(name, x, o));
  parts.push(...navigationLinks(set, e, o, expandedNames));
  return `{${parts.join(',')}}`;
}
