import { Provenance, writeEvents } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { rebuildAtensiStats } from '../atensi-stats/atensi-stats.service';
import { AtensiCaseEntity } from '../atensi/atensi.entity';
import { atensiCaseClosedEvent } from '../atensi/atensi.events';
import { AtensiCaseStatus, AtensiServiceType } from '../atensi/atensi.type';
import { addDays, insertInChunks, pad, WORK_AREA_PLACES } from './seed.helpers';
import { PADANG_WORK_AREA } from './units.seed';

/**
 * ATENSI cases of BBPPKS Padang in 2022 (report, SK4.1): the report states only that every
 * case was served (realisation 100%) and gives no count of cases or people. The cases below are
 * RECONSTRUCTED, made so that the indicator derives the printed 100%: 40 cases (209 people) from
 * August to December 2022, after Kepmensos 221/HUK/2022 gave the centre its service-centre role,
 * with an invented but plausible number of people served per case (one to a few for a case
 * response, dozens for a disaster response). All are closed and served; neither the 40 nor the
 * 209 is a figure of the report.
 */
export const ATENSI_2022: {
  unit: string;
  year: number;
  firstCase: string;
  peopleServed: Record<AtensiServiceType, number[]>;
} = {
  unit: 'BBPPKS-PADANG',
  year: 2022,
  firstCase: '2022-08-01',
  peopleServed: {
    RESPON_KASUS: [1, 1, 2, 1, 3, 1, 1, 2, 1, 4, 1, 2, 1, 1, 3, 1, 2, 1],
    TANGGAP_DARURAT_BENCANA: [42, 27, 35, 18],
    DUKUNGAN_PSIKOSOSIAL: [4, 6, 3, 5, 8, 2, 4, 6, 3, 5],
    SENTRA_KREASI_ATENSI: [1, 2, 1, 1, 3, 1, 2, 1],
  },
};

const LABEL: Record<AtensiServiceType, string> = {
  RESPON_KASUS: 'respon kasus',
  TANGGAP_DARURAT_BENCANA: 'tanggap darurat bencana',
  DUKUNGAN_PSIKOSOSIAL: 'dukungan psikososial',
  SENTRA_KREASI_ATENSI: 'sentra kreasi ATENSI',
};

export async function seedAtensi(m: EntityManager): Promise<void> {
  const { unit, year, firstCase, peopleServed } = ATENSI_2022;
  const provinces = PADANG_WORK_AREA.map(([name]) => name);
  // The types take turns over the months rather than all case responses first.
  const queues = (Object.entries(peopleServed) as [AtensiServiceType, number[]][]).map(([serviceType, people]) =>
    people.map((n) => ({ serviceType, people: n })),
  );
  const all: { serviceType: AtensiServiceType; people: number }[] = [];
  for (let round = 0; queues.some((q) => q.length > round); round++)
    for (const q of queues) if (q[round]) all.push(q[round]);
  const cases: AtensiCaseEntity[] = all.map(({ serviceType, people }, i) => {
    // Disasters happen across the work area; other cases reach the centre in Sumatera Barat.
    const province =
      serviceType === AtensiServiceType.TANGGAP_DARURAT_BENCANA
        ? provinces[(i * 3) % provinces.length]
        : 'Sumatera Barat';
    const places = WORK_AREA_PLACES[province] ?? [province];
    const receivedOn = addDays(firstCase, Math.floor((i * 120) / all.length));
    return {
      id: i + 1,
      unitCode: unit,
      year,
      serviceType,
      receivedOn,
      province,
      regency: places[i % places.length],
      description: `Kasus sintetis ${pad(i + 1, 3)}: ${LABEL[serviceType]} (data sintetis)`,
      status: AtensiCaseStatus.CLOSED,
      closedOn: addDays(receivedOn, 3 + (i % 15)),
      served: true,
      peopleServed: people,
      provenance: Provenance.RECONSTRUCTED,
    };
  });
  await insertInChunks(m, AtensiCaseEntity, cases);
  await rebuildAtensiStats(m);
  await writeEvents(
    m,
    cases.map((c) => atensiCaseClosedEvent(c, `${c.closedOn}T03:00:00.000Z`)),
  );
}
