// The {id} path parameter of the service-account routes, validated before any lookup.
import type { Request } from 'express';
import { z } from 'zod';
import { validate } from '../validate';

const ID = z.string().regex(/^sa_[0-9a-f]{24}$/, 'not a service-account id');

export const accountIdOf = (req: Request): string => validate(ID, req.params.id, 'service-account id');
