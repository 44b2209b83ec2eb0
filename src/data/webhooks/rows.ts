// Row shapes of the webhook tables (migration 0007), shared by the one-statement files beside it.

export interface SubscriptionRow {
  readonly id: string;
  readonly tenant_id: string;
  readonly url: string;
  /** JSON array of event types; ["*"] = all */
  readonly event_types: string;
  readonly secret_sealed: string;
  readonly active: number | boolean;
  readonly created_at: string;
}

/** A subscription as listings show it: never the sealed secret. */
export type SubscriptionListRow = Omit<SubscriptionRow, 'secret_sealed'>;

export const LISTED_COLUMNS = ['id', 'tenant_id', 'url', 'event_types', 'active', 'created_at'] as const;

export type DeliveryStatus = 'pending' | 'failed' | 'delivered' | 'dead';

export interface DeliveryListRow {
  readonly event_id: string;
  readonly event_type: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly next_attempt_at: string;
  readonly last_status: number | null;
  readonly last_error: string | null;
  readonly created_at: string;
  readonly delivered_at: string | null;
}
