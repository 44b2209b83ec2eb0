// Ends a response with a ResponseText: a string in one write, chunks in one write each
// (src/odata/format/text-chunks.ts says why they are never joined into one string here).
import type { ServerResponse } from 'node:http';
import type { ResponseText } from '../odata/format/text-chunks';

export function endWithText(res: ServerResponse, text: ResponseText): void {
  if (typeof text === 'string') {
    res.end(text);
    return;
  }
  // Node adds Content-Length only for a body given whole to end(); without it, chunks would go out
  // with chunked transfer coding
  let bytes = 0;
  for (const chunk of text) bytes += Buffer.byteLength(chunk, 'utf8');
  res.setHeader('Content-Length', bytes);
  const last = text.length - 1;
  for (let i = 0; i < last; i++) res.write(text[i] as string);
  res.end(text[last]);
}
