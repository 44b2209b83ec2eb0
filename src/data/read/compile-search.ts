// $search: every term or phrase must occur, case-insensitively, as a substring of at least one
// searchable property (model `searchable`); AND/OR/NOT combine them. lower() is applied to both
// sides in SQL: SQLite's lower() and PostgreSQL's under COLLATE "C" (columns and our text parameters)
// both fold ASCII letters only, so "müller" does not match "MÜLLER" — identically on both dialects.
import type { BoundSearch } from '../../odata/query/bound-expr';
import type { SearchExpr } from '../../odata/uri/ast';
import { columnOf, ident, not, sql, textParam, type CompileContext, type Raw } from './sql-fragment';

function matchTerm(cx: CompileContext, search: BoundSearch, term: string): Raw {
  const s = sql(cx);
  const needle = s`lower(${textParam(cx, term)})`;
  const parts = search.paths.map((path) => {
    const col = s`lower(${ident(cx, search.alias, columnOf(search.set.name, path).name)})`;
    return cx.dialect === 'pg' ? s`(strpos(${col}, ${needle}) > 0)` : s`(instr(${col}, ${needle}) > 0)`;
  });
  return cx.knex.raw(`(${parts.map(() => '?').join(' OR ')})`, parts);
}

function compileNode(cx: CompileContext, search: BoundSearch, e: SearchExpr): Raw {
  switch (e.kind) {
    case 'term':
    case 'phrase': return matchTerm(cx, search, cx.slotOf?.(e) ?? e.value);
    case 'and': return sql(cx)`(${compileNode(cx, search, e.left)} AND ${compileNode(cx, search, e.right)})`;
    case 'or': return sql(cx)`(${compileNode(cx, search, e.left)} OR ${compileNode(cx, search, e.right)})`;
    case 'not': return not(cx, compileNode(cx, search, e.operand));
  }
}

export function compileSearch(cx: CompileContext, search: BoundSearch): Raw {
  return compileNode(cx, search, search.expr);
}
