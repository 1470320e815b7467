import { Provenance } from '@kesos/infra';
import { ParticipantCategory } from '../participant/participant.type';

/**
 * What the 2022 report says about BBPPKS Padang's trainings, and how its totals are split into
 * records. Only totals are published; every split below is a plausible choice, made here:
 *
 * - 2022 (records with events): PPM for PM/KPM PKH, 390 participants, all graduated, in 13
 *   locations (the report lists them only in an image: the 13 regencies below are synthetic, one
 *   is Padang Pariaman from its photo caption), 13 classes of 30, paid by the new satker 690552;
 *   all 390 alumni show life skills at the end-of-year monitoring (SK3.1 100%). PPPS (stunting,
 *   with Tanoto Foundation) for PKH facilitators, 2,400 graduated over the 8 work-area provinces:
 *   1,600 under the old organisation (satker 369283, closed after 22 April 2022) in 40 classes
 *   February-June, 800 under the new one (690552) in 20 classes July-November; classes of 40.
 * - 2018-2021 (records, no events): the report's volume matrix gives target and realisation per
 *   year only (792/792, 4,636/4,636, 1,852/1,852, 2,060/2,090). They are kept as closed classes of
 *   a general programme DIKLAT-KESOS (TKSP/TKSM), except 2021's 2,000 PKH facilitators (the
 *   SK2.2 table: 2,000 trained in 2021) in DIKLAT-PKH; 2021's other 60 targeted became 90 trained
 *   in three classes of target 20 and 30 seats, which is how realisation exceeds target. These
 *   years carry no events: the budget and performance services hold plans from 2022 only, and
 *   replaying history into them would count years they have no targets for.
 *
 * Provenance: the report describes the programmes PPM and PPPS themselves (name, participants,
 * partner, budget output), so they are REPORTED. Every class, person, enrollment and monitoring
 * record is RECONSTRUCTED: the report prints none of them, only the totals they add up to. So are
 * the two historic programmes, which exist only to hold the 2018-2021 totals.
 */
export const SEED_UNIT = 'BBPPKS-PADANG';
export const NEW_SATKER = '690552';
export const OLD_SATKER = '369283';

/**
 * Budget outputs (RO) of the 2022 RKT, with the codes the budget service's DIPA lines carry:
 * 6391.SCM.001 Penyelenggaraan Diklat Pemberdayaan Masyarakat (390 orang) and 6393.SCM.001
 * Pendamping Sosial PKH yang telah mengikuti Diklat Kesos (800 orang; 1,600 under the old satker).
 */
export const RO_PPM = '6391.SCM.001';
export const RO_PPPS = '6393.SCM.001';

export interface ProgrammePlan {
  code: string;
  name: string;
  description: string;
  participantCategory: ParticipantCategory;
  budgetOutputCode: string | null;
  indicatorCode: string | null;
  partner: string | null;
  provenance: Provenance;
}

export const PROGRAMMES: ProgrammePlan[] = [
  {
    code: 'PPM',
    name: 'Pelatihan Pemberdayaan Masyarakat (PPM) bagi PM/KPM PKH',
    description: 'Kewirausahaan dan kecakapan hidup bagi penerima manfaat PKH',
    participantCategory: ParticipantCategory.PM_KPM_PKH,
    budgetOutputCode: RO_PPM,
    indicatorCode: 'SK3.1',
    partner: null,
    provenance: Provenance.REPORTED,
  },
  {
    code: 'PPPS',
    name: 'Pelatihan Pencegahan dan Penanganan Stunting (PPPS) bagi Pendamping PKH',
    description: 'Pencegahan dan penanganan stunting bagi SDM penyelenggara kesejahteraan sosial',
    participantCategory: ParticipantCategory.PENDAMPING_PKH,
    budgetOutputCode: RO_PPPS,
    indicatorCode: 'SK2.2',
    partner: 'Tanoto Foundation',
    provenance: Provenance.REPORTED,
  },
  {
    code: 'DIKLAT-PKH',
    name: 'Diklat Peningkatan Kapasitas Pendamping PKH (riwayat, dari laporan terdahulu)',
    description: 'Historic programme holding the 2021 facilitator training volume',
    participantCategory: ParticipantCategory.PENDAMPING_PKH,
    budgetOutputCode: null,
    indicatorCode: 'SK2.2',
    partner: null,
    provenance: Provenance.RECONSTRUCTED,
  },
  {
    code: 'DIKLAT-KESOS',
    name: 'Diklat Kesejahteraan Sosial bagi TKSP/TKSM (riwayat, dari laporan terdahulu)',
    description: 'Historic programme holding the 2018-2021 volumes the report gives as totals',
    participantCategory: ParticipantCategory.TKSM,
    budgetOutputCode: null,
    indicatorCode: null,
    partner: null,
    provenance: Provenance.RECONSTRUCTED,
  },
];

