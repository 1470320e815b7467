import { assertCanRead, judgeCatalogue, type ReportFigure, type RequestContext } from '@kesos/infra';
import { accreditationSummary } from '../accreditation/accreditation.service';
import { atensiSummary } from '../atensi/atensi.service';
import { certificationSummary } from '../certification/certification.service';
import { trainingVolume } from '../volume/volume.service';
import { printedFigures } from './report-consistency.catalogue';
import { trainingDerivations } from './report-consistency.rules';
import type { ReportConsistency } from './report-consistency.type';

/** Years of the five-year training table (matrik perbandingan capaian pelaksanaan diklat) up to the report's. */
const HISTORY_YEARS = 5;

/** The training figures the report prints, each against the value derived from this subgraph's records now. */
export async function trainingFigures(ctx: RequestContext, report: ReportConsistency): Promise<ReportFigure[]> {
  assertCanRead(ctx.caller, report.unit);
  const catalogue = printedFigures(report.unit, report.year);
  if (!catalogue.length) return [];
  const [accreditation, certification, atensi, volumes] = await Promise.all([
    accreditationSummary(ctx, report.unit, report.year),
    certificationSummary(ctx, report.unit, report.year),
    atensiSummary(ctx, report.unit, report.year),
    trainingVolume(ctx, report.unit, report.year - HISTORY_YEARS + 1, report.year),
  ]);
  return judgeCatalogue(catalogue, trainingDerivations({ accreditation, certification, atensi, volumes }));
}
