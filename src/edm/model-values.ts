// Model values: the one canonical, exact form of entity data that commands decide on, events
// carry and reads return (Int64/Decimal as exact decimal text with the property's scale, enums
// by member name, DateTimeOffset `YYYY-MM-DDTHH:MM:SS.sssZ`, Date `YYYY-MM-DD`).

export type PrimitiveModelValue = string | number | boolean;
/** A complex value (Address): member name → value; always every member on a full record. */
export type ComplexModelValue = { readonly [member: string]: PrimitiveModelValue | null };
export type ModelValue = PrimitiveModelValue | ComplexModelValue | null;
/** Property name → value. A full record has every structural property; a change has some. */
export type ModelRecord = Readonly<Record<string, ModelValue>>;
/** Key property → value (Edm.String as string, Edm.Int32 as number), in model key order. */
export type ModelKey = Readonly<Record<string, string | number>>;
