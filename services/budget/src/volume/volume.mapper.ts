import { type Provenance, rawNumber, rawText } from '@kesos/infra';
import type { VolumeSource } from './volume.entity';
import type { OutputVolumeEntry } from './volume.type';

/** A volume record joined with its RO and DIPA, as the driver returns it (MariaDB and SQLite differ in types). */
export interface VolumeRecordRow {
  id: unknown;
  source: string;
  quantity: unknown;
  date: unknown;
  note: string | null;
  recordedBy: string;
  recordedAt: unknown;
  reversesId: unknown;
  provenance: string;
  outputCode: string;
  satkerCode: string;
  year: unknown;
}

const isoDay = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return rawText(value).slice(0, 10);
};

export function toOutputVolumeEntry(r: VolumeRecordRow): OutputVolumeEntry {
  return {
    id: rawNumber(r.id),
    satkerCode: r.satkerCode,
    year: rawNumber(r.year),
    outputCode: r.outputCode,
    source: r.source as VolumeSource,
    quantity: rawNumber(r.quantity),
    date: isoDay(r.date),
    note: r.note,
    recordedBy: r.recordedBy,
    // SQLite answers the UTC timestamp as text without a zone.
    recordedAt: (r.recordedAt instanceof Date
      ? r.recordedAt
      : new Date(`${rawText(r.recordedAt).replace(' ', 'T')}Z`)
    ).toISOString(),
    reversesId: r.reversesId === null || r.reversesId === undefined ? null : rawNumber(r.reversesId),
    provenance: r.provenance as Provenance,
  };
}
