// The whole comparison, in dependency order: namespaces first (so renamed namespaces map),
// then types (so renamed types map), then what refers to types: sets, bindings, operations.
import { classify, type Difference } from './classify';
import { compareEntitySets } from './compare-sets';
import { compareEnumTypes } from './compare-enums';
import { compareOperations } from './compare-operations';
import { compareContainer, compareNamespaces } from './compare-schema';
import { compareStructuredTypes, matchStructuredTypes } from './compare-types';
import type { Finding } from './finding';
import type { NormalModel } from './normal-model';
import { typeMapper } from './type-mapper';

// Report order follows the document: schema, container, types, sets, operations.
const ELEMENT_ORDER = ['Edmx', 'Schema', 'EntityContainer', 'EnumType', 'ComplexType', 'EntityType', 'EntitySet', 'Singleton', 'Function', 'Action', 'FunctionImport', 'ActionImport'];
const elementRank = (path: string): number => ELEMENT_ORDER.indexOf(path.slice(0, path.indexOf(' ')));

/** Every difference between the legacy model and ours, breaking ones first, then in document order. */
export function compareMetadata(legacy: NormalModel, ours: NormalModel): Difference[] {
  const findings: Finding[] = [];
  const report = (f: Finding): void => { findings.push(f); };
  const types = typeMapper(compareNamespaces(legacy, ours, report));
  compareContainer(legacy, ours, report);
  compareEnumTypes(legacy, ours, types, report);
  const pairs = matchStructuredTypes(legacy, ours, types, report);
  compareStructuredTypes(pairs, types, report);
  compareEntitySets(legacy, ours, types, report);
  compareOperations(legacy, ours, types, report);
  const rank = (d: Difference) => (d.severity === 'breaking' ? 0 : 1);
  return findings.map(classify).sort((a, b) => rank(a) - rank(b) || elementRank(a.path) - elementRank(b.path) || a.path.localeCompare(b.path));
}
