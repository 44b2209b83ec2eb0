// The operations column is a JSON array; reading it back keeps only operations we still know, so a
// stale or hand-edited grant can never widen access.
import { isErpOperation, type ErpOperation } from '../operations';

export function parseOperationsColumn(text: string): ErpOperation[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  return Array.isArray(value) ? value.filter((v): v is ErpOperation => typeof v === 'string' && isErpOperation(v)) : [];
}
