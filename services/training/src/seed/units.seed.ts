import { Provenance, unitRegisteredV1, writeEvent } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { StaffCountEntity, UnitEntity, WorkAreaProvinceEntity } from '../unit/unit.entity';

/**
 * Unit records from the 2022 performance report (LAKIP) of BBPPKS Padang. Only Padang's
 * profile is in the report; the other seven units appear in its SAKIP table by name only,
 * so their address, region, work area and staff are left empty rather than invented.
 */
export const UNITS = [
  {
    code: 'POLTEKESOS-BANDUNG',
    name: 'Politeknik Kesejahteraan Sosial (Poltekesos) Bandung',
    address: null,
    region: null,
  },
  {
    code: 'B2P3KS-YOGYAKARTA',
    name: 'Balai Besar Penelitian dan Pengembangan Pelayanan Kesejahteraan Sosial (B2P3KS) Yogyakarta',
    address: null,
    region: null,
  },
  {
    code: 'BBPPKS-PADANG',
    name: 'Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial (BBPPKS) Padang',
    address: 'Jl. Alai Kapalo Koto No. 27, Pauh, Kota Padang, Sumatera Barat',
    region: 'Regional I Sumatera',
  },
  {
    code: 'BBPPKS-BANDUNG',
    name: 'Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial (BBPPKS) Bandung',
    address: null,
    region: null,
  },
  {
    code: 'BBPPKS-YOGYAKARTA',
    name: 'Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial (BBPPKS) Yogyakarta',
    address: null,
    region: null,
  },
  {
    code: 'BBPPKS-BANJARMASIN',
    name: 'Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial (BBPPKS) Banjarmasin',
    address: null,
    region: null,
  },
  {
    code: 'BBPPKS-MAKASSAR',
    name: 'Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial (BBPPKS) Makassar',
    address: null,
    region: null,
  },
  {
    code: 'BBPPKS-JAYAPURA',
    name: 'Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial (BBPPKS) Jayapura',
    address: null,
    region: null,
  },
];

/** Wilayah kerja table of the report (source: Wikipedia list of districts and villages). */
export const PADANG_WORK_AREA: [string, number, number, number, number][] = [
  ['Aceh', 18, 5, 289, 6497],
  ['Sumatera Utara', 25, 8, 450, 6110],
  ['Riau', 10, 2, 169, 1859],
  ['Kepulauan Riau', 5, 2, 70, 416],
  ['Sumatera Barat', 12, 7, 179, 1330],
  ['Jambi', 9, 2, 141, 1562],
  ['Bengkulu', 9, 1, 128, 1513],
  ['Sumatera Selatan', 13, 4, 236, 3239],
];

/** Komposisi pegawai 2022: ASN 26 women, 23 men; PPNPN 9 women, 31 men. */
export const PADANG_STAFF: { employment: 'ASN' | 'PPNPN'; gender: 'FEMALE' | 'MALE'; count: number }[] = [
  { employment: 'ASN', gender: 'FEMALE', count: 26 },
  { employment: 'ASN', gender: 'MALE', count: 23 },
  { employment: 'PPNPN', gender: 'FEMALE', count: 9 },
  { employment: 'PPNPN', gender: 'MALE', count: 31 },
];

/** Every profile record here is printed in the report line by line (the seven other units by name in its SAKIP table). */
const REPORTED = Provenance.REPORTED;

export async function seedUnits(m: EntityManager): Promise<void> {
  await m.insert(
    UnitEntity,
    UNITS.map((u) => ({ ...u, provenance: REPORTED })),
  );
  await m.insert(
    WorkAreaProvinceEntity,
    PADANG_WORK_AREA.map(([province, regencies, cities, districts, villages], i) => ({
      unitCode: 'BBPPKS-PADANG',
      position: i + 1,
      province,
      regencies,
      cities,
      districts,
      villages,
      provenance: REPORTED,
    })),
  );
  await m.insert(
    StaffCountEntity,
    PADANG_STAFF.map((s) => ({ unitCode: 'BBPPKS-PADANG', ...s, provenance: REPORTED })),
  );
  // Other services learn the units the same way as any later registration: through events.
  for (const u of UNITS) await writeEvent(m, unitRegisteredV1.event(u.code, { code: u.code, name: u.name }));
}
