// One step of a member path in canonical terms: the public name of a property or navigation of a
// canonical type → its canonical name and where the path goes next. Shared by the URL rewriters.
import { complexType, entityType, navigation, property } from '../../../metadata';
import { canonicalMember, type NameTables } from './name-tables';
import { unknownMember } from './unknown-name';

/** Where a path stands: on an entity type, in a complex type, or past anything with names. */
export type PathPosition =
  | { readonly kind: 'entity'; readonly type: string }
  | { readonly kind: 'complex'; readonly type: string }
  | { readonly kind: 'opaque' };

export const OPAQUE: PathPosition = { kind: 'opaque' };

export interface Step {
  readonly name: string;
  readonly next: PathPosition;
  /** the canonical navigation property, when the step followed one */
  readonly navigationTarget?: string;
}

/** Renames `name` at `at`; throws the unknown-name error when it is not a public name there. */
export function memberStep(t: NameTables, at: PathPosition, name: string): Step {
  if (at.kind === 'opaque' || name === '*') return { name, next: OPAQUE };
  const canonical = canonicalMember(t, at.type, name);
  if (canonical === undefined) throw unknownMember(t, at.type, name);
  if (at.kind === 'complex') return { name: canonical, next: OPAQUE };
  const type = entityType(at.type);
  const nav = type ? navigation(type, canonical) : undefined;
  if (nav) return { name: canonical, next: { kind: 'entity', type: nav.target }, navigationTarget: nav.target };
  const p = type ? property(type, canonical) : undefined;
  if (p?.kind === 'complex' && complexType(p.type)) return { name: canonical, next: { kind: 'complex', type: p.type } };
  return { name: canonical, next: OPAQUE };
}

/** Renames every step of `path` from `at`; returns the canonical path and the final position. */
export function renamePath(t: NameTables, at: PathPosition, path: readonly string[]): { path: string[]; end: PathPosition } {
  const out: string[] = [];
  let pos = at;
  for (const name of path) {
    const step = memberStep(t, pos, name);
    out.push(step.name);
    pos = step.next;
  }
  return { path: out, end: pos };
}
