// Literals that start with a digit or sign: Guid, Date, DateTimeOffset, TimeOfDay and numbers
// (OData ABNF §7). Tried longest-first so '2012-09-03' is a Date, not 2012 minus 9 minus 3.
// Numbers stay exact text (never a JS float); the type is read off the spelling.
import type { Literal } from './ast';
import type { Cursor } from './cursor';
import { DATE, GUID, NUMBER, TIME_OF_DAY, ZONE, isWordChar } from './lexical';
import { checkDate, normaliseDateTimeOffset, normaliseTime } from './temporal-literal';

function endOfToken(cur: Cursor, what: string): void {
  if (isWordChar(cur.peek())) cur.fail(`unexpected ${cur.found()} after ${what}`);
}

function readDateTimeOffsetRest(cur: Cursor, date: string, start: number): Literal {
  cur.pos++; // the 'T'
  const time = cur.match(TIME_OF_DAY);
  if (time === undefined) cur.fail('expected a time of day (HH:MM[:SS[.fff]]) after the T of a DateTimeOffset');
  cur.pos += time.length;
  const zone = cur.match(ZONE);
  if (zone === undefined) cur.fail("expected 'Z' or a time zone offset (+HH:MM or -HH:MM) in a DateTimeOffset");
  cur.pos += zone.length;
  endOfToken(cur, 'a DateTimeOffset');
  return { kind: 'literal', type: 'dateTimeOffset', value: normaliseDateTimeOffset(date, time, zone, cur.abs(start)) };
}

function readTemporal(cur: Cursor): Literal | undefined {
  const start = cur.pos;
  const date = cur.match(DATE);
  if (date !== undefined) {
    cur.pos += date.length;
    if (cur.peek() === 'T' || cur.peek() === 't') return readDateTimeOffsetRest(cur, date, start);
    endOfToken(cur, 'a Date');
    checkDate(date, cur.abs(start));
    return { kind: 'literal', type: 'date', value: date };
  }
  const time = cur.match(TIME_OF_DAY);
  if (time === undefined) return undefined;
  cur.pos += time.length;
  endOfToken(cur, 'a TimeOfDay');
  return { kind: 'literal', type: 'timeOfDay', value: normaliseTime(time, cur.abs(start)) };
}

/** int, decimal or double from the spelling: exponent or d/f suffix → double, fraction or m suffix → decimal. */
export function classifyNumber(text: string): Literal {
  const suffix = /[mMdDfFlL]$/.test(text) ? text.slice(-1).toLowerCase() : '';
  const body = (suffix ? text.slice(0, -1) : text).replace(/^\+/, '');
  if (/[eE]/.test(body) || suffix === 'd' || suffix === 'f') return { kind: 'literal', type: 'double', value: body };
  if (body.includes('.') || suffix === 'm') return { kind: 'literal', type: 'decimal', value: body };
  return { kind: 'literal', type: 'int', value: body };
}

/** Reads a Guid, temporal or numeric literal at the cursor, or returns undefined without consuming. */
export function readNumericOrTemporal(cur: Cursor): Literal | undefined {
  const guid = cur.match(GUID);
  if (guid !== undefined && !isWordChar(cur.text.charAt(cur.pos + guid.length))) {
    cur.pos += guid.length;
    return { kind: 'literal', type: 'guid', value: guid };
  }
  const c = cur.peek();
  const signed = c === '-' || c === '+';
  if (!/[0-9]/.test(signed ? cur.peek(1) : c)) return undefined;
  const temporal = readTemporal(cur);
  if (temporal) return temporal;
  const num = cur.match(NUMBER);
  if (num === undefined) return undefined;
  cur.pos += num.length;
  endOfToken(cur, 'a number');
  return classifyNumber(num);
}
