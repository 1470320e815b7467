import { Provenance } from '@kesos/infra';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum Employment {
  ASN = 'ASN',
  PPNPN = 'PPNPN',
}
registerEnumType(Employment, {
  name: 'Employment',
  description: 'Employment status of staff',
  valuesConfig: {
    ASN: { description: 'Civil servant (Aparatur Sipil Negara)' },
    PPNPN: { description: 'Non-civil-servant government employee (Pegawai Pemerintah Non Pegawai Negeri)' },
  },
});

export enum Gender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}
registerEnumType(Gender, {
  name: 'Gender',
  description: 'Gender (jenis kelamin)',
  valuesConfig: { FEMALE: { description: 'Female (perempuan)' }, MALE: { description: 'Male (laki-laki)' } },
});

@ObjectType({ description: 'A province of the work area (wilayah kerja) with its administrative divisions' })
export class WorkAreaProvince {
  @Field({ description: 'Province (provinsi)' })
  province!: string;

  @Field(() => Int, { description: 'Number of regencies (kabupaten)' })
  regencies!: number;

  @Field(() => Int, { description: 'Number of cities (kota)' })
  cities!: number;

  @Field(() => Int, { description: 'Number of districts (kecamatan)' })
  districts!: number;

  @Field(() => Int, { description: 'Number of villages (desa/kelurahan)' })
  villages!: number;

  @Field(() => Provenance, {
    description: 'Where this record comes from (asal data): REPORTED for what the published report (LAKIP) gives',
  })
  provenance!: Provenance;
}

@ObjectType({ description: 'Staff head count by employment status and gender (komposisi pegawai)' })
export class StaffCount {
  @Field(() => Employment, { description: 'Employment status: ASN or PPNPN' })
  employment!: Employment;

  @Field(() => Gender, { description: 'Gender (jenis kelamin)' })
  gender!: Gender;

  @Field(() => Int, { description: 'Number of staff (jumlah pegawai)' })
  count!: number;

  @Field(() => Provenance, {
    description: 'Where this record comes from (asal data): REPORTED for what the published report (LAKIP) gives',
  })
  provenance!: Provenance;
}

@Directive('@key(fields: "code")')
@ObjectType({
  description: 'A training unit of the ministry (balai besar diklat, poltekesos); owned by the training subgraph',
})
export class Unit {
  @Field(() => ID, { description: 'Unit code, e.g. BBPPKS-PADANG' })
  code!: string;

  @Field({ description: 'Official name (nama unit)' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Postal address (alamat) of the main campus' })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'Region served (regional), e.g. Regional I Sumatera' })
  region!: string | null;

  @Field(() => Provenance, {
    description: 'Where this record comes from (asal data): REPORTED for what the published report (LAKIP) gives',
  })
  provenance!: Provenance;
}

export enum FacilityCondition {
  BAIK = 'BAIK',
  CUKUP_BAIK = 'CUKUP_BAIK',
}
registerEnumType(FacilityCondition, {
  name: 'FacilityCondition',
  description: 'Condition of a facility (kondisi)',
  valuesConfig: { BAIK: { description: 'Good (baik)' }, CUKUP_BAIK: { description: 'Fair (cukup baik)' } },
});

@ObjectType({ description: 'One line of a campus facility table (sarana dan prasarana)' })
export class Facility {
  @Field({ description: 'What the facility is (uraian), e.g. Ruang Asrama, Mobil Dinas Hiace' })
  kind!: string;

  @Field(() => Int, { description: 'How many there are (jumlah)' })
  count!: number;

  @Field(() => FacilityCondition, { description: 'Condition (kondisi)' })
  condition!: FacilityCondition;

  @Field(() => String, {
    nullable: true,
    description: 'Capacity as the report states it (kapasitas), e.g. "60 Org", "30/Kelas", "66 KVA"',
  })
  capacity!: string | null;

  @Field(() => Provenance, {
    description: 'Where this record comes from (asal data): REPORTED for what the published report (LAKIP) gives',
  })
  provenance!: Provenance;
}

@ObjectType({ description: 'A campus (kampus) of the unit' })
export class Campus {
  @Field({ description: 'Campus name, e.g. Kampus I' })
  name!: string;

  @Field({ description: 'Postal address (alamat)' })
  address!: string;

  @Field(() => Int, { description: 'Land area in square metres (luas area, m2)' })
  areaSquareMeters!: number;

  @Field(() => String, { nullable: true, description: 'What the campus is used for (catatan)' })
  note!: string | null;
  @Field(() => Provenance, {
    description: 'Where this record comes from (asal data): REPORTED for what the published report (LAKIP) gives',
  })
  provenance!: Provenance;

  /** Key of the campus, for the `facilities` field resolver. */
  id!: number;
}

@ObjectType({ description: 'Staff head count by employment status and job (komposisi pegawai berdasarkan jabatan)' })
export class StaffJobCount {
  @Field(() => Employment, { description: 'Employment status: ASN or PPNPN' })
  employment!: Employment;

  @Field({ description: 'Job (jabatan), e.g. Satpam, Cleaning Service, Pengemudi' })
  job!: string;

  @Field(() => Int, { description: 'Number of staff (jumlah pegawai)' })
  count!: number;

  @Field(() => Provenance, {
    description: 'Where this record comes from (asal data): REPORTED for what the published report (LAKIP) gives',
  })
  provenance!: Provenance;
}
