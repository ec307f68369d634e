/** Whether two lists hold the same items (by `===`) in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
    if (a.length !== b.length) return false;
    for (let position = 0; position < a.length; position++) if (a[position] !== b[position]) return false;
    return true;
}
