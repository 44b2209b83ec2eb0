// Input validation of entity payloads, derived from the model ONCE at start-up: a zod schema per
// entity type and mode (full for POST/PUT, merge for PATCH), never written by hand per entity.
// Core.Computed properties are dropped (generated .NET clients send them back, model.md);
// names outside the model are a 400; bad values are one 422 listing every property.
import { z } from 'zod';
import { MODEL, complexType, enumType } from '../../metadata';
import type { EntityType, PrimitiveProperty, StructuralProperty } from '../../metadata';
import { BadRequestError, UnknownPropertyError, ValidationError, type ErrorDetail, type GatewayError } from '../errors/catalogue';
import { enumConverter, primitiveConverter, type Converter, type InputIssueCode } from './input-values';
import type { ComplexModelValue, ModelRecord, ModelValue, PrimitiveModelValue } from './model-values';

/** full: absent properties take their default, else null, else are Required; merge: absent = unchanged. */
export type InputMode = 'full' | 'merge';

export type InputResult = { readonly ok: true; readonly values: ModelRecord } | { readonly ok: false; readonly error: GatewayError };

const ABSENT = Symbol('absent');
type Issue = { readonly code: InputIssueCode; readonly message: string; readonly target: string };

interface Slot {
  readonly name: string;
  readonly nullable: boolean;
  readonly convert: Converter;
  /** canonical default (model defaultValue run through the converter), undefined = none */
  readonly fallback: PrimitiveModelValue | undefined;
}

function slot(p: PrimitiveProperty | Extract<StructuralProperty, { kind: 'enum' }>): Slot {
  const convert = p.kind === 'enum' ? enumConverter(enumType(p.type) ?? { name: p.type, members: [] }) : primitiveConverter(p);
  const d = p.defaultValue === undefined ? undefined : convert(p.defaultValue);
  if (d && !d.ok) throw new Error(`model: default of ${p.name} is invalid (${d.message})`);
  return { name: p.name, nullable: p.nullable, convert, fallback: d?.value };
}

/** One value (present, or ABSENT in full mode) → canonical value, or an issue. */
function convertSlot(s: Slot, v: unknown, target: string): PrimitiveModelValue | null | Issue {
  if (v === ABSENT || v === undefined) {
    if (s.fallback !== undefined) return s.fallback;
    return s.nullable ? null : { code: 'Required', message: `${target} is required`, target };
  }
  if (v === null) return s.nullable ? null : { code: 'NotNullable', message: `${target} must not be null`, target };
  const r = s.convert(v);
  return r.ok ? r.value : { code: r.code, message: `${target} ${r.message}`, target };
}

const isIssue = (x: unknown): x is Issue => typeof x === 'object' && x !== null && 'code' in x && 'target' in x;

function complexValue(members: readonly Slot[], name: string, v: unknown, mode: InputMode, issues: Issue[]): ComplexModelValue | undefined {
  if (v === ABSENT || v === null) return Object.fromEntries(members.map((m) => [m.name, m.fallback ?? null]));
  if (typeof v !== 'object' || Array.isArray(v)) {
    issues.push({ code: 'InvalidType', message: `${name} must be an object`, target: name });
    return undefined;
  }
  const given = v as Record<string, unknown>;
  const out: Record<string, PrimitiveModelValue | null> = {};
  for (const m of members) {
    if (mode === 'merge' && !(m.name in given)) continue;
    const r = convertSlot(m, m.name in given ? given[m.name] : ABSENT, `${name}/${m.name}`);
    if (isIssue(r)) issues.push(r);
    else out[m.name] = r;
  }
  return out;
}

/** The zod schema of one structural property: converts, and reports issues with stable codes. */
function propertySchema(p: StructuralProperty, mode: InputMode): z.ZodType<ModelValue> {
  const members = p.kind === 'complex' ? (complexType(p.type)?.properties ?? []).map(slot) : undefined;
  const single = p.kind === 'complex' ? undefined : slot(p);
  return z.unknown().transform((v, ctx): ModelValue => {
    const issues: Issue[] = [];
    let out: ModelValue | undefined;
    if (members) out = complexValue(members, p.name, v, mode, issues);
    else if (single) {
      const r = convertSlot(single, v, p.name);
      if (isIssue(r)) issues.push(r);
      else out = r;
    }
    for (const i of issues) ctx.addIssue({ code: 'custom', message: i.message, params: { code: i.code, target: i.target } });
    return issues.length > 0 || out === undefined ? z.NEVER : out;
  });
}

