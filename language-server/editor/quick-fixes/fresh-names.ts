const FILLER = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'or', 'and', 'with', 'for', 'by', 'is', 'are', 'its', 'at', 'from']);

/** An identifier from the first significant words of a phrase: "Encrypt the channel with TLS" → `EncryptChannelTls`. */
export function identifierFrom(phrase: string, words = 3): string {
    const parts = phrase.split(/[^A-Za-z0-9]+/).filter(word => word.length > 0 && !FILLER.has(word.toLowerCase()));
    const name = parts.slice(0, words).map(word => word[0].toUpperCase() + word.slice(1).toLowerCase()).join('');
    return /^[A-Za-z_]/.test(name) ? name : `X${name}`;
}

/** `base`, or `base2`, `base3` … whichever no declaration of the model uses yet. */
export function freshName(base: string, taken: ReadonlySet<string>): string {
    if (!taken.has(base)) return base;
    for (let suffix = 2; ; suffix++) if (!taken.has(`${base}${suffix}`)) return `${base}${suffix}`;
}
