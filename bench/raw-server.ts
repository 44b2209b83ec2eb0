// Raw baseline: plain node:http + better-sqlite3 prepared statements answering the five benchmark
// requests — the floor the service's throughput is measured against. Child process of run-bench.
import { createServer } from 'node:http';
import { baselineRoutes } from './baseline-handlers';
import { apiKeyChecker, UNAUTHORIZED_BODY } from './api-key-check';
import { API_KEY_HEADER } from './workloads';
import { baselineConfig, BIND_HOST, exitWithParent } from './baseline-config';

const ODATA_JSON = 'application/json; odata.metadata=minimal; odata.streaming=true';

function main(): void {
  const config = baselineConfig();
  const routes = baselineRoutes(config.dbFile, config.tenant);
  const keyOk = apiKeyChecker(config.apiKey);

  const server = createServer((req, res) => {
    const url = req.url ?? '';
    if (url === '/health/ready') return void res.writeHead(200).end();
    const handler = req.method === 'GET' ? routes.get(url) : undefined;
    if (!handler) return void res.writeHead(404).end();
    if (!keyOk(req.headers[API_KEY_HEADER])) {
      return void res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Basic realm="b2x"' }).end(UNAUTHORIZED_BODY);
    }
    const answer = handler(`http://${req.headers.host ?? BIND_HOST}/odata`);
    const headers: Record<string, string> = { 'Content-Type': ODATA_JSON, 'OData-Version': '4.0' };
    if (answer.etag) headers.ETag = answer.etag;
    res.writeHead(answer.status, headers).end(answer.body);
  });
  server.listen(config.port, BIND_HOST);
  exitWithParent();
}

main();
