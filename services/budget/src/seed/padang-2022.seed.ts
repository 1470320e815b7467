import { Provenance } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { TransferEntity } from '../transfer/transfer.entity';
import { SatkerEntity } from '../satker/satker.entity';
import type { DipaSpec, LineSpec, ProgrammeSpec } from './dipa.seed';
import { seedDipa } from './dipa.seed';

/**
 * BBPPKS Padang, fiscal year 2022, from the 2022 performance report (LAKIP). What is from the
 * report and what is reconstructed:
 *
 * Satker 690552 (OTK baru, new organisation)
 * - From the report: the eight DIPA states (initial DIPA + revisions 01-07) with authority, date,
 *   reason and ceiling after each (7,550,496,000; 7,550,496,000; 8,179,753,000 x 6); the final
 *   ceiling and realisation by expense type (PERSONNEL 2,122,774,000 / 2,106,024,974; GOODS
 *   6,056,979,000 / 6,012,907,987, which the report misprints as 6.056.979.00; CAPITAL 0 / 0);
 *   the programme/activity allocations of the performance agreement; the RKT's outputs and volume
 *   targets; the efficiency table's budget absorption per goal (SK1 99.71, SK2 98.98, SK3 99.40,
 *   SK4 99.42, SK5 99.27, SK6 none).
 * - Reconstructed (the report gives totals only): the split of each activity into lines (account
 *   per component) and each line's share of every revision's changes. The changes follow the
 *   reasons the report gives (rev 01 moves money from the stunting training and certification to
 *   PPM, social services and accreditation; rev 02 adds the 629,257,000 delegated from BBPPKS
 *   Yogyakarta to PPM and unblocks 802,038,000 that the initial DIPA had blocked on PPM lines; rev 03
 *   moves 58,596,000 from social services to salaries; ...) and net to zero wherever the report's
 *   ceiling stays the same. Each line's realisation is chosen so that the per-goal absorption rounds
 *   to the efficiency table while the expense-type and satker totals are exact.
 * - Programme, activity, KRO and RO codes are illustrative codes in the real format (activity.KRO.RO);
 *   the report names them but does not print their codes.
 * - Program Dukungan Manajemen's activities in the report add up to 3,400,922,000 of its
 *   3,551,517,000; the remaining 150,595,000 is recorded under activity 6399, whose name the
 *   report does not give.
 *
 * Satker 369283 (OTK lama, old organisation, closed)
 * - From the report: original ceiling 27,531,508,000; final ceiling 8,721,102,000; realisation
 *   8,713,841,838; closure by Surat Menkeu S-145/AG/AG.4/2022 of 22 April 2022 and transfer of the
 *   unrealised budget to 690552, whose initial DIPA of 10 September 2022 is 7,550,496,000.
 * - Reconstructed: the report gives no revision history for 369283. It is recorded as its initial
 *   DIPA (27,531,508,000) and one closing revision dated 2022-09-10 that cuts it to 8,721,102,000;
 *   the transfer of 7,550,496,000 links that closing revision to 690552's initial DIPA. The rest of
 *   the cut (11,259,910,000) is not explained by the report. The split by expense type is not in
 *   the report either: it is plausible, not reported.
 *
 * Realisation is seeded as transactions: a monthly split of each line's annual total made to add
 * up to it (the report gives annual totals only), with made-up document numbers.
 *
 * Provenance of the records (issue 12): the DIPAs, 690552's eight revisions, 369283's initial
 * DIPA, the RKT volume targets and both transfers are REPORTED; every budget line and its
 * revision changes (the line-level split of the report's totals), 369283's closing revision and
 * every spending transaction (the monthly split) are RECONSTRUCTED: they add up to the printed
 * totals by construction, so a total derived from them is not evidence for the printed one.
 */

export const PADANG = 'BBPPKS-PADANG';

const SATKERS: SatkerEntity[] = [
  {
    code: '369283',
    unitCode: PADANG,
    name: 'BBPPKS Padang (OTK lama)',
    organisation: 'OTK lama (old organisation), UKE I Badiklitpensos',
    closedOn: '2022-09-10',
  },
  {
    code: '690552',
    unitCode: PADANG,
    name: 'BBPPKS Padang (OTK baru)',
    organisation: 'OTK baru (new organisation), UKE I Sekretariat Jenderal',
    closedOn: null,
  },
];

