// Path parameters of the /api/admin/legacy routes, checked before any lookup: a tenant id in its
// one spelling, an entity set name of sane length (whether the model has it is the store's 404).
import type { Request } from 'express';
import { z } from 'zod';
import { validate } from '../validate';

export const TENANT_ID = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'not a tenant id');
const ENTITY_SET = z.string().min(1).max(64);

export const tenantParam = (req: Request): string => validate(TENANT_ID, req.params.tenant, 'tenant');
export const entitySetParam = (req: Request): string => validate(ENTITY_SET, req.params.entitySet, 'entity set');
