// A command line that cannot be understood (unknown command or flag, missing value): exit code 2.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
