// The JSON batch response (OData JSON Format §19.2): {"responses":[{id, status, headers, body,
// atomicityGroup?}]}. JSON bodies are embedded as the text the processors wrote, so numbers stay
// exact; a failed atomicity group answers with its one failure, like a multipart change set.
// Written into chunks (text-chunks.ts), as the bodies it embeds are.
import { TextChunks, textLength, textString, type ResponseText } from '../../src/odata/format/text-chunks';
import type { OperationOutcome, UnitOutcome } from './run-batch';

const isJson = (contentType: string | undefined): boolean => /^application\/json\b/i.test(contentType ?? '');

function writeResponseObject(out: TextChunks, { op, response }: OperationOutcome, group: string | undefined): void {
  out.add(`{"id":${JSON.stringify(op.id ?? null)},"status":${response.status},"headers":${JSON.stringify(response.headers)}`);
  const body = response.body;
  if (body !== undefined && textLength(body) > 0) {
    out.add(',"body":');
    if (isJson(response.headers['Content-Type'])) out.addText(body);
    else out.add(JSON.stringify(textString(body)));
  }
  out.add(group === undefined ? '}' : `,"atomicityGroup":${JSON.stringify(group)}}`);
}

function outcomesOf(u: UnitOutcome): ReadonlyArray<readonly [OperationOutcome, string | undefined]> {
  if (u.kind === 'operation') return [[u.outcome, undefined]];
  if (!u.ok) return [[u.failure, u.id]];
  return u.outcomes.map((o) => [o, u.id] as const);
}

export function writeJsonBatch(units: readonly UnitOutcome[]): { contentType: string; body: ResponseText } {
  const out = new TextChunks();
  out.add('{"responses":[');
  let sep = '';
  for (const u of units) {
    for (const [outcome, group] of outcomesOf(u)) {
      out.add(sep);
      writeResponseObject(out, outcome, group);
      sep = ',';
    }
  }
  out.add(']}');
  return { contentType: 'application/json', body: out.text() };
}
