/** Ordering helpers: each migration tool sorts its files its own way. */

const dateLike = (d: string) => d.length >= 8 && /^(19|20)/.test(d);

/**
 * Natural ordering: digit runs compare by value, so `2_x` < `10_x`. Two
 * date-like runs of different lengths (`20250625` against `20250604085536`)
 * compare left-aligned, as timestamps of different precision: by value the
 * 8-digit date would sort before every 14-digit timestamp.
 */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      if (x.length !== y.length && dateLike(x) && dateLike(y)) {
        const [p, q] = x.length < y.length ? [x, y.slice(0, x.length)] : [x.slice(0, y.length), y];
        if (p !== q) return p < q ? -1 : 1;
        return x.length - y.length;
      }
      const d = BigInt(x) - BigInt(y);
      if (d !== 0n) return d < 0n ? -1 : 1;
      if (x.length !== y.length) return x.length - y.length;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** Plain code-point order (what Rust's `str::cmp` and Go's `sort.Strings` do). */
export function codepointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares decimal digit strings by value (any length). */
export function numericCompare(a: string, b: string): number {
  const d = BigInt(a || '0') - BigInt(b || '0');
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** The leading run of digits of a file name, or undefined. */
export function leadingNumber(name: string): string | undefined {
  return /^(\d+)/.exec(name)?.[1];
}

/**
 * Orders by a numeric version prefix first (files without one go last), then
 * by name: golang-migrate, goose and sqlx parse the prefix as an integer.
 */
export function byNumericPrefix(nameOf: (f: string) => string) {
  return (a: string, b: string): number => {
    const na = nameOf(a);
    const nb = nameOf(b);
    const va = leadingNumber(na);
    const vb = leadingNumber(nb);
    if (va !== undefined && vb !== undefined) {
      const d = numericCompare(va, vb);
      if (d !== 0) return d;
    } else if (va !== undefined || vb !== undefined) {
      return va !== undefined ? -1 : 1;
    }
    return naturalCompare(na, nb);
  };
}

/**
 * Flyway versions: parts separated by `.` or `_`, compared part by part as
 * integers; missing trailing parts count as 0 (so 1 = 1.0 = 1.0.0).
 */
export function flywayVersionCompare(a: string, b: string): number {
  const pa = a.split(/[._]/).filter((p) => p !== '');
  const pb = b.split(/[._]/).filter((p) => p !== '');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const d = /^\d+$/.test(x) && /^\d+$/.test(y) ? numericCompare(x, y) : codepointCompare(x, y);
    if (d !== 0) return d;
  }
  return 0;
}
