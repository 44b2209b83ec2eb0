// Invalid process configuration (environment, master key). Not an HTTP error: it stops the
// process at start, and its message is the one line the operator sees (contract.md).

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
