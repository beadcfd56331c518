/**
 * Results remembered by key, for the few keys a run meets again and again (the pointers every
 * payload and rule names): bounded, and forgotten all at once when full, so that a run meeting
 * many more (thousands of `set Tags[n]`) only starts over.
 */
export function boundedMemo<K, V>(compute: (key: K) => V, max: number): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      if (known.size >= max) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
