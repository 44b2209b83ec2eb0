// Base of every error the gateway raises on purpose. Each subclass fixes a stable OData error
// code and HTTP status; http/error-handler.ts is the only place that turns one into a response.

export interface ErrorDetail {
  readonly code: string;
  readonly message: string;
  readonly target?: string;
}

export abstract class GatewayError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  readonly target: string | undefined;
  readonly details: readonly ErrorDetail[] | undefined;
  /** extra response headers (Retry-After, WWW-Authenticate, Allow …) */
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(message: string, opts: { target?: string; details?: readonly ErrorDetail[]; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = new.target.name;
    this.target = opts.target;
    this.details = opts.details;
    this.headers = opts.headers;
  }
}
