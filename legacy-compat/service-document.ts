// GET /odata: the service document, JSON only (OData JSON Format §5).
import type { Request, Response } from 'express';
import { renderServiceDocument } from '../src/edm/service-document';
import { jsonContentType } from '../src/odata/format/response-format';
import { negotiateJson } from './negotiate';

export function sendServiceDocument(req: Request, res: Response, serviceRoot: string, format: string | undefined): void {
  const fmt = negotiateJson(req.get('accept'), format);
  const doc = renderServiceDocument(serviceRoot);
  const body = fmt.metadata === 'none' ? { value: doc.value } : doc;
  res.setHeader('Content-Type', jsonContentType(fmt));
  res.status(200).end(JSON.stringify(body));
}
