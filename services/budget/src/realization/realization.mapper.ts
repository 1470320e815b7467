import type { RealizationEntity } from './realization.entity';
import type { Realization } from './realization.type';

/** Where a transaction sits: the satker and year of its DIPA and the account of its line. */
export interface RealizationPlace {
  satkerCode: string;
  year: number;
  accountCode: string;
}

/** The fields of a transaction row the API shows (a list reads them without the recording time). */
export type RealizationRow = Pick<
  RealizationEntity,
  'id' | 'lineId' | 'date' | 'amount' | 'documentNumber' | 'description' | 'reversesId' | 'provenance'
>;

export function toRealization(r: RealizationRow, place: RealizationPlace): Realization {
  return {
    id: r.id,
    satkerCode: place.satkerCode,
    year: place.year,
    lineId: r.lineId,
    accountCode: place.accountCode,
    date: r.date,
    amount: r.amount,
    documentNumber: r.documentNumber,
    description: r.description,
    reversesId: r.reversesId,
    provenance: r.provenance,
  };
}
