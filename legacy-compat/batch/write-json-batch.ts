// The JSON batch response (OData JSON Format §19.2): {"responses":[{id, status, headers, body,
// atomicityGroup?}]}. JSON bodies are embedded as the text the processors wrote, so numbers stay
// exact; a failed atomicity group answers with its one failure, like a multipart change set.
import type { OperationOutcome, UnitOutcome } from './run-batch';

const isJson = (contentType: string | undefined): boolean => /^application\/json\b/i.test(contentType ?? '');

function responseObject({ op, response }: OperationOutcome, group: string | undefined): string {
  const parts = [`"id":${JSON.stringify(op.id ?? null)}`, `"status":${response.status}`, `"headers":${JSON.stringify(response.headers)}`];
  if (response.body !== undefined && response.body !== '') {
    parts.push(`"body":${isJson(response.headers['Content-Type']) ? response.body : JSON.stringify(response.body)}`);
  }
  if (group !== undefined) parts.push(`"atomicityGroup":${JSON.stringify(group)}`);
  return `{${parts.join(',')}}`;
}

function unitObjects(u: UnitOutcome): string[] {
  if (u.kind === 'operation') return [responseObject(u.outcome, undefined)];
  if (!u.ok) return [responseObject(u.failure, u.id)];
  return u.outcomes.map((o) => responseObject(o, u.id));
}

export function writeJsonBatch(units: readonly UnitOutcome[]): { contentType: string; body: string } {
  return { contentType: 'application/json', body: `{"responses":[${units.flatMap(unitObjects).join(',')}]}` };
}
