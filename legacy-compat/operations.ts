// Entity set name → grant names (contract: Authorization), derived from the model's `operation`.
import { entitySet, MODEL } from '../metadata';

function prefix(setName: string): string {
  const set = entitySet(setName);
  if (!set) throw new Error(`operations: unknown entity set ${setName}`);
  return set.operation;
}

export const readOperation = (setName: string): string => `${prefix(setName)}.read`;
export const writeOperation = (setName: string): string => `${prefix(setName)}.write`;

/** Every `<set>.read` / `<set>.write` grant: an account with none of them can do nothing in a $batch. */
export const DATA_OPERATIONS: readonly string[] = MODEL.entitySets.flatMap((s) => [readOperation(s.name), writeOperation(s.name)]);
