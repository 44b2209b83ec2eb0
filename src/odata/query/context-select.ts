// The select/expand clause of the context URL, written like ODL's ODataContextUrlInfo (as used by
// AspNetCoreOData 8): selected paths, then `Nav(<nested clause>)` per expansion — `Contacts()` when
// nothing is nested — with a path dropped from the select list when it is also expanded.
import type { QueryOptions } from '../uri/ast';

function clause(o: QueryOptions): string {
  const expands = (o.expand ?? []).map((e) => {
    const path = e.path.join('/');
    return e.ref ? `${path}/$ref` : `${path}(${clause(e.options)})`;
  });
  const expandedNames = new Set((o.expand ?? []).map((e) => e.path.join('/')));
  const selects = (o.select ?? [])
    .map((s) => (s.kind === 'star' ? '*' : s.path.join('/')))
    .filter((s) => !expandedNames.has(s));
  return [...selects, ...expands].join(',');
}

/** e.g. "ID,Name,Contacts(Email)"; undefined when there is neither $select nor $expand. */
export function contextSelect(o: QueryOptions): string | undefined {
  const text = clause(o);
  return text === '' ? undefined : text;
}
