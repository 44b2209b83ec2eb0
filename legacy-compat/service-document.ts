// GET /odata: the service document, JSON only (OData JSON Format §5).
import type { Request, Response } from 'express';
import { renderServiceDocument } from '../src/edm/service-document';
import { jsonContentType } from '../src/odata/format/response-format';
import type { EdmModel } from '../metadata';
import { negotiateJson } from './negotiate';

/** `model` is the served one: MODEL, or the public model of the operator's name mapping. */
export function sendServiceDocument(req: Request, res: Response, serviceRoot: string, format: string | undefined, model: EdmModel): void {
  const fmt = negotiateJson(req.get('accept'), format);
  const doc = renderServiceDocument(serviceRoot, model);
  const body = fmt.metadata === 'none' ? { value: doc.value } : doc;
  res.setHeader('Content-Type', jsonContentType(fmt));
  res.status(200).end(JSON.stringify(body));
}
