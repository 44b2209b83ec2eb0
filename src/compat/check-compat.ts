// `compat check` without the CLI: read the legacy document, take ours, normalise both with the
// same code and compare. The result is plain data for format-report.ts and for --json.
import type { Difference } from './classify';
import { compareMetadata } from './compare-metadata';
import { normalise } from './normalise';
import type { NormalModel } from './normal-model';
import { ourMetadataXml } from './our-metadata';
import { parseCsdl } from './parse-csdl';
import { DEFAULT_LIMITS, readSource, type ReadLimits } from './read-source';

export interface DocumentSummary {
  readonly source: string;
  readonly namespaces: readonly string[];
  readonly container: string | null;
}

export interface CompatReport {
  readonly breaking: number;
  readonly info: number;
  readonly differences: readonly Difference[];
  readonly legacy: DocumentSummary;
  readonly ours: DocumentSummary;
}

export const OURS_SOURCE = '/odata/$metadata of this build';

const summary = (source: string, m: NormalModel): DocumentSummary => ({
  source,
  namespaces: m.namespaces,
  container: m.container ? `${m.container.namespace}.${m.container.name}` : null,
});

/** Compares two CSDL XML texts (pure; used by the command and by tests). */
export function compareDocuments(legacyXml: string, legacySource: string, oursXml: string, oursSource = OURS_SOURCE): CompatReport {
  const legacy = normalise(parseCsdl(legacyXml, legacySource));
  const ours = normalise(parseCsdl(oursXml, oursSource));
  const differences = compareMetadata(legacy, ours);
  return {
    breaking: differences.filter((d) => d.severity === 'breaking').length,
    info: differences.filter((d) => d.severity === 'info').length,
    differences,
    legacy: summary(legacySource, legacy),
    ours: summary(oursSource, ours),
  };
}

export interface CheckOptions {
  readonly limits?: ReadLimits;
  /** the name mapping /odata is served under (default metadata/name-mapping.json) */
  readonly nameMappingFile?: string;
}

/** Reads the legacy document from a file or URL and compares it with the $metadata we serve. */
export async function checkCompat(spec: string, opts: CheckOptions = {}): Promise<CompatReport> {
  const { source, text } = await readSource(spec, opts.limits ?? DEFAULT_LIMITS);
  return compareDocuments(text, source, ourMetadataXml(opts.nameMappingFile));
}
