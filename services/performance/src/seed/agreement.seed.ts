import { Provenance } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import {
  AgreementItemEntity,
  AgreementSignatoryEntity,
  PerformanceAgreementEntity,
} from '../agreement/agreement.entity';
import { AgreementParty } from '../agreement/agreement.type';
import { GOALS, INDICATORS, PADANG } from './plan.seed';

const HEAD = 'Kepala Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial (BBPPKS) Padang';

/**
 * The 2022 agreements of BBPPKS Padang: the original (first PK table of the report, before the
 * reorganisation) and the revision for the new satker, signed "Jakarta, September 2022".
 * Signatories by position only; the officials' names in the report are not copied.
 */
const ORIGINAL_ITEMS = [
  {
    goal: 'Meningkatnya Kapasitas Sumber Daya Manusia Penyelenggara Kesejahteraan Sosial',
    indicator: 'Jumlah Lulusan Peserta Diklat Kesejahteraan Sosial Bagi Aparatur (TKSP) dengan Predikat Nilai Baik',
    target: 60,
    targetUnit: 'orang',
  },
  {
    goal: 'Meningkatnya Kapasitas Sumber Daya Manusia Penyelenggara Kesejahteraan Sosial',
    indicator: 'Jumlah Lulusan Peserta Diklat Kesejahteraan Sosial Bagi Non Aparatur (TKSM) dengan Predikat Nilai Baik',
    target: 2400,
    targetUnit: 'orang',
  },
  {
    goal: 'Terwujudnya Tata Kelola Diklat Kesejahteraan Sosial Yang Baik',
    indicator: 'Indeks Persepsi Peserta Diklat Terhadap Proses Pelayanan BBPPKS (Menggunakan Skala 1-4)',
    target: 3.5,
    targetUnit: 'skala 1-4',
  },
  {
    goal: 'Terwujudnya Kualitas Tata Kelola Manajemen Yang Baik',
    indicator: 'Nilai SAKIP BBPPKS Padang TA 2022 (Berdasarkan nilai tahun sebelumnya)',
    target: 72.05,
    targetUnit: 'nilai',
  },
  {
    goal: 'Terwujudnya Kualitas Tata Kelola Manajemen Yang Baik',
    indicator: 'Nilai Kinerja Anggaran BBPPKS Padang berdasarkan Nilai IKPA Tahun 2022',
    target: 88.52,
    targetUnit: 'nilai',
  },
];

async function insertAgreement(
  m: EntityManager,
  head: Omit<PerformanceAgreementEntity, 'id' | 'unitCode' | 'year' | 'recordedBy' | 'recordedAt' | 'provenance'>,
  superior: string,
  items: { goal: string; indicator: string; indicatorCode?: string; target: number; targetUnit: string }[],
): Promise<void> {
  const agreement = m.create(PerformanceAgreementEntity, {
    ...head,
    unitCode: PADANG,
    year: 2022,
    recordedBy: 'seed: LAKIP 2022 BBPPKS Padang',
    recordedAt: new Date('2023-02-01T00:00:00Z'),
    provenance: Provenance.REPORTED,
  });
  await m.insert(PerformanceAgreementEntity, agreement);
  await m.insert(AgreementSignatoryEntity, [
    { agreementId: agreement.id, party: AgreementParty.FIRST, positionTitle: HEAD },
    { agreementId: agreement.id, party: AgreementParty.SECOND, positionTitle: superior },
  ]);
  await m.insert(
    AgreementItemEntity,
    items.map((it, i) => ({
      ...it,
      indicatorCode: it.indicatorCode ?? null,
      agreementId: agreement.id,
      position: i + 1,
      provenance: Provenance.REPORTED,
    })),
  );
}

export async function seedAgreements(m: EntityManager): Promise<void> {
  await insertAgreement(
    m,
    {
      version: 1,
      title: 'Perjanjian Kinerja Tahun 2022 BBPPKS Padang (awal, satker 369283)',
      reason: 'Original agreement under the old organisation (OTK lama); the report gives no date of signing',
      signedPlace: null,
      signedMonth: null,
    },
    'Kepala Badan Pendidikan, Penelitian dan Penyuluhan Sosial (Badiklitpensos)',
    ORIGINAL_ITEMS,
  );
  await insertAgreement(
    m,
    {
      version: 2,
      title: 'Perjanjian Kinerja Tahun 2022 BBPPKS Padang (revisi, satker 690552)',
      reason:
        'Reorganisation (Permensos 2/2022): satker 369283 closed after Kemenkeu letter S-145/AG/AG.4/2022 of 22 April 2022, unspent budget moved to the new satker 690552',
      signedPlace: 'Jakarta',
      signedMonth: '2022-09',
    },
    'Kepala Pusat Pendidikan, Pelatihan, dan Pengembangan Profesi',
    INDICATORS.map((i) => ({
      goal: GOALS.find((g) => g.code === i.goalCode)!.titleId,
      indicator: i.nameId,
      indicatorCode: i.code,
      target: i.targets[2022].target,
      targetUnit: i.measure === 'PERCENT' ? '%' : 'nilai',
    })),
  );
}
