import { assertCanRead, assertCanWrite, parseCaller, signIdentity, signJwt, verifyIdentity, verifyJwt } from '../src';

describe('tokens and callers', () => {
  const secret = 'unit-test-secret';

  it('round-trips a token and refuses tampering, other keys and expiry', () => {
    const token = signJwt({ sub: 'a', role: 'viewer', unit: 'BBPPKS-PADANG' }, secret, 60);
    expect(verifyJwt(token, secret)).toMatchObject({ sub: 'a', role: 'viewer', unit: 'BBPPKS-PADANG' });
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'a', role: 'admin', exp: 9e9 })).toString('base64url');
    expect(() => verifyJwt(`${h}.${forged}.${s}`, secret)).toThrow('signature');
    expect(() => verifyJwt(token, 'other')).toThrow('signature');
    expect(() => verifyJwt(signJwt({ role: 'admin' }, secret, -1), secret)).toThrow('expired');
    expect(() => verifyJwt(`${h}.${p}`, secret)).toThrow('not a JWT');
  });

  it('requires a unit for unit-bound roles and scopes reads and writes', () => {
    expect(() => parseCaller({ role: 'operator' })).toThrow('must name its unit');
    expect(() => parseCaller({ role: 'root' })).toThrow('role must be one of');
    expect(() => parseCaller({ role: 'public' })).toThrow('role must be one of');
    const viewer = parseCaller({ sub: 'v', role: 'viewer', unit: 'BBPPKS-PADANG' });
    const operator = parseCaller({ sub: 'o', role: 'operator', unit: 'BBPPKS-PADANG' });
    const analyst = parseCaller({ sub: 'x', role: 'analyst' });
    expect(() => assertCanRead(viewer, 'BBPPKS-PADANG')).not.toThrow();
    expect(() => assertCanRead(viewer, 'BBPPKS-BANDUNG')).toThrow(
      'a viewer of BBPPKS-PADANG reads only the records of BBPPKS-PADANG',
    );
    expect(() => assertCanRead(analyst, 'BBPPKS-BANDUNG')).not.toThrow();
    expect(() => assertCanWrite(viewer, 'BBPPKS-PADANG')).toThrow('cannot change');
    expect(() => assertCanWrite(analyst, 'BBPPKS-PADANG')).toThrow('cannot change');
    expect(() => assertCanWrite(operator, 'BBPPKS-BANDUNG')).toThrow(
      'an operator of BBPPKS-PADANG changes only the records of BBPPKS-PADANG',
    );
    expect(() => assertCanWrite(operator, 'BBPPKS-PADANG')).not.toThrow();
  });

  it('verifies the identity header the gateway signs', () => {
    const caller = parseCaller({ sub: 'o', role: 'operator', unit: 'BBPPKS-PADANG' });
    const header = signIdentity({ caller, requestId: 'r1' }, secret);
    expect(verifyIdentity(header, secret)).toEqual({ caller, requestId: 'r1' });
    expect(() => verifyIdentity(undefined, secret)).toThrow('through the gateway');
    expect(() => verifyIdentity(header, 'other')).toThrow('not valid');
  });
});
