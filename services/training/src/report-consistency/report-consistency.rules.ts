/** What the training subgraph derives for a report's figures: pure rules over a unit's summaries and volumes. */
import { type Derivation, percentage, plain } from '@kesos/infra';
import type { AccreditationSummary } from '../accreditation/accreditation.type';
import type { AtensiSummary } from '../atensi/atensi.type';
import type { CertificationSummary } from '../certification/certification.type';
import type { TrainingVolumeYear } from '../volume/volume.type';

export interface TrainingRecords {
  accreditation: AccreditationSummary;
  certification: CertificationSummary;
  atensi: AtensiSummary;
  /** Participant volume per year over the five years up to the report's. */
  volumes: TrainingVolumeYear[];
}

const count = (value: number, rule: string): Derivation => ({ value: plain(value), rule });

/** Every figure the training subgraph can derive for a unit's year, by measure key (the catalogue's `measure` or `key`). */
export function trainingDerivations(r: TrainingRecords): Map<string, Derivation> {
  const out = new Map<string, Derivation>();
  const a = r.accreditation;
  out.set('accreditation.target', {
    value: plain(a.target),
    rule: 'institutions planned for assessment (target akreditasi RKT)',
  });
  out.set('accreditation.assessed', count(a.assessed, 'institutions with an accreditation decision in the year'));
  out.set('accreditation.accredited', count(a.accredited, 'institutions accredited A, B or C in the year'));
  out.set('accreditation.accreditedRate', {
    value: plain(a.accreditedRate),
    rule: 'accredited / assessed x 100, rounded half-up to 2 decimals',
  });
  const c = r.certification;
  out.set('certification.planned', count(c.planned, 'candidates planned for the year'));
  out.set('certification.assessed', count(c.assessed, 'candidates with at least one result in the year'));
  out.set('certification.competent', count(c.competent, 'candidates found competent (kompeten) in the year'));
  out.set('certification.competentRate', {
    value: plain(c.competentRate),
    rule: "competent / assessed x 100, rounded half-up to 2 decimals (the graph's SK2.1)",
  });
  out.set('certification.printedFormula', {
    value: plain(percentage(c.competent, c.notCompetent)),
    rule: `the printed formula applied to the records: competent / not yet competent ("belum memiliki") x 100 = ${c.competent} / ${c.notCompetent} x 100`,
  });
  const s = r.atensi;
  out.set('atensi.cases', count(s.cases, 'ATENSI cases received in the year'));
  out.set('atensi.peopleServed', count(s.peopleServed, 'people served in the closed cases'));
  out.set('atensi.servedRate', {
    value: plain(s.servedRate),
    rule: "served cases / closed cases x 100, rounded half-up to 2 decimals (the graph's SK4.1)",
  });
  out.set('atensi.printedFormula', {
    value: plain(percentage(s.peopleServed, s.cases)),
    rule: `the printed formula applied to the records: people served / cases x 100 = ${s.peopleServed} / ${s.cases} x 100`,
  });
  for (const v of r.volumes) {
    out.set(`volume.${v.year}.target`, count(v.target, `sum of the targets of the classes of ${v.year}`));
    out.set(`volume.${v.year}.realized`, count(v.realized, `graduates of the classes of ${v.year}`));
    out.set(`volume.${v.year}.achievement`, {
      value: plain(v.achievement),
      rule: 'realised / target x 100, rounded half-up to 2 decimals',
    });
    for (const p of v.byProgramme) {
      out.set(
        `volume.${v.year}.${p.programmeCode}.target`,
        count(p.target, `sum of the targets of ${p.programmeCode} classes`),
      );
      out.set(
        `volume.${v.year}.${p.programmeCode}.realized`,
        count(p.realized, `graduates of ${p.programmeCode} classes`),
      );
    }
  }
  return out;
}
