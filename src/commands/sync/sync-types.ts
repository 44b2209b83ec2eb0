// The data of a customers sync (POST /api/erp/customers/sync) and its report, shared by the
// validation step, the per-customer handler and the controller.

/** One customer as the ERP sends it: model properties plus its Contacts. */
export interface SyncCustomerItem {
  readonly [property: string]: unknown;
}

export interface SyncCustomersRequest {
  readonly customers: readonly SyncCustomerItem[];
  /** delete the synced customers' stored contacts that the payload leaves out (default false) */
  readonly replaceContacts?: boolean;
}

export interface SyncErrorDetail {
  readonly code: string;
  readonly message: string;
  readonly target?: string;
}

export interface SyncItemError {
  /** position in `customers` */
  readonly index: number;
  /** the customer's ID, when it has one */
  readonly id: string | null;
  readonly code: string;
  readonly message: string;
  readonly details: readonly SyncErrorDetail[];
}

export interface SyncReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly errors: readonly SyncItemError[];
}

export type SyncOutcome = 'created' | 'updated' | 'unchanged';

/** The SyncCustomer command's data: one validated item. */
export interface SyncCustomerData {
  readonly customer: Readonly<Record<string, unknown>>;
  readonly contacts: ReadonlyArray<Readonly<Record<string, unknown>>>;
  readonly replaceContacts: boolean;
}

export const SYNC_CUSTOMER = 'SyncCustomer';