interface TypeSchemas {
  readonly full: z.ZodType<Record<string, ModelValue>>;
  readonly merge: z.ZodType<Record<string, ModelValue | undefined>>;
  readonly writable: ReadonlySet<string>;
  readonly computed: ReadonlySet<string>;
  /** complex property → its member names */
  readonly complexMembers: ReadonlyMap<string, ReadonlySet<string>>;
}

function buildSchemas(t: EntityType): TypeSchemas {
  const writable = t.properties.filter((p) => !(p.kind === 'primitive' && p.computed));
  const shape = (mode: InputMode) => Object.fromEntries(writable.map((p) => [p.name, propertySchema(p, mode)]));
  return {
    full: z.object(shape('full')),
    merge: z.object(shape('merge')).partial(),
    writable: new Set(writable.map((p) => p.name)),
    computed: new Set(t.properties.filter((p) => p.kind === 'primitive' && p.computed).map((p) => p.name)),
    complexMembers: new Map(
      t.properties.flatMap((p) => (p.kind === 'complex' ? [[p.name, new Set((complexType(p.type)?.properties ?? []).map((m) => m.name))] as const] : [])),
    ),
  };
}

const SCHEMAS = new Map(MODEL.entityTypes.map((t) => [t.name, buildSchemas(t)]));

function detailsOf(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((i) => {
    const params = (i as { params?: { code?: string; target?: string } }).params ?? {};
    return { code: params.code ?? 'InvalidValue', message: i.message, target: params.target ?? i.path.join('/') };
  });
}

/** Members of complex values in `input` that their complex type does not have, as 'Address/Town'. */
function unknownMembers(s: TypeSchemas, input: Readonly<Record<string, unknown>>): string[] {
  return [...s.complexMembers].flatMap(([name, members]) => {
    const v = input[name];
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return [];
    return Object.keys(v).filter((m) => !members.has(m)).map((m) => `${name}/${m}`);
  });
}

/** Names that are not writable properties or members: TenantId (any case) and unknown names are a 400. */
function rejectForeignNames(typeName: string, s: TypeSchemas, input: Readonly<Record<string, unknown>>): GatewayError | undefined {
  const names = Object.keys(input);
  const tenant = names.find((n) => /^tenant_?id$/i.test(n));
  if (tenant !== undefined) {
    return new BadRequestError(`'${tenant}' cannot be written: the tenant comes from the credential.`, { target: tenant });
  }
  const unknown = [...names.filter((n) => !s.writable.has(n) && !s.computed.has(n)), ...unknownMembers(s, input)];
  if (unknown.length === 0) return undefined;
  const details = unknown.map((n) => ({ code: 'UnknownProperty', message: `The type '${MODEL.namespace}.${typeName}' has no property '${n}'`, target: n }));
  return new UnknownPropertyError(`Unknown propert${unknown.length > 1 ? 'ies' : 'y'} for ${MODEL.namespace}.${typeName}: ${unknown.join(', ')}`, {
    target: unknown[0] as string,
    details,
  });
}

/**
 * Validates and canonicalises entity input for `typeName` (pure). Computed properties are
 * ignored; full mode fills defaults and nulls. Errors: 400 for names, 422 ValidationError with
 * one detail per invalid property.
 */
export function checkEntityInput(typeName: string, input: Readonly<Record<string, unknown>>, mode: InputMode): InputResult {
  const s = SCHEMAS.get(typeName);
  if (!s) throw new Error(`input-schema: unknown entity type ${typeName}`);
  const foreign = rejectForeignNames(typeName, s, input);
  if (foreign) return { ok: false, error: foreign };
  const given: Record<string, unknown> = {};
  for (const n of Object.keys(input)) if (s.writable.has(n)) given[n] = input[n];
  if (mode === 'full') for (const n of s.writable) if (!(n in given)) given[n] = ABSENT;
  const r = (mode === 'full' ? s.full : s.merge).safeParse(given);
  if (r.success) return { ok: true, values: r.data as ModelRecord };
  const details = detailsOf(r.error);
  return { ok: false, error: new ValidationError(`The ${typeName} is invalid: ${details.map((d) => d.message).join('; ')}`, { details }) };
}
