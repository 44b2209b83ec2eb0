// The read engine's entry point for the HTTP layer: bind → plan → SQL → ReadResult. Lives in
// src/data/read because it needs both the planner (src/odata/query) and the executor (knex).
import type { Database } from '../db';
import type { TenantScope } from '../tenant-table';
import { NotFoundError } from '../../errors/catalogue';
import type { ODataLimits } from '../../odata/uri/limits';
import type { ODataUri } from '../../odata/uri/ast';
import { buildPlan } from '../../odata/query/build-plan';
import { contextSelect } from '../../odata/query/context-select';
import { keyPredicateText } from '../../odata/query/key-text';
import { buildNextLink } from '../../odata/query/next-link';
import type { QueryPlan } from '../../odata/query/plan';
import type { ComplexValue, EntityRecord, ReadResult } from '../../odata/query/read-result';
import { encodeSkipToken } from '../../odata/query/skiptoken';
import { createCompileContext } from './compile-filter';
import { countRoot, readRootPage } from './execute-plan';
import { pathExists } from './level-rows';
import type { CompileContext } from './sql-fragment';
import { withClientDataErrors } from './data-error';

/**
 * The parts of legacy-compat's ODataRequestContext a read needs; declared here because src/data may
 * not import legacy-compat. An ODataRequestContext is one (executeRead is generic so extra fields pass).
 */
export interface ReadContext {
  readonly db: Database;
  readonly scope: TenantScope;
  readonly serviceRoot: string;
  readonly resourcePath: string;
  readonly rawQuery: string;
  readonly pageSize: number;
  readonly limits: ODataLimits;
  readonly now: Date;
}

const notFound = () => new NotFoundError('The requested resource does not exist');

/** A navigation path whose starting entity is missing (or another tenant's) is a 404, not empty. */
async function assertPathExists(cx: CompileContext, plan: QueryPlan): Promise<void> {
  const steps = plan.path.steps;
  if (steps.length > 1 && !(await pathExists(cx, steps.slice(0, -1)))) throw notFound();
}

async function readCollection(cx: CompileContext, plan: QueryPlan, uri: ODataUri, ctx: ReadContext): Promise<ReadResult> {
  const { top, count: wantCount } = plan.root;
  const page = await readRootPage(cx, plan, top !== undefined && top <= plan.pageSize ? { limit: top, probe: false } : { limit: plan.pageSize, probe: true });
  if (page.entities.length === 0) await assertPathExists(cx, plan);
  const count = wantCount ? await countRoot(cx, plan) : undefined;
  const nextLink = page.more && page.last
    ? buildNextLink({
        serviceRoot: ctx.serviceRoot,
        resourcePath: ctx.resourcePath,
        rawQuery: ctx.rawQuery,
        ...(top !== undefined ? { remainingTop: top - page.entities.length } : {}),
        skiptoken: encodeSkipToken(page.last),
      })
    : undefined;
  const select = contextSelect(uri.options);
  return {
    kind: 'collection',
    set: plan.path.target,
    entities: page.entities,
    ...(count !== undefined ? { count } : {}),
    ...(nextLink ? { nextLink } : {}),
    ...(select ? { contextSelect: select } : {}),
  };
}

async function readOne(cx: CompileContext, plan: QueryPlan): Promise<EntityRecord> {
  const page = await readRootPage(cx, plan, { limit: 1, probe: false });
  const [entity] = page.entities;
  if (!entity) throw notFound();
  return entity;
}

/**
 * Protocol §11.2.6: a single-valued navigation (no key after it) of an entity that exists but
 * points at nothing is 204 No Content; a missing entity anywhere on the path stays a 404.
 */
async function readEntityOrNone(cx: CompileContext, plan: QueryPlan): Promise<EntityRecord | undefined> {
  const page = await readRootPage(cx, plan, { limit: 1, probe: false });
  const [entity] = page.entities;
  if (entity) return entity;
  const last = plan.path.steps[plan.path.steps.length - 1];
  if (last?.nav !== undefined && !last.nav.collection && last.key === undefined) await assertPathExists(cx, plan);
  else throw notFound();
  return undefined;
}

async function readProperty(cx: CompileContext, plan: QueryPlan): Promise<ReadResult> {
  const target = plan.path.property;
  const [name = '', member] = target?.path ?? [];
  if (!target) throw new Error('execute-read: property path without property');
  const narrowed: QueryPlan = { ...plan, root: { ...plan.root, selected: [{ name, ...(member ? { members: [member] } : {}) }], expand: [] } };
  const entity = await readOne(cx, narrowed);
  const whole = entity.values[name] ?? null;
  const value = member === undefined ? whole : ((whole as ComplexValue | null)?.[member] ?? null);
  return {
    kind: 'property',
    set: plan.path.target,
    contextPath: `${plan.path.target.name}${keyPredicateText(entity.key)}/${target.path.join('/')}`,
    edmType: target.edmType,
    value,
    raw: target.raw,
    ...(entity.version !== undefined ? { version: entity.version } : {}),
  };
}

/**
 * Executes a GET of an entity set, entity, navigation, property (/$value) or /$count for the
 * caller's tenant. Throws NotFoundError for a missing entity (or another tenant's), the binder's
 * 400/501 errors for bad or unsupported queries.
 */
export function executeRead<C extends ReadContext>(uri: ODataUri, ctx: C): Promise<ReadResult> {
  return withClientDataErrors(() => runRead(uri, ctx));
}

async function runRead(uri: ODataUri, ctx: ReadContext): Promise<ReadResult> {
  const plan = buildPlan(uri, { pageSize: ctx.pageSize, maxExpandDepth: ctx.limits.maxExpandDepth, now: ctx.now });
  const cx = createCompileContext(ctx.db, ctx.scope);
  switch (plan.path.kind) {
    case 'count': {
      const count = await countRoot(cx, plan);
      if (count === 0) await assertPathExists(cx, plan);
      return { kind: 'count', count };
    }
    case 'collection':
      return readCollection(cx, plan, uri, ctx);
    case 'entity': {
      const entity = await readEntityOrNone(cx, plan);
      if (entity === undefined) return { kind: 'none' };
      const select = contextSelect(uri.options);
      return { kind: 'entity', set: plan.path.target, entity, ...(select ? { contextSelect: select } : {}) };
    }
    case 'property':
      return readProperty(cx, plan);
  }
}
