// Errors of an operation in public names (issue #5): the handlers and binder speak canonical names,
// so `target`, `details[].target` and the property name that starts a detail message are mapped
// back before the error handler writes them (a 422 must name the properties the client sent).
import { complexType, entityType, navigation, property } from '../../metadata';
import { GatewayError, type ErrorDetail } from '../../src/errors/gateway-error';
import { ODataSyntaxError } from '../../src/errors/catalogue';
import { publicMember, type NameTables } from '../../src/odata/naming/name-tables';
import { namesPublicNames } from '../../src/odata/naming/unknown-name';

type Opts = { target?: string; details?: readonly ErrorDetail[]; headers?: Record<string, string> };

/** The types a target may belong to: the operation's type first, then those it navigates to (deep insert). */
function candidateTypes(type: string): string[] {
  const t = entityType(type);
  return [type, ...(t?.navigation.map((n) => n.target) ?? [])];
}

/** Where a canonical target path stands: on an entity type, in a complex type, or past both. */
type Position = { readonly entity?: string; readonly complex?: string };

function nextPosition(at: Position, name: string): Position {
  const et = at.entity ? entityType(at.entity) : undefined;
  if (!et) return {};
  const nav = navigation(et, name);
  if (nav) return { entity: nav.target };
  const p = property(et, name);
  return p?.kind === 'complex' && complexType(p.type) ? { complex: p.type } : {};
}

function publicStep(t: NameTables, at: Position, name: string): string {
  if (at.complex) return publicMember(t, at.complex, name);
  return at.entity ? publicMember(t, at.entity, name) : name;
}

const isMemberOf = (type: string, name: string): boolean => {
  const et = entityType(type);
  return et !== undefined && (property(et, name) ?? navigation(et, name)) !== undefined;
};

/** `Address/City`, `Contacts/CustomerID`, `Customer@odata.bind` of canonical `types` in public names. */
function publicTarget(t: NameTables, types: readonly string[], target: string): string {
  const at = target.indexOf('@');
  const [path, annotation] = at > 0 ? [target.slice(0, at), target.slice(at)] : [target, ''];
  const steps = path.split('/');
  const owner = types.find((ty) => isMemberOf(ty, steps[0] ?? ''));
  if (owner === undefined) return target;
  let pos: Position = { entity: owner };
  const out = steps.map((name) => {
    const pub = publicStep(t, pos, name);
    pos = nextPosition(pos, name);
    return pub;
  });
  return out.join('/') + annotation;
}

function publicDetail(t: NameTables, types: readonly string[], d: ErrorDetail): ErrorDetail {
  if (d.target === undefined) return d;
  const target = publicTarget(t, types, d.target);
  const message = d.message.startsWith(d.target) ? target + d.message.slice(d.target.length) : d.message;
  return { ...d, target, message };
}

/** A 422's summary lists the detail messages after `The <Type> is invalid: ` (input-schema.ts). */
function publicMessage(t: NameTables, type: string, message: string, details: readonly ErrorDetail[] | undefined): string {
  const prefix = `The ${type} is invalid: `;
  if (!details || !message.startsWith(prefix)) return message;
  return `The ${t.types.toPublic.get(type) ?? type} is invalid: ${details.map((d) => d.message).join('; ')}`;
}

/** `err` with its property names public; errors without targets (and syntax errors) are returned as they are. */
export function publicError(t: NameTables, type: string, err: unknown): unknown {
  if (!(err instanceof GatewayError) || err instanceof ODataSyntaxError || namesPublicNames(err)) return err;
  if (err.target === undefined && err.details === undefined) return err;
  const types = candidateTypes(type);
  const details = err.details?.map((d) => publicDetail(t, types, d));
  const opts: Opts = {
    ...(err.target !== undefined ? { target: publicTarget(t, types, err.target) } : {}),
    ...(details ? { details } : {}),
    ...(err.headers ? { headers: { ...err.headers } } : {}),
  };
  const Ctor = err.constructor as new (message: string, opts?: Opts) => GatewayError;
  return new Ctor(publicMessage(t, type, err.message, details), opts);
}
