declare const MOAT_VERSION: string;

/** Moat's version: the package's, set by the build; `0.0.0-dev` when running from source (tests). */
export const MOAT_VERSION_STRING: string = typeof MOAT_VERSION === 'string' ? MOAT_VERSION : '0.0.0-dev';
