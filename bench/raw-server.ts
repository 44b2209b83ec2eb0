// Raw baseline: plain node:http + better-sqlite3 prepared statements answering the five benchmark
// reads and three writes — the floor the service's throughput is measured against. Child process of run-bench.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { baselineRoutes } from './baseline-handlers';
import { baselineWrites, type WriteHandler } from './baseline-writes';
import { apiKeyChecker, UNAUTHORIZED_BODY } from './api-key-check';
import { API_KEY_HEADER } from './workloads';
import { baselineConfig, BIND_HOST, exitWithParent } from './baseline-config';

const ODATA_JSON = 'application/json; odata.metadata=minimal; odata.streaming=true';

/** Reads the whole body, then runs the write; a body it can't handle is a 400, never a crash. */
function write(req: IncomingMessage, res: ServerResponse, handler: WriteHandler): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    try {
      const answer = handler(Buffer.concat(chunks).toString('utf8'), req.headers['content-type'] ?? '');
      res.writeHead(answer.status, answer.headers).end(answer.body);
    } catch (err) {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { code: 'BadRequest', message: String(err) } }));
    }
  });
}

function main(): void {
  const config = baselineConfig();
  const routes = baselineRoutes(config.dbFile, config.tenant);
  const writes = baselineWrites(config.dbFile, config.tenant);
  const keyOk = apiKeyChecker(config.apiKey);

  const server = createServer((req, res) => {
    const url = req.url ?? '';
    if (url === '/health/ready') return void res.writeHead(200).end();
    const handler = req.method === 'GET' ? routes.get(url) : undefined;
    const writeHandler = handler ? undefined : writes(req.method ?? '', url);
    if (!handler && !writeHandler) return void res.writeHead(404).end();
    if (!keyOk(req.headers[API_KEY_HEADER])) {
      return void res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Basic realm="b2x"' }).end(UNAUTHORIZED_BODY);
    }
    if (writeHandler) return write(req, res, writeHandler);
    if (!handler) return;
    const answer = handler(`http://${req.headers.host ?? BIND_HOST}/odata`);
    const headers: Record<string, string> = { 'Content-Type': ODATA_JSON, 'OData-Version': '4.0' };
    if (answer.etag) headers.ETag = answer.etag;
    res.writeHead(answer.status, headers).end(answer.body);
  });
  server.listen(config.port, BIND_HOST);
  exitWithParent();
}

main();
