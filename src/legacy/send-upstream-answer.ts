// Writes the upstream's (already rewritten) answer to the client: its status, its allow-listed
// headers under their usual spelling, its body. Our own X-Request-Id, Cache-Control, rate-limit,
// lifecycle and security headers were set earlier and stay.
import type { Response } from 'express';
import type { UpstreamAnswer } from './forward-upstream';

const SPELLING: Readonly<Record<string, string>> = {
  'content-type': 'Content-Type', etag: 'ETag', location: 'Location', 'odata-entityid': 'OData-EntityId', 'odata-version': 'OData-Version',
  'preference-applied': 'Preference-Applied', 'retry-after': 'Retry-After', 'content-language': 'Content-Language', allow: 'Allow',
};

export function sendUpstreamAnswer(res: Response, a: UpstreamAnswer, head: boolean): void {
  for (const [name, value] of Object.entries(a.headers)) res.setHeader(SPELLING[name] ?? name, value);
  res.status(a.status);
  if (head || a.body.length === 0) res.end();
  else res.end(a.body);
}