const NEW_SATKER_REVISIONS: Omit<DipaSpec['revisions'][number], 'provenance'>[] = [
  {
    authority: 'DJA',
    date: '2022-09-10',
    description:
      'Initial DIPA of the new satker (Data Awal OTK Baru): the unrealised budget of the old organisation (OTK lama, satker 369283) moved to satker 690552, for use from September to December 2022',
  },
  {
    authority: 'DJA',
    date: '2022-10-19',
    description:
      'Budget added to the activities Pelatihan Pemberdayaan Masyarakat, Pelayanan Sosial (Multilayanan dan Respon Kasus) and Akreditasi (Visitasi ke LKS), taken from savings (optimalisasi) on Pelatihan Pencegahan Penanganan Stunting and on Sertifikasi SDM dan Peksos',
  },
  {
    authority: 'DJA',
    date: '2022-11-04',
    description:
      'Unblocking (revisi buka blokir) of Rp 802,038,000 and budget delegated (pelimpahan anggaran) from BBPPKS Yogyakarta of Rp 629,257,000, to raise the Pelatihan Pemberdayaan Masyarakat target by 180 persons (orang), from an initial 210 to 390 persons',
  },
  {
    authority: 'DJPB',
    date: '2022-11-30',
    description:
      'Rp 58,596,000 added to personnel salaries (belanja gaji pegawai), taken from the Pelayanan Sosial (Multilayanan dan Respon Kasus) activity, and the POK data updated (pemutakhiran data revisi POK)',
  },
  {
    authority: 'DJPB',
    date: '2022-12-13',
    description:
      'POK data updated (pemutakhiran data revisi POK), budget added to the accreditation (akreditasi) activity and the structure of account (akun) 524111 changed',
  },
  {
    authority: 'DJPB',
    date: '2022-12-15',
    description:
      'POK data updated (pemutakhiran data revisi POK), travel budget (perjalanan dinas) added to the accreditation (akreditasi) activity',
  },
  {
    authority: 'DJPB',
    date: '2022-12-22',
    description:
      'POK data updated (pemutakhiran data revisi POK), budget added to the Pelatihan Pemberdayaan Masyarakat activity on account (akun) 524111',
  },
  {
    authority: 'DJPB',
    date: '2022-12-27',
    description:
      'POK data updated (pemutakhiran data revisi POK), budget structure changed on accounts (akun) 521211, 521219, 524111 and 524113',
  },
];

const ONE = (volumeUnit: string, n = 1) => ({ volumeUnit, targets: { 0: n } });
const EBA = { kroName: 'Layanan Dukungan Manajemen Internal' };

/** RO codes that training events name as budgetOutputCode (also listed in docs/events.md, Budget section). */
export const RO = {
  PPM: '6391.SCM.001',
  ACCREDITATION: '6392.SCA.001',
  CERTIFICATION: '6392.SCH.001',
  SOCIAL_SERVICE: '6392.QAH.001',
  PKH: '6393.SCM.001',
};

