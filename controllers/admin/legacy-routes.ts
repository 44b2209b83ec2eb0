// Registers the dual-running admin routes (issue #5) on the admin router: legacy routes, surfaces
// and upstream credentials, and the migration report — each with its own audit operation name.
import type { RequestHandler } from 'express';
import type { LegacyControlStore } from '../../src/legacy/legacy-store';
import type { MigrationReporter } from '../../src/legacy/report/migration-report';
import { audited } from './legacy-audited';
import { legacyCredentialDelete } from './legacy-credential-delete';
import { legacyCredentialPut } from './legacy-credential-put';
import { legacyRoutePut } from './legacy-route-put';
import { legacyRoutesList } from './legacy-routes-list';
import { legacySurfaceGet } from './legacy-surface-get';
import { legacySurfacePut } from './legacy-surface-put';
import { migrationReport } from './migration-report';

type Register = (method: 'get' | 'put' | 'delete', path: string, handler: RequestHandler) => unknown;

export function legacyRoutes(route: Register, store: LegacyControlStore, report: MigrationReporter | undefined): void {
  route('get', '/legacy/routes', audited('admin.legacy-routes.list', legacyRoutesList(store)));
  route('put', '/legacy/routes/:tenant/:entitySet', audited('admin.legacy-routes.replace', legacyRoutePut(store)));
  route('get', '/legacy/surfaces/:tenant', audited('admin.legacy-surfaces.read', legacySurfaceGet(store)));
  route('put', '/legacy/surfaces/:tenant', audited('admin.legacy-surfaces.replace', legacySurfacePut(store)));
  route('put', '/legacy/credentials/:tenant', audited('admin.legacy-credentials.replace', legacyCredentialPut(store)));
  route('delete', '/legacy/credentials/:tenant', audited('admin.legacy-credentials.delete', legacyCredentialDelete(store)));
  if (report) route('get', '/migration', audited('admin.migration.read', migrationReport(report)));
}
