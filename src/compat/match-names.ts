// Pairs legacy elements with ours: by (mapped) name first, then a rename is assumed only when
// exactly one unmatched element of ours is similar (same name ignoring case, or the caller's test)
// and no other unmatched legacy element is — a guess must be unambiguous to be useful.

export interface Pair<L, O> {
  readonly legacy: L;
  readonly ours: O | undefined;
  readonly renamed: boolean;
}

export interface Matched<L, O> {
  readonly pairs: readonly Pair<L, O>[];
  /** ours without a legacy counterpart */
  readonly extra: readonly O[];
}

export interface MatchRule<L, O> {
  /** the name `l` is expected to have on our side */
  readonly expected: (l: L) => string;
  readonly nameOf: (o: O) => string;
  /** extra similarity for rename detection (same entity type, same property names …) */
  readonly similar?: (l: L, o: O) => boolean;
}

const simple = (name: string): string => name.slice(name.lastIndexOf('.') + 1).toLowerCase();

export function matchNames<L, O>(legacy: readonly L[], ours: readonly O[], rule: MatchRule<L, O>): Matched<L, O> {
  const byName = new Map(ours.map((o) => [rule.nameOf(o), o]));
  const exact = legacy.map((l) => byName.get(rule.expected(l)));
  const used = new Set(exact.filter((o): o is O => o !== undefined));
  const free = ours.filter((o) => !used.has(o));
  const unmatched = legacy.filter((_, i) => exact[i] === undefined);
  const like = (l: L, o: O): boolean => simple(rule.expected(l)) === simple(rule.nameOf(o)) || (rule.similar?.(l, o) ?? false);
  const pairs = legacy.map((l, i): Pair<L, O> => {
    const hit = exact[i];
    if (hit !== undefined) return { legacy: l, ours: hit, renamed: false };
    const candidates = free.filter((o) => !used.has(o) && like(l, o));
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only === undefined || unmatched.filter((u) => like(u, only)).length !== 1) return { legacy: l, ours: undefined, renamed: false };
    used.add(only);
    return { legacy: l, ours: only, renamed: true };
  });
  return { pairs, extra: ours.filter((o) => !used.has(o)) };
}
