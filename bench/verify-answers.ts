// Before any timing: every target must answer each workload with 200 and the same entity IDs in the
// same order (contacts included for W4), and refuse a request without key. Fails the run otherwise;
// other differences in the bodies (values, annotations) are collected and reported, not fatal.
import { httpGet } from './http-get';
import { jsonDiff, type Difference } from './json-diff';
import { API_KEY_HEADER, WORKLOADS, type Workload, type WorkloadId } from './workloads';
import type { Target, TargetName } from './targets';

export interface BodyDifference extends Difference {
  readonly workload: WorkloadId;
  readonly url: string;
  readonly target: TargetName;
}

export interface Verification {
  /** per workload: number of entities in the answer (0 would make a workload trivial) */
  readonly entities: Readonly<Record<string, number>>;
  readonly differences: readonly BodyDifference[];
}

type Entity = { ID?: unknown; Contacts?: Entity[] };

/** The answer's identity: entity IDs in order, with W4's contact IDs per customer. */
function identity(w: Workload, body: unknown): string[] {
  const b = body as { value?: Entity[] } & Entity;
  const entities: Entity[] = w.id === 'W1' ? [b] : (b.value ?? []);
  return entities.map((e) =>
    w.id === 'W4' ? `${String(e.ID)}[${(e.Contacts ?? []).map((c) => String(c.ID)).join(',')}]` : String(e.ID));
}

interface Answer {
  readonly body: unknown;
  /** the response headers clients rely on, as a pseudo-body so json-diff can compare them */
  readonly headers: Record<string, unknown>;
}

async function fetchAnswer(t: Target, w: Workload, key: string): Promise<Answer> {
  const res = await httpGet(t.port, w.path, { ...(t.authHeaders ?? { [API_KEY_HEADER]: key }) });
  if (res.status !== 200) throw new Error(`${w.id} ${t.name}: HTTP ${res.status} for ${w.path}\n${res.body.slice(0, 500)}`);
  const contentType = String(res.headers['content-type'] ?? '');
  const headers = {
    'OData-Version': res.headers['odata-version'],
    'Content-Type (media type)': contentType.split(';')[0],
    'Content-Type odata.metadata': /odata\.metadata=minimal/i.test(contentType) ? 'minimal' : contentType,
    ...(w.id === 'W1' ? { ETag: res.headers.etag } : {}),
  };
  try {
    return { body: JSON.parse(res.body), headers };
  } catch {
    throw new Error(`${w.id} ${t.name}: body is not JSON: ${res.body.slice(0, 200)}`);
  }
}

async function requireKey(t: Target, w: Workload): Promise<void> {
  const res = await httpGet(t.port, w.path);
  if (res.status !== 401) throw new Error(`${w.id} ${t.name}: answered ${res.status} without an API key (expected 401)`);
}

async function verifyWorkload(w: Workload, targets: readonly Target[], key: string, diffs: BodyDifference[]): Promise<number> {
  const answers = await Promise.all(targets.map((t) => fetchAnswer(t, w, key)));
  const bodies = answers.map((a) => a.body);
  await Promise.all(targets.map((t) => requireKey(t, w)));
  const reference = identity(w, bodies[0]);
  targets.forEach((t, i) => {
    const ids = identity(w, bodies[i]);
    if (ids.join('|') !== reference.join('|')) {
      throw new Error(`${w.id} ${t.name} returned different entities than ${targets[0]?.name} for ${w.path}\n` +
        `  ${targets[0]?.name}: ${reference.join(' ').slice(0, 800)}\n  ${t.name}: ${ids.join(' ').slice(0, 800)}`);
    }
    if (i === 0) return;
    const found = [...jsonDiff({ headers: answers[0]?.headers }, { headers: answers[i]?.headers }), ...jsonDiff(bodies[0], bodies[i])];
    for (const d of found) diffs.push({ workload: w.id, url: w.path, target: t.name, ...d });
  });
  return reference.length;
}

export async function verifyAnswers(targets: readonly Target[], key: string, workloads: readonly Workload[] = WORKLOADS): Promise<Verification> {
  const entities: Record<string, number> = {};
  const differences: BodyDifference[] = [];
  for (const w of workloads) entities[w.id] = await verifyWorkload(w, targets, key, differences);
  return { entities, differences };
}
