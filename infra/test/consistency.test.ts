import { compareNumbers, ConsistencyVerdict, countVerdicts, judgeCatalogue, plain, type PrintedFigure } from '../src';

const printed = (key: string, reads: string | null, why?: PrintedFigure['why']): PrintedFigure => ({
  key,
  chapter: 'III',
  table: 't',
  row: 'r',
  label: 'l',
  printed: reads ?? 'a formula',
  reads,
  why,
});

describe('printed against derived', () => {
  it.each([
    ['84.65', '84.65', ConsistencyVerdict.MATCHES],
    ['100', '100', ConsistencyVerdict.MATCHES],
    ['85', '84.65', ConsistencyVerdict.ROUNDING],
    ['115.95', '115.96', ConsistencyVerdict.ROUNDING],
    ['37.12', '37.128', ConsistencyVerdict.ROUNDING],
    ['101.5', '101.46', ConsistencyVerdict.ROUNDING],
    ['110.70', '110.72', ConsistencyVerdict.CONTRADICTION],
    ['12', '15.96', ConsistencyVerdict.CONTRADICTION],
    ['2', '3', ConsistencyVerdict.CONTRADICTION],
    ['6056979.00', '6056979000', ConsistencyVerdict.CONTRADICTION],
    ['8118932961', '8118932962', ConsistencyVerdict.CONTRADICTION],
  ])('printed %s against derived %s: %s', (reads, derived, verdict) => {
    expect(compareNumbers(reads, derived)).toBe(verdict);
  });

  it('writes derived numbers plainly', () => {
    expect([plain(8179753000), plain(84.649999), plain(55.824, 3), plain(null), plain(Infinity)]).toEqual([
      '8179753000',
      '84.65',
      '55.824',
      null,
      null,
    ]);
  });

  it('judges a catalogue by measure, prefers its own reason, and reinterprets or finds nothing where the rule says', () => {
    const figures = judgeCatalogue(
      [
        printed('a', '85', { [ConsistencyVerdict.ROUNDING]: 'the text rounds 84.65' }),
        { ...printed('b', '84.65'), measure: 'a' },
        printed('formula', null),
        printed('missing', '0'),
      ],
      new Map([
        ['a', { value: '84.65', rule: 'accredited / assessed x 100' }],
        ['formula', { value: '91.60', rule: 'Permenpan', reinterpreted: 'the regulation, not the printed formula' }],
      ]),
    );
    expect(figures.map((f) => [f.key, f.verdict, f.derived, f.reason])).toEqual([
      ['a', 'ROUNDING', '84.65', 'the text rounds 84.65'],
      ['b', 'MATCHES', '84.65', 'The records give the printed value'],
      ['formula', 'REINTERPRETED', '91.60', 'the regulation, not the printed formula'],
      ['missing', 'NOT_DERIVABLE', null, 'No record in the graph gives this figure'],
    ]);
    expect(countVerdicts(figures)).toEqual({
      matches: 1,
      rounding: 1,
      contradiction: 0,
      reinterpreted: 1,
      notDerivable: 1,
    });
  });

  it('refuses a printed formula that no reinterpretation answers', () => {
    expect(() => judgeCatalogue([printed('f', null)], new Map([['f', { value: '1', rule: 'r' }]]))).toThrow(
      /states no number/,
    );
  });
});
