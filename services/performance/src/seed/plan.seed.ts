import { Provenance } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { IndicatorTargetEntity, PlanGoalEntity, PlanIndicatorEntity, StrategicPlanEntity } from '../plan/plan.entity';
import { Measure, Metric, Polarity } from '../plan/plan.type';

export const PADANG = 'BBPPKS-PADANG';

/** Renstra 2020-2024 goals of BBPPKS Padang as in the 2022 report (LAKIP), English titles ours. */
export const GOALS = [
  {
    code: 'SK1',
    title: 'Better quality of social-welfare institutions serving to standard',
    titleId: 'Meningkatnya Kualitas Lembaga di Bidang Kesos yang Melaksanakan Pelayanan Sosial Sesuai Standar',
  },
  {
    code: 'SK2',
    title: 'Greater capacity of social-welfare human resources',
    titleId: 'Meningkatnya Kapasitas SDM Penyelenggara Kesos',
  },
  {
    code: 'SK3',
    title: "Better training that builds beneficiaries' life skills",
    titleId: 'Meningkatnya Kualitas Penyelenggaraan Diklat yang Mendukung Pencapaian Kecakapan Hidup Penerima Manfaat',
  },
  { code: 'SK4', title: 'Basic needs and rights fulfilled', titleId: 'Terpenuhinya Kebutuhan dan Hak Dasar' },
  {
    code: 'SK5',
    title: 'Good governance of the centre with high-quality services and support',
    titleId: 'Terwujudnya Tata Kelola BBPPKS yang Baik dengan Kualitas Layanan dan Dukungan yang Tinggi',
  },
  {
    code: 'SK6',
    title: "Greater stakeholder satisfaction with the centre's services",
    titleId: 'Meningkatnya Kepuasan Stakeholder terhadap Layanan BBPPKS',
  },
];

type Targets = Record<number, { target: number; unitLabel?: string; volumeTarget?: number }>;
const SAME_2022_TO_2024 = (t: number): Targets => ({ 2022: { target: t }, 2023: { target: t }, 2024: { target: t } });

/**
 * The eight indicators in the order of the 2022 agreement, with the report's formulas. Targets
 * come from the report's indicator tables (REPORTED); 2023 and 2024 repeat 2022, which the report
 * does not print, so those are RECONSTRUCTED. 2021 targets exist only where the table prints one
 * that was measured (SK2.2 in persons, SK6.1 on a 1-4 scale).
 */
