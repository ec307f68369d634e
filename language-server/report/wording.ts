/** `1 flow`, `2 flows`, `1 boundary`, `3 boundaries`. */
export function count(value: number, singular: string, plural = `${singular}s`): string {
    return `${value} ${value === 1 ? singular : plural}`;
}
