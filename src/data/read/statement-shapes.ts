// Compiled SQL by query shape: a read whose shape (shape-key.ts) was seen before skips knex query
// building and SQL generation entirely — its SQL text and binding layout are reused, and only the
// slot values (tenant, keys, text literals, …) are placed into their binding positions. Values are
// still bound parameters, never SQL text. A shape is cached only after checking, on its first
// request, that compiling with placeholder values and with the real values gives the same SQL and
// the same bindings once the real values are put in; otherwise the shape is always compiled anew.
import type { Knex } from 'knex';
import type { Database } from '../db';
import { createCompileContext } from './compile-filter';
import { LruCache } from './lru-cache';
import { runCompiled } from './run-select';
import type { ShapeSlots } from './shape-key';
import type { CompileContext } from './sql-fragment';
import type { Row } from './sqlite-reader';

/** Distinct shapes kept per database; the least recently used is dropped beyond this. */
export const SHAPE_CACHE_SIZE = 500;

interface Template {
  readonly sql: string;
  /** per binding: the slot it takes its value from, or -1 for a constant */
  readonly slotAt: readonly number[];
  readonly constants: readonly unknown[];
}

/** Shapes whose check failed (a value changed the SQL) are remembered as such, not retried. */
type Entry = Template | 'compile';

// Per dialect, not per Database: SQL text depends on nothing else, and a write's transaction (a
// Database of its own, commands/unit-of-work.ts) then reuses the shapes of the service's reads.
const caches = new Map<Database['dialect'], LruCache<string, Entry>>();

function cacheOf(db: Database): LruCache<string, Entry> {
  let c = caches.get(db.dialect);
  if (!c) caches.set(db.dialect, (c = new LruCache(SHAPE_CACHE_SIZE)));
  return c;
}

// Control characters cannot come from a URL-decoded value unnoticed: the check below rejects a shape
// if a placeholder shows up anywhere but as a whole binding.
const MARK = '\u0001b2x-slot\u0001';
const placeholder = (slot: number): string => `${MARK}${slot}${MARK}`;

function slotOfBinding(b: unknown): number {
  if (typeof b !== 'string' || !b.startsWith(MARK) || !b.endsWith(MARK)) return -1;
  const n = Number(b.slice(MARK.length, -MARK.length));
  return Number.isInteger(n) ? n : -1;
}

/** SQL text and bindings in the form the database runs them (see run-select.ts). */
function compiled(db: Database, q: Knex.QueryBuilder): { sql: string; bindings: readonly unknown[] } {
  const s = q.toSQL();
  return db.dialect === 'sqlite' ? s.toNative() : { sql: s.sql, bindings: s.bindings };
}

function templateContext(cx: CompileContext, slots: ShapeSlots): CompileContext {
  return createCompileContext(cx.db, { tenantId: placeholder(0) }, (node) => {
    const i = slots.slotOf(node);
    return i === undefined ? undefined : placeholder(i);
  });
}

function fill(t: Template, values: readonly unknown[]): unknown[] {
  const out = new Array<unknown>(t.slotAt.length);
  for (let i = 0; i < out.length; i++) {
    const s = t.slotAt[i] as number;
    out[i] = s < 0 ? t.constants[i] : values[s];
  }
  return out;
}

/** The template of a first-seen shape, or undefined when the real compile is not reproduced by it. */
function checkedTemplate(placeholders: { sql: string; bindings: readonly unknown[] }, real: { sql: string; bindings: readonly unknown[] }, values: readonly unknown[]): Template | undefined {
  if (placeholders.sql !== real.sql || placeholders.sql.includes(MARK) || placeholders.bindings.length !== real.bindings.length) return undefined;
  const slotAt = placeholders.bindings.map(slotOfBinding);
  const constants = placeholders.bindings.map((b, i) => (slotAt[i] === -1 ? b : undefined));
  if (constants.some((c) => typeof c === 'string' && c.includes(MARK))) return undefined;
  // every slot must be bound as is: a value used only through a transformation could change the SQL
  for (let s = 0; s < values.length; s++) if (!slotAt.includes(s)) return undefined;
  const t: Template = { sql: placeholders.sql, slotAt, constants };
  const filled = fill(t, values);
  return filled.every((v, i) => Object.is(v, real.bindings[i])) ? t : undefined;
}

/**
 * Runs the statement `build` makes for this request, through the shape cache when `key` is given
 * (no key: always compiled). `build` must read request values only from `slots`'s plan nodes, the
 * context's scope and the placeholders it is handed, so a template stands for every request of the shape.
 */
export async function selectByShape(
  cx: CompileContext,
  key: string | undefined,
  slots: ShapeSlots,
  build: (cx: CompileContext, slotValue: (slot: number) => unknown) => Knex.QueryBuilder,
): Promise<Row[]> {
  const real = () => compiled(cx.db, build(cx, (s) => slots.values[s]));
  if (key === undefined) {
    const r = real();
    return runCompiled(cx.db, r.sql, r.bindings);
  }
  const cache = cacheOf(cx.db);
  const entry = cache.get(key);
  if (entry !== undefined && entry !== 'compile') return runCompiled(cx.db, entry.sql, fill(entry, slots.values));
  const r = real();
  if (entry === undefined) {
    const placeholders = compiled(cx.db, build(templateContext(cx, slots), placeholder));
    cache.set(key, checkedTemplate(placeholders, r, slots.values) ?? 'compile');
  }
  return runCompiled(cx.db, r.sql, r.bindings);
}
