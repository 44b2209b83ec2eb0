// The data of a customers sync (POST /api/erp/customers/sync) and its report, shared by the
// validation step, the batch handler and the controller.
import type { ModelRecord } from '../../edm/model-values';

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

/** One validated item of a SyncCustomers command: canonical model values (checkEntityInput, full mode). */
export interface SyncCustomerData {
  readonly customer: ModelRecord;
  /** each with CustomerID set to the customer's ID */
  readonly contacts: readonly ModelRecord[];
  readonly replaceContacts: boolean;
}

/** The SyncCustomers command's data: the valid items, in payload order. */
export interface SyncCustomersData {
  readonly items: readonly SyncCustomerData[];
}

export const SYNC_CUSTOMERS = 'SyncCustomers';
