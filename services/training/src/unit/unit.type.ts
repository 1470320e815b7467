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
}

@ObjectType({ description: 'Staff head count by employment status and gender (komposisi pegawai)' })
export class StaffCount {
  @Field(() => Employment, { description: 'Employment status: ASN or PPNPN' })
  employment!: Employment;

  @Field(() => Gender, { description: 'Gender (jenis kelamin)' })
  gender!: Gender;

  @Field(() => Int, { description: 'Number of staff (jumlah pegawai)' })
  count!: number;
}

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A training unit of the ministry (balai besar diklat, poltekesos); owned by the training subgraph' })
export class Unit {
  @Field(() => ID, { description: 'Unit code, e.g. BBPPKS-PADANG' })
  code!: string;

  @Field({ description: 'Official name (nama unit)' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Postal address (alamat) of the main campus' })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'Region served (regional), e.g. Regional I Sumatera' })
  region!: string | null;
}