export interface ClassRunPlan {
  programme: string;
  year: number;
  classes: number;
  /** Batch number of the first class (runs of one programme in one year continue the numbering). */
  firstBatch: number;
  target: number;
  graduates: number;
  /** Seats per class; at least the class's graduates. */
  capacity: number;
  satker: string;
  /** Class starts are spread evenly over [from, to]. */
  from: string;
  to: string;
  days: number;
  /** Explicit [province, regency] per class; otherwise the work area's places in turn. */
  places?: [string, string][];
  /** 2022 records write their events; earlier years are back-filled history. */
  events: boolean;
  monitoring: boolean;
}

export const PPM_LOCATIONS: [string, string][] = [
  ['Sumatera Barat', 'Kabupaten Padang Pariaman'],
  ['Sumatera Barat', 'Kota Padang'],
  ['Sumatera Barat', 'Kabupaten Agam'],
  ['Sumatera Utara', 'Kota Medan'],
  ['Sumatera Utara', 'Kabupaten Deli Serdang'],
  ['Aceh', 'Kota Banda Aceh'],
  ['Aceh', 'Kabupaten Aceh Besar'],
  ['Riau', 'Kota Pekanbaru'],
  ['Kepulauan Riau', 'Kota Batam'],
  ['Jambi', 'Kota Jambi'],
  ['Bengkulu', 'Kota Bengkulu'],
  ['Sumatera Selatan', 'Kota Palembang'],
  ['Sumatera Selatan', 'Kabupaten Ogan Ilir'],
];

export const CLASS_RUNS: ClassRunPlan[] = [
  {
    programme: 'DIKLAT-KESOS',
    year: 2018,
    classes: 27,
    firstBatch: 1,
    target: 792,
    graduates: 792,
    capacity: 30,
    satker: OLD_SATKER,
    from: '2018-02-05',
    to: '2018-11-19',
    days: 5,
    events: false,
    monitoring: false,
  },
  {
    programme: 'DIKLAT-KESOS',
    year: 2019,
    classes: 116,
    firstBatch: 1,
    target: 4636,
    graduates: 4636,
    capacity: 40,
    satker: OLD_SATKER,
    from: '2019-01-14',
    to: '2019-11-25',
    days: 5,
    events: false,
    monitoring: false,
  },
  {
    programme: 'DIKLAT-KESOS',
    year: 2020,
    classes: 62,
    firstBatch: 1,
    target: 1852,
    graduates: 1852,
    capacity: 30,
    satker: OLD_SATKER,
    from: '2020-02-03',
    to: '2020-11-23',
    days: 5,
    events: false,
    monitoring: false,
  },
  {
    programme: 'DIKLAT-PKH',
    year: 2021,
    classes: 50,
    firstBatch: 1,
    target: 2000,
    graduates: 2000,
    capacity: 40,
    satker: OLD_SATKER,
    from: '2021-02-08',
    to: '2021-11-22',
    days: 5,
    events: false,
    monitoring: false,
  },
  {
    programme: 'DIKLAT-KESOS',
    year: 2021,
    classes: 3,
    firstBatch: 1,
    target: 60,
    graduates: 90,
    capacity: 30,
    satker: OLD_SATKER,
    from: '2021-06-07',
    to: '2021-09-06',
    days: 5,
    events: false,
    monitoring: false,
  },
  {
    programme: 'PPPS',
    year: 2022,
    classes: 40,
    firstBatch: 1,
    target: 1600,
    graduates: 1600,
    capacity: 40,
    satker: OLD_SATKER,
    from: '2022-02-07',
    to: '2022-06-13',
    days: 4,
    events: true,
    monitoring: false,
  },
  {
    programme: 'PPPS',
    year: 2022,
    classes: 20,
    firstBatch: 41,
    target: 800,
    graduates: 800,
    capacity: 40,
    satker: NEW_SATKER,
    from: '2022-07-11',
    to: '2022-11-21',
    days: 4,
    events: true,
    monitoring: false,
  },
  {
    programme: 'PPM',
    year: 2022,
    classes: 13,
    firstBatch: 1,
    target: 390,
    graduates: 390,
    capacity: 30,
    satker: NEW_SATKER,
    from: '2022-08-01',
    to: '2022-11-14',
    days: 6,
    places: PPM_LOCATIONS,
    events: true,
    monitoring: true,
  },
];

/** End-of-year monitoring of the 2022 PPM alumni ("pada akhir tahun 2022"). */
export const MONITORING_FROM = '2022-12-05';

/** BPS province codes: the first two digits of a NIK. */
export const PROVINCE_CODES: Record<string, string> = {
  Aceh: '11',
  'Sumatera Utara': '12',
  'Sumatera Barat': '13',
  Riau: '14',
  Jambi: '15',
  'Sumatera Selatan': '16',
  Bengkulu: '17',
  'Kepulauan Riau': '21',
};
