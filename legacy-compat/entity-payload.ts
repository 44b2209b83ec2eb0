// An OData JSON entity in a request body (JSON Format §4.5 control information, §8.5 bind
// operations, Protocol §11.4.2.2 deep insert) → its plain parts: property values (still raw; the
// command validates them), `@odata.bind` references and nested entities to create with it.
import { navigation, navigationTarget, qualified, typeOfSet, type EntitySet, type NavigationProperty } from '../metadata';
import { BadRequestError, NotImplementedError } from '../src/errors/catalogue';
import { isJsonObject, type JsonValue } from '../src/edm/exact-json';

export interface EntityPayload {
  readonly values: Readonly<Record<string, unknown>>;
  readonly binds: ReadonlyArray<{ readonly nav: NavigationProperty; readonly url: string }>;
  readonly nested: ReadonlyArray<{ readonly nav: NavigationProperty; readonly items: readonly EntityPayload[] }>;
}

function checkType(set: EntitySet, value: JsonValue): void {
  const expected = qualified(set.type);
  const given = typeof value === 'string' ? value.replace(/^#/, '') : undefined;
  if (given !== expected) {
    throw new BadRequestError(`@odata.type ${JSON.stringify(value)} is not the type of ${set.name} (#${expected}).`, { target: '@odata.type' });
  }
}

function bindOf(set: EntitySet, name: string, value: JsonValue): { nav: NavigationProperty; url: string } {
  const nav = navigation(typeOfSet(set), name);
  if (!nav) throw new BadRequestError(`'${name}' is not a navigation property of ${qualified(set.type)}; it cannot be bound.`, { target: `${name}@odata.bind` });
  if (nav.collection) throw new NotImplementedError(`Binding the collection '${name}' is not supported; bind each entity from its own side.`, { target: `${name}@odata.bind` });
  if (typeof value !== 'string') throw new BadRequestError(`${name}@odata.bind must be the URL of one entity.`, { target: `${name}@odata.bind` });
  return { nav, url: value };
}

function nestedOf(set: EntitySet, nav: NavigationProperty, value: JsonValue, allowNested: boolean): EntityPayload[] {
  if (!nav.collection) throw new NotImplementedError(`Deep insert through the single-valued '${nav.name}' is not supported; use ${nav.name}@odata.bind.`, { target: nav.name });
  if (!allowNested) throw new NotImplementedError(`Deep update of '${nav.name}' is not supported; change related entities through their own URLs.`, { target: nav.name });
  if (!Array.isArray(value)) throw new BadRequestError(`'${nav.name}' must be an array of entities.`, { target: nav.name });
  const target = navigationTarget(set, nav);
  return (value as readonly JsonValue[]).map((item) => readEntityPayload(target, item, true));
}

/** Splits an entity payload of `set`. `allowNested`: deep insert (POST) may carry collection navigations. */
export function readEntityPayload(set: EntitySet, body: JsonValue | undefined, allowNested: boolean): EntityPayload {
  if (!isJsonObject(body)) throw new BadRequestError(`The request body must be a JSON object: one ${qualified(set.type)}.`);
  const values: Record<string, unknown> = {};
  const binds: Array<{ nav: NavigationProperty; url: string }> = [];
  const nested: Array<{ nav: NavigationProperty; items: EntityPayload[] }> = [];
  for (const [name, value] of Object.entries(body)) {
    const at = name.indexOf('@');
    if (at === 0) {
      if (name === '@odata.type' || name === '@type') checkType(set, value);
      continue; // other control information (@odata.context, @odata.etag, @odata.id …) is ignored
    }
    if (at > 0) {
      const annotation = name.slice(at + 1);
      if (annotation === 'odata.bind' || annotation === 'bind') binds.push(bindOf(set, name.slice(0, at), value));
      continue; // property annotations (Name@odata.type …) carry nothing we need
    }
    const nav = navigation(typeOfSet(set), name);
    if (nav) nested.push({ nav, items: nestedOf(set, nav, value, allowNested) });
    else values[name] = value;
  }
  return { values, binds, nested };
}
