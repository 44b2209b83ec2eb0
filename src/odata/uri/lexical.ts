// Token patterns of the OData ABNF (§6 names, §7 literals) as sticky regular expressions. Each is
// anchored and free of nested quantifiers, so a match costs time linear in its own length.

/** odataIdentifier: a letter or '_' then up to 127 letters, digits, '_' (plus the Unicode classes the ABNF comment allows) */
export const IDENTIFIER = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]*/uy;
export const MAX_IDENTIFIER_LENGTH = 128;

/** namespace "." name — a qualified type or function name (one or more dots) */
export const QUALIFIED_NAME = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]*(?:\.[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]*)*/uy;

export const GUID = /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/y;

/** year "-" month "-" day, ABNF year = [ "-" ] ( "0" 3DIGIT / oneToNine 3*DIGIT ) */
export const DATE = /-?(?:0\d{3}|[1-9]\d{3,})-\d{2}-\d{2}/y;
/** hour COLON minute [ COLON second [ "." fractionalSeconds ] ] */
export const TIME_OF_DAY = /\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?/y;
/** the zone of a dateTimeOffsetLiteral: "Z" or SIGN hour COLON minute */
export const ZONE = /[Zz]|[+-]\d{2}:\d{2}/y;

/** decimalLiteral / doubleLiteral, with the 4.0-era type suffixes (M, D, F, L) that some clients still send */
export const NUMBER = /[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[mMdDfFlL]?/y;

export const INT64_TEXT = /^[+-]?\d{1,19}$/;

/** Characters that may not directly follow a literal or keyword (it would be one longer token). */
export function isWordChar(ch: string): boolean {
  return ch !== '' && /[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}_.]/u.test(ch);
}

export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

const WHOLE_IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]{0,127}$/u;

export function isIdentifier(text: string): boolean {
  return WHOLE_IDENTIFIER.test(text);
}
