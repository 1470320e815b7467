import { ConfigReader, readPlatformConfig, resolveSecrets } from '@kesos/infra';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

interface NikKeys {
  encryption: Buffer;
  hashing: Buffer;
}

let keys: NikKeys | undefined;

/**
 * Both keys are derived (HKDF-SHA256) from the platform's personal-data key: PERSONAL_DATA_KEY
 * when configured, otherwise the development key file, the same resolution the runtime uses.
 * Rotating it needs a re-encryption of the participant table; the other secrets rotate freely.
 */
function nikKeys(): NikKeys {
  if (!keys) {
    const secret = resolveSecrets(readPlatformConfig(new ConfigReader())).personalDataKey;
    const derive = (info: string) =>
      Buffer.from(hkdfSync('sha256', secret, 'kesos-training-participant-nik', info, 32));
    keys = { encryption: derive('nik-aes-256-gcm'), hashing: derive('nik-hmac-sha256') };
  }
  return keys;
}

const CIPHER_VERSION = 'v1';

/** `v1.` + base64(iv | tag | ciphertext); the version leaves room for a later key. */
export function encryptNik(nik: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', nikKeys().encryption, iv);
  const body = Buffer.concat([cipher.update(nik, 'utf8'), cipher.final()]);
  return `${CIPHER_VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

export function decryptNik(stored: string): string {
  const [version, payload] = stored.split('.');
  if (version !== CIPHER_VERSION || !payload) throw new Error(`unknown NIK cipher version ${version}`);
  const raw = Buffer.from(payload, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', nikKeys().encryption, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** Keyed, so that the 16-digit space cannot be hashed through to recover NIKs from a dump. */
export const hashNik = (nik: string): string => createHmac('sha256', nikKeys().hashing).update(nik).digest('hex');

/** Region code (4 digits) and serial (4 digits) stay; birth date and district are hidden. */
export const maskNik = (nik: string): string => `${nik.slice(0, 4)}********${nik.slice(12)}`;
