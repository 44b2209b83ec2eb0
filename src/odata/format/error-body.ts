// The OData JSON error body (OData JSON Format §21), the one shape every error response has.
import type { ErrorDetail } from '../../errors/gateway-error';

export function errorBody(code: string, message: string, target?: string, details?: readonly ErrorDetail[]): string {
  const error: Record<string, unknown> = { code, message };
  if (target !== undefined) error.target = target;
  if (details && details.length > 0) error.details = details;
  return JSON.stringify({ error });
}
