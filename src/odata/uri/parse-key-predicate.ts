// Key predicates in the resource path (URL Conventions §4.3.1, ABNF keyPredicate): Customers('10042'),
// Categories(7), PriceAgreements(CustomerID='10042',ProductID='A-1'). No blanks, no null keys.
import { NotImplementedError } from '../../errors/catalogue';
import type { KeyPredicate, Literal } from './ast';
import type { Cursor } from './cursor';
import { IDENTIFIER } from './lexical';
import { readLiteral } from './parse-literal';

function readKeyValue(cur: Cursor): Literal {
  if (cur.peek() === '@') throw new NotImplementedError(`${cur.label}: parameter aliases in key predicates are not supported.`);
  const at = cur.pos;
  const value = readLiteral(cur);
  if (value === undefined || value.type === 'null') {
    cur.fail(`expected a key value such as '10042' or 7 but found ${cur.found(at)}`, at);
  }
  return value;
}

function readNamedPairs(cur: Cursor): KeyPredicate {
  const pairs: { name: string; value: Literal }[] = [];
  do {
    const name = cur.match(IDENTIFIER) ?? cur.fail(`expected a key property name but found ${cur.found()}`);
    cur.pos += name.length;
    cur.expect('=', `'=' after the key property ${name}`);
    pairs.push({ name, value: readKeyValue(cur) });
  } while (cur.eat(','));
  return { kind: 'named', pairs };
}

/** Reads `(…)` at the cursor (on the '('). */
export function parseKeyPredicate(cur: Cursor): KeyPredicate {
  cur.pos++;
  const name = cur.match(IDENTIFIER);
  const named = name !== undefined && cur.text.charAt(cur.pos + name.length) === '=';
  const key: KeyPredicate = named ? readNamedPairs(cur) : { kind: 'single', value: readKeyValue(cur) };
  cur.expect(')', `',' or ')' in the key predicate`);
  return key;
}
