// Key predicates (`Customers('10042')`, `Categories(7)`, `PriceAgreements(CustomerID='1',ProductID='A')`)
// checked against the model's key properties and their types, so a wrong literal is a 400, never a miss.
import { property, qualified, typeOfSet, type EntitySet, type PrimitiveProperty } from '../../../metadata';
import { BadRequestError, UnknownPropertyError } from '../../errors/catalogue';
import type { KeyPredicate, Literal } from '../uri/ast';
import type { BoundKeyPart, KeyValue } from './plan';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function keyProperty(set: EntitySet, name: string): PrimitiveProperty {
  const type = typeOfSet(set);
  const p = property(type, name);
  if (!p) throw new UnknownPropertyError(`The type '${qualified(type.name)}' has no property '${name}'`, { target: name });
  if (!type.key.includes(name) || p.kind !== 'primitive') {
    throw new BadRequestError(`'${name}' is not a key property of '${qualified(type.name)}'`, { target: name });
  }
  return p;
}

function keyValue(set: EntitySet, p: PrimitiveProperty, lit: Literal): KeyValue {
  if (p.type === 'Edm.String' && lit.type === 'string') return lit.value;
  if (p.type === 'Edm.Int32' && lit.type === 'int') {
    const n = Number(lit.value);
    if (Number.isSafeInteger(n) && n >= INT32_MIN && n <= INT32_MAX) return n;
  }
  throw new BadRequestError(
    `The key value for '${p.name}' of '${set.name}' must be an ${p.type} literal`,
    { target: p.name },
  );
}

/** Binds a key predicate of `set`; throws 400 on a wrong arity, name or literal type. */
export function bindKey(set: EntitySet, key: KeyPredicate): BoundKeyPart[] {
  const keyNames = typeOfSet(set).key;
  if (key.kind === 'single') {
    const [only] = keyNames;
    if (keyNames.length !== 1 || only === undefined) {
      throw new BadRequestError(`'${set.name}' has a composite key; name every key property: ${set.name}(${keyNames.map((k) => `${k}=…`).join(',')})`);
    }
    return [{ property: only, value: keyValue(set, keyProperty(set, only), key.value) }];
  }
  const seen = new Map<string, KeyValue>();
  for (const pair of key.pairs) {
    const p = keyProperty(set, pair.name);
    if (seen.has(p.name)) throw new BadRequestError(`Key property '${p.name}' is given twice`, { target: p.name });
    seen.set(p.name, keyValue(set, p, pair.value));
  }
  return keyNames.map((name) => {
    const value = seen.get(name);
    if (value === undefined) throw new BadRequestError(`The key of '${set.name}' misses '${name}'`, { target: name });
    return { property: name, value };
  });
}
