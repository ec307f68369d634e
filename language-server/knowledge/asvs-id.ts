import { ASVS_VERSIONS, type AsvsVersion } from './catalogue-types.js';

/** The newest ASVS version: what a bare `12.1.1` refers to. */
export const LATEST_ASVS: AsvsVersion = ASVS_VERSIONS[ASVS_VERSIONS.length - 1];

/** How ASVS asks for its ids to be cited, as a hint in messages. */
export const ASVS_ID_FORM = `'v${LATEST_ASVS}-<chapter>.<section>.<requirement>' (e.g. "v5.0.0-12.1.1", or "v4.0.3-1.2.3" for ASVS 4.0.3)`;

/** An ASVS id taken apart: which version (named, or implied by a bare id) and which requirement. */
export type AsvsId =
    | { form: 'versioned' | 'bare'; version: string; requirement: string }
    | { form: 'malformed'; suggestion?: string };

const VERSIONED = /^v(\d+\.\d+\.\d+)-(\d+\.\d+\.\d+)$/;
const BARE = /^\d+\.\d+\.\d+$/;
const TRAILING_REQUIREMENT = /(\d+\.\d+\.\d+)$/;

/**
 * Reads an id the way ASVS 5.0 asks it to be cited (`v5.0.0-12.1.1`); a bare `12.1.1` means the
 * newest version. Anything else (`V12.1.1`, `5.0.0-12.1.1`, `v5-12.1.1`) is malformed, with the
 * versioned form as a suggestion when the requirement number can be read.
 */
export function parseAsvsId(text: string): AsvsId {
    const versioned = VERSIONED.exec(text);
    if (versioned) return { form: 'versioned', version: versioned[1], requirement: versioned[2] };
    if (BARE.test(text)) return { form: 'bare', version: LATEST_ASVS, requirement: text };
    const requirement = TRAILING_REQUIREMENT.exec(text)?.[1];
    if (!requirement) return { form: 'malformed' };
    // Only a version part before a hyphen names a version: `V4.1.1` is requirement 4.1.1, not ASVS 4.
    const version = /^v?4[\d.]*-/i.test(text) ? '4.0.3' : LATEST_ASVS;
    return { form: 'malformed', suggestion: `v${version}-${requirement}` };
}

/** Whether Moat ships a catalogue of that ASVS version. */
export function isShippedAsvsVersion(version: string): version is AsvsVersion {
    return (ASVS_VERSIONS as readonly string[]).includes(version);
}
