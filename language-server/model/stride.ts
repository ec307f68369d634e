import type { StrideCategory } from './threat-model-types.js';

/** The letter of each STRIDE category, as tables and summaries abbreviate them. */
export const STRIDE_LETTERS: Readonly<Record<StrideCategory, string>> = {
    spoofing: 'S', tampering: 'T', repudiation: 'R', 'information-disclosure': 'I', 'denial-of-service': 'D', 'elevation-of-privilege': 'E'
};

/** STRIDE categories in words, for messages: `information disclosure, tampering`. */
export function strideInWords(categories: readonly string[]): string {
    return categories.map(category => category.replace(/-/g, ' ')).join(', ');
}