export const INDICATORS: {
  code: string;
  goalCode: string;
  name: string;
  nameId: string;
  measure: Measure;
  polarity: Polarity;
  metric: Metric;
  numeratorDefinition: string;
  denominatorDefinition: string | null;
  targets: Targets;
}[] = [
  {
    code: 'SK1.1',
    goalCode: 'SK1',
    name: 'Social-welfare institutions accredited (lembaga kesos terakreditasi), %',
    nameId: 'Persentase (%) Lembaga di Bidang Kesos yang Terakreditasi',
    measure: Measure.PERCENT,
    polarity: Polarity.HIGHER_IS_BETTER,
    metric: Metric.ACCREDITATION,
    numeratorDefinition: 'Jumlah lembaga bidang kesos yang terakreditasi (institutions accredited)',
    denominatorDefinition: 'Jumlah lembaga bidang kesos yang dinilai (institutions assessed)',
    targets: SAME_2022_TO_2024(73),
  },
  {
    code: 'SK2.1',
    goalCode: 'SK2',
    name: 'Social-welfare workers certified (SDM Kesos tersertifikasi), %',
    nameId: 'Persentase (%) SDM Kesos yang Tersertifikasi',
    measure: Measure.PERCENT,
    polarity: Polarity.HIGHER_IS_BETTER,
    metric: Metric.CERTIFICATION,
    numeratorDefinition: 'SDM Kesos assessed competent (kompeten) in certification',
    denominatorDefinition: 'SDM Kesos assessed in certification (yang dinilai)',
    targets: SAME_2022_TO_2024(82),
  },
  {
    code: 'SK2.2',
    goalCode: 'SK2',
    name: 'PKH facilitators trained (pendamping bantuan tunai bersyarat yang mengikuti diklat), %',
    nameId: 'Persentase (%) SDM Kesos Pendamping Program Bantuan Tunai Bersyarat yang Mengikuti Diklat',
    measure: Measure.PERCENT,
    polarity: Polarity.HIGHER_IS_BETTER,
    metric: Metric.FACILITATOR_TRAINING,
    numeratorDefinition: 'Jumlah pendamping yang mengikuti diklat (facilitators graduated from training tagged SK2.2)',
    denominatorDefinition:
      "Target pendamping yang mengikuti diklat (target participants of closed classes tagged SK2.2; while none is closed, the agreement's volume target)",
    targets: {
      2021: { target: 2000, unitLabel: 'orang' },
      2022: { target: 97, volumeTarget: 2400 },
      2023: { target: 97 },
      2024: { target: 97 },
    },
  },
  {
    code: 'SK3.1',
    goalCode: 'SK3',
    name: 'Beneficiary trainees with life skills (penerima manfaat memiliki kecakapan hidup), %',
    nameId: 'Persentase (%) Penerima Manfaat Peserta Diklat yang Memiliki Kecakapan Hidup',
    measure: Measure.PERCENT,
    polarity: Polarity.HIGHER_IS_BETTER,
    metric: Metric.LIFE_SKILLS,
    numeratorDefinition:
      'Jumlah penerima manfaat yang mengikuti diklat dan memiliki kecakapan hidup (alumni found with life skills at monitoring)',
    denominatorDefinition: 'Jumlah penerima manfaat yang mengikuti diklat (alumni monitored)',
    targets: SAME_2022_TO_2024(75),
  },
  {
    code: 'SK4.1',
    goalCode: 'SK4',
    name: 'ATENSI recipients whose basic needs and rights were met (penerima ATENSI terpenuhi hak dasarnya), %',
    nameId:
      'Persentase (%) Penerima Pelayanan Asistensi Rehabilitasi Sosial (ATENSI) yang Kebutuhan dan Hak Dasarnya Terpenuhi',
    measure: Measure.PERCENT,
    polarity: Polarity.HIGHER_IS_BETTER,
    metric: Metric.ATENSI,
    numeratorDefinition:
      'Jumlah penerima manfaat yang mendapatkan pelayanan ATENSI (closed cases whose beneficiaries were served)',
    denominatorDefinition: 'Jumlah kasus (closed cases)',
    targets: SAME_2022_TO_2024(100),
  },
  {
    code: 'SK5.1',
    goalCode: 'SK5',
    name: 'SAKIP evaluation score (nilai hasil evaluasi SAKIP)',
    nameId: 'Nilai Hasil Evaluasi SAKIP',
    measure: Measure.SCORE,
    polarity: Polarity.HIGHER_IS_BETTER,
    metric: Metric.ENTERED,
    numeratorDefinition:
      "Latest SAKIP score available to the unit, entered from the inspectorate's evaluation (the agreement uses the previous year's score)",
    denominatorDefinition: null,
    targets: { 2021: { target: 70 }, ...SAME_2022_TO_2024(75) },
  },
  {
    code: 'SK5.2',
    goalCode: 'SK5',
    name: 'Budget performance score (nilai kinerja anggaran)',
    nameId: 'Nilai Kinerja Anggaran',
    measure: Measure.SCORE,
    polarity: Polarity.HIGHER_IS_BETTER,
    metric: Metric.BUDGET_PERFORMANCE,
    numeratorDefinition: '60% x SMART score + 40% x IKPA, computed by the budget subgraph',
    denominatorDefinition: null,
    targets: { 2021: { target: 88.5 }, ...SAME_2022_TO_2024(75) },
  },
  {
    code: 'SK6.1',
    goalCode: 'SK6',
    name: "Stakeholder satisfaction with the centre's services (nilai kepuasan stakeholder, IKM)",
    nameId: 'Nilai Kepuasan Stakeholder terhadap Layanan BBPPKS Padang',
    measure: Measure.INDEX,
    polarity: Polarity.HIGHER_IS_BETTER,
    metric: Metric.SATISFACTION_SURVEY,
    numeratorDefinition: 'Satisfaction index (IKM): sum of answers / (9 x respondents) x 25',
    denominatorDefinition: null,
    targets: { 2021: { target: 3.5, unitLabel: 'skala 1-4' }, ...SAME_2022_TO_2024(90) },
  },
];

export async function seedPlan(m: EntityManager): Promise<void> {
  const plan = m.create(StrategicPlanEntity, {
    unitCode: PADANG,
    title: 'Rencana Strategis BBPPKS Padang 2020-2024',
    fromYear: 2020,
    toYear: 2024,
    provenance: Provenance.REPORTED,
  });
  await m.insert(StrategicPlanEntity, plan);
  await m.insert(
    PlanGoalEntity,
    GOALS.map((g, i) => ({ ...g, planId: plan.id, unitCode: PADANG, position: i + 1 })),
  );
  await m.insert(
    PlanIndicatorEntity,
    INDICATORS.map(({ targets: _t, ...i }, n) => ({
      ...i,
      planId: plan.id,
      unitCode: PADANG,
      position: n + 1,
      achievementCap: null,
    })),
  );
  await m.insert(
    IndicatorTargetEntity,
    INDICATORS.flatMap((i) =>
      Object.entries(i.targets).map(([year, t]) => ({
        planId: plan.id,
        unitCode: PADANG,
        indicatorCode: i.code,
        year: Number(year),
        target: t.target,
        unitLabel: t.unitLabel ?? null,
        volumeTarget: t.volumeTarget ?? null,
        provenance: Number(year) > 2022 ? Provenance.RECONSTRUCTED : Provenance.REPORTED,
      })),
    ),
  );
}
