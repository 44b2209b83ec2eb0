// JSON batch bodies (OData JSON Format §19.1): {"requests":[{id, method, url, headers?, body?,
// atomicityGroup?, dependsOn?}]}, validated with zod. Members of one atomicity group must be
// adjacent and become one change set; dependsOn may name only earlier requests or groups.
import { z } from 'zod';
import { BadRequestError } from '../../src/errors/catalogue';
import { parseExactJson, type JsonValue } from '../../src/edm/exact-json';
import { MAX_BATCH_OPERATIONS, tooManyOperations, type BatchOperation, type BatchUnit } from './batch-request';

const requestSchema = z.object({
  id: z.string().min(1),
  method: z.string().regex(/^[A-Za-z]+$/, 'must be an HTTP method'),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.custom<JsonValue>((v) => v !== undefined).optional(),
  atomicityGroup: z.string().min(1).optional(),
  dependsOn: z.array(z.string().min(1)).optional(),
});
const batchSchema = z.object({ requests: z.array(requestSchema).min(1) });
type JsonRequest = z.infer<typeof requestSchema>;

function validate(value: JsonValue): JsonRequest[] {
  const requests = (value as { requests?: unknown } | null)?.requests;
  // counted before validation: an oversized batch is refused without looking at its members
  if (Array.isArray(requests) && requests.length > MAX_BATCH_OPERATIONS) throw tooManyOperations();
  const parsed = batchSchema.safeParse(value);
  if (parsed.success) return parsed.data.requests;
  const issue = parsed.error.issues[0];
  const where = issue?.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') ?? '';
  throw new BadRequestError(`The JSON batch is not valid: ${where || 'body'}: ${issue?.message ?? 'invalid'}.`, { target: where || undefined });
}

function toOperation(r: JsonRequest): BatchOperation {
  const headers = new Map(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v] as const));
  return { id: r.id, method: r.method.toUpperCase(), url: r.url, headers, dependsOn: r.dependsOn ?? [], ...(r.body !== undefined ? { body: { json: r.body } } : {}) };
}

/** Ids unique (and no group's name), groups adjacent, dependsOn backwards only (JSON Format §19.1). */
function checkOrder(requests: readonly JsonRequest[]): void {
  const ids = new Set<string>();
  const groups = new Set<string>();
  let open: string | undefined;
  for (const r of requests) {
    if (ids.has(r.id) || groups.has(r.id) || r.id === r.atomicityGroup) throw new BadRequestError(`The request id ${r.id} is used twice in this batch.`);
    for (const d of r.dependsOn ?? []) {
      const earlier = ids.has(d) || (groups.has(d) && d !== r.atomicityGroup);
      if (!earlier) throw new BadRequestError(`Request ${r.id} dependsOn ${d}, which is no earlier request or atomicity group.`);
    }
    const g = r.atomicityGroup;
    if (g !== undefined && g !== open && (groups.has(g) || ids.has(g))) throw new BadRequestError(`The requests of atomicity group ${g} must be adjacent.`);
    open = g;
    ids.add(r.id);
    if (g !== undefined) groups.add(g);
  }
}

/** Consecutive members of one atomicity group form one change set. */
function toUnits(requests: readonly JsonRequest[]): BatchUnit[] {
  const units: BatchUnit[] = [];
  for (const r of requests) {
    const last = units[units.length - 1];
    if (r.atomicityGroup !== undefined && last?.kind === 'changeSet' && last.id === r.atomicityGroup) {
      units[units.length - 1] = { ...last, ops: [...last.ops, toOperation(r)] };
    } else if (r.atomicityGroup !== undefined) units.push({ kind: 'changeSet', id: r.atomicityGroup, ops: [toOperation(r)] });
    else units.push({ kind: 'operation', op: toOperation(r) });
  }
  return units;
}

/** The units of an application/json $batch body, in order. */
export function parseJsonBatch(text: string): BatchUnit[] {
  const requests = validate(parseExactJson(text));
  checkOrder(requests);
  return toUnits(requests);
}
