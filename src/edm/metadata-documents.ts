// $metadata is the same for every request: render both CSDL documents once, at module load,
// and hand the HTTP layer ready Buffers with strong ETags (If-None-Match → 304 without work).
import { createHash } from 'node:crypto';
import type { EdmModel } from '../../metadata';
import { renderCsdlXml } from './csdl-xml';
import { renderCsdlJsonText } from './csdl-json';

export interface PreRenderedDocument {
  /** UTF-8 bytes, ready for res.end() */
  readonly body: Buffer;
  /** strong entity tag, quotes included: `"<sha256 base64url>"` */
  readonly etag: string;
  /** media type without OData parameters; the HTTP layer adds charset / odata.* as negotiated */
  readonly mediaType: 'application/xml' | 'application/json';
}

// A content hash (not a start-up timestamp) keeps the ETag stable across restarts and across
// instances behind a load balancer, and strong because the bytes are identical.
const strongEtag = (body: Buffer): string => `"${createHash('sha256').update(body).digest('base64url')}"`;

function preRender(text: string, mediaType: PreRenderedDocument['mediaType']): PreRenderedDocument {
  const body = Buffer.from(text, 'utf8');
  return Object.freeze({ body, etag: strongEtag(body), mediaType });
}

/** CSDL XML `$metadata` (the default representation), rendered once from MODEL. */
export const METADATA_XML: PreRenderedDocument = preRender(renderCsdlXml(), 'application/xml');

/** CSDL JSON `$metadata` (`Accept: application/json` or `$format=json`), rendered once from MODEL. */
export const METADATA_JSON: PreRenderedDocument = preRender(renderCsdlJsonText(), 'application/json');

/** Both documents of another model (the public model of a name mapping), rendered once at start-up. */
export function renderMetadataDocuments(model: EdmModel): { readonly xml: PreRenderedDocument; readonly json: PreRenderedDocument } {
  return { xml: preRender(renderCsdlXml(model), 'application/xml'), json: preRender(renderCsdlJsonText(model), 'application/json') };
}
