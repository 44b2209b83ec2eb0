// Every error class, its OData error code and HTTP status, in one table (mirrored in the README's
// error table). Callers throw these; nobody matches on message text.
import { GatewayError, type ErrorDetail } from './gateway-error';

type Opts = { target?: string; details?: readonly ErrorDetail[]; headers?: Record<string, string> };

function define<C extends string, S extends number>(code: C, status: S) {
  return class extends GatewayError {
    readonly code: C = code;
    readonly status: S = status;
    constructor(message: string, opts?: Opts) {
      super(message, opts);
    }
  };
}

/** 400: the URL or body is not well-formed (syntax), with the position when known */
export class ODataSyntaxError extends define('InvalidSyntax', 400) {
  constructor(message: string, readonly position?: number, opts?: Opts) {
    super(position === undefined ? message : `${message} at position ${position}`, opts);
  }
}
/** 400: a well-formed request with a bad value (wrong literal type, $top=-1 …) */
export class BadRequestError extends define('BadRequest', 400) {}
/** 400: a property, navigation or member the model does not have */
export class UnknownPropertyError extends define('UnknownProperty', 400) {}
/** 400: a function name OData does not define or we do not know */
export class UnknownFunctionError extends define('UnknownFunction', 400) {}
/** 400: a configured limit ($expand depth, $filter nodes, $top …) was exceeded; message names the limit */
export class LimitExceededError extends define('LimitExceeded', 400) {}
export class UnauthorizedError extends define('Unauthorized', 401) {}
export class ForbiddenError extends define('Forbidden', 403) {}
/** 404: unknown entity set, or an entity that does not exist (or belongs to another tenant) */
export class NotFoundError extends define('NotFound', 404) {}
export class MethodNotAllowedError extends define('MethodNotAllowed', 405) {}
export class NotAcceptableError extends define('NotAcceptable', 406) {}
export class ConflictError extends define('Conflict', 409) {}
export class PreconditionFailedError extends define('PreconditionFailed', 412) {}
export class PayloadTooLargeError extends define('PayloadTooLarge', 413) {}
export class UriTooLongError extends define('UriTooLong', 414) {}
export class UnsupportedMediaTypeError extends define('UnsupportedMediaType', 415) {}
export class ValidationError extends define('ValidationFailed', 422) {}
/** 424: a $batch operation whose dependsOn names an operation that failed (OData JSON Format §19.1) */
export class FailedDependencyError extends define('FailedDependency', 424) {}
export class PreconditionRequiredError extends define('PreconditionRequired', 428) {}
export class TooManyRequestsError extends define('TooManyRequests', 429) {}
/** 501: valid OData that this service does not implement ($apply, $levels, …) */
export class NotImplementedError extends define('NotImplemented', 501) {}
/** 502: the legacy upstream (dual running, issue #5) could not be reached or answered with garbage */
export class BadGatewayError extends define('BadGateway', 502) {}
export class ServiceUnavailableError extends define('ServiceUnavailable', 503) {}
/** 504: the legacy upstream did not answer within LEGACY_UPSTREAM_TIMEOUT_MS */
export class GatewayTimeoutError extends define('GatewayTimeout', 504) {}
/** 500: a bug of ours. The message sent to the client is always generic. */
export class InternalError extends define('InternalError', 500) {}

export { GatewayError };
export type { ErrorDetail };