const NEW_SATKER_PROGRAMMES: ProgrammeSpec[] = [
  {
    code: '027.DN',
    name: 'Program Perlindungan Sosial',
    activities: [
      {
        code: '6391',
        name: 'Penyelenggaraan Diklat Pemberdayaan Masyarakat',
        outputs: [
          {
            kroCode: '6391.SCM',
            kroName: 'Pelatihan Bidang Sosial',
            code: RO.PPM,
            name: 'Penyelenggaraan Diklat Pemberdayaan Masyarakat',
            volumeUnit: 'orang',
            targets: { 0: 210, 2: 390 },
          },
        ],
      },
      {
        code: '6392',
        name: 'Pembinaan Lembaga dan Sumber Daya Manusia Kesejahteraan Sosial',
        outputs: [
          {
            kroCode: '6392.QAH',
            kroName: 'Pelayanan Publik kepada Masyarakat',
            code: RO.SOCIAL_SERVICE,
            name: 'SDM Kesos yang melaksanakan pelayanan sosial',
            ...ONE('orang', 30),
          },
          {
            kroCode: '6392.SCA',
            kroName: 'Akreditasi Lembaga',
            code: RO.ACCREDITATION,
            name: 'Lembaga Kesejahteraan Sosial yang telah mengikuti proses akreditasi',
            ...ONE('LKS', 200),
          },
          {
            kroCode: '6392.SCH',
            kroName: 'Sertifikasi Profesi dan SDM',
            code: RO.CERTIFICATION,
            name: 'Sumber Daya Manusia Kesejahteraan Sosial yang telah mengikuti proses sertifikasi',
            ...ONE('orang', 3000),
          },
        ],
      },
      {
        code: '6393',
        name: 'Penyelenggaraan Diklat Program Keluarga Harapan',
        outputs: [
          {
            kroCode: '6393.SCM',
            kroName: 'Pelatihan Bidang Sosial',
            code: RO.PKH,
            name: 'Pendamping Sosial PKH yang telah mengikuti Pendidikan dan Pelatihan Kesos',
            ...ONE('orang', 800),
          },
        ],
      },
    ],
  },
  {
    code: '027.WA',
    name: 'Program Dukungan Manajemen',
    activities: [
      {
        code: '6397',
        name: 'Pengelolaan Komunikasi dan Informasi Publik',
        outputs: [
          { kroCode: '6397.EBA', ...EBA, code: '6397.EBA.958', name: 'Layanan Hubungan Masyarakat', ...ONE('layanan') },
        ],
      },
      {
        code: '6398',
        name: 'Pengelolaan Perencanaan, Keuangan, BMN dan Umum',
        outputs: [
          {
            kroCode: '6398.EBA',
            ...EBA,
            code: '6398.EBA.952',
            name: 'Layanan Perencanaan dan Penganggaran',
            ...ONE('dokumen'),
          },
          {
            kroCode: '6398.EBA',
            ...EBA,
            code: '6398.EBA.953',
            name: 'Layanan Pemantauan dan Evaluasi',
            ...ONE('dokumen'),
          },
          { kroCode: '6398.EBA', ...EBA, code: '6398.EBA.955', name: 'Layanan Manajemen Keuangan', ...ONE('dokumen') },
          { kroCode: '6398.EBA', ...EBA, code: '6398.EBA.956', name: 'Layanan BMN', ...ONE('layanan') },
          { kroCode: '6398.EBA', ...EBA, code: '6398.EBA.962', name: 'Layanan Umum', ...ONE('layanan') },
          { kroCode: '6398.EBA', ...EBA, code: '6398.EBA.994', name: 'Layanan Perkantoran', ...ONE('layanan') },
        ],
      },
      {
        code: '6399',
        name: 'Dukungan manajemen lainnya (name not given in the report)',
        note: 'The report lists only two activities of Program Dukungan Manajemen, adding up to 3,400,922,000 of 3,551,517,000; the remaining 150,595,000 is recorded here. The RKT output Layanan Manajemen SDM (40 orang) is placed here as the plausible fit.',
        outputs: [
          { kroCode: '6399.EBA', ...EBA, code: '6399.EBA.961', name: 'Layanan Manajemen SDM', ...ONE('orang', 40) },
        ],
      },
    ],
  },
];

