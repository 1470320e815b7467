import {
  accreditationDecidedV1,
  allContracts,
  atensiCaseClosedV1,
  certificationAssessedV1,
  classClosedV1,
  type DomainEvent,
  enrollmentGraduatedV1,
  type EventContract,
  EventContractError,
  monitoringAssessedV1,
  performanceScoredV1,
  realizationRecordedV1,
  unitRegisteredV1,
} from '../src';

/** A payload each producer publishes today (the seed's and the mutations' shape), with every added field. */
const valid = new Map<EventContract<unknown>, Record<string, unknown>>([
  [unitRegisteredV1, { code: 'BBPPKS-PADANG', name: 'BBPPKS Padang' }],
  [
    enrollmentGraduatedV1,
    {
      enrollmentId: 7,
      classId: 3,
      programmeCode: 'PPPS',
      participantCategory: 'PENDAMPING_PKH',
      year: 2022,
      predicate: 'BAIK',
      budgetOutputCode: '6393.SCM.001',
      indicatorCode: 'SK2.2',
      satkerCode: '690552',
      date: '2022-11-30',
    },
  ],
  [
    classClosedV1,
    {
      classId: 3,
      programmeCode: 'PPPS',
      year: 2022,
      targetParticipants: 40,
      participants: 40,
      graduates: 38,
      indicatorCode: 'SK2.2',
      satkerCode: '690552',
      budgetOutputCode: '6393.SCM.001',
      date: '2022-11-30',
    },
  ],
  [
    monitoringAssessedV1,
    { monitoringId: 1, enrollmentId: 7, year: 2022, hasLifeSkills: true, programmeCode: 'PPM', date: '2022-12-01' },
  ],
  [certificationAssessedV1, { assessmentId: 11, year: 2022, competent: true, candidateId: 5, date: '2022-06-14' }],
  [
    accreditationDecidedV1,
    { assessmentId: 4, institutionId: 9, year: 2022, result: 'B', accredited: true, date: '2022-08-02' },
  ],
  [
    atensiCaseClosedV1,
    { caseId: 2, year: 2022, serviceType: 'RESPON_KASUS', peopleServed: 3, served: true, date: '2022-09-09' },
  ],
  [
    realizationRecordedV1,
    {
      transactionId: 100,
      satkerCode: '690552',
      year: 2022,
      lineId: 8,
      accountCode: '521211',
      amount: -1_500_000,
      date: '2022-12-29',
      documentNumber: 'SP2D-1',
      reversesTransactionId: 99,
    },
  ],
  [
    performanceScoredV1,
    {
      year: 2022,
      smartScore: 93.04,
      ikpaScore: 92.82,
      budgetPerformanceScore: 92.95,
      publishedBudgetPerformanceScore: 92.94,
    },
  ],
]);

const refusal = (contract: EventContract<unknown>, data: unknown): string => {
  try {
    contract.parse(data);
  } catch (error) {
    expect(error).toBeInstanceOf(EventContractError);
    return (error as Error).message;
  }
  throw new Error(`${contract.subject} accepted ${JSON.stringify(data)}`);
};

const without = (data: Record<string, unknown>, name: string) =>
  Object.fromEntries(Object.entries(data).filter(([k]) => k !== name));

it('has a sample for every contract, and one contract per subject and version', () => {
  expect(new Set(valid.keys())).toEqual(new Set(allContracts));
  expect(new Set(allContracts.map((c) => `${c.subject}@${c.version}`)).size).toBe(allContracts.length);
});

