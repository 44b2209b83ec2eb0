// The QueryPlan: a read request fully bound against the model, with every query option already
// checked and placed in the fixed order of build-plan.ts. src/data/read executes it as SQL; nothing
// in it refers to SQL, so the same plan could be unit-tested without a database.
import type { EntitySet, NavigationProperty } from '../../../metadata';
import type { BoundExpr, BoundOrderItem, BoundSearch, BoundSource } from './bound-expr';

/** A key value typed per the model: Edm.String as string, Edm.Int32 as number. */
export type KeyValue = string | number;

export interface BoundKeyPart {
  readonly property: string;
  readonly value: KeyValue;
}

/** One resource-path step: the entity set, the navigation that led here (not for the first), a key. */
export interface PathStep {
  readonly set: EntitySet;
  readonly nav?: NavigationProperty;
  readonly key?: readonly BoundKeyPart[];
}

export interface PropertyTarget {
  /** ['Name'], ['Address'] or ['Address','City'] */
  readonly path: readonly string[];
  /** 'Edm.String', 'B2X.Erp.Address', 'B2X.Erp.ContactRole' … */
  readonly edmType: string;
  readonly complex: boolean;
  /** `/$value` */
  readonly raw: boolean;
}

export type ResourceKind = 'collection' | 'entity' | 'property' | 'count';

export interface BoundPath {
  /** steps[0] is the entity set named first; later steps follow navigations */
  readonly steps: readonly PathStep[];
  /** the set the addressed rows live in (the last step's) */
  readonly target: EntitySet;
  readonly kind: ResourceKind;
  readonly property?: PropertyTarget;
}

/** A structural property to return; `members` limits a complex property to some members. */
export interface SelectedProperty {
  readonly name: string;
  readonly members?: readonly string[];
}

/** Everything one entity-set level (the root or one $expand) needs for its single SELECT. */
export interface LevelPlan {
  readonly set: EntitySet;
  /** alias and LEFT JOINs (single-valued navigation paths in $filter/$orderby) of this level */
  readonly source: BoundSource;
  readonly filter?: BoundExpr;
  readonly search?: BoundSearch;
  /** $count=true */
  readonly count: boolean;
  /** $orderby followed by the key properties not already in it (stable order for paging) */
  readonly orderBy: readonly BoundOrderItem[];
  /** properties that go into EntityRecord.values, in model order */
  readonly selected: readonly SelectedProperty[];
  readonly expand: readonly ExpandPlan[];
  readonly skip?: number;
  readonly top?: number;
}

export interface ExpandPlan {
  readonly nav: NavigationProperty;
  readonly level: LevelPlan;
}

export type SkipTokenValue = string | number | null;

export interface QueryPlan {
  readonly path: BoundPath;
  /** the level of the addressed rows (path target) */
  readonly root: LevelPlan;
  /** server-driven page size of the root collection (1…1000) */
  readonly pageSize: number;
  /** decoded $skiptoken: the previous page's last row's values of root.orderBy, in order */
  readonly skiptoken?: readonly SkipTokenValue[];
}
