// Express baseline: the raw server's five handlers on a bare Express 5 app (defaults only: no helmet,
// no body parser), so the gap raw → express is the framework's own share. Child process of run-bench.
import express, { type NextFunction, type Request, type Response } from 'express';
import { baselineRoutes } from './baseline-handlers';
import { apiKeyChecker, UNAUTHORIZED_BODY } from './api-key-check';
import { API_KEY_HEADER } from './workloads';
import { baselineConfig, BIND_HOST, exitWithParent } from './baseline-config';

const ODATA_JSON = 'application/json; odata.metadata=minimal; odata.streaming=true';

function main(): void {
  const config = baselineConfig();
  const routes = baselineRoutes(config.dbFile, config.tenant);
  const keyOk = apiKeyChecker(config.apiKey);
  const app = express();

  app.get('/health/ready', (_req, res) => void res.sendStatus(200));
  app.use('/odata', (req: Request, res: Response, next: NextFunction) => {
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

  app.listen(config.port, BIND_HOST);
  exitWithParent();
}

main();
