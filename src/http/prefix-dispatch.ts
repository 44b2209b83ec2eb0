// The /odata and /api surfaces behind ONE Express layer: a path-mounted app.use layer per prefix
// made the router test, strip and restore the URL (and run its params step) on every request,
// a measurable share of W1's routing cost. This matches a prefix the way app.use(prefix) does —
// case-insensitively, ending at '/', '?' or the end of the path — and falls through otherwise.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { withStack } from './series';

export interface PrefixMount {
  /** e.g. '/odata' (lower case, no trailing slash) */
  readonly prefix: string;
  readonly handler: RequestHandler;
  /**
   * Strip the prefix from req.url while the handler runs, as app.use(prefix) does — needed by
   * nested Express routers (/api). /odata reads req.originalUrl and req.baseUrl only, so it skips
   * the strip and later steps (metrics, access log) see the whole path.
   */
  readonly stripUrl: boolean;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `req.url` as app.use(prefix) leaves it: the rest after the prefix, with a leading slash. */
function stripped(url: string, length: number): string {
  const rest = url.slice(length);
  return rest[0] === '/' ? rest : `/${rest}`;
}

/** Runs `mount` on a request whose URL starts with its prefix, restoring req.url/baseUrl when it calls next. */
function enter(mount: PrefixMount, req: Request, res: Response, next: NextFunction): void {
  const url = req.url;
  const length = mount.prefix.length;
  req.baseUrl = url.slice(0, length); // as sent (case kept): the service root is built from it
  if (mount.stripUrl) req.url = stripped(url, length);
  void mount.handler(req, res, (err?: unknown) => {
    req.url = url;
    req.baseUrl = '';
    next(err);
  });
}

/** One handler for several prefixes; a request under none of them goes on to the next layer. */
export function prefixDispatch(mounts: readonly PrefixMount[]): RequestHandler {
  const matchers = mounts.map((m) => ({ mount: m, re: new RegExp(`^${escape(m.prefix)}(?=[/?]|$)`, 'i') }));
  const dispatch = (req: Request, res: Response, next: NextFunction): void => {
    for (const { mount, re } of matchers) {
      if (re.test(req.url)) return enter(mount, req, res, next);
    }
    next();
  };
  return withStack(dispatch, mounts.map((m) => ({ rawPath: m.prefix, handle: m.handler })));
}
