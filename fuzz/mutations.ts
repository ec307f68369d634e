import fc from 'fast-check';

/** One edit of a model text, with positions as fractions of its length so they fit any text. */
export type Mutation =
    | { kind: 'delete-token'; at: number }
    | { kind: 'duplicate-token'; at: number }
    | { kind: 'swap-tokens'; at: number; with: number }
    | { kind: 'splice'; at: number; from: number; length: number }
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'truncate'; at: number };

/** Random mutations: token-level edits, splices of the text into itself, and arbitrary Unicode (surrogates, controls, NUL). */
export function mutationArbitrary(): fc.Arbitrary<Mutation> {
    const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
    return fc.oneof(
        fc.record({ kind: fc.constant('delete-token' as const), at }),
        fc.record({ kind: fc.constant('duplicate-token' as const), at }),
        fc.record({ kind: fc.constant('swap-tokens' as const), at, with: at }),
        fc.record({ kind: fc.constant('splice' as const), at, from: at, length: fc.nat(400) }),
        fc.record({ kind: fc.constant('insert' as const), at, text: fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('{', '}', '(', ')', '"', '\\', '->', '<->', ',', '[', ']', 'not', 'threat', 'boundary B {', '//', '/*', '\u0000', '\uD800', '\u2028')) }),
        fc.record({ kind: fc.constant('truncate' as const), at })
    );
}

/** Applies mutations in order; tokens are runs of non-space characters. */
export function mutate(text: string, mutations: readonly Mutation[]): string {
    let current = text;
    for (const mutation of mutations) current = apply(current, mutation);
    return current;
}

function apply(text: string, mutation: Mutation): string {
    const position = (fraction: number) => Math.floor(fraction * text.length);
    const token = (fraction: number): [number, number] => {
        const tokens = [...text.matchAll(/\S+/g)];
        if (tokens.length === 0) return [0, 0];
        const match = tokens[Math.floor(fraction * tokens.length)];
        return [match.index!, match.index! + match[0].length];
    };
    switch (mutation.kind) {
        case 'delete-token': {
            const [start, end] = token(mutation.at);
            return text.slice(0, start) + text.slice(end);
        }
        case 'duplicate-token': {
            const [start, end] = token(mutation.at);
            return text.slice(0, end) + ' ' + text.slice(start, end) + text.slice(end);
        }
        case 'swap-tokens': {
            const [a, b] = [token(mutation.at), token(mutation.with)].sort((x, y) => x[0] - y[0]);
            if (a[1] > b[0]) return text;
            return text.slice(0, a[0]) + text.slice(b[0], b[1]) + text.slice(a[1], b[0]) + text.slice(a[0], a[1]) + text.slice(b[1]);
        }
        case 'splice': {
            const from = position(mutation.from);
            return text.slice(0, position(mutation.at)) + text.slice(from, from + mutation.length) + text.slice(position(mutation.at));
        }
        case 'insert':
            return text.slice(0, position(mutation.at)) + mutation.text + text.slice(position(mutation.at));
        case 'truncate':
            return text.slice(0, position(mutation.at));
    }
}
