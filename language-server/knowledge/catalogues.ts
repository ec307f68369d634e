import asvs403 from '../../knowledge/catalogues/asvs-4.0.3.json' with { type: 'json' };
import asvs500 from '../../knowledge/catalogues/asvs-5.0.0.json' with { type: 'json' };
import capec from '../../knowledge/catalogues/capec.json' with { type: 'json' };
import cwe from '../../knowledge/catalogues/cwe.json' with { type: 'json' };
import iso from '../../knowledge/catalogues/iso27001-2022.json' with { type: 'json' };
import type { AsvsCatalogue, AsvsRequirement, AsvsVersion, Catalogue, CapecEntry, CweEntry, IsoControl } from './catalogue-types.js';

/** The shipped catalogues, as the JSON files hold them (bundled by esbuild, so no file access). */
export const CATALOGUES = {
    asvs: { '4.0.3': asvs403 as AsvsCatalogue, '5.0.0': asvs500 as AsvsCatalogue } satisfies Record<AsvsVersion, AsvsCatalogue>,
    cwe: cwe as Catalogue<CweEntry>,
    capec: capec as Catalogue<CapecEntry>,
    iso: iso as Catalogue<IsoControl>
};

/** The catalogues indexed by id, for lookups on every validation and hover. */
interface CatalogueIndexes {
    asvs: Record<AsvsVersion, ReadonlyMap<string, AsvsRequirement>>;
    cwe: ReadonlyMap<number, CweEntry>;
    capec: ReadonlyMap<number, CapecEntry>;
    iso: ReadonlyMap<string, IsoControl>;
}

/** Calls `build` on first use only; the result never changes, as the catalogues never do. */
function once<T>(build: () => T): () => T {
    let value: T | undefined;
    return () => (value ??= build());
}

const byId = <K, E extends { id: K }>(entries: readonly E[]): ReadonlyMap<K, E> => new Map(entries.map(entry => [entry.id, entry]));

/** The indexes, built on first use so a process that never meets a categorisation pays nothing. */
export const catalogueIndexes: () => CatalogueIndexes = once(() => ({
    asvs: { '4.0.3': byId(CATALOGUES.asvs['4.0.3'].entries), '5.0.0': byId(CATALOGUES.asvs['5.0.0'].entries) },
    cwe: byId(CATALOGUES.cwe.entries),
    capec: byId(CATALOGUES.capec.entries),
    iso: byId(CATALOGUES.iso.entries)
}));

/** The ASVS requirement `id` (`12.1.1`) of a version, if that version has it. */
export function asvsRequirement(version: AsvsVersion, id: string): AsvsRequirement | undefined {
    return catalogueIndexes().asvs[version].get(id);
}

/** The CWE weakness, category or view with that number. */
export function cweEntry(id: number): CweEntry | undefined {
    return catalogueIndexes().cwe.get(id);
}

/** The CAPEC attack pattern with that number. */
export function capecEntry(id: number): CapecEntry | undefined {
    return catalogueIndexes().capec.get(id);
}

/** The ISO/IEC 27001:2022 Annex A control with that id (`A.8.24`). */
export function isoControl(id: string): IsoControl | undefined {
    return catalogueIndexes().iso.get(id);
}
