// Canonical functions in SQL with identical results on SQLite and PostgreSQL. String tests are
// case-sensitive (SQLite's LIKE is not, so instr/substr there, strpos/substr/right on PostgreSQL);
// date parts are substr() of the fixed-width ISO text the schema stores (edm/db-schema).
import type { BoundExpr } from '../../odata/query/bound-expr';
import { assertNever } from '../../odata/query/bound-expr';
import { compileRounding } from './compile-numeric';
import { sql, type CompileContext, type Raw } from './sql-fragment';

type Call = Extract<BoundExpr, { kind: 'call' }>;

/** 1-based start and length of each part in `YYYY-MM-DDTHH:MM:SS.sssZ` and `HH:MM:SS.sss`. */
const STAMP_PART = { year: [1, 4], month: [6, 2], day: [9, 2], hour: [12, 2], minute: [15, 2], second: [18, 2], fractionalseconds: [21, 3] } as const;
const TIME_PART = { hour: [1, 2], minute: [4, 2], second: [7, 2], fractionalseconds: [10, 3] } as const;

function arg(cx: CompileContext, call: Call, i: number): Raw {
  const a = call.args[i];
  if (!a) throw new Error(`compile-function: ${call.name} misses argument ${i + 1}`);
  return cx.value(a);
}

function datePart(cx: CompileContext, call: Call, part: keyof typeof STAMP_PART): Raw {
  const source = call.args[0]?.type.kind === 'timeOfDay' && part !== 'year' && part !== 'month' && part !== 'day' ? TIME_PART[part] : STAMP_PART[part];
  const [start, length] = source;
  // fixed offsets of the storage format (not request values); fractionalseconds' three digits
  // are the value in units of 10^-3, i.e. a Decimal of scale 3
  return cx.knex.raw(`CAST(substr(?, ${start}, ${length}) AS INTEGER)`, [arg(cx, call, 0)]);
}

/** A PostgreSQL substr/right position must be INTEGER; our integer parameters are BIGINT. */
function int4(cx: CompileContext, x: Raw): Raw {
  return cx.dialect === 'pg' ? sql(cx)`CAST(${x} AS INTEGER)` : x;
}

function substring(cx: CompileContext, call: Call): Raw {
  const s = sql(cx);
  const greatest = cx.dialect === 'pg' ? 'GREATEST' : 'max';
  // OData positions are 0-based; negative positions/lengths are clamped to 0 on both dialects
  const start = int4(cx, cx.knex.raw(`(${greatest}(?, 0) + 1)`, [arg(cx, call, 1)]));
  if (call.args.length < 3) return s`substr(${arg(cx, call, 0)}, ${start})`;
  const length = int4(cx, cx.knex.raw(`${greatest}(?, 0)`, [arg(cx, call, 2)]));
  return s`substr(${arg(cx, call, 0)}, ${start}, ${length})`;
}

/** contains/startswith/endswith as predicates. */
export function compileStringTest(cx: CompileContext, call: Call): Raw {
  const s = sql(cx);
  const a = arg(cx, call, 0);
  const b = arg(cx, call, 1);
  const pg = cx.dialect === 'pg';
  switch (call.name) {
    case 'contains': return pg ? s`(strpos(${a}, ${b}) > 0)` : s`(instr(${a}, ${b}) > 0)`;
    case 'startswith': return s`(substr(${a}, 1, length(${b})) = ${b})`;
    case 'endswith': return pg ? s`(right(${a}, length(${b})) = ${b})` : s`(substr(${a}, length(${a}) - length(${b}) + 1) = ${b})`;
    default: throw new Error(`compile-function: ${call.name} is not a predicate`);
  }
}

/** Any call as a value (a predicate call becomes 1/0). */
export function compileCall(cx: CompileContext, call: Call): Raw {
  const s = sql(cx);
  const pg = cx.dialect === 'pg';
  switch (call.name) {
    case 'contains':
    case 'startswith':
    case 'endswith': return s`(CASE WHEN ${compileStringTest(cx, call)} THEN 1 ELSE 0 END)`;
    case 'length': return s`length(${arg(cx, call, 0)})`;
    case 'indexof': return pg ? s`(strpos(${arg(cx, call, 0)}, ${arg(cx, call, 1)}) - 1)` : s`(instr(${arg(cx, call, 0)}, ${arg(cx, call, 1)}) - 1)`;
    case 'substring': return substring(cx, call);
    // lower/upper fold ASCII only on both (SQLite by design, PostgreSQL under COLLATE "C")
    case 'tolower': return s`lower(${arg(cx, call, 0)})`;
    case 'toupper': return s`upper(${arg(cx, call, 0)})`;
    case 'trim': return s`trim(${arg(cx, call, 0)})`;
    case 'concat': return s`(${arg(cx, call, 0)} || ${arg(cx, call, 1)})`;
    case 'year': case 'month': case 'day': case 'hour': case 'minute': case 'second': case 'fractionalseconds':
      return datePart(cx, call, call.name);
    case 'date': return s`substr(${arg(cx, call, 0)}, 1, 10)`;
    case 'time': return s`substr(${arg(cx, call, 0)}, 12, 12)`;
    case 'round': case 'floor': case 'ceiling': {
      const a = call.args[0];
      if (!a) throw new Error(`compile-function: ${call.name} needs an argument`);
      return compileRounding(cx, call.name, a);
    }
    default: return assertNever(call.name, 'function');
  }
}
