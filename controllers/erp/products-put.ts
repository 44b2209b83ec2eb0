// PUT /api/erp/products/{id} (body: Product properties) → 201 created | 200 replaced, with the
// product and its ETag. If-Match is optional on this API: given, a stale ETag is a 412.
import type { Request, Response } from 'express';
import { BadRequestError } from '../../src/errors/catalogue';
import { requestId, setAuditInfo } from '../../src/http/request-context';
import type { ExpectedVersion } from '../../src/commands/entity/entity-commands';
import { PRODUCT_BODY, PRODUCT_ID } from '../schemas/erp';
import { validate } from '../validate';
import { erpPrincipal, scopeOf } from './erp-principal';
import type { ErpServices } from './erp-services';

const TAG = /^(?:W\/)?"(\d{1,19})"$/;

/** If-Match → `*` or the acceptable Versions (W/"3" and "3" alike); anything else is a 400. */
export function parseIfMatch(header: string | undefined): ExpectedVersion | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return '*';
  const versions = header.split(',').map((t) => TAG.exec(t.trim())?.[1]);
  if (versions.some((v) => v === undefined)) throw new BadRequestError('If-Match must be * or a list of ETags like W/"3".', { target: 'If-Match' });
  return versions as string[];
}

export function productsPut(erp: ErpServices) {
  return async (req: Request, res: Response): Promise<void> => {
    const principal = erpPrincipal(res, ['products.write']);
    const id = validate(PRODUCT_ID, req.params.id, 'product id');
    const values = validate(PRODUCT_BODY, req.body, 'product');
    const expected = parseIfMatch(req.get('If-Match'));
    const out = await erp.putProduct(scopeOf(principal), {
      id, values, requestId: requestId(res), ...(expected !== undefined ? { expectedVersion: expected } : {}),
    });
    setAuditInfo(res, { operation: 'products.write', target: `/api/erp/products/${id}`, rowsWritten: 1 });
    if (out.result.version !== undefined) res.setHeader('ETag', `W/"${out.result.version}"`);
    if (out.created) res.status(201).location(`/api/erp/products/${encodeURIComponent(id)}`);
    res.json(out.result.state);
  };
}
