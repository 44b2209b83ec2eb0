// GET $metadata: pre-rendered CSDL bytes (XML by default, JSON on request) with a strong ETag.
import type { Request, Response } from 'express';
import type { Naming } from '../src/edm/naming';
import { negotiateMetadata } from './negotiate';

/** The documents come from `naming`: the canonical ones, or those of the operator's name mapping. */
export function sendMetadata(req: Request, res: Response, format: string | undefined, naming: Naming): void {
  const doc = negotiateMetadata(req.get('accept'), format) === 'json' ? naming.metadataJson : naming.metadataXml;
  res.setHeader('ETag', doc.etag);
  res.setHeader('Content-Type', doc.mediaType === 'application/json' ? 'application/json;charset=utf-8' : 'application/xml;charset=utf-8');
  // RFC 9110 §13.1.2: If-None-Match uses weak comparison, and `*` matches any current representation.
  const inm = req.get('if-none-match');
  if (inm?.split(',').some((t) => ['*', doc.etag, `W/${doc.etag}`].includes(t.trim()))) {
    res.status(304).end();
    return;
  }
  res.status(200).end(doc.body);
}
