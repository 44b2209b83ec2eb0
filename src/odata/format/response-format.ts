// The negotiated notation of a JSON response (OData JSON Format §3.1 and §4.5).

export interface ResponseFormat {
  /** odata.metadata=minimal (default) | full | none */
  readonly metadata: 'minimal' | 'full' | 'none';
  /** IEEE754Compatible=true: Int64 and Decimal written as JSON strings */
  readonly ieee754: boolean;
}

export const DEFAULT_FORMAT: ResponseFormat = { metadata: 'minimal', ieee754: false };

export function jsonContentType(f: ResponseFormat): string {
  return `application/json;odata.metadata=${f.metadata};odata.streaming=true;IEEE754Compatible=${f.ieee754};charset=utf-8`;
}
