// What every compare-* step reports: a difference of a given kind at a path, with both sides'
// values. Severity and reason are added by classify.ts from the kind alone.
import type { DifferenceKind } from './classify';

export interface Finding {
  readonly kind: DifferenceKind;
  /** e.g. `EntityType B2X.Erp.Customer/Property Name`, named as in the legacy document */
  readonly path: string;
  readonly legacy: string | null;
  readonly ours: string | null;
  /** case-specific addition to the rule's reason */
  readonly detail?: string;
}

export type Report = (f: Finding) => void;

export const show = (v: string | number | boolean | undefined): string | null => (v === undefined ? null : String(v));
