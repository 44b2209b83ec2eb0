// Literal binding and coercion: a literal gets its natural type, then adopts the other operand's
// type where OData allows it (a string literal against an enum property names a member).
import { enumType, MODEL } from '../../../metadata';
import { BadRequestError, NotImplementedError } from '../../errors/catalogue';
import type { Literal } from '../uri/ast';
import { edmName, type BoundExpr, type ScalarType } from './bound-expr';
import { formatExactDecimal, parseExactDecimal } from './exact-decimal';

type BoundLiteral = Extract<BoundExpr, { kind: 'literal' }>;

const lit = (type: ScalarType, value: string | boolean | null): BoundLiteral => ({ kind: 'literal', type, value });

function numberLiteral(text: string, kind: 'int' | 'decimal' | 'double'): BoundLiteral {
  const exact = parseExactDecimal(text);
  if (!exact) {
    if (kind === 'double' && /^(-?INF|NaN)$/.test(text)) {
      throw new BadRequestError(`The literal '${text}' cannot be compared with stored numbers`);
    }
    throw new BadRequestError(`'${text}' is not a valid numeric literal`);
  }
  if (kind === 'int') return lit({ kind: 'int' }, formatExactDecimal(exact));
  // a double literal with a finite value is taken at its exact decimal value (1.5E2 = 150)
  return lit({ kind: 'decimal', scale: exact.scale }, formatExactDecimal(exact));
}

function enumMember(typeName: string, member: string): BoundLiteral {
  const et = enumType(typeName);
  const m = et?.members.find((x) => x.name === member);
  if (!et || !m) throw new BadRequestError(`'${member}' is not a member of '${MODEL.namespace}.${typeName}'`);
  return lit({ kind: 'enum', enumType: et.name }, String(m.value));
}

function enumLiteral(l: Extract<Literal, { type: 'enum' }>): BoundLiteral {
  const simple = l.typeName.startsWith(`${MODEL.namespace}.`) ? l.typeName.slice(MODEL.namespace.length + 1) : l.typeName;
  if (!enumType(simple)) throw new BadRequestError(`Unknown enum type '${l.typeName}'`);
  const [only, ...more] = l.value;
  if (only === undefined || more.length > 0) {
    throw new BadRequestError(`'${l.typeName}' is not a flags enum; name exactly one member`);
  }
  return enumMember(simple, only);
}

/** A parser literal as a bound literal of its natural type. */
export function bindLiteral(l: Literal): BoundLiteral {
  switch (l.type) {
    case 'null': return lit({ kind: 'null' }, null);
    case 'boolean': return lit({ kind: 'boolean' }, l.value);
    case 'string': return lit({ kind: 'string' }, l.value);
    case 'int':
    case 'decimal':
    case 'double': return numberLiteral(l.value, l.type);
    case 'date': return lit({ kind: 'date' }, l.value);
    case 'dateTimeOffset': return lit({ kind: 'dateTimeOffset' }, l.value);
    case 'timeOfDay': return lit({ kind: 'timeOfDay' }, l.value);
    case 'enum': return enumLiteral(l);
    case 'guid': throw new BadRequestError('This model has no Edm.Guid properties to compare a guid literal with');
    case 'duration': throw new NotImplementedError('Edm.Duration literals are not supported');
  }
}

/** Lets a literal take the other operand's type where OData allows it; other nodes pass unchanged. */
export function coerceTo(node: BoundExpr, target: ScalarType): BoundExpr {
  if (node.kind !== 'literal' || target.kind !== 'enum' || node.type.kind !== 'string') return node;
  return enumMember(target.enumType, String(node.value));
}

type Family = 'string' | 'number' | 'boolean' | 'date' | 'dateTimeOffset' | 'timeOfDay' | 'null' | `enum:${string}`;

function family(t: ScalarType): Family {
  switch (t.kind) {
    case 'int':
    case 'decimal':
    case 'double': return 'number';
    case 'enum': return `enum:${t.enumType}`;
    default: return t.kind;
  }
}

/** 400 unless the two types can be compared (null compares with anything). */
export function checkComparable(op: string, a: ScalarType, b: ScalarType): void {
  if (a.kind === 'null' || b.kind === 'null' || family(a) === family(b)) return;
  throw new BadRequestError(`The operator '${op}' cannot compare ${edmName(a)} with ${edmName(b)}`);
}

export const isNumeric = (t: ScalarType): boolean => family(t) === 'number';
