// The server's Ed25519 transcript key: generation, loading from PEM, and its fingerprint (SHA-256 of the
// public key's DER SubjectPublicKeyInfo, lowercase hex), the value people compare with the published one.
// With a passphrase the private key is kept as encrypted PKCS#8 (PBES2, AES-256-CBC): a copy of the
// database alone then cannot sign a forged transcript.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

export interface SigningKey {
  privateKey: KeyObject;
  publicKeyPem: string;
  fingerprint: string;
}

export interface KeyPairPem {
  publicKeyPem: string;
  privateKeyPem: string;
  fingerprint: string;
}

/** A stored key that cannot be opened: encrypted without a passphrase given, or with another one. */
export class KeyPassphraseError extends Error {
  override readonly name = 'KeyPassphraseError';
}

const exportPrivate = (key: KeyObject, passphrase: string | undefined): string =>
  key
    .export({
      type: 'pkcs8',
      format: 'pem',
      ...(passphrase ? { cipher: 'aes-256-cbc', passphrase } : {}),
    })
    .toString();

export const isEncryptedPem = (pem: string): boolean => pem.includes('BEGIN ENCRYPTED PRIVATE KEY');

/** A new key pair; the private key encrypted with `passphrase` when one is given. */
export function generateSigningKeyPair(passphrase?: string): KeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: exportPrivate(privateKey, passphrase),
    fingerprint: fingerprintOf(publicKey),
  };
}

function openPrivateKey(pem: string, passphrase: string | undefined): KeyObject {
  if (isEncryptedPem(pem) && !passphrase)
    throw new KeyPassphraseError('the transcript key is stored encrypted: set ZHIDA_KEY_PASSPHRASE');
  try {
    return createPrivateKey({ key: pem, format: 'pem', ...(passphrase ? { passphrase } : {}) });
  } catch (err) {
    if (isEncryptedPem(pem))
      throw new KeyPassphraseError('ZHIDA_KEY_PASSPHRASE does not open the stored transcript key');
    throw err;
  }
}

/** The same private key as encrypted PKCS#8 PEM (for a key stored before a passphrase was set). */
export function encryptPrivateKeyPem(pem: string, passphrase: string): string {
  return exportPrivate(openPrivateKey(pem, undefined), passphrase);
}

export function signingKeyFromPem(pair: Pick<KeyPairPem, 'privateKeyPem'>, passphrase?: string): SigningKey {
  const privateKey = openPrivateKey(pair.privateKeyPem, passphrase);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the transcript key is not an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(publicKey),
  };
}

/** Parses a PEM public key (or the public half of a PEM private key); throws when it is not Ed25519. */
export function ed25519PublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 key (${key.asymmetricKeyType})`);
  return key;
}

export function fingerprintOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/** The fingerprint in groups of four for reading aloud and comparing by eye. */
export const formatFingerprint = (fingerprint: string): string =>
  fingerprint.match(/.{1,4}/g)?.join(' ') ?? '';
