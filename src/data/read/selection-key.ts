// The text of a level's selected properties inside its shape and statement keys. A frozen
// selection (bind-select.ts shares one per set for requests without $select) keeps its text, so
// the keys of most requests don't rebuild it from every property name.
import type { SelectedProperty } from '../../odata/query/plan';

const KEYS = new WeakMap<readonly SelectedProperty[], string>();

const compute = (selected: readonly SelectedProperty[]): string => {
  let k = '';
  for (const sp of selected) k += sp.members ? `|${sp.name}(${sp.members.join(',')})` : `|${sp.name}`;
  return k;
};

/** `|Name|Address(City,Street)|…` for the selection, cached for frozen (shared) selections. */
export function selectionKey(selected: readonly SelectedProperty[]): string {
  const cached = KEYS.get(selected);
  if (cached !== undefined) return cached;
  const k = compute(selected);
  if (Object.isFrozen(selected)) KEYS.set(selected, k);
  return k;
}
