// Primitive literals in URLs (OData ABNF §7 primitiveLiteral), decoded exactly as ast.ts promises.
// Returns undefined without consuming input when no literal starts here, so the expression parser
// can go on to try a member path or a function call.
import { NotImplementedError } from '../../errors/catalogue';
import type { Literal } from './ast';
import type { Cursor } from './cursor';
import { INT64_TEXT, QUALIFIED_NAME, isIdentifier, isWordChar } from './lexical';
import { readNumericOrTemporal } from './numeric-literal';
import { readQuoted } from './quoted-text';

/** ABNF durationValue (xsd:dayTimeDuration): days, hours, minutes, seconds; at least one part. */
const DURATION = /^-?P(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;
const UNSUPPORTED_PREFIXES = new Set(['binary', 'geography', 'geometry']);

function keyword(name: string): Literal | undefined {
  const lower = name.toLowerCase();
  // ABNF: boolean is case-insensitive, null and the IEEE specials are %s (case-sensitive)
  if (lower === 'true' || lower === 'false') return { kind: 'literal', type: 'boolean', value: lower === 'true' };
  if (name === 'null') return { kind: 'literal', type: 'null', value: null };
  if (name === 'INF' || name === 'NaN') return { kind: 'literal', type: 'double', value: name };
  return undefined;
}

function readEnum(cur: Cursor, typeName: string, start: number): Literal {
  const members = readQuoted(cur).split(',');
  for (const m of members) {
    if (!isIdentifier(m) && !INT64_TEXT.test(m)) {
      cur.fail(`invalid member '${m}' in enum literal ${typeName}'…': expected member names or integers separated by commas`, start);
    }
  }
  return { kind: 'literal', type: 'enum', typeName, value: members };
}

/** name'…' — duration'P1D', Namespace.EnumType'Member', or a typed literal we do not support. */
function readTypedLiteral(cur: Cursor, name: string): Literal {
  const start = cur.pos;
  cur.pos += name.length;
  const prefix = name.toLowerCase();
  if (prefix === 'duration') {
    const text = readQuoted(cur);
    if (!DURATION.test(text)) cur.fail(`invalid duration '${text}': expected an ISO 8601 day-time duration such as P1DT2H30M`, start);
    return { kind: 'literal', type: 'duration', value: text };
  }
  if (UNSUPPORTED_PREFIXES.has(prefix)) throw new NotImplementedError(`${prefix} literals are not supported (at position ${cur.abs(start)}).`);
  if (!name.includes('.')) {
    cur.fail(`unexpected quote after '${name}': an enum literal needs a qualified type name such as B2X.Erp.ContactRole'Buyer'`, cur.pos);
  }
  return readEnum(cur, name, start);
}

function readWordLiteral(cur: Cursor): Literal | undefined {
  const name = cur.match(QUALIFIED_NAME);
  if (name === undefined) return undefined;
  const after = cur.text.charAt(cur.pos + name.length);
  if (after === "'") return readTypedLiteral(cur, name);
  if (isWordChar(after) || name.includes('.')) return undefined;
  const lit = keyword(name);
  if (lit) cur.pos += name.length;
  return lit;
}

/** Reads the primitive literal at the cursor, or returns undefined (nothing consumed). */
export function readLiteral(cur: Cursor): Literal | undefined {
  const c = cur.peek();
  if (c === "'") return { kind: 'literal', type: 'string', value: readQuoted(cur) };
  if (c === '-' && cur.text.startsWith('-INF', cur.pos) && !isWordChar(cur.text.charAt(cur.pos + 4))) {
    cur.pos += 4;
    return { kind: 'literal', type: 'double', value: '-INF' };
  }
  return readNumericOrTemporal(cur) ?? readWordLiteral(cur);
}
