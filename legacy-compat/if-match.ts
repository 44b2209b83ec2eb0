// If-Match on PATCH/PUT/DELETE as RESTier does it (Protocol §8.2.4, §11.4.1.1): entities with a
// concurrency token need it (428 when missing, unless ODATA_REQUIRE_IF_MATCH=false); `*` matches
// any existing entity; otherwise the listed ETags W/"<Version>" must include the current one.
import { qualified, type EntityType } from '../metadata';
import { PreconditionRequiredError } from '../src/errors/catalogue';
import type { ExpectedVersion } from '../src/commands/entity/entity-commands';

const TAG = /^(?:W\/)?"([^"]*)"$/;

/** The expected version a command states, or undefined for an unconditional write. */
export function expectedVersionOf(header: string | undefined, type: EntityType, requireIfMatch: boolean): ExpectedVersion | undefined {
  if (header === undefined || header.trim() === '') {
    if (requireIfMatch && type.concurrency) {
      throw new PreconditionRequiredError(`Changing a ${qualified(type.name)} requires If-Match with its ETag (or *).`);
    }
    return undefined;
  }
  const tags = header.split(',').map((t) => t.trim());
  if (tags.includes('*')) return '*';
  // a malformed tag can match nothing: kept as itself, so the write fails with 412
  return tags.map((t) => TAG.exec(t)?.[1] ?? t);
}
