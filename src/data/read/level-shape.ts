// What one level fetches and how each of its rows becomes a record, worked out once per distinct
// selection (set, $select, $expand links) rather than per request and per row. Shapes are keyed
// by that selection and bounded, so clients sending many different $select lists cannot grow it.
import { complexType, property, typeOfSet } from '../../../metadata';
import type { LevelPlan, SelectedProperty } from '../../odata/query/plan';
import { tableOf, type Column } from '../../edm/db-schema';
import { LruCache } from './lru-cache';
import { selectionKey } from './selection-key';

/** A selected property: one column, or a complex value's member columns. */
export type ValueReader =
  | { readonly name: string; readonly column: Column }
  | { readonly name: string; readonly members: ReadonlyArray<readonly [member: string, column: Column]> };

export interface LevelShape {
  /** columns to fetch, in table order: selected, key, Version, link columns */
  readonly columns: readonly Column[];
  /** EntityRecord.values, in the order of the level's selection */
  readonly values: readonly ValueReader[];
  readonly keys: ReadonlyArray<readonly [property: string, column: Column]>;
  readonly version: Column | undefined;
  /** per dialect and alias: the SELECT list text (select-columns.ts) */
  readonly selectLists: Map<string, string>;
}

const SHAPES = new LruCache<string, LevelShape>(500);

function column(setName: string, path: string): Column {
  const c = tableOf(setName).byPath.get(path);
  if (!c) throw new Error(`read: no column for ${setName}/${path}`);
  return c;
}

function reader(setName: string, sp: SelectedProperty): ValueReader {
  const p = property(typeOfSet(tableOf(setName).set), sp.name);
  if (p?.kind !== 'complex') return { name: sp.name, column: column(setName, sp.name) };
  const members = sp.members ?? (complexType(p.type)?.properties ?? []).map((m) => m.name);
  return { name: sp.name, members: members.map((m) => [m, column(setName, `${sp.name}/${m}`)] as const) };
}

const pathsOf = (r: ValueReader): string[] =>
  'column' in r ? [r.column.path.join('/')] : r.members.map(([, c]) => c.path.join('/'));

function buildShape(level: LevelPlan): LevelShape {
  const setName = level.set.name;
  const type = typeOfSet(level.set);
  const values = level.selected.map((sp) => reader(setName, sp));
  const paths = new Set<string>([
    ...values.flatMap(pathsOf),
    ...type.key,
    ...(type.concurrency ? [type.concurrency] : []),
    ...level.expand.flatMap((e) => e.nav.on.map((pair) => pair.source)),
  ]);
  return {
    columns: tableOf(setName).columns.filter((c) => paths.has(c.path.join('/'))),
    values,
    keys: type.key.map((k) => [k, column(setName, k)] as const),
    version: type.concurrency ? column(setName, type.concurrency) : undefined,
    selectLists: new Map(),
  };
}

function shapeKey(level: LevelPlan): string {
  let key = level.set.name;
  key += selectionKey(level.selected);
  for (const e of level.expand) key += `>${e.nav.name}`;
  return key;
}

// A request asks for its levels' shapes several times (SELECT list, link column, row conversion);
// remembering the answer per plan object spares rebuilding the key text each time.
const BY_PLAN = new WeakMap<LevelPlan, LevelShape>();

export function levelShape(level: LevelPlan): LevelShape {
  const known = BY_PLAN.get(level);
  if (known) return known;
  const key = shapeKey(level);
  let shape = SHAPES.get(key);
  if (!shape) {
    shape = buildShape(level);
    SHAPES.set(key, shape);
  }
  BY_PLAN.set(level, shape);
  return shape;
}
