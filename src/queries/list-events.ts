// GET /api/erp/events, read side: a tenant's domain events in commit order from an opaque cursor
// (base64url of the last sequence id seen). The cursor is strictly validated: garbage is a 400,
// never a silent restart from the beginning.
import type { Database } from '../data/db';
import { selectDomainEvents } from '../data/erp/select-domain-events';
import { BadRequestError } from '../errors/catalogue';

export const MAX_EVENTS_LIMIT = 1000;

export interface EventView {
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly entitySet: string | null;
  readonly key: string | null;
  readonly version: string | null;
  readonly data: unknown;
}

export interface EventPage {
  readonly value: readonly EventView[];
  /** cursor after the last event returned; the given cursor (null: none) when there were none */
  readonly nextCursor: string | null;
}

export type EventLister = (tenantId: string, after: string | undefined, limit: number) => Promise<EventPage>;

export const encodeCursor = (seq: string): string => Buffer.from(seq, 'utf8').toString('base64url');

/** The sequence id of a cursor; 400 for anything that is not one we issued. */
export function decodeCursor(cursor: string): string {
  const seq = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!/^(0|[1-9]\d{0,17})$/.test(seq) || encodeCursor(seq) !== cursor) {
    throw new BadRequestError('The cursor is not valid; use a nextCursor from an earlier response.', { target: 'after' });
  }
  return seq;
}

export function eventLister(db: Database): EventLister {
  return async (tenantId, after, limit) => {
    const afterSeq = after === undefined ? '0' : decodeCursor(after);
    const rows = await selectDomainEvents(db, tenantId, afterSeq, Math.min(Math.max(1, limit), MAX_EVENTS_LIMIT));
    const last = rows[rows.length - 1];
    return {
      value: rows.map((r) => ({
        id: r.eventId, type: r.type, occurredAt: r.occurredAt, entitySet: r.entitySet, key: r.entityKey, version: r.version,
        data: JSON.parse(r.payload) as unknown,
      })),
      nextCursor: last ? encodeCursor(last.seq) : (after ?? null),
    };
  };
}