/** Lines of 690552: changes per revision [initial, rev 01, ..., rev 07] and the year's realisation. */
const NEW_SATKER_LINES: LineSpec[] = [
  {
    output: '6391.SCM.001',
    component: '051',
    componentName: 'Pelatihan Pemberdayaan Masyarakat',
    account: '521211',
    goal: 'SK3',
    changes: [290_000_000, 0, 0, 0, 0, 0, 0, 20_000_000],
    realized: 308_127_600,
  },
  {
    output: '6391.SCM.001',
    component: '051',
    componentName: 'Pelatihan Pemberdayaan Masyarakat',
    account: '521213',
    goal: 'SK3',
    changes: [375_000_000, 50_000_000],
    realized: 422_433_000,
  },
  {
    output: '6391.SCM.001',
    component: '051',
    componentName: 'Pelatihan Pemberdayaan Masyarakat',
    account: '521219',
    goal: 'SK3',
    changes: [352_037_000, 190_000_000, 329_257_000, 0, 0, 0, 0, -35_000_000],
    blocked: { 0: 302_038_000, 2: -302_038_000 },
    realized: 831_242_785,
  },
  {
    output: '6391.SCM.001',
    component: '051',
    componentName: 'Pelatihan Pemberdayaan Masyarakat',
    account: '524111',
    goal: 'SK3',
    changes: [650_000_000, 0, 300_000_000, 0, 0, 0, 45_000_000, 25_000_000],
    blocked: { 0: 500_000_000, 2: -500_000_000 },
    realized: 1_013_839_199,
  },
  {
    output: '6391.SCM.001',
    component: '051',
    componentName: 'Pelatihan Pemberdayaan Masyarakat',
    account: '524113',
    goal: 'SK3',
    changes: [210_000_000, 0, 0, 0, 0, 0, 0, -10_000_000],
    realized: 198_792_000,
  },
  {
    output: '6391.SCM.001',
    component: '052',
    componentName: 'Pelatihan Pencegahan dan Penanganan Stunting',
    account: '521219',
    goal: 'SK3',
    changes: [180_000_000, -180_000_000],
    realized: 0,
  },
  {
    output: '6392.SCA.001',
    component: '051',
    componentName: 'Visitasi Akreditasi LKS',
    account: '521213',
    goal: 'SK1',
    changes: [20_000_000, 0, 0, 0, 15_000_000],
    realized: 34_898_500,
  },
  {
    output: '6392.SCA.001',
    component: '051',
    componentName: 'Visitasi Akreditasi LKS',
    account: '524111',
    goal: 'SK1',
    changes: [8_000_000, 20_000_000, 0, 0, 25_000_000, 12_000_000],
    realized: 64_811_500,
  },
  {
    output: '6392.SCH.001',
    component: '051',
    componentName: 'Sertifikasi SDM Kesos dan Pekerja Sosial',
    account: '521219',
    goal: 'SK2',
    changes: [865_000_000, -120_000_000, 0, 0, 0, 0, -45_000_000],
    realized: 692_852_747,
  },
  {
    output: '6392.SCH.001',
    component: '051',
    componentName: 'Sertifikasi SDM Kesos dan Pekerja Sosial',
    account: '524111',
    goal: 'SK2',
    changes: [401_896_000, 0, 0, 0, -40_000_000, -12_000_000],
    realized: 346_323_437,
  },
  {
    output: '6392.SCH.001',
    component: '051',
    componentName: 'Sertifikasi SDM Kesos dan Pekerja Sosial',
    account: '521213',
    goal: 'SK2',
    changes: [200_000_000],
    realized: 197_957_929,
  },
  {
    output: '6392.QAH.001',
    component: '051',
    componentName: 'Pelayanan Sosial (Multilayanan dan Respon Kasus)',
    account: '521219',
    goal: 'SK4',
    changes: [36_596_000, 40_000_000, 0, -58_596_000],
    realized: 17_895_600,
  },
  {
    output: '6392.QAH.001',
    component: '051',
    componentName: 'Pelayanan Sosial (Multilayanan dan Respon Kasus)',
    account: '524113',
    goal: 'SK4',
    changes: [12_000_000],
    realized: 11_930_400,
  },
  {
    output: '6393.SCM.001',
    component: '051',
    componentName: 'Diklat Pendamping Sosial PKH',
    account: '521219',
    goal: 'SK2',
    changes: [220_000_000],
    realized: 217_753_722,
  },
  {
    output: '6393.SCM.001',
    component: '051',
    componentName: 'Diklat Pendamping Sosial PKH',
    account: '524111',
    goal: 'SK2',
    changes: [187_046_000],
    realized: 185_136_194,
  },
  {
    output: '6393.SCM.001',
    component: '051',
    componentName: 'Diklat Pendamping Sosial PKH',
    account: '521211',
    goal: 'SK2',
    changes: [50_000_000],
    realized: 49_489_483,
  },
  {
    output: '6397.EBA.958',
    component: '051',
    componentName: 'Pengelolaan Informasi dan Kehumasan',
    account: '521219',
    goal: 'SK5',
    changes: [11_553_000],
    realized: 11_477_645,
  },
  {
    output: '6398.EBA.994',
    component: '001',
    componentName: 'Gaji dan Tunjangan',
    account: '511111',
    goal: 'SK5',
    changes: [1_244_178_000, 0, 0, 58_596_000],
    realized: 1_292_494_902,
  },
  {
    output: '6398.EBA.994',
    component: '001',
    componentName: 'Gaji dan Tunjangan',
    account: '511121',
    goal: 'SK5',
    changes: [90_000_000],
    realized: 89_289_886,
  },
  {
    output: '6398.EBA.994',
    component: '001',
    componentName: 'Gaji dan Tunjangan',
    account: '511122',
    goal: 'SK5',
    changes: [40_000_000],
    realized: 39_684_394,
  },
  {
    output: '6398.EBA.994',
    component: '001',
    componentName: 'Gaji dan Tunjangan',
    account: '511124',
    goal: 'SK5',
    changes: [320_000_000],
    realized: 317_475_149,
  },
  {
    output: '6398.EBA.994',
    component: '001',
    componentName: 'Gaji dan Tunjangan',
    account: '511126',
    goal: 'SK5',
    changes: [60_000_000],
    realized: 59_526_591,
  },
  {
    output: '6398.EBA.994',
    component: '001',
    componentName: 'Gaji dan Tunjangan',
    account: '511129',
    goal: 'SK5',
    changes: [250_000_000],
    realized: 248_027_461,
  },
  {
    output: '6398.EBA.994',
    component: '001',
    componentName: 'Gaji dan Tunjangan',
    account: '511151',
    goal: 'SK5',
    changes: [60_000_000],
    realized: 59_526_591,
  },
  {
    output: '6398.EBA.994',
    component: '002',
    componentName: 'Operasional dan Pemeliharaan Kantor',
    account: '521111',
    goal: 'SK5',
    changes: [420_000_000],
    realized: 417_260_504,
  },
  {
    output: '6398.EBA.994',
    component: '002',
    componentName: 'Operasional dan Pemeliharaan Kantor',
    account: '521115',
    goal: 'SK5',
    changes: [60_000_000],
    realized: 59_608_645,
  },
  {
    output: '6398.EBA.994',
    component: '002',
    componentName: 'Operasional dan Pemeliharaan Kantor',
    account: '522111',
    goal: 'SK5',
    changes: [240_000_000],
    realized: 238_434_578,
  },
  {
    output: '6398.EBA.994',
    component: '002',
    componentName: 'Operasional dan Pemeliharaan Kantor',
    account: '522112',
    goal: 'SK5',
    changes: [48_000_000],
    realized: 47_686_916,
  },
  {
    output: '6398.EBA.994',
    component: '002',
    componentName: 'Operasional dan Pemeliharaan Kantor',
    account: '523111',
    goal: 'SK5',
    changes: [150_000_000],
    realized: 149_021_612,
  },
  {
    output: '6398.EBA.956',
    component: '051',
    componentName: 'Pengelolaan BMN',
    account: '523121',
    goal: 'SK5',
    changes: [118_595_000],
    realized: 117_821_454,
  },
  {
    output: '6398.EBA.962',
    component: '051',
    componentName: 'Layanan Umum',
    account: '521219',
    goal: 'SK5',
    changes: [80_000_000],
    realized: 79_478_193,
  },
  {
    output: '6398.EBA.952',
    component: '051',
    componentName: 'Perencanaan dan Penganggaran',
    account: '524111',
    goal: 'SK5',
    changes: [50_000_000, 0, 0, 0, 10_000_000],
    realized: 59_608_645,
  },
  {
    output: '6398.EBA.953',
    component: '051',
    componentName: 'Pemantauan dan Evaluasi',
    account: '524111',
    goal: 'SK5',
    changes: [60_000_000, 0, 0, 0, -10_000_000],
    realized: 49_673_871,
  },
  {
    output: '6398.EBA.955',
    component: '051',
    componentName: 'Pengelolaan Keuangan',
    account: '521219',
    goal: 'SK5',
    changes: [40_000_000],
    realized: 39_739_097,
  },
  {
    output: '6399.EBA.961',
    component: '051',
    componentName: 'Pengelolaan SDM',
    account: '521219',
    goal: 'SK5',
    changes: [90_595_000],
    realized: 90_004_086,
  },
  {
    output: '6399.EBA.961',
    component: '051',
    componentName: 'Pengelolaan SDM',
    account: '524111',
    goal: 'SK5',
    changes: [60_000_000],
    realized: 59_608_645,
  },
];