describe.each(allContracts.map((c): [string, EventContract<unknown>] => [`${c.subject} v${c.version}`, c]))(
  '%s',
  (_, contract) => {
    const sample = valid.get(contract)!;
    const fields = Object.entries(contract.fields);

    it('accepts what its producer publishes, with and without the added fields, and drops unknown fields', () => {
      expect(contract.parse(sample)).toEqual(sample);
      const original = Object.fromEntries(Object.entries(sample).filter(([name]) => !contract.fields[name].optional));
      expect(contract.parse({ ...original, addedLater: 'x' })).toEqual(original);
    });

    it.each(fields.filter(([, f]) => !f.optional).map(([name]) => name))(
      'refuses a payload without %s, naming it',
      (name) => {
        expect(refusal(contract, without(sample, name))).toBe(`payload field ${name} is missing`);
      },
    );

    it.each(fields.map(([name]) => name))('refuses a wrongly typed %s, naming it and what it must be', (name) => {
      const wrong = typeof sample[name] === 'boolean' ? 'yes' : true;
      expect(refusal(contract, { ...sample, [name]: wrong })).toBe(
        `payload field ${name} must be ${contract.fields[name].expected}`,
      );
    });

    it('refuses a payload that is not an object, and an envelope without a unit', () => {
      expect(refusal(contract, null)).toBe(`payload of ${contract.subject} must be an object`);
      expect(refusal(contract, [sample])).toBe(`payload of ${contract.subject} must be an object`);
      const envelope: DomainEvent = {
        id: 'e-1',
        type: contract.subject,
        unit: null,
        occurredAt: '2022-12-01T00:00:00.000Z',
        version: contract.version,
        data: sample,
      };
      expect(() => contract.parseEvent(envelope)).toThrow(
        new EventContractError(`${contract.subject} e-1 names no unit`),
      );
      expect(contract.parseEvent({ ...envelope, unit: 'BBPPKS-PADANG' })).toEqual({
        ...envelope,
        unit: 'BBPPKS-PADANG',
        data: sample,
      });
    });

    it('builds its events with its subject and version', () => {
      expect(contract.event('BBPPKS-PADANG', sample)).toEqual({
        type: contract.subject,
        version: contract.version,
        unit: 'BBPPKS-PADANG',
        data: sample,
        occurredAt: undefined,
      });
    });
  },
);

describe('field kinds', () => {
  const bad = (contract: EventContract<unknown>, patch: Record<string, unknown>) =>
    refusal(contract, { ...valid.get(contract), ...patch });

  it('ids are whole numbers or non-empty strings', () => {
    expect(
      enrollmentGraduatedV1.parse({ ...valid.get(enrollmentGraduatedV1), enrollmentId: 'enr-1' }).enrollmentId,
    ).toBe('enr-1');
    for (const enrollmentId of ['', 1.5, -0.5, {}])
      expect(bad(enrollmentGraduatedV1, { enrollmentId })).toMatch(/^payload field enrollmentId must be an id/);
  });

  it('years are whole numbers 2000-2100', () => {
    for (const year of [1999, 2101, 2022.5, '2022'])
      expect(bad(accreditationDecidedV1, { year })).toBe('payload field year must be a year 2000-2100');
  });

  it('days are YYYY-MM-DD; an added day may be null or absent', () => {
    for (const date of ['2022-13-01', '2022-06-00', '30/06/2022', 20220630])
      expect(bad(atensiCaseClosedV1, { date })).toBe('payload field date must be a day YYYY-MM-DD or null');
    expect(atensiCaseClosedV1.parse({ ...valid.get(atensiCaseClosedV1), date: null }).date).toBeNull();
    expect(bad(realizationRecordedV1, { date: null })).toBe('payload field date must be a day YYYY-MM-DD');
  });

  it('counts are whole numbers >= 0, amounts whole rupiah of either sign, scores 0-100, texts non-empty', () => {
    expect(bad(classClosedV1, { targetParticipants: -1 })).toBe(
      'payload field targetParticipants must be a whole number >= 0',
    );
    expect(bad(realizationRecordedV1, { amount: 10.5 })).toBe('payload field amount must be a whole number of rupiah');
    expect(bad(performanceScoredV1, { budgetPerformanceScore: 100.01 })).toBe(
      'payload field budgetPerformanceScore must be a number 0-100',
    );
    expect(bad(unitRegisteredV1, { code: '' })).toBe('payload field code must be a non-empty string');
  });
});
