// Canonical function calls (OData URL conventions §5.1.1.7–5.1.1.9): the ones we translate, each
// with its parameter types; valid OData functions we do not translate are 501, anything else 400.
import type { Expr } from '../uri/ast';
import { BadRequestError, NotImplementedError, UnknownFunctionError } from '../../errors/catalogue';
import { BOOLEAN, edmName, type BoundExpr, type FunctionName, type ScalarType } from './bound-expr';

type Kind = ScalarType['kind'];
type Accept = readonly Kind[];

interface Signature {
  readonly params: readonly Accept[];
  /** how many trailing params may be left out */
  readonly optional?: number;
  readonly result: (args: readonly BoundExpr[]) => ScalarType;
}

const S: Accept = ['string'];
const I: Accept = ['int'];
const NUM: Accept = ['int', 'decimal', 'double'];
const DAY: Accept = ['date', 'dateTimeOffset'];
const TIME: Accept = ['dateTimeOffset', 'timeOfDay'];
const STRING = (): ScalarType => ({ kind: 'string' });
const INT = (): ScalarType => ({ kind: 'int' });

/** round/floor/ceiling keep the family; a decimal's result has no fractional digits. */
const rounded = (args: readonly BoundExpr[]): ScalarType => {
  const t = args[0]?.type;
  return t?.kind === 'decimal' ? { kind: 'decimal', scale: 0 } : (t ?? INT());
};

const SIGNATURES: Readonly<Record<FunctionName, Signature>> = {
  contains: { params: [S, S], result: () => BOOLEAN },
  startswith: { params: [S, S], result: () => BOOLEAN },
  endswith: { params: [S, S], result: () => BOOLEAN },
  length: { params: [S], result: INT },
  indexof: { params: [S, S], result: INT },
  substring: { params: [S, I, I], optional: 1, result: STRING },
  tolower: { params: [S], result: STRING },
  toupper: { params: [S], result: STRING },
  trim: { params: [S], result: STRING },
  concat: { params: [S, S], result: STRING },
  year: { params: [DAY], result: INT },
  month: { params: [DAY], result: INT },
  day: { params: [DAY], result: INT },
  hour: { params: [TIME], result: INT },
  minute: { params: [TIME], result: INT },
  second: { params: [TIME], result: INT },
  fractionalseconds: { params: [TIME], result: () => ({ kind: 'decimal', scale: 3 }) },
  date: { params: [['dateTimeOffset']], result: () => ({ kind: 'date' }) },
  time: { params: [['dateTimeOffset']], result: () => ({ kind: 'timeOfDay' }) },
  round: { params: [NUM], result: rounded },
  floor: { params: [NUM], result: rounded },
  ceiling: { params: [NUM], result: rounded },
};

/** Canonical OData functions this service does not translate to SQL (→ 501). */
const NOT_IMPLEMENTED = new Set([
  'matchespattern', 'totaloffsetminutes', 'totalseconds', 'maxdatetime', 'mindatetime', 'cast', 'isof',
  'case', 'hassubset', 'hassubsequence', 'geo.distance', 'geo.intersects', 'geo.length',
]);

const isImplemented = (name: string): name is FunctionName => Object.prototype.hasOwnProperty.call(SIGNATURES, name);

function checkArgs(name: FunctionName, sig: Signature, args: readonly BoundExpr[]): void {
  const min = sig.params.length - (sig.optional ?? 0);
  if (args.length < min || args.length > sig.params.length) {
    throw new BadRequestError(`${name}() takes ${min === sig.params.length ? min : `${min} or ${sig.params.length}`} argument(s), got ${args.length}`);
  }
  args.forEach((a, i) => {
    const accept = sig.params[i] ?? [];
    if (!accept.includes(a.type.kind)) {
      throw new BadRequestError(`Argument ${i + 1} of ${name}() must be ${accept.map((k) => edmName({ kind: k } as ScalarType)).join(' or ')}, not ${edmName(a.type)}`);
    }
  });
}

/** Binds a function call; `bindArg` binds each argument in the caller's scope. */
export function bindCall(call: Extract<Expr, { kind: 'call' }>, now: string, bindArg: (e: Expr) => BoundExpr): BoundExpr {
  const name = call.name.toLowerCase();
  if (name === 'now') {
    if (call.args.length > 0) throw new BadRequestError('now() takes no arguments');
    return { kind: 'literal', type: { kind: 'dateTimeOffset' }, value: now };
  }
  if (NOT_IMPLEMENTED.has(name) || name.startsWith('geo.')) {
    throw new NotImplementedError(`The function '${call.name}' is not supported`);
  }
  if (!isImplemented(name)) throw new UnknownFunctionError(`Unknown function '${call.name}'`, { target: call.name });
  const sig = SIGNATURES[name];
  const args = call.args.map(bindArg);
  checkArgs(name, sig, args);
  return { kind: 'call', type: sig.result(args), name, args };
}
