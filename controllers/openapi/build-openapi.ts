// Builds the OpenAPI 3.1 document of /api from the route table's zod schemas (z.toJSONSchema,
// JSON Schema 2020-12 = OpenAPI 3.1's dialect). Schemas with a meta id become shared components.
import { z } from 'zod';
import type { ApiRoute } from './api-routes';

type Json = Record<string, unknown>;

const ERROR_BODY = z.object({
  error: z.object({
    code: z.string(), message: z.string(), target: z.string().optional(),
    details: z.array(z.object({ code: z.string(), message: z.string(), target: z.string().optional() })).optional(),
  }),
}).meta({ id: 'ODataError' });

/** Converts a schema; named sub-schemas ($defs) move to `components` and refs are rewritten. */
function schemaOf(schema: z.ZodType, components: Json, io: 'input' | 'output'): Json {
  const raw = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'inline' }) as Json;
  const text = JSON.stringify(raw).replace(/"#\/\$defs\/([^"]+)"/g, '"#/components/schemas/$1"');
  const { $schema: _s, $defs, ...rest } = JSON.parse(text) as Json & { $defs?: Json };
  Object.assign(components, $defs ?? {});
  const id = (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
  if (id === undefined) return rest;
  const ref = `#/components/schemas/${id}`;
  // zod may already have moved a named root schema into $defs and answered with a bare $ref to it
  if (rest.$ref !== ref) components[id] = rest;
  return { $ref: ref };
}

const openApiPath = (path: string): string => `/api${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;

function parameters(route: ApiRoute, components: Json): Json[] {
  const path = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  const q = route.query ? schemaOf(route.query, components, 'input') : undefined;
  const props = (q?.properties ?? {}) as Json;
  const required = new Set((q?.required ?? []) as string[]);
  const query = Object.entries(props).map(([name, schema]) => ({ name, in: 'query', required: required.has(name), schema }));
  const headers = Object.entries(route.headers ?? {}).map(([name, description]) => ({ name, in: 'header', required: false, description, schema: { type: 'string' } }));
  return [...path, ...query, ...headers];
}

function responses(route: ApiRoute, components: Json): Json {
  const out: Json = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    out[status] = schema ? { description: 'success', content: { 'application/json': { schema: schemaOf(schema, components, 'output') } } } : { description: 'success' };
  }
  const error = { content: { 'application/json': { schema: { $ref: '#/components/schemas/ODataError' } } } };
  for (const [status, description] of [['400', 'invalid request'], ['401', 'no valid credential'], ['403', 'not allowed (grant named in the error)'], ['429', 'rate limit']] as const) {
    out[status] = { description, ...error };
  }
  return out;
}

function operation(route: ApiRoute, components: Json): Json {
  return {
    summary: route.summary,
    tags: [route.tag],
    ...(route.operations ? { description: `Needs the grants: ${route.operations.join(', ')}.` } : {}),
    parameters: parameters(route, components),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, components, 'input') } } } } : {}),
    responses: responses(route, components),
  };
}

/** The document; `registered` routes missing from `routes` are listed without schemas. */
export function buildOpenApi(routes: readonly ApiRoute[], registered: ReadonlyArray<{ method: string; path: string }>): Json {
  const components: Json = {};
  schemaOf(ERROR_BODY, components, 'output');
  const paths: Record<string, Json> = {};
  const add = (method: string, path: string, op: Json) => {
    paths[openApiPath(path)] = { ...paths[openApiPath(path)], [method]: op };
  };
  for (const r of routes) add(r.method, r.path, operation(r, components));
  for (const r of registered) {
    const method = r.method.toLowerCase();
    if (!paths[openApiPath(r.path)]?.[method]) add(method, r.path, { summary: '(no schema registered)', responses: { default: { description: 'see README' } } });
  }
  return {
    openapi: '3.1.0',
    info: { title: 'b2x-erp-gateway API', version: '1' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ apiKey: [] }, { basic: [] }, { bearer: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        basic: { type: 'http', scheme: 'basic', description: 'erp-service.{tenant} : {secret}' },
        bearer: { type: 'http', scheme: 'bearer', description: 'token from POST /api/auth/token' },
      },
    },
  };
}
