// Entities as OData JSON text (JSON Format §6, §8): control information per metadata level, then
// the selected properties in model order, then expanded navigation properties. Entities are written
// hundreds of times per response: property slots are compiled once per selection (property-slots.ts)
// and looked up once per level of a response; values are concatenated with pre-escaped keys, and
// the text goes into chunks of ~32 Ki characters (text-chunks.ts says why).
import type { EntitySet } from '../../../metadata';
import type { EntityRecord, ExpandedResult } from '../query/read-result';
import type { TypeWriter } from './type-writers';
import { etagOf } from './etag';
import { propertySlots, type PropertySlot } from './property-slots';
import type { ResponseFormat } from './response-format';
import { CANONICAL_NAMES, type ServedNames } from './served-names';
import { TextChunks, type ResponseText } from './text-chunks';

export interface WriteOptions {
  readonly serviceRoot: string;
  readonly format: ResponseFormat;
  /** the names to write (a name mapping's public names); absent = the canonical model's */
  readonly names?: ServedNames;
}

const DIGITS = /^\d+$/;

/** `"@odata.etag":"W/\"7\""`; a numeric Version needs no JSON escaping. */
function etagMember(version: string): string {
  return DIGITS.test(version) ? `"@odata.etag":"W/\\"${version}\\""` : `"@odata.etag":${JSON.stringify(etagOf(version))}`;
}

/** The `"@odata.…":…` members before the properties, per metadata level ('' for none). */
function controlInfo(set: EntitySet, e: EntityRecord, o: WriteOptions, odataType: string): string {
  const level = o.format.metadata;
  if (level === 'none') return '';
  const etag = e.version === undefined ? '' : etagMember(e.version);
  if (level !== 'full') return etag;
  const url = JSON.stringify(`${o.serviceRoot}/${(o.names ?? CANONICAL_NAMES).entityPath(set, e.key)}`);
  return `"@odata.type":"${odataType}","@odata.id":${url},${etag === '' ? '' : `${etag},`}"@odata.editLink":${url}`;
}

// served navigation name → `"Contacts":` (navigation names are a small, fixed set per mapping)
const NAV_KEYS = new Map<string, string>();
function navKey(name: string): string {
  let key = NAV_KEYS.get(name);
  if (key === undefined) {
    key = `${JSON.stringify(name)}:`;
    NAV_KEYS.set(name, key);
  }
  return key;
}

/**
 * The compiled selection of one level of this response: its property slots, and its expanded
 * levels by navigation name — found once per response, not once per parent (W4: 100 lists).
 */
interface Level {
  readonly tw: TypeWriter;
  readonly slots: readonly PropertySlot[];
  readonly expanded: Map<string, Level>;
}

function levelOf(set: EntitySet, first: EntityRecord, o: WriteOptions): Level {
  const tw = (o.names ?? CANONICAL_NAMES).typeWriter(set.type);
  return { tw, slots: propertySlots(tw, first, o.format.ieee754), expanded: new Map() };
}

/** The expanded level below `parent` for navigation `nav`, compiled on its first non-empty list. */
function childLevel(parent: Level, nav: string, set: EntitySet, first: EntityRecord, o: WriteOptions): Level {
  let level = parent.expanded.get(nav);
  if (!level) {
    level = levelOf(set, first, o);
    parent.expanded.set(nav, level);
  }
  return level;
}

/** Appends the expanded navigation property's members (`"Contacts@odata.count":2,"Contacts":[…]`). */
function writeExpanded(out: TextChunks, parent: Level, nav: string, x: ExpandedResult, o: WriteOptions): void {
  const name = parent.tw.navigationNames.get(nav) ?? nav;
  if (x.kind === 'single') {
    if (x.entity === null) return out.add(`${navKey(name)}null`);
    out.add(navKey(name));
    return writeEntityTo(out, x.set, x.entity, o, childLevel(parent, nav, x.set, x.entity, o), '');
  }
  const count = x.count === undefined ? '' : `"${name}@odata.count":${x.count},`;
  const first = x.entities[0];
  if (first === undefined) return out.add(`${count}${navKey(name)}[]`);
  out.add(`${count}${navKey(name)}[`);
  writeList(out, x.set, x.entities, o, childLevel(parent, nav, x.set, first, o));
  out.add(']');
}

/** Full metadata: a navigationLink for each navigation property not expanded; `sep` goes first. */
function navigationLinks(set: EntitySet, e: EntityRecord, o: WriteOptions, sep: string, tw: TypeWriter): string {
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

/** The selected properties, each key carrying its own separator (property-slots.ts). */
function valuesText(e: EntityRecord, slots: readonly PropertySlot[], full: boolean): string {
  const values = e.values;
  let out = '';
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i] as PropertySlot;
    const v = values[s.name] ?? null;
    out += (full && v !== null ? s.annotatedKey : s.key) + s.text(v);
  }
  return out;
}

/** The members before the expanded ones: `leading`, control information, selected properties. */
function headText(set: EntitySet, e: EntityRecord, o: WriteOptions, level: Level, leading: string): string {
  let out = leading;
  const control = o.format.metadata === 'none' ? '' : controlInfo(set, e, o, level.tw.odataType);
  if (control !== '') out += out === '' ? control : `,${control}`;
  if (level.slots.length > 0) out += (out === '' ? '' : ',') + valuesText(e, level.slots, o.format.metadata === 'full');
  return out;
}

/** Appends `{…}` for one entity; `leading` (e.g. the @odata.context member) goes first inside the braces. */
function writeEntityTo(out: TextChunks, set: EntitySet, e: EntityRecord, o: WriteOptions, level: Level, leading: string): void {
  const head = headText(set, e, o, level, leading);
  const full = o.format.metadata === 'full';
  let sep = head === '' ? '' : ',';
  let open = `{${head}`;
  for (const nav in e.expanded) {
    const x = e.expanded[nav];
    if (!x) continue;
    out.add(open + sep);
    open = '';
    writeExpanded(out, level, nav, x, o);
    sep = ',';
  }
  out.add(full ? `${open}${navigationLinks(set, e, o, sep, level.tw)}}` : `${open}}`);
}

function writeList(out: TextChunks, set: EntitySet, entities: readonly EntityRecord[], o: WriteOptions, level: Level): void {
  for (let i = 0; i < entities.length; i++) {
    if (i > 0) out.add(',');
    writeEntityTo(out, set, entities[i] as EntityRecord, o, level, '');
  }
}

/**
 * Appends the entities of one set, comma-separated. All of them come from one level of the read
 * (one selection), so the list's first entity compiles the slots for all (property-slots.ts).
 */
export function writeEntities(out: TextChunks, set: EntitySet, entities: readonly EntityRecord[], o: WriteOptions): void {
  const first = entities[0];
  if (first !== undefined) writeList(out, set, entities, o, levelOf(set, first, o));
}

/** `{…}` for one entity as text; `leading` members (e.g. the @odata.context) come first. */
export function writeEntity(set: EntitySet, e: EntityRecord, o: WriteOptions, leading: readonly string[] = []): ResponseText {
  const out = new TextChunks();
  writeEntityTo(out, set, e, o, levelOf(set, e, o), leading.join(','));
  return out.text();
}
