// The legacy document could not be read or understood (missing file, HTTP failure, not CSDL XML).
// A distinct type so the CLI answers with one line and exit code 2, like a usage error, and
// never confuses it with "read fine, but breaking differences found" (exit code 1).

export class LegacyMetadataError extends Error {
  readonly code = 'LegacyMetadataUnreadable';

  constructor(message: string) {
    super(message);
    this.name = 'LegacyMetadataError';
  }
}
