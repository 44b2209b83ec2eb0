// `b2x-gateway compat check --legacy-metadata FILE|URL [--header 'Name: value']…`: lists every
// difference between the legacy RESTier $metadata and ours that would break a client generated
// from the legacy one. Exit code 0 compatible, 1 breaking differences, 2 unreadable input/usage.
import { checkCompat } from '../../compat/check-compat';
import { formatReport } from '../../compat/format-report';
import { DEFAULT_LIMITS } from '../../compat/read-source';
import type { Command } from './command';
import { listFlag, requiredFlag } from './parse-args';
import { UsageError } from './usage-error';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function headersOf(values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const v of values) {
    const colon = v.indexOf(':');
    const name = colon < 0 ? '' : v.slice(0, colon).trim();
    if (!HEADER_NAME.test(name)) throw new UsageError(`--header needs 'Name: value' (got a value without a valid header name)`);
    headers[name] = v.slice(colon + 1).trim();
  }
  return headers;
}

export const compatCheckCommand: Command = {
  words: ['compat', 'check'],
  synopsis: "--legacy-metadata FILE|URL [--header 'Name: value']…",
  summary: 'compare the legacy service\'s $metadata with ours; exit code 1 on breaking differences, 2 if it cannot be read',
  flags: { 'legacy-metadata': 'string', header: 'strings' },
  positionals: { min: 0, max: 0 },
  async run({ args, config, out }) {
    const spec = requiredFlag(args, 'legacy-metadata');
    const limits = { ...DEFAULT_LIMITS, headers: headersOf(listFlag(args, 'header')) };
    // compared with the document `serve` would publish under the same configuration
    const report = await checkCompat(spec, { limits, nameMappingFile: config.odataNameMappingFile });
    out.result(report, formatReport(report));
    return report.breaking > 0 ? 1 : 0;
  },
};
