/**
 * A bounded cache of a pure function of a string, in two generations: when the current one is full
 * it becomes the old one and a new one starts; a hit in the old one is carried over. What is asked
 * on every row (a plan's names) stays; what is asked once (each typed name of a 100,000-row sheet)
 * passes through without evicting it. Memory: at most twice `size` entries.
 */
export function memo<T>(size: number, compute: (key: string) => T): (key: string) => T {
  let current = new Map<string, T>();
  let old = new Map<string, T>();
  return (key) => {
    const hit = current.get(key);
    if (hit !== undefined || current.has(key)) return hit as T;
    let value: T;
    if (old.has(key)) value = old.get(key) as T;
    else value = compute(key);
    if (current.size >= size) {
      old = current;
      current = new Map();
    }
    current.set(key, value);
    return value;
  };
}