/** 369283: initial DIPA and the reconstructed closing revision, per expense type (split plausible, not reported). */
const OLD_SATKER_2022: DipaSpec = {
  satkerCode: '369283',
  year: 2022,
  revisions: [
    {
      authority: 'DJA',
      date: '2022-01-03',
      description:
        'Initial DIPA 2022 of the old organisation (OTK lama), total ceiling Rp 27,531,508,000 (date reconstructed: the report gives no revision history for 369283)',
      provenance: Provenance.REPORTED,
    },
    {
      authority: 'DJA',
      date: '2022-09-10',
      description:
        'Closing revision (reconstructed): satker 369283 closed following Surat Menteri Keuangan S-145/AG/AG.4/2022 of 22 April 2022; its ceiling is cut to Rp 8,721,102,000 and the unrealised Rp 7,550,496,000 moves to satker 690552 (OTK baru)',
      provenance: Provenance.RECONSTRUCTED,
    },
  ],
  provenance: {
    dipa: Provenance.REPORTED,
    lines: Provenance.RECONSTRUCTED,
    targets: Provenance.REPORTED,
    spending: Provenance.RECONSTRUCTED,
  },
  programmes: [],
  lines: [
    {
      output: null,
      component: null,
      componentName: null,
      account: '51',
      goal: null,
      changes: [6_200_000_000, -2_050_000_000],
      realized: 4_146_215_300,
    },
    {
      output: null,
      component: null,
      componentName: null,
      account: '52',
      goal: null,
      changes: [20_831_508_000, -16_260_406_000],
      realized: 4_567_626_538,
    },
    {
      output: null,
      component: null,
      componentName: null,
      account: '53',
      goal: null,
      changes: [500_000_000, -500_000_000],
      realized: 0,
    },
  ],
  schedule: {
    dates: [
      '2022-01-25',
      '2022-02-25',
      '2022-03-25',
      '2022-04-25',
      '2022-05-25',
      '2022-06-24',
      '2022-07-25',
      '2022-08-25',
    ],
    personnel: [1, 1, 1, 1, 1, 1, 1, 1],
    other: [6, 9, 11, 13, 14, 15, 16, 16],
  },
};

