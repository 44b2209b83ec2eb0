// The errors a public name that the mapping does not know gets: the binder's own errors and
// messages, but naming the public type — so a canonical name that was renamed away is refused
// exactly like any other unknown name (issue #5: no canonical aliases leak into the surface).
import { BadRequestError, NotFoundError, UnknownPropertyError } from '../../errors/catalogue';
import { publicQualified, type NameTables } from './name-tables';

// Errors that already name public names: the error mapper must not translate them a second time.
const PUBLIC = new WeakSet<Error>();
const inPublicNames = <E extends Error>(err: E): E => (PUBLIC.add(err), err);

/** True for an error raised here, whose names are the client's own. */
export const namesPublicNames = (err: unknown): boolean => err instanceof Error && PUBLIC.has(err);

export const unknownSet = (name: string): NotFoundError => inPublicNames(new NotFoundError(`No entity set named '${name}'`, { target: name }));

/** `type` is the canonical entity or complex type the name was looked up in. */
export const unknownMember = (t: NameTables, type: string, name: string): UnknownPropertyError =>
  inPublicNames(new UnknownPropertyError(`The type '${publicQualified(t, type)}' has no property '${name}'`, { target: name }));

export const unknownEnumType = (typeName: string): BadRequestError => inPublicNames(new BadRequestError(`Unknown enum type '${typeName}'`));
