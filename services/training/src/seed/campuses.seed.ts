import { Provenance } from '@kesos/infra';
import type { EntityManager } from 'typeorm';
import { CampusEntity, FacilityEntity, StaffJobCountEntity } from '../unit/unit.entity';

type FacilityLine = [kind: string, count: number, condition: 'BAIK' | 'CUKUP_BAIK', capacity: string | null];

/**
 * Campuses and facility tables of BBPPKS Padang as the 2022 report prints them. Kampus II's
 * "Mobil Dinas" line has sub-items; each vehicle type is a line of its own here. Lines 7 and 8 of
 * Kampus II ("Ruang Instalasi Laboratorium Praktikum", "Profesi Pekerjaan Sosial (ILP3)") are kept
 * as the two numbered lines the report has, with their two capacities.
 */
export const PADANG_CAMPUSES: {
  name: string;
  address: string;
  areaSquareMeters: number;
  note: string | null;
  facilities: FacilityLine[];
}[] = [
  {
    name: 'Kampus I',
    address: 'Jalan S. Parman No. 240 Ulak Karang, Kota Padang',
    areaSquareMeters: 2833,
    note: 'Digunakan untuk PNBP, SKA dan Kegiatan Respon Kasus',
    facilities: [
      ['Ruang Kantor', 1, 'BAIK', '25 Org'],
      ['Ruang Asrama', 30, 'CUKUP_BAIK', '60 Org'],
      ['Ruang Asrama VIP', 7, 'CUKUP_BAIK', '14 Org'],
      ['Ruang Belajar', 2, 'CUKUP_BAIK', '60 Org'],
      ['Ruang Makan', 1, 'BAIK', '60 Org'],
      ['Rumah Dinas Pimpinan', 1, 'BAIK', '1 keluarga'],
      ['Garasi', 1, 'BAIK', '2 Mobil'],
      ['Gudang Logistik', 1, 'BAIK', '1 Paket'],
      ['Mushalla', 1, 'BAIK', '20 Org'],
      ['Gedung Pos Jaga', 1, 'BAIK', '2 Org'],
      ['Instalasi Diesel/Genset', 1, 'BAIK', '66 KVA'],
      ['Sarana air bersih, dengan sistem ground reservoir', 1, 'BAIK', '1 Paket'],
    ],
  },
  {
    name: 'Kampus II',
    address: 'Jalan Alai No. 27 Kel. Kapalo Koto Kec. Pauh, Kota Padang',
    areaSquareMeters: 9733,
    note: null,
    facilities: [
      ['Gedung Kantor Utama', 1, 'BAIK', '45 Org'],
      ['Gedung Asrama (Kamar)', 71, 'BAIK', '134 Org'],
      ['Gedung Aula', 1, 'CUKUP_BAIK', '150 Org'],
      ['Ruang Belajar/Kelas', 3, 'CUKUP_BAIK', '30/Kelas'],
      ['Ruang Makan', 1, 'BAIK', '150 Org'],
      ['Rumah Dinas', 3, 'BAIK', '3 Keluarga'],
      ['Ruang Instalasi Laboratorium Praktikum', 1, 'BAIK', '35 Org'],
      ['Profesi Pekerjaan Sosial (ILP3)', 1, 'BAIK', '3 Org'],
      ['Ruang Instalasi Perpustakaan', 1, 'BAIK', '10 Org'],
      ['Ruang Arsip', 1, 'BAIK', '5 Org'],
      ['Ruang BMN', 1, 'BAIK', '4 Org'],
      ['Mushalla', 1, 'BAIK', '30 Org'],
      ['Ruang Koperasi', 1, 'CUKUP_BAIK', '3 Org'],
      ['Gedung Pos Jaga', 1, 'BAIK', '2 Org'],
      ['Instalasi Diesel/Genset', 2, 'BAIK', '66 KVA'],
      ['Gedung Serbaguna 2 lantai', 1, 'BAIK', '30 Org'],
      ['Mobil Dinas Fortuner', 1, 'BAIK', '4 Org'],
      ['Mobil Dinas Hiace', 2, 'BAIK', '16 Org'],
      ['Mobil Dinas Innova', 3, 'BAIK', '7 Org'],
      ['Mobil Dinas Senia', 1, 'BAIK', '6 Org'],
      ['Mobil Dinas Phanter / Rescue', 1, 'BAIK', '4 Org'],
      ['Motor Dinas', 3, 'BAIK', '2 Org'],
      ['Posko Data Disaster Center', 1, 'BAIK', '4 Org'],
    ],
  },
];

/** Komposisi pegawai PPNPN berdasarkan jabatan, 2022: 40 people, matching the 9 + 31 by gender. */
export const PADANG_PPNPN_BY_JOB: [job: string, count: number][] = [
  ['Satpam', 7],
  ['Cleaning Service', 13],
  ['Pengemudi', 6],
  ['Administrasi', 13],
  ['Teknisi', 1],
];

export async function seedCampuses(m: EntityManager): Promise<void> {
  const unitCode = 'BBPPKS-PADANG';
  for (const [i, c] of PADANG_CAMPUSES.entries()) {
    const campus = m.create(CampusEntity, {
      unitCode,
      position: i + 1,
      name: c.name,
      address: c.address,
      areaSquareMeters: c.areaSquareMeters,
      note: c.note,
      // The report's profile chapter prints every campus, facility line and job count.
      provenance: Provenance.REPORTED,
    });
    await m.insert(CampusEntity, campus);
    await m.insert(
      FacilityEntity,
      c.facilities.map(([kind, count, condition, capacity], j) => ({
        campusId: campus.id,
        position: j + 1,
        kind,
        count,
        condition,
        capacity,
        provenance: Provenance.REPORTED,
      })),
    );
  }
  await m.insert(
    StaffJobCountEntity,
    PADANG_PPNPN_BY_JOB.map(([job, count], i) => ({
      unitCode,
      position: i + 1,
      employment: 'PPNPN' as const,
      job,
      count,
      provenance: Provenance.REPORTED,
    })),
  );
}
