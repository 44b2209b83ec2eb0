// Per-request inputs of an OData processor: the database, the caller's tenant scope, the absolute
// service root and the negotiated response format. Built once by legacy-compat/router.ts.
import type { Database } from '../src/data/db';
import type { TenantScope } from '../src/data/tenant-table';
import type { ODataLimits } from '../src/odata/uri/limits';
import type { ResponseFormat } from '../src/odata/format/response-format';
import type { Naming } from '../src/edm/naming';

export type { ResponseFormat };

export interface ODataRequestContext {
  readonly db: Database;
  readonly scope: TenantScope;
  /** absolute, without trailing slash, e.g. http://127.0.0.1:8080/odata */
  readonly serviceRoot: string;
  /** the resource path after the service root as sent (still percent-encoded), e.g. "/Customers('10042')/Contacts" */
  readonly resourcePath: string;
  /** the query string as sent, without '?' (still percent-encoded) */
  readonly rawQuery: string;
  readonly format: ResponseFormat;
  /** server-driven page size: 100 by default, or Prefer odata.maxpagesize (≤ 1000) */
  readonly pageSize: number;
  readonly limits: ODataLimits;
  /** request time, for now() in $filter — one value per request */
  readonly now: Date;
  /** the operator's name mapping when it renames anything (issue #5); absent = canonical names */
  readonly naming?: Naming;
}
