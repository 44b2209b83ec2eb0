// Express baseline: the raw server's handlers on a bare Express 5 app (defaults only: no helmet; a
// text body parser on the write routes), so the gap raw → express is the framework's own share.
// With BENCH_SERVER_CLASSES=1 (the `tuned` target) the app runs on a server that builds req/res with
// its prototypes, as the service's server does; otherwise on app.listen's, as most Express apps do.
// Child process of run-bench.
import http from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { expressServerClasses } from '../src/http/express-server-classes';
import { baselineRoutes } from './baseline-handlers';
import { baselineWrites } from './baseline-writes';
import { apiKeyChecker, UNAUTHORIZED_BODY } from './api-key-check';
import { API_KEY_HEADER } from './workloads';
import { baselineConfig, BIND_HOST, exitWithParent } from './baseline-config';

const ODATA_JSON = 'application/json; odata.metadata=minimal; odata.streaming=true';

function main(): void {
  const config = baselineConfig();
  const routes = baselineRoutes(config.dbFile, config.tenant);
  const writes = baselineWrites(config.dbFile, config.tenant);
  const keyOk = apiKeyChecker(config.apiKey);
  const app = express();

  app.get('/health/ready', (_req, res) => void res.sendStatus(200));
  // Writes: Express's own text parser (any type: JSON and multipart alike), then the shared handler.
  const write = (req: Request, res: Response) => {
    const handler = writes(req.method, req.originalUrl);
    if (!handler) return void res.sendStatus(404);
    try {
      const result = handler(typeof req.body === 'string' ? req.body : '', req.get('content-type') ?? '');
      res.status(result.status).set(result.headers).send(result.body);
    } catch (err) {
      res.status(400).json({ error: { code: 'BadRequest', message: String(err) } });
    }
  };
  const text = express.text({ type: () => true, limit: '10mb' });
  app.use(['/odata', '/api/erp'], (req: Request, res: Response, next: NextFunction) => {
    if (keyOk(req.get(API_KEY_HEADER))) return next();
    res.status(401).set({ 'Content-Type': 'application/json', 'WWW-Authenticate': 'Basic realm="b2x"' }).send(UNAUTHORIZED_BODY);
  });
  // Express routes by path; the exact URL (with its query) then picks one of the five handlers.
  const answer = (req: Request, res: Response) => {
    const handler = routes.get(req.originalUrl);
    if (!handler) return void res.sendStatus(404);
    const result = handler(`${req.protocol}://${req.get('host') ?? BIND_HOST}/odata`);
    res.status(result.status).set({ 'Content-Type': ODATA_JSON, 'OData-Version': '4.0' });
    if (result.etag) res.set('ETag', result.etag);
    res.send(result.body);
  };
  app.get(/^\/odata\/Customers\('[^']*'\)$/, answer);
  app.get('/odata/Customers', answer);
  app.get('/odata/Products', answer);
  app.patch(/^\/odata\/Products\('[^']*'\)$/, text, write);
  app.post('/odata/$batch', text, write);
  app.post('/api/erp/customers/sync', text, write);

  if (process.env.BENCH_SERVER_CLASSES === '1') http.createServer(expressServerClasses(app), app).listen(config.port, BIND_HOST);
  else app.listen(config.port, BIND_HOST);
  exitWithParent();
}

main();
