// The request sent upstream for a client's /odata request (issue #5): same method, the path below
// the service root and the raw query exactly as the client sent them, a safe allow-list of request
// headers and the tenant's upstream credential — NEVER the client's own credentials (X-API-Key,
// Authorization, Cookie): the legacy service sits behind OUR authentication.
import type { Request } from 'express';
import type { RequestTarget } from '../../legacy-compat/request-target';
import type { UpstreamCredential } from './legacy-settings';
import type { UpstreamCall } from './forward-upstream';

const REQUEST_HEADERS = [
  'accept', 'accept-charset', 'accept-language', 'content-type', 'prefer', 'if-match', 'if-none-match',
  'odata-version', 'odata-maxversion', 'odata-isolation',
];

export interface UpstreamRequestInput {
  readonly upstreamRoot: string;
  readonly target: RequestTarget;
  readonly credential: UpstreamCredential | undefined;
  readonly requestId: string;
  readonly body?: Buffer;
}

export function upstreamRequest(req: Request, method: string, i: UpstreamRequestInput): UpstreamCall {
  const headers: Record<string, string> = { 'x-request-id': i.requestId };
  for (const name of REQUEST_HEADERS) {
    const v = req.headers[name];
    if (typeof v === 'string') headers[name] = v;
  }
  if (i.credential) headers[i.credential.header.toLowerCase()] = i.credential.value;
  const url = `${i.upstreamRoot}${i.target.path}${i.target.rawQuery === '' ? '' : `?${i.target.rawQuery}`}`;
  return { url, method, headers, ...(i.body ? { body: i.body } : {}) };
}
