// `b2x-gateway serve` and `demo` (what `npm start` runs): start the gateway and stop it gracefully
// on SIGTERM/SIGINT — in-flight requests finish, then the database closes.
import type { Config } from './config';
import { ConfigError } from './config';
import { startGateway, type RunningGateway } from './start-gateway';
import { prepareDemoTenant, type DemoSetup } from './demo-tenant';
import { applyHeapGrowth } from './heap-growth';
import { runFullGc } from './full-gc';

export interface ServeOptions {
  readonly json: boolean;
}

function onShutdownSignal(gw: RunningGateway): void {
  const stop = (signal: string) => {
    gw.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    gw.close().then(
      () => process.exit(0),
      (err: unknown) => {
        gw.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

/** The gateway started with the process-level settings `serve` and `demo` share. */
async function startServing(config: Config): Promise<RunningGateway> {
  applyHeapGrowth(config.heapGrowthPercent);
  const gw = await startGateway(config);
  onShutdownSignal(gw);
  runFullGc(); // once started: the old space's first limit then follows what is live (full-gc.ts)
  return gw;
}

export async function runServe(config: Config, opts: ServeOptions): Promise<void> {
  const gw = await startServing(config);
  if (opts.json) process.stdout.write(`${JSON.stringify({ status: 'listening', url: gw.url })}\n`);
  else gw.log.info({ url: gw.url }, 'listening');
}

function demoBanner(url: string, setup: DemoSetup): string {
  const curl = `curl -s -H 'X-API-Key: ${setup.apiKey ?? '<your key>'}' '${url}/odata/Customers(%2710042%27)?$expand=Contacts'`;
  const keyLines = setup.apiKey
    ? [`Demo tenant 'demo' created with sample data. ERP API key (shown once, keep it):`, '', `  ${setup.apiKey}`]
    : [`Tenant 'demo' already exists; its key was shown when it was created.`, `A new key: npx b2x-gateway account create --tenant demo`];
  return [``, ...keyLines, ``, `Try:`, ``, `  ${curl}`, ``, `Service document: ${url}/odata  ·  $metadata: ${url}/odata/$metadata`, ``].join('\n');
}

export async function runDemo(config: Config, opts: ServeOptions): Promise<void> {
  if (config.production) throw new ConfigError('demo seeds demo data and is refused with NODE_ENV=production; use `serve`');
  const setup = await prepareDemoTenant(config);
  const gw = await startServing(config);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ status: 'listening', url: gw.url, tenant: 'demo', apiKey: setup.apiKey ?? null })}\n`);
    return;
  }
  process.stdout.write(`${demoBanner(gw.url, setup)}\n`);
}
