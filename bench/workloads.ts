// The five request shapes of the performance issue, percent-encoded once here so that every target
// (raw, express, service) receives byte-identical request lines and the baselines can route by exact URL.

export type WorkloadId = 'W1' | 'W2' | 'W3' | 'W4' | 'W5';

export interface Workload {
  readonly id: WorkloadId;
  /** the request as written in the issue (unencoded), for the report */
  readonly title: string;
  /** path + query as sent on the wire */
  readonly path: string;
}

/** RFC 3986 strict encoding (as .NET's Uri.EscapeDataString): also ' ( ) ! * so no client re-encodes them. */
export const encodeStrict = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `/odata/<resource>?$opt=value&…` with each value strictly encoded; `$` names stay literal as OData clients send them. */
function odataPath(resource: string, options: ReadonlyArray<readonly [string, string]>): string {
  const query = options.map(([name, value]) => `${name}=${encodeStrict(value)}`).join('&');
  return `/odata/${resource}${query ? `?${query}` : ''}`;
}

const define = (id: WorkloadId, resource: string, options: ReadonlyArray<readonly [string, string]>): Workload => {
  const unencoded = options.map(([n, v]) => `${n}=${v}`).join('&');
  return { id, title: `GET /odata/${resource}${unencoded ? `?${unencoded}` : ''}`, path: odataPath(resource, options) };
};

export const WORKLOADS: readonly Workload[] = [
  define('W1', "Customers('10042')", []),
  define('W2', 'Customers', [
    ['$filter', "Address/City eq 'Berlin' and CreditLimit gt 1000"],
    ['$orderby', 'Name'],
    ['$top', '50'],
  ]),
  define('W3', 'Products', [
    ['$filter', "contains(Name,'bolt')"],
    ['$select', 'ID,Name,ListPrice'],
    ['$top', '100'],
  ]),
  define('W4', 'Customers', [
    ['$expand', 'Contacts'],
    ['$top', '100'],
  ]),
  define('W5', 'Products', [
    ['$count', 'true'],
    ['$top', '20'],
    ['$skip', '5000'],
    ['$orderby', 'ID'],
  ]),
];

export const API_KEY_HEADER = 'x-api-key';
