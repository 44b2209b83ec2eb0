// Request and response constructors for Node's http(s) server that give each req/res the Express
// app's own prototypes (app.request, app.response) from birth. Express 5 otherwise re-parents both
// objects on every request (Object.setPrototypeOf in app.handle); with the prototypes already in
// place that call changes nothing. Why it matters (Node 20, measured 2026-12-07): re-parenting a
// live object defeats V8's object layouts, and ~30 % of everything a request allocated then
// survived the young-generation GC and was promoted — the old space filled with dead request
// objects that only a full mark-compact frees. A bare Express app served ~3.5× more trivial
// requests per second with these constructors, with nothing promoted. The same technique is
// proposed upstream (expressjs/express#5998; nodejs/node#37457 measured the regression).
// A sub-app mounted with its own express() would still re-parent; this gateway mounts routers only.
import http from 'node:http';
import type { Express } from 'express';

export interface ServerClasses {
  readonly IncomingMessage: typeof http.IncomingMessage;
  readonly ServerResponse: typeof http.ServerResponse;
}

type LegacyConstructor = (this: object, a: unknown, b: unknown) => void;

/** Node's constructors are plain functions today; a future `class` could not be called this way. */
const callable = (f: Function): boolean => !Function.prototype.toString.call(f).startsWith('class');

/** A constructor running `base` on the new object, whose prototype is `proto` (both args passed on). */
function withPrototype<T extends Function>(base: T, proto: object): T {
  const init = base as unknown as LegacyConstructor;
  function Constructed(this: object, a: unknown, b: unknown): void {
    init.call(this, a, b);
  }
  Constructed.prototype = proto;
  return Constructed as unknown as T;
}

/**
 * The options for http.createServer / https.createServer that build req/res with `app`'s
 * prototypes; empty (Node's defaults) if this Node's constructors cannot be called as functions.
 */
export function expressServerClasses(app: Express): Partial<ServerClasses> {
  if (!callable(http.IncomingMessage) || !callable(http.ServerResponse)) return {};
  return {
    IncomingMessage: withPrototype(http.IncomingMessage, app.request),
    ServerResponse: withPrototype(http.ServerResponse, app.response),
  };
}
