// A request over node:http, for what fetch hides or refuses: TRACE/TRACK, and the headers exactly as
// sent (Content-Length, Transfer-Encoding) with the body's bytes as received.
import http from 'node:http';

export interface RawAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly bytes: Buffer;
  /** the body decoded as UTF-8 */
  readonly body: string;
}

export function rawRequest(url: string, method: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((done, fail) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        done({ status: res.statusCode ?? 0, headers: res.headers, bytes, body: bytes.toString('utf8') });
      });
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}
