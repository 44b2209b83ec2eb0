// Operation grants (contract: Authorization). Every entity set a request touches needs its
// `<set>.read` / `<set>.write` grant; the first missing one is named in the 403.
import { ForbiddenError } from '../errors/catalogue';
import type { ErpPrincipal } from './principal';

export function requireOperations(principal: ErpPrincipal, operations: Iterable<string>): void {
  for (const op of operations) {
    if (!principal.operations.has(op)) {
      throw new ForbiddenError(`This service account is not granted the operation '${op}'.`, { target: op });
    }
  }
}
