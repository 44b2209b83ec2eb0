// $expand (URL Conventions §5.1.2, ABNF expand): items are '*', a navigation path, either one
// optionally followed by /$ref, and then (options;…). Nested $expand is charged against
// limits.maxExpandDepth before it is parsed, so a deep chain costs only the levels allowed.
import { BadRequestError, LimitExceededError, NotImplementedError } from '../../errors/catalogue';
import type { ExpandItem, QueryOptions } from './ast';
import type { Cursor } from './cursor';
import { readName } from './names';
import { OptionsBuilder, type OptionsEnv } from './options-builder';
import { readExpandGroup } from './read-expand-group';
import { EXPAND_ITEM, EXPAND_REF_ITEM, EXPAND_STAR_ITEM } from './system-options';

function unsupported(cur: Cursor, what: string): never {
  throw new NotImplementedError(`${cur.label}: ${what} (at position ${cur.abs()}) is not supported.`);
}

function readPath(cur: Cursor): string[] {
  const c = cur.peek();
  if (c === '$' || c === '@') unsupported(cur, c === '@' ? 'expanding annotations' : `expanding ${cur.found()}`);
  const path: string[] = [];
  do {
    if (cur.eat('*')) return [...path, '*']; // Address/* — all navigation properties of a complex property
    path.push(readName(cur) ?? cur.fail(`expected a navigation property or '*' but found ${cur.found()}`));
  } while (cur.peek() === '/' && cur.peek(1) !== '$' && cur.eat('/'));
  return path;
}

function readOptions(cur: Cursor, env: OptionsEnv, item: string, allowed: ReadonlySet<string>): QueryOptions {
  if (cur.peek() !== '(') return {};
  const inner: OptionsEnv = { ...env, aliases: env.aliases.child(), expandDepth: env.expandDepth + 1 };
  const builder = new OptionsBuilder(inner);
  readExpandGroup(cur, builder, { item, allowed, aliases: inner.aliases, escaped: env.escaped });
  return builder.build();
}

function parseItem(cur: Cursor, env: OptionsEnv): ExpandItem {
  const star = cur.peek() === '*';
  const path = readPath(cur);
  const label = path.join('/');
  let ref = false;
  if (cur.text.startsWith('/$ref', cur.pos)) {
    cur.pos += 5;
    ref = true;
  } else if (cur.text.startsWith('/$count', cur.pos)) {
    unsupported(cur, `${label}/$count in $expand`);
  } else if (cur.peek() === '/') {
    cur.fail(`expected $ref or a property name after '/' but found ${cur.found(cur.pos + 1)}`, cur.pos + 1);
  }
  const allowed = ref ? EXPAND_REF_ITEM : star ? EXPAND_STAR_ITEM : EXPAND_ITEM;
  const options = readOptions(cur, env, ref ? `${label}/$ref` : label, allowed);
  return ref ? { path, options, ref } : { path, options };
}

/** Parses $expand items until a character that cannot continue them; the caller checks what follows. */
export function parseExpandItems(cur: Cursor, env: OptionsEnv): ExpandItem[] {
  const max = env.limits.maxExpandDepth;
  if (env.expandDepth + 1 > max) {
    throw new LimitExceededError(`$expand is nested more than ${max} levels deep (limit ${max})`, { target: '$expand' });
  }
  if (cur.done) throw new BadRequestError(`${cur.label} must not be empty.`, { target: cur.label });
  const items: ExpandItem[] = [];
  do items.push(parseItem(cur, env));
  while (cur.eat(','));
  return items;
}
