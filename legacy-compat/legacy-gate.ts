// The seam between the /odata surface and dual running beside the legacy RESTier service
// (issue #5): after authentication and URL parsing, before anything is served here, the gate
// may answer the request itself (forwarded upstream, refused by the tenant's legacy lifecycle)
// or let it through — possibly after arranging a background shadow comparison.
import type { Request, Response } from 'express';
import type { ODataUri } from '../src/odata/uri/ast';
import type { RequestTarget } from './request-target';

export interface LegacyGate {
  /** true: the gate has answered (or will answer) the request; false: serve it locally. */
  intercept(req: Request, res: Response, uri: ODataUri, target: RequestTarget): Promise<boolean>;
}
