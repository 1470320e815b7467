import { Provenance } from '@kesos/infra';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { VolumeSource } from './volume.entity';

registerEnumType(VolumeSource, {
  name: 'OutputVolumeSource',
  description: 'What a record of realised output volume (realisasi volume RO) counts',
  valuesConfig: {
    ACCREDITATION: { description: 'An LKS visited for accreditation (visitasi akreditasi), from the training service' },
    CERTIFICATION: { description: 'A person assessed for certification (uji kompetensi), from the training service' },
    ATENSI: { description: 'The people served by a closed ATENSI case (penerima layanan), from the training service' },
    ENTERED: { description: 'Entered through recordOutputVolume (input manual)' },
    REVERSAL: { description: 'Cancels an earlier record (koreksi)' },
  },
});

@ObjectType({ description: 'A record of realised output volume (realisasi volume RO), append-only' })
export class OutputVolumeEntry {
  @Field(() => ID, { description: 'Record id, named by a reversal' })
  id!: number;

  @Field({ description: 'Satker code (kode satker)' })
  satkerCode!: string;

  @Field(() => Int, { description: 'Fiscal year (tahun anggaran)' })
  year!: number;

  @Field({ description: 'Output code (kode RO)' })
  outputCode!: string;

  @Field(() => VolumeSource, { description: 'What the record counts (sumber)' })
  source!: VolumeSource;

  @Field(() => Int, { description: "Volume in the output's unit (satuan); negative on a reversal" })
  quantity!: number;

  @Field(() => String, { nullable: true, description: 'Date the volume was delivered (tanggal), YYYY-MM-DD' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'Remark, or the reason of a reversal (keterangan)' })
  note!: string | null;

  @Field({
    description: "Who recorded it (dicatat oleh): the caller's subject, or event:<subject> for a counted record",
  })
  recordedBy!: string;

  @Field({ description: 'When it was recorded (waktu pencatatan), ISO timestamp in UTC' })
  recordedAt!: string;

  @Field(() => ID, { nullable: true, description: 'The record this one cancels, on a reversal (membatalkan)' })
  reversesId!: number | null;

  @Field(() => Provenance, { description: 'Where the record comes from (asal data)' })
  provenance!: Provenance;
}

@ObjectType({
  description:
    "Output achievement (capaian output) of the unit's year from realised volumes, beside the IKPA component of that name",
})
export class OutputAchievement {
  @Field(() => Float, {
    nullable: true,
    description:
      'Capaian output derived from records = mean over the ROs with a volume target of min(realised / target, 1) x 100, computed exactly and rounded half-up to 2 decimals; null without any target',
  })
  derivedScore!: number | null;

  @Field(() => Int, { description: 'ROs with a volume target that the mean is taken over (jumlah RO)' })
  outputs!: number;

  @Field(() => Int, { description: 'ROs that reached their target (RO tercapai)' })
  outputsAchieved!: number;

  @Field(() => Int, {
    nullable: true,
    description: "Weight (bobot) in percent of the Capaian Output component in the year's IKPA; null when not defined",
  })
  ikpaWeight!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The Capaian Output component score as recorded from OMSPAN (nilai komponen); null where the source gives only the IKPA total',
  })
  recordedScore!: number | null;

  @Field(() => Float, { nullable: true, description: 'IKPA as published (total), unchanged by this derivation' })
  publishedIkpaScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'IKPA recomputed from the recorded component scores with Capaian Output replaced by derivedScore (sum of weight x score / 100, half-up to 2 decimals); null unless every component score is recorded',
  })
  ikpaWithDerivedScore!: number | null;
}
