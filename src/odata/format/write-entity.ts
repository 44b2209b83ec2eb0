// One entity as OData JSON text (JSON Format §6, §8): control information per metadata level,
// then the selected properties in model order, then expanded navigation properties.
import type { EntitySet } from '../../../metadata';
import type { EntityRecord, ExpandedResult } from '../query/read-result';
import type { TypeWriter } from './type-writers';
import { etagOf } from './etag';
import type { ResponseFormat } from './response-format';
import { CANONICAL_NAMES, type ServedNames } from './served-names';

export interface WriteOptions {
  readonly serviceRoot: string;
  readonly format: ResponseFormat;
  /** the names to write (a name mapping's public names); absent = the canonical model's */
  readonly names?: ServedNames;
}

const NO_PARTS: readonly string[] = [];

/** The `"@odata.…":…` members before the properties, per metadata level ('' for none). */
function controlInfo(set: EntitySet, e: EntityRecord, o: WriteOptions, odataType: string): string {
  const level = o.format.metadata;
  if (level === 'none') return '';
  const etag = e.version === undefined ? '' : `"@odata.etag":${JSON.stringify(etagOf(e.version))}`;
  if (level !== 'full') return etag;
  const url = JSON.stringify(`${o.serviceRoot}/${(o.names ?? CANONICAL_NAMES).entityPath(set, e.key)}`);
  return `"@odata.type":"${odataType}","@odata.id":${url},${etag === '' ? '' : `${etag},`}"@odata.editLink":${url}`;
}

/** The expanded navigation property's members (`"Contacts@odata.count":2,"Contacts":[…]`). */
function expandedParts(name: string, x: ExpandedResult, o: WriteOptions): string {
  const key = JSON.stringify(name);
  if (x.kind === 'single') return `${key}:${x.entity === null ? 'null' : writeEntity(x.set, x.entity, o)}`;
  let list = '';
  let sep = '';
  for (const c of x.entities) {
    list += sep + writeEntity(x.set, c, o);
    sep = ',';
  }
  return `${x.count !== undefined ? `"${name}@odata.count":${x.count},` : ''}${key}:[${list}]`;
}

/** Full metadata: a navigationLink for each navigation property not expanded; `sep` goes first. */
function navigationLinks(set: EntitySet, e: EntityRecord, o: WriteOptions, sep: string, tw: TypeWriter): string {
  if (o.format.metadata !== 'full') return '';
  const base = `${o.serviceRoot}/${(o.names ?? CANONICAL_NAMES).entityPath(set, e.key)}`;
  let out = '';
  for (const n of tw.type.navigation) {
    if (Object.hasOwn(e.expanded, n.name)) continue;
    const name = tw.navigationNames.get(n.name) ?? n.name;
    out += `${sep}"${name}@odata.navigationLink":${JSON.stringify(`${base}/${name}`)}`;
    sep = ',';
  }
  return out;
}

/**
 * `{…}` for one entity; `leading` is prepended inside the braces (e.g. the @odata.context). Built by
 * appending to one string: entities are written hundreds of times per response, so no per-member
 * arrays or entry lists.
 */
export function writeEntity(set: EntitySet, e: EntityRecord, o: WriteOptions, leading: readonly string[] = NO_PARTS): string {
  const tw = (o.names ?? CANONICAL_NAMES).typeWriter(set.type);
  const full = o.format.metadata === 'full';
  let out = '';
  let sep = '';
  for (const part of leading) {
    out += sep + part;
    sep = ',';
  }
  const control = controlInfo(set, e, o, tw.odataType);
  if (control !== '') {
    out += sep + control;
    sep = ',';
  }
  const values = e.values;
  for (const name in values) {
    const w = tw.properties.get(name);
    if (!w) throw new Error(`serializer: ${set.type} has no property ${name}`);
    const value = values[name] ?? null;
    if (full && w.typeAnnotation !== '' && value !== null) {
      out += sep + w.typeAnnotation; // ends with its own comma
      sep = '';
    }
    out += sep + w.jsonKey + w.write(value, o.format);
    sep = ',';
  }
  for (const name in e.expanded) {
    const x = e.expanded[name];
    if (x) out += sep + expandedParts(tw.navigationNames.get(name) ?? name, x, o);
    sep = ',';
  }
  return `{${out}${navigationLinks(set, e, o, sep, tw)}}`;
}
