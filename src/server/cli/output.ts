// Where command results go: with --json exactly one JSON object on stdout, otherwise human text.
// Progress of long work goes to stderr, only when it is a terminal and never with --json.

export interface Output {
  readonly json: boolean;
  /** the command's result: `value` as JSON with --json, else `text` */
  result(value: object, text: string): void;
  /** a transient progress line (TTY stderr only) */
  progress(text: string): void;
  /** ends a progress line so the next output starts on a fresh line */
  progressDone(): void;
}

export function createOutput(json: boolean, stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): Output {
  const live = !json && stderr.isTTY === true;
  let open = false;
  return {
    json,
    result(value, text) {
      stdout.write(json ? `${JSON.stringify(value)}\n` : `${text}\n`);
    },
    progress(text) {
      if (!live) return;
      stderr.write(`\r\x1b[2K${text}`);
      open = true;
    },
    progressDone() {
      if (open) stderr.write('\n');
      open = false;
    },
  };
}
