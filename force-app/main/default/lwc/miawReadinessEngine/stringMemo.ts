/*
 * Memoization for pure functions of one string (origin and pattern parsing). A scan parses the same CORS pattern
 * or CSP URL several times — once per check that looks at it — and at 5,000 trusted sites that parsing was a
 * large share of the engine's time. The cache is bounded: when it is full it starts again, so a long-lived page
 * or process never grows without limit.
 */
export function memoizeByString<T>(compute: (input: string) => T, capacity = 20000): (input: string) => T {
    let cache = new Map<string, T>();
    return (input) => {
        const hit = cache.get(input);
        if (hit !== undefined || cache.has(input)) return hit as T;
        const value = compute(input);
        if (cache.size >= capacity) cache = new Map();
        cache.set(input, value);
        return value;
    };
}
