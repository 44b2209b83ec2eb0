// Resolves the resource path (entity set, key, navigations, property, $value, $count) against the
// model into a BoundPath. Unknown sets are 404 (OData: no such resource); unknown members are 400.
import {
  complexType, entitySet, navigation, navigationTarget, property, qualified, typeOfSet,
  type EntitySet, type StructuralProperty,
} from '../../../metadata';
import { BadRequestError, NotFoundError, NotImplementedError, UnknownPropertyError } from '../../errors/catalogue';
import type { PathSegment } from '../uri/ast';
import { bindKey } from './bind-key';
import type { BoundPath, PathStep, PropertyTarget, ResourceKind } from './plan';

interface State {
  steps: PathStep[];
  kind: ResourceKind;
  property?: PropertyTarget;
}

const last = <T>(xs: readonly T[]): T => {
  const x = xs[xs.length - 1];
  if (x === undefined) throw new Error('bind-path: empty step list');
  return x;
};

function rootStep(segments: readonly PathSegment[]): State {
  const first = segments[0];
  if (!first || first.kind !== 'identifier') throw new BadRequestError('The resource path must start with an entity set');
  const set = entitySet(first.name);
  if (!set) throw new NotFoundError(`No entity set named '${first.name}'`, { target: first.name });
  const key = first.key ? bindKey(set, first.key) : undefined;
  return { steps: [{ set, ...(key ? { key } : {}) }], kind: key ? 'entity' : 'collection' };
}

function propertyTarget(p: StructuralProperty): PropertyTarget {
  switch (p.kind) {
    case 'primitive': return { path: [p.name], edmType: p.type, complex: false, raw: false };
    case 'enum': return { path: [p.name], edmType: qualified(p.type), complex: false, raw: false };
    case 'complex': return { path: [p.name], edmType: qualified(p.type), complex: true, raw: false };
  }
}

function complexMember(target: PropertyTarget, name: string): PropertyTarget {
  const ct = target.complex ? complexType(target.edmType.slice(target.edmType.lastIndexOf('.') + 1)) : undefined;
  if (!ct || target.path.length > 1) throw new BadRequestError(`'${target.path.join('/')}' has no members; '${name}' cannot follow it`);
  const member = ct.properties.find((p) => p.name === name);
  if (!member) throw new UnknownPropertyError(`The type '${qualified(ct.name)}' has no property '${name}'`, { target: name });
  return { path: [...target.path, name], edmType: member.type, complex: false, raw: false };
}

function identifierStep(state: State, seg: Extract<PathSegment, { kind: 'identifier' }>): State {
  if (state.property) {
    if (seg.key) throw new BadRequestError(`A key cannot follow the property '${state.property.path.join('/')}'`);
    return { ...state, property: complexMember(state.property, seg.name) };
  }
  const current = last(state.steps);
  if (state.kind !== 'entity') {
    throw new BadRequestError(`'${seg.name}' cannot follow a collection of '${current.set.name}'; address one entity by its key first`);
  }
  const type = typeOfSet(current.set);
  const nav = navigation(type, seg.name);
  if (nav) {
    if (seg.key && !nav.collection) throw new BadRequestError(`The single-valued navigation '${nav.name}' takes no key`);
    const set = navigationTarget(current.set, nav);
    const key = seg.key ? bindKey(set, seg.key) : undefined;
    const step: PathStep = { set, nav, ...(key ? { key } : {}) };
    return { steps: [...state.steps, step], kind: nav.collection && !key ? 'collection' : 'entity' };
  }
  const p = property(type, seg.name);
  if (!p) throw new UnknownPropertyError(`The type '${qualified(type.name)}' has no property '${seg.name}'`, { target: seg.name });
  if (seg.key) throw new BadRequestError(`The property '${seg.name}' takes no key`);
  return { ...state, kind: 'property', property: propertyTarget(p) };
}

function nextState(state: State, seg: PathSegment): State {
  switch (seg.kind) {
    case 'identifier':
      return identifierStep(state, seg);
    case 'count':
      if (state.kind !== 'collection') throw new BadRequestError('/$count can only follow a collection');
      return { ...state, kind: 'count' };
    case 'value':
      if (!state.property || state.property.complex || state.property.raw) {
        throw new BadRequestError('/$value can only follow a primitive or enum property');
      }
      return { ...state, property: { ...state.property, raw: true } };
    case 'ref':
      throw new NotImplementedError('Entity references (/$ref) are not supported');
    case 'metadata':
    case 'batch':
      throw new BadRequestError(`'$${seg.kind}' is not valid inside a resource path`);
  }
}

/** Binds the path segments after the service root. */
export function bindPath(segments: readonly PathSegment[]): BoundPath {
  let state = rootStep(segments);
  for (const seg of segments.slice(1)) {
    if (state.kind === 'count' || state.property?.raw) throw new BadRequestError('Nothing may follow /$count or /$value');
    state = nextState(state, seg);
  }
  const target: EntitySet = last(state.steps).set;
  return { steps: state.steps, target, kind: state.kind, ...(state.property ? { property: state.property } : {}) };
}
