// A small seeded pseudo-random generator for the fuzz suite: the same seed gives the same requests,
// on every machine and every run, whatever the timing. Each request gets its own generator, derived
// from (seed, index), so request #i can be generated again alone to reproduce it.

/** A 32-bit seed from any text or number (FNV-1a over its decimal or textual form). */
export function seedFrom(value) {
  const text = String(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** mulberry32: 32 bits of state, fast, good enough to pick test inputs (not for anything secret). */
function mulberry32(state) {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator with the helpers the fuzz needs. `seed` is a 32-bit number or any text. */
export function createRng(seed) {
  const next = mulberry32(typeof seed === 'number' ? seed >>> 0 : seedFrom(seed));
  const rng = {
    /** A float in [0, 1). */
    next,
    /** An integer in [min, max], both included. */
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    /** True with probability p. */
    chance(p) {
      return next() < p;
    },
    bool() {
      return next() < 0.5;
    },
    /** One element of a non-empty array. */
    pick(items) {
      return items[Math.floor(next() * items.length)];
    },
    /** One key of { key: weight }, chosen in proportion to its weight (keys in insertion order). */
    weighted(weights) {
      const entries = Object.entries(weights).filter(([, weight]) => weight > 0);
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let at = next() * total;
      for (const [key, weight] of entries) {
        at -= weight;
        if (at < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
    /** `count` distinct elements of items, in random order. */
    sample(items, count) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, Math.max(0, Math.min(count, copy.length)));
    },
    /** A small count, mostly 0-3, now and then larger: lists, selections, arguments. */
    small(max = 6) {
      const roll = next();
      if (roll < 0.7) return Math.floor(next() * Math.min(4, max + 1));
      return Math.floor(next() * (max + 1));
    },
    /** A derived, independent generator (for a part whose size must not shift what follows). */
    fork(label) {
      return createRng(seedFrom(`${Math.floor(next() * 4294967296)}:${label}`));
    },
  };
  return rng;
}

/** The generator of request #index of the run with this seed. */
export function requestRng(seed, index) {
  return createRng(seedFrom(`${seed}#${index}`));
}
