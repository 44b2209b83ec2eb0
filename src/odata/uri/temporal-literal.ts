// Range checks and normalisation for Date, TimeOfDay and DateTimeOffset literals (OData ABNF §7
// date / timeOfDayLiteral / dateTimeOffsetLiteral). The grammar accepts 2026-02-30; the calendar
// does not, so that is a 400 here rather than a surprise in SQL.
import { BadRequestError } from '../../errors/catalogue';

interface Clock {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** fraction truncated to milliseconds: ast.ts fixes millisecond precision */
  readonly millis: number;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function bad(kind: string, text: string, pos: number, why: string): never {
  throw new BadRequestError(`Invalid ${kind} literal '${text}' at position ${pos}: ${why}.`);
}

/** Proleptic Gregorian calendar, as xsd:date (year 0 is a leap year). */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Checks a text matched by lexical DATE and returns its parts; `whole` is the literal for messages. */
export function checkDate(text: string, pos: number, kind = 'Date', whole = text): { year: number; month: number; day: number } {
  const m = /^(-?\d+)-(\d{2})-(\d{2})/.exec(text);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (month < 1 || month > 12) bad(kind, whole, pos, `month ${m?.[2]} is not between 01 and 12`);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) bad(kind, whole, pos, `day ${m?.[3]} does not exist in ${m?.[1]}-${m?.[2]} (last day ${last})`);
  return { year, month, day };
}

/** Checks a text matched by lexical TIME_OF_DAY (hour 00–23, minute 00–59, second 00–60 for leap seconds). */
export function checkTime(text: string, pos: number, kind = 'TimeOfDay', whole = text): Clock {
  const [hh = '', mm = '', ss = '00'] = text.split(':');
  const [secs = '00', fraction = ''] = ss.split('.');
  const clock = { hour: Number(hh), minute: Number(mm), second: Number(secs), millis: Number(fraction.slice(0, 3).padEnd(3, '0')) };
  if (clock.hour > 23) bad(kind, whole, pos, `hour ${hh} is not between 00 and 23`);
  if (clock.minute > 59) bad(kind, whole, pos, `minute ${mm} is not between 00 and 59`);
  if (clock.second > 60) bad(kind, whole, pos, `second ${secs} is not between 00 and 60`);
  return clock;
}

/** TimeOfDay as HH:MM:SS.sss */
export function normaliseTime(text: string, pos: number): string {
  const c = checkTime(text, pos);
  return `${pad(c.hour, 2)}:${pad(c.minute, 2)}:${pad(c.second, 2)}.${pad(c.millis, 3)}`;
}

function formatYear(year: number): string {
  return year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
}

/**
 * DateTimeOffset normalised to UTC, YYYY-MM-DDTHH:MM:SS.sssZ. `date`, `time` and `zone` are the
 * three lexical parts; a leap second rolls over into the next minute.
 */
export function normaliseDateTimeOffset(date: string, time: string, zone: string, pos: number): string {
  const text = `${date}T${time}${zone}`;
  const d = checkDate(date, pos, 'DateTimeOffset', text);
  const c = checkTime(time, pos, 'DateTimeOffset', text);
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const [oh = 0, om = 0] = zone.slice(1).split(':').map(Number);
    if (oh > 23 || om > 59) bad('DateTimeOffset', text, pos, `time zone offset ${zone} is out of range`);
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const t = new Date(0);
  t.setUTCFullYear(d.year, d.month - 1, d.day);
  t.setUTCHours(c.hour, c.minute - offsetMinutes, c.second, c.millis);
  if (Number.isNaN(t.getTime())) bad('DateTimeOffset', text, pos, 'the instant is out of range');
  const hms = `${pad(t.getUTCHours(), 2)}:${pad(t.getUTCMinutes(), 2)}:${pad(t.getUTCSeconds(), 2)}`;
  return `${formatYear(t.getUTCFullYear())}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}T${hms}.${pad(t.getUTCMilliseconds(), 3)}Z`;
}
