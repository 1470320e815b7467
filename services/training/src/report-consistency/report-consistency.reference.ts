import type { ReportConsistency } from './report-consistency.type';

/** The gateway asks for `ReportConsistency.trainingFigures` with the performance subgraph's key; access is checked by the field. */
export const reportConsistencyReference = {
  ReportConsistency: {
    // A representation is untyped JSON (`_Any`): the year may arrive as a string.
    __resolveReference: (ref: { unit: string; year: number | string }): ReportConsistency => ({
      unit: ref.unit,
      year: Number(ref.year),
    }),
  },
};
