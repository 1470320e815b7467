import { Field, ObjectType } from 'type-graphql';
import { EnrollmentStatus, Predicate } from '../enrollment/enrollment.type';

@ObjectType({
  description:
    'What a public verifier of a training certificate (verifikasi sertifikat) may see: nothing that identifies the holder beyond the masked name',
})
export class CertificateVerification {
  @Field({ description: 'Certificate number (nomor sertifikat) as printed' })
  number!: string;

  @Field({ description: 'Holder name with all but the first letter of each word masked, e.g. S*** R****' })
  holderName!: string;

  @Field({ description: 'Programme code, e.g. PPM' })
  programmeCode!: string;

  @Field({ description: 'Programme name (nama pelatihan)' })
  programmeName!: string;

  @Field({ description: 'First day of the class (tanggal mulai), YYYY-MM-DD' })
  classStartDate!: string;

  @Field({ description: 'Last day of the class (tanggal selesai), YYYY-MM-DD' })
  classEndDate!: string;

  @Field({ description: 'Code of the issuing unit, e.g. BBPPKS-PADANG' })
  unitCode!: string;

  @Field({ description: 'Name of the issuing unit (penerbit)' })
  unitName!: string;

  @Field(() => EnrollmentStatus, {
    description: 'Status of the enrollment the certificate was issued for; GRADUATED means the certificate stands',
  })
  status!: EnrollmentStatus;

  @Field(() => Predicate, { description: 'Graduation predicate (predikat) stated on the certificate' })
  predicate!: Predicate;

  @Field({ description: 'Day of issue (tanggal terbit), YYYY-MM-DD' })
  issuedOn!: string;
}
