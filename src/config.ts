// The only module that reads the environment (DESIGN convention 8): read and validated once, then frozen.
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  /** HTTP port (0 picks a free one). */
  port: number;
  host: string;
  /** Folder for the SQLite file and the server's keys. */
  dataDir: string;
  /** postgres://… to use PostgreSQL instead of the embedded SQLite. */
  databaseUrl: string | undefined;
  /** redis://… to share realtime events between several server instances. */
  redisUrl: string | undefined;
  /** Seed the demo KB and demo accounts on first start (empty database). */
  seedDemo: boolean;
  /** Password of the demo accounts; random (printed once) when unset. */
  demoPassword: string | undefined;
  logLevel: LogLevel;
  /** Hours an agent/admin session lasts. */
  sessionHours: number;
  /** Largest accepted request body, bytes. */
  bodyLimit: number;
  /** Customer messages allowed per conversation per minute. */
  messageRateLimit: number;
  /** Folder with the built web apps. */
  webDir: string;
  /** Set Secure on cookies (behind HTTPS). */
  secureCookies: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function intIn(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${key} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${key} must be true or false, got "${env[key]}"`);
}

function url(env: Env, key: string, schemes: string[]): string | undefined {
  const raw = env[key];
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${key} is not a valid URL`);
  }
  if (!schemes.includes(parsed.protocol)) throw new ConfigError(`${key} must start with ${schemes.join(' or ')}`);
  return raw;
}

const rootFrom = (here: string) => (path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '..', '..') : path.resolve(here, '..'));

/** The repository (or installed package) root, whether running from src/ (tsx) or dist/. */
export const PACKAGE_ROOT = rootFrom(path.dirname(new URL(import.meta.url).pathname));

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Readonly<Config> {
  const level = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(level)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const config: Config = {
    port: intIn(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.ZHIDA_DATA_DIR || path.join(PACKAGE_ROOT, 'data')),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    seedDemo: bool(env, 'ZHIDA_SEED_DEMO', true),
    demoPassword: env.ZHIDA_DEMO_PASSWORD || undefined,
    logLevel: level,
    sessionHours: intIn(env, 'ZHIDA_SESSION_HOURS', 12, 1, 24 * 30),
    bodyLimit: intIn(env, 'ZHIDA_BODY_LIMIT', 64 * 1024, 1024, 50 * 1024 * 1024),
    messageRateLimit: intIn(env, 'ZHIDA_MESSAGE_RATE_LIMIT', 30, 1, 10_000),
    webDir: path.resolve(env.ZHIDA_WEB_DIR || path.join(PACKAGE_ROOT, 'dist', 'web')),
    secureCookies: bool(env, 'ZHIDA_SECURE_COOKIES', false),
    ...overrides,
  };
  if (config.demoPassword !== undefined && config.demoPassword.length < 6) {
    throw new ConfigError('ZHIDA_DEMO_PASSWORD must be at least 6 characters');
  }
  return Object.freeze(config);
}
