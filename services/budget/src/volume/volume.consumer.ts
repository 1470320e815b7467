import { accreditationDecidedV1, atensiCaseClosedV1, certificationAssessedV1, consumerOf } from '@kesos/infra';
import { countTrainingRecord } from './volume.service';
import { VolumeSource } from './volume.entity';

/**
 * The RO counts LKS that went through accreditation (the unit is "LKS"), accredited or not: one per
 * institution and year however often a decision about it is reported.
 */
export const accreditationVolumeConsumer = consumerOf(
  accreditationDecidedV1,
  'output-volume-accreditation',
  (event, m) => countTrainingRecord(m, event, VolumeSource.ACCREDITATION, `lks:${event.data.institutionId}`, 1),
);

/**
 * The RO counts people who went through certification (the unit is "orang"), competent or not: a
 * candidate re-assessed in the same year counts once. Events from before candidateId was added
 * name only the assessment, so each of those counts as a person.
 */
export const certificationVolumeConsumer = consumerOf(
  certificationAssessedV1,
  'output-volume-certification',
  (event, m) =>
    countTrainingRecord(
      m,
      event,
      VolumeSource.CERTIFICATION,
      event.data.candidateId === null || event.data.candidateId === undefined
        ? `assessment:${event.data.assessmentId}`
        : `person:${event.data.candidateId}`,
      1,
    ),
);

/**
 * The social-service RO counts people (the unit is "orang"): each served case adds the people it
 * served, once per case. A case closed unserved delivered no output and adds nothing.
 */
export const atensiVolumeConsumer = consumerOf(atensiCaseClosedV1, 'output-volume-atensi', async (event, m) => {
  if (!event.data.served || event.data.peopleServed <= 0) return;
  await countTrainingRecord(m, event, VolumeSource.ATENSI, `case:${event.data.caseId}`, event.data.peopleServed);
});
