// Entity set name → grant names (contract: Authorization), derived from the model's `operation`.
import { entitySet } from '../metadata';

function prefix(setName: string): string {
  const set = entitySet(setName);
  if (!set) throw new Error(`operations: unknown entity set ${setName}`);
  return set.operation;
}

export const readOperation = (setName: string): string => `${prefix(setName)}.read`;
export const writeOperation = (setName: string): string => `${prefix(setName)}.write`;
