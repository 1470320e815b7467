import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allContracts } from '../src';

/** docs/events.md as operators and consumer authors read it, checked against the contracts in infra/src/contracts. */
const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'events.md'), 'utf8');

/** The catalogue's rows: `| \`subject\` | version | producer | consumers | \`{ field, added? }\` |`. */
function catalogue(): Map<string, { version: number; producer: string; fields: string[] }> {
  const header = doc.indexOf('| subject | version | producer | consumers |');
  expect(header).toBeGreaterThan(-1);
  const rows = doc.slice(header).split('\n').slice(2);
  const table = rows.slice(
    0,
    rows.findIndex((line) => !line.startsWith('|')),
  );
  const entries = new Map<string, { version: number; producer: string; fields: string[] }>();
  for (const row of table) {
    const cells = row
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const [subject, version, producer, , data] = cells;
    const fields = /^`\{ (.*) \}`$/.exec(data ?? '');
    if (!subject || !fields) throw new Error(`catalogue row not understood: ${row}`);
    entries.set(`${subject.replace(/`/g, '')}@${version}`, {
      version: Number(version),
      producer: producer,
      fields: fields[1].split(', '),
    });
  }
  return entries;
}

describe('docs/events.md matches the event contracts', () => {
  const rows = catalogue();

  it('lists every contract with its version, producer and fields (added ones marked ?), and nothing else', () => {
    const fromContracts = new Map(
      allContracts.map((c) => [
        `${c.subject}@${c.version}`,
        {
          version: c.version,
          producer: c.subject.split('.')[0],
          fields: Object.entries(c.fields).map(([name, f]) => (f.optional ? `${name}?` : name)),
        },
      ]),
    );
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(fromContracts));
  });

  it('names no subject that has no contract', () => {
    const subjects = new Set(allContracts.map((c) => c.subject));
    const named = [...doc.matchAll(/`((?:training|budget|performance)\.[a-z-]+\.[a-z-]+)`/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(allContracts.length);
    expect(named.filter((s) => !subjects.has(s))).toEqual([]);
  });

  it("mentions every field in its producer's section", () => {
    for (const c of allContracts) {
      const row = doc
        .split('\n')
        .find((line) => line.startsWith(`| \`${c.subject}\` |`) && !/^\| `[^`]+` \| \d+ \|/.test(line));
      expect(row).toBeDefined();
      // `date` of training payloads and `provenance` of every fact are described once, above the catalogue.
      const missing = Object.keys(c.fields).filter(
        (name) =>
          !row!.includes(`\`${name}\``) &&
          !(name === 'date' && c.subject.startsWith('training.')) &&
          name !== 'provenance',
      );
      expect({ subject: c.subject, missing }).toEqual({ subject: c.subject, missing: [] });
    }
  });
});
