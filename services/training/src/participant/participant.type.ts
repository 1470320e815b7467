import { connectionType, Provenance } from '@kesos/infra';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Gender } from '../unit/unit.type';

export enum ParticipantCategory {
  PM_KPM_PKH = 'PM_KPM_PKH',
  PENDAMPING_PKH = 'PENDAMPING_PKH',
  TKSP = 'TKSP',
  TKSM = 'TKSM',
  OTHER = 'OTHER',
}
registerEnumType(ParticipantCategory, {
  name: 'ParticipantCategory',
  description: 'Category of participant (kategori peserta)',
  valuesConfig: {
    PM_KPM_PKH: { description: 'Beneficiary or beneficiary family of the PKH cash-transfer programme (PM/KPM PKH)' },
    PENDAMPING_PKH: { description: 'PKH social facilitator (pendamping PKH)' },
    TKSP: { description: 'Government social-welfare worker (Tenaga Kesejahteraan Sosial Pemerintah, TKSP)' },
    TKSM: { description: 'Community social-welfare worker (Tenaga Kesejahteraan Sosial Masyarakat, TKSM)' },
    OTHER: { description: 'Any other participant (lainnya)' },
  },
});

export enum Education {
  NONE = 'NONE',
  SD = 'SD',
  SMP = 'SMP',
  SMA = 'SMA',
  DIII = 'DIII',
  S1 = 'S1',
  S2 = 'S2',
  S3 = 'S3',
}
registerEnumType(Education, {
  name: 'Education',
  description: 'Highest education completed (pendidikan terakhir)',
  valuesConfig: {
    NONE: { description: 'No school completed (tidak/belum sekolah)' },
    SD: { description: 'Primary school (Sekolah Dasar)' },
    SMP: { description: 'Junior secondary school (Sekolah Menengah Pertama)' },
    SMA: { description: 'Senior secondary school (Sekolah Menengah Atas/Kejuruan)' },
    DIII: { description: 'Three-year diploma (Diploma III)' },
    S1: { description: "Bachelor's degree (Sarjana, S1)" },
    S2: { description: "Master's degree (Magister, S2)" },
    S3: { description: 'Doctorate (Doktor, S3)' },
  },
});

@ObjectType({
  description: 'A person in the registry of participants (peserta); personal data is shown in full to admins only',
})
export class Participant {
  @Field(() => ID, { description: 'Participant id' })
  id!: number;

  @Field(() => ID, { description: 'Code of the unit that registered the participant' })
  unitCode!: string;

  @Field(() => Gender, { description: 'Gender (jenis kelamin)' })
  gender!: Gender;

  @Field(() => Education, { description: 'Highest education completed (pendidikan terakhir)' })
  education!: Education;

  @Field(() => ParticipantCategory, { description: 'Category of participant (kategori peserta)' })
  category!: ParticipantCategory;

  @Field(() => String, { nullable: true, description: 'Province of origin (provinsi asal)' })
  originProvince!: string | null;

  @Field(() => String, { nullable: true, description: 'Regency or city of origin (kabupaten/kota asal)' })
  originRegency!: string | null;

  /** The stored NIK forms and the personal data the `nik`, `name` and `birthDate` field resolvers show by role. */
  nikCipher!: string;
  nikMasked!: string;
  name!: string;
  birthDate!: string;

  @Field(() => Provenance, {
    description:
      'Where the person record comes from (asal data): OPERATIONAL when written through the API, REPORTED, RECONSTRUCTED or SYNTHETIC for loaded data',
  })
  provenance!: Provenance;
}

/** A page of participants (halaman peserta), in registration order. */
export const ParticipantPage = connectionType(Participant, {
  name: 'ParticipantPage',
  items: 'participants (peserta)',
});
export type ParticipantPage = InstanceType<typeof ParticipantPage>;
