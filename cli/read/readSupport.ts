/*
 * Shared by the per-area readers: the error a reader throws when a file cannot become an item, the file
 * context every item is built from, and the enum normalisations the snapshot documents.
 */
import type { SourceRef } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import type { XmlDocument } from './xmlDocument';

/** A file that is well-formed XML but not a usable item (missing a required value). The scan skips it. */
export class ReadError extends Error {
    readonly line?: number;
    constructor(message: string, line?: number) {
        super(message);
        this.name = 'ReadError';
        this.line = line;
    }
}

/** What a reader gets for one file. */
export interface MetadataFile {
    /** Developer name: the file name without its metadata suffix. */
    name: string;
    doc: XmlDocument;
    /** Where the item came from, as every snapshot item records it. */
    source: SourceRef;
}

/** A value the snapshot cannot do without; its absence makes the file unreadable. */
export function required<T>(value: T | undefined, what: string, line?: number): T {
    if (value === undefined) throw new ReadError(`missing required <${what}>`, line);
    return value;
}

const CAPACITY_MODELS: Record<string, string> = { STATUS_BASED: 'StatusBased', TAB_BASED: 'TabBased' };
const ROUTING_MODELS: Record<string, string> = {
    LEAST_ACTIVE: 'LeastActive',
    MOST_AVAILABLE: 'MostAvailable',
    EXTERNAL_ROUTING: 'ExternalRouting'
};

/** ServiceChannel.capacityModel: metadata STATUS_BASED / TAB_BASED → SOQL StatusBased / TabBased. */
export function normaliseCapacityModel(value: string | undefined): string | undefined {
    return normaliseEnum(value, CAPACITY_MODELS);
}

/** QueueRoutingConfig.routingModel: metadata LEAST_ACTIVE … → SOQL LeastActive …. */
export function normaliseRoutingModel(value: string | undefined): string | undefined {
    return normaliseEnum(value, ROUTING_MODELS);
}

/**
 * Known values map exactly; an unknown UPPER_SNAKE value (a future API addition) gets the same
 * PascalCase treatment; anything else (already PascalCase) is kept as written.
 */
function normaliseEnum(value: string | undefined, known: Record<string, string>): string | undefined {
    if (value === undefined) return undefined;
    if (known[value]) return known[value];
    if (/^[A-Z0-9]+(_[A-Z0-9]+)+$/.test(value)) {
        return value
            .split('_')
            .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
            .join('');
    }
    return value;
}
