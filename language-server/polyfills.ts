/**
 * Chevrotain 13 (under Langium 4.4) calls `Object.groupBy`, which Node 20 lacks. Every bundle imports
 * this module first (see scripts/build.mjs), so the parser works on the Node the machine and
 * code-server ship. It only fills the gap; on Node ≥ 21 it does nothing.
 */
type KeyOf<T, K> = (item: T, index: number) => K;

if (typeof (Object as { groupBy?: unknown }).groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value<T>(items: Iterable<T>, keyOf: KeyOf<T, PropertyKey>): Partial<Record<PropertyKey, T[]>> {
            const groups: Record<PropertyKey, T[]> = Object.create(null);
            let index = 0;
            for (const item of items) (groups[keyOf(item, index++)] ??= []).push(item);
            return groups;
        }
    });
}

if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
    Object.defineProperty(Map, 'groupBy', {
        configurable: true,
        writable: true,
        value<T, K>(items: Iterable<T>, keyOf: KeyOf<T, K>): Map<K, T[]> {
            const groups = new Map<K, T[]>();
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                const group = groups.get(key);
                if (group) group.push(item);
                else groups.set(key, [item]);
            }
            return groups;
        }
    });
}

export {};