const NEW_SATKER_2022: DipaSpec = {
  satkerCode: '690552',
  year: 2022,
  revisions: NEW_SATKER_REVISIONS.map((r) => ({ ...r, provenance: Provenance.REPORTED })),
  provenance: {
    dipa: Provenance.REPORTED,
    lines: Provenance.RECONSTRUCTED,
    targets: Provenance.REPORTED,
    spending: Provenance.RECONSTRUCTED,
  },
  programmes: NEW_SATKER_PROGRAMMES,
  lines: NEW_SATKER_LINES,
  schedule: {
    dates: ['2022-09-30', '2022-10-31', '2022-11-30', '2022-12-28'],
    personnel: [1, 1, 1, 1],
    other: [15, 25, 25, 35],
  },
};

export async function seedPadang2022(m: EntityManager, documentSeq: { next: number }): Promise<void> {
  await m.insert(SatkerEntity, SATKERS);
  const oldRevisions = await seedDipa(m, OLD_SATKER_2022, documentSeq);
  const newRevisions = await seedDipa(m, NEW_SATKER_2022, documentSeq);
  await m.insert(TransferEntity, [
    {
      year: 2022,
      fromUnitCode: PADANG,
      fromSatkerCode: '369283',
      fromRevisionId: oldRevisions.get(1)!,
      toUnitCode: PADANG,
      toSatkerCode: '690552',
      toRevisionId: newRevisions.get(0)!,
      amount: 7_550_496_000,
      date: '2022-09-10',
      reference: 'Surat Menteri Keuangan S-145/AG/AG.4/2022 tanggal 22 April 2022',
      description:
        'Unrealised budget of the closed old-organisation satker (OTK lama) moved to the new satker (OTK baru)',
      provenance: Provenance.REPORTED,
    },
    {
      year: 2022,
      fromUnitCode: 'BBPPKS-YOGYAKARTA',
      fromSatkerCode: null,
      fromRevisionId: null,
      toUnitCode: PADANG,
      toSatkerCode: '690552',
      toRevisionId: newRevisions.get(2)!,
      amount: 629_257_000,
      date: '2022-11-04',
      reference: null,
      description:
        'Budget delegated (pelimpahan anggaran) from BBPPKS Yogyakarta for 180 more Pelatihan Pemberdayaan Masyarakat participants; the giving satker code is not in the report',
      provenance: Provenance.REPORTED,
    },
  ]);
}
