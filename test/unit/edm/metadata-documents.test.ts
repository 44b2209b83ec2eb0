// The pre-rendered $metadata documents: the bytes the renderers produce, with strong content ETags.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { METADATA_JSON, METADATA_XML } from '../../../src/edm/metadata-documents';
import { renderCsdlXml } from '../../../src/edm/csdl-xml';
import { renderCsdlJsonText } from '../../../src/edm/csdl-json';

describe('pre-rendered $metadata documents', () => {
  it('hold exactly the rendered CSDL, as UTF-8 bytes', () => {
    expect(Buffer.isBuffer(METADATA_XML.body)).toBe(true);
    expect(METADATA_XML.body.toString('utf8')).toBe(renderCsdlXml());
    expect(METADATA_JSON.body.toString('utf8')).toBe(renderCsdlJsonText());
  });

  it('carry a strong (not W/) quoted ETag derived from the bytes', () => {
    for (const d of [METADATA_XML, METADATA_JSON]) {
      expect(d.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect(d.etag).toBe(`"${createHash('sha256').update(d.body).digest('base64url')}"`);
    }
    expect(METADATA_XML.etag).not.toBe(METADATA_JSON.etag);
  });

  it('name their media types', () => {
    expect(METADATA_XML.mediaType).toBe('application/xml');
    expect(METADATA_JSON.mediaType).toBe('application/json');
  });
});
