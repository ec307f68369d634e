import type { Categorisation } from '../model/threat-model-types.js';
import { isShippedAsvsVersion, LATEST_ASVS, parseAsvsId } from './asvs-id.js';
import type { AsvsRequirement, AsvsVersion, CapecEntry, CatalogueEntry, CategorisationDescription, CweEntry, IsoControl } from './catalogue-types.js';
import { asvsRequirement, CATALOGUES, capecEntry, cweEntry, isoControl } from './catalogues.js';

/** Statuses of entries that completion leaves out, because citing them draws a warning or is pointless. */
const RETIRED = new Set(['Deprecated', 'Obsolete']);
const MAPPABLE_CWE_USAGE = new Set(['Allowed', 'Allowed-with-Review']);

/**
 * How a categorisation id reads to a person, for hovers: `CWE-319: Cleartext Transmission of
 * Sensitive Information` and its status. Undefined for an id the catalogues do not have.
 */
export function describeCategorisation(categorisation: Categorisation): CategorisationDescription | undefined {
    const { scheme, id } = categorisation;
    switch (scheme) {
        case 'asvs': return describeAsvs(id);
        case 'cwe': return ifKnown(/^\d+$/.test(id) ? cweEntry(Number(id)) : undefined, describeCwe);
        case 'capec': return ifKnown(/^\d+$/.test(id) ? capecEntry(Number(id)) : undefined, describeCapec);
        case 'iso': return ifKnown(isoControl(id), describeIso);
    }
}

/**
 * The ids completion offers after a scheme keyword, in catalogue order: ASVS requirements of one
 * version as `v5.0.0-1.1.1`, CWE weaknesses MITRE allows mapping to, current CAPEC patterns, and
 * every Annex A control.
 */
export function catalogueEntries(scheme: Categorisation['scheme'], asvsVersion: AsvsVersion = LATEST_ASVS): CatalogueEntry[] {
    switch (scheme) {
        case 'asvs': return CATALOGUES.asvs[asvsVersion].entries.filter(entry => !entry.deleted).map(entry => asvsEntry(asvsVersion, entry));
        case 'cwe': return CATALOGUES.cwe.entries.filter(entry => !entry.kind && !RETIRED.has(entry.status) && MAPPABLE_CWE_USAGE.has(entry.usage))
            .map(entry => ({ id: String(entry.id), ...describeCwe(entry), title: entry.name }));
        case 'capec': return CATALOGUES.capec.entries.filter(entry => !RETIRED.has(entry.status))
            .map(entry => ({ id: String(entry.id), ...describeCapec(entry), title: entry.name }));
        case 'iso': return CATALOGUES.iso.entries.map(control => ({ id: control.id, title: `${control.theme} control` }));
    }
}

function ifKnown<E>(entry: E | undefined, describe: (entry: E) => CategorisationDescription): CategorisationDescription | undefined {
    return entry === undefined ? undefined : describe(entry);
}

function describeAsvs(text: string): CategorisationDescription | undefined {
    const id = parseAsvsId(text);
    if (id.form === 'malformed' || !isShippedAsvsVersion(id.version)) return undefined;
    const requirement = asvsRequirement(id.version, id.requirement);
    if (!requirement) return undefined;
    const entry = asvsEntry(id.version, requirement);
    return { title: `ASVS ${entry.id}: ${entry.title}`, detail: entry.detail };
}

function asvsEntry(version: AsvsVersion, requirement: AsvsRequirement): CatalogueEntry {
    const catalogue = CATALOGUES.asvs[version];
    const section = catalogue.sections[requirement.id.slice(0, requirement.id.lastIndexOf('.'))] ?? '';
    const chapter = catalogue.chapters[requirement.id.slice(0, requirement.id.indexOf('.'))] ?? '';
    const facts = [
        requirement.deleted ? 'Deleted' : `Level ${requirement.level}`,
        chapter,
        ...(requirement.cwe ?? []).map(cwe => `CWE-${cwe}`),
        requirement.v5 ? `In ASVS 5.0.0: ${requirement.v5}` : undefined
    ].filter(fact => fact);
    return { id: `v${version}-${requirement.id}`, title: section, detail: `${requirement.text}\n\n${facts.join(' · ')}` };
}

function describeCwe(entry: CweEntry): CategorisationDescription {
    const kind = entry.kind === 'category' ? 'Category' : entry.kind === 'view' ? 'View' : 'Weakness';
    return { title: `CWE-${entry.id}: ${entry.name}`, detail: `${kind} · status ${entry.status} · usage ${entry.usage}` };
}

function describeCapec(entry: CapecEntry): CategorisationDescription {
    const facts = [`status ${entry.status}`, entry.likelihood && `likelihood ${entry.likelihood}`, entry.severity && `severity ${entry.severity}`];
    return { title: `CAPEC-${entry.id}: ${entry.name}`, detail: ['Attack pattern', ...facts.filter(fact => fact)].join(' · ') };
}

function describeIso(control: IsoControl): CategorisationDescription {
    return {
        title: `ISO/IEC 27001:2022 ${control.id}: ${control.theme} control`,
        detail: 'Annex A control titles are ISO copyright and are not shipped with Moat.'
    };
}
