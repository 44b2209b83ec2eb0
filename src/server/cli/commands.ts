// The command table of `b2x-gateway` and the usage text derived from it. To add a command
// (account rotate/revoke, admin create-key …) write its file and list it here.
import type { Command } from './command';
import { accountCreateCommand } from './account-create-command';
import { accountListCommand } from './account-list-command';
import { auditVerifyCommand } from './audit-verify-command';
import { accountRevokeCommand } from './account-revoke-command';
import { accountRotateCommand } from './account-rotate-command';
import { adminCreateKeyCommand } from './admin-create-key-command';
import { masterKeyRotateCommand } from './master-key-rotate-command';
import { migrateCommand } from './migrate-command';
import { seedCommand } from './seed-command';
import { demoCommand, serveCommand } from './serve-commands';
import { tenantCreateCommand } from './tenant-create-command';
import { tenantListCommand } from './tenant-list-command';
import { accountShowCommand } from './account-show-command';
import { accountUpdateCommand } from './account-update-command';
import { accountDeleteCommand } from './account-delete-command';
import { auditListCommand } from './audit-list-command';
import { compatCheckCommand } from './compat-check-command';
import { legacyRouteSetCommand } from './legacy-route-set-command';
import { legacyRouteListCommand } from './legacy-route-list-command';
import { legacySurfaceSetCommand } from './legacy-surface-set-command';
import { legacyCredentialSetCommand } from './legacy-credential-set-command';
import { legacyCredentialClearCommand } from './legacy-credential-clear-command';
import { migrationReportCommand } from './migration-report-command';
import { UsageError } from './usage-error';

export const COMMANDS: readonly Command[] = [
  serveCommand,
  demoCommand,
  migrateCommand,
  seedCommand,
  tenantCreateCommand,
  tenantListCommand,
  accountCreateCommand,
  accountListCommand,
  accountShowCommand,
  accountUpdateCommand,
  accountRotateCommand,
  accountRevokeCommand,
  accountDeleteCommand,
  auditVerifyCommand,
  auditListCommand,
  adminCreateKeyCommand,
  masterKeyRotateCommand,
  legacyRouteSetCommand,
  legacyRouteListCommand,
  legacySurfaceSetCommand,
  legacyCredentialSetCommand,
  legacyCredentialClearCommand,
  migrationReportCommand,
  compatCheckCommand,
];

const GLOBAL = '[--json] [--help]';

export function commandUsage(c: Command): string {
  return `usage: b2x-gateway ${[...c.words, c.synopsis, GLOBAL].filter((s) => s !== '').join(' ')}\n\n  ${c.summary}`;
}

export function globalUsage(): string {
  const lines = COMMANDS.map((c) => `  ${[...c.words, c.synopsis].filter((s) => s !== '').join(' ')}\n      ${c.summary}`);
  return [
    'usage: b2x-gateway <command> [options] [--json] [--help]',
    '',
    'Commands:',
    ...lines,
    '',
    'With --json every command prints exactly one JSON object on stdout.',
    'Configuration comes from the environment (PORT, HOST, DATABASE_URL, GATEWAY_MASTER_KEY[_FILE], …).',
  ].join('\n');
}

/** The command selected by the leading words of argv, and the arguments after them. */
export function resolveCommand(argv: readonly string[]): { command: Command; rest: readonly string[] } {
  const [first = '', second = ''] = argv;
  // the longest command whose words lead argv (`legacy route set` has three)
  const exact = [3, 2, 1].map((n) => COMMANDS.find((c) => c.words.length === n && c.words.every((w, i) => argv[i] === w))).find((c) => c !== undefined);
  if (exact) return { command: exact, rest: argv.slice(exact.words.length) };
  const group = COMMANDS.filter((c) => c.words[0] === first).map((c) => c.words.join(' '));
  if (group.length > 0) throw new UsageError(`unknown command '${[first, second].join(' ').trim()}'; try: ${group.join(', ')}`);
  throw new UsageError(first === '' ? 'no command given' : `unknown command '${first}'`);
}
