import type { PrintedFigure } from '@kesos/infra';
import { BBPPKS_PADANG_2022 } from './bbppks-padang-2022.printed';

/** The reports whose printed training figures this subgraph holds, by unit and year; any other answers no figures. */
const CATALOGUES: ReadonlyMap<string, readonly PrintedFigure[]> = new Map([['BBPPKS-PADANG|2022', BBPPKS_PADANG_2022]]);

export const printedFigures = (unit: string, year: number): readonly PrintedFigure[] =>
  CATALOGUES.get(`${unit}|${year}`) ?? [];
