// The {id} path parameter of the webhook routes, validated before any lookup.
import type { Request } from 'express';
import { z } from 'zod';
import { validate } from '../validate';

const ID = z.string().regex(/^wh_[0-9a-f]{24}$/, 'not a webhook subscription id');

export const webhookIdOf = (req: Request): string => validate(ID, req.params.id, 'webhook subscription id');
