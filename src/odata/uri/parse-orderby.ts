// $orderby (URL Conventions §5.1.4, ABNF orderby): comma-separated expressions, each optionally
// followed by whitespace and asc/desc (case-insensitive). One node budget covers all items.
import type { OrderByItem } from './ast';
import type { Budget } from './budget';
import type { Cursor } from './cursor';
import { expressionContext, type ExprEnv } from './parse-expression';

function readDirection(cur: Cursor): 'asc' | 'desc' {
  const save = cur.pos;
  if (cur.skipSpaces() > 0) {
    const word = cur.match(/(?:asc|desc)(?![\p{L}\p{Nd}_.])/iuy)?.toLowerCase();
    if (word === 'asc' || word === 'desc') {
      cur.pos += word.length;
      return word;
    }
  }
  cur.pos = save;
  return 'asc';
}

/** Parses items until a character that cannot continue them; the caller checks what follows. */
export function parseOrderByItems(cur: Cursor, budget: Budget, env: ExprEnv): OrderByItem[] {
  if (cur.done) cur.fail('expected at least one expression to order by');
  const ctx = expressionContext(cur, budget, env);
  const items: OrderByItem[] = [];
  for (;;) {
    const expr = ctx.parseExpr();
    items.push({ expr, direction: readDirection(cur) });
    if (!cur.eat(',')) return items;
    cur.skipSpaces(); // tolerated after the comma, as clients pretty-print lists
  }
}
