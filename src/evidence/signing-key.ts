// The server's Ed25519 transcript key: generation, loading from PEM, and its fingerprint (SHA-256 of the
// public key's DER SubjectPublicKeyInfo, lowercase hex), the value people compare with the published one.
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

export function generateSigningKeyPair(): KeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(publicKey),
  };
}

export function signingKeyFromPem(pair: Pick<KeyPairPem, 'privateKeyPem'>): SigningKey {
  const privateKey = createPrivateKey(pair.privateKeyPem);
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
