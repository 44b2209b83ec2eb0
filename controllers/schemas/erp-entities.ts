// Documentation shapes of the entities the /api/erp bodies carry (model.md property names, for the
// OpenAPI document). Requests are validated against the model itself (src/edm/input-schema.ts),
// which is stricter (lengths, precision, enums); keep these in step when the model changes.
import { z } from 'zod';

const decimal = (description: string) => z.union([z.string(), z.number()]).meta({ description: `${description} (exact decimal; a string keeps every digit)` });
const dateTime = z.string().meta({ description: 'ISO 8601 date-time with offset, ms precision', format: 'date-time' });

export const ADDRESS = z.object({
  Street: z.string().max(120).nullable().optional(),
  PostalCode: z.string().max(16).nullable().optional(),
  City: z.string().max(80).nullable().optional(),
  CountryCode: z.string().max(2).nullable().optional(),
}).meta({ id: 'Address' });

export const CONTACT = z.object({
  ID: z.string().min(1).max(20),
  CustomerID: z.string().max(20).optional().meta({ description: "the customer's ID; may be left out in a sync" }),
  FirstName: z.string().max(60).nullable().optional(),
  LastName: z.string().max(60),
  Email: z.string().max(254).meta({ description: 'unique per tenant, ignoring case' }),
  Phone: z.string().max(40).nullable().optional(),
  Role: z.enum(['Buyer', 'Approver', 'Administrator']).optional(),
  HasShopAccess: z.boolean().optional(),
  AccessValidUntil: dateTime.nullable().optional(),
}).meta({ id: 'Contact' });

export const CUSTOMER = z.object({
  ID: z.string().min(1).max(20),
  Name: z.string().max(120),
  Name2: z.string().max(120).nullable().optional(),
  Address: ADDRESS.nullable().optional(),
  Email: z.string().max(254).nullable().optional(),
  Phone: z.string().max(40).nullable().optional(),
  VatId: z.string().max(20).nullable().optional(),
  PriceGroup: z.string().max(10).nullable().optional(),
  Currency: z.string().max(3).optional(),
  CreditLimit: decimal('credit limit, 2 decimal places').optional(),
  IsBlocked: z.boolean().optional(),
}).meta({ id: 'Customer' });

export const PRODUCT = z.object({
  ID: z.string().max(40).optional().meta({ description: 'must equal the {id} in the path when given' }),
  Name: z.string().max(200),
  Description: z.string().nullable().optional(),
  Gtin: z.string().max(14).nullable().optional(),
  Unit: z.string().max(10).optional(),
  CategoryID: z.number().int().nullable().optional(),
  ListPrice: decimal('list price, 4 decimal places'),
  Currency: z.string().max(3).optional(),
  StockQuantity: decimal('stock, 3 decimal places').optional(),
  IsActive: z.boolean().optional(),
}).meta({ id: 'Product' });

export const PRODUCT_STATE = PRODUCT.extend({
  ID: z.string(),
  ModifiedAt: dateTime,
  Version: z.string().meta({ description: 'concurrency token; the ETag is W/"<Version>"' }),
}).meta({ id: 'ProductState' });
