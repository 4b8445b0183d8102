/**
 * Answers of a pure function kept by key, for matching: a list compares every line with up to 20
 * candidates, so the same titles, names and rankings are worked out again and again. Bounded the
 * cheap way: emptied when full (no recency bookkeeping on the hot path).
 */
export class Remembered<V> {
  private readonly kept = new Map<string, V>();

  constructor(private readonly size: number) {}

  get(key: string, compute: (key: string) => V): V {
    let value = this.kept.get(key);
    if (value === undefined) {
      if (this.kept.size >= this.size) this.kept.clear();
      value = compute(key);
      this.kept.set(key, value);
    }
    return value;
  }
}
