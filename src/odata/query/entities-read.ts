// How many entities a read handed to the serializer, expanded ones included — the audit trail's
// "rows read". A property read reads one entity; /$count reads none (only a number).
import type { EntityRecord, ExpandedResult, ReadResult } from './read-result';

function inExpansion(x: ExpandedResult): number {
  if (x.kind === 'single') return x.entity ? inEntity(x.entity) : 0;
  return x.entities.reduce((n, e) => n + inEntity(e), 0);
}

function inEntity(e: EntityRecord): number {
  let n = 1;
  for (const x of Object.values(e.expanded)) n += inExpansion(x);
  return n;
}

export function entitiesRead(result: ReadResult): number {
  switch (result.kind) {
    case 'collection': return result.entities.reduce((n, e) => n + inEntity(e), 0);
    case 'entity': return inEntity(result.entity);
    case 'property': return 1;
    case 'count': return 0;
    case 'none': return 0;
  }
}
