import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { intersects, minVersion, Range, satisfies } from 'semver';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};
const supported = manifest.engines.node;

/** The first version of each Node line `engines` allows (20.19.0, 22.13.0...): the ones most likely refused. */
const lowestOfEachLine = new Range(supported).set.map(
  (comparators) => minVersion(comparators.map((c) => c.value).join(' '))!.version,
);

/** What `npm ci` checks: every installed package's own `engines.node`, against the running Node. */
function refusedBy(node: string): string[] {
  const refused: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    // The project itself (path ''): its engines are the range under test.
    if (path === '') continue;
    // A few old packages list engines as an array, which npm does not check.
    const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
    if (wanted && !satisfies(node, wanted)) refused.push(`${path}@${entry.version ?? ''} wants node ${wanted}`);
  }
  return refused;
}

describe('the supported Node versions (package.json engines)', () => {
  it('are accepted by every package of the lock file, so npm ci prints no EBADENGINE warning', () => {
    expect(lowestOfEachLine.length).toBeGreaterThan(0);
    for (const node of [...lowestOfEachLine, process.versions.node])
      expect({ node, refused: refusedBy(node) }).toEqual({ node, refused: [] });
  });

  it('include the Node the tests run on and the line of every image the Dockerfile builds from', () => {
    expect(satisfies(process.versions.node, supported)).toBe(true);
    const images = [...readFileSync(join(ROOT, 'Dockerfile'), 'utf8').matchAll(/^FROM node:(\d+)\S* AS/gm)];
    expect(images.length).toBeGreaterThan(0);
    for (const [, major] of images) expect(intersects(`${major}.x`, supported)).toBe(true);
  });
});
