// The only module that reads the environment (DESIGN convention 8): read and validated once, then frozen.
import path from 'node:path';
import { buildSlaPolicy, type SlaPolicy } from './domain/sla.js';
import { parseBusinessHours } from './domain/business-hours.js';

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
  /** Requests allowed per client IP per minute, all routes together. */
  requestRateLimit: number;
  /** Folder with the built web apps. */
  webDir: string;
  /** Set Secure on cookies (behind HTTPS). */
  secureCookies: boolean;
  /** Encrypts the transcript signing key stored in the database (ZHIDA_KEY_PASSPHRASE). */
  keyPassphrase: string | undefined;
  /** Complaint SLA targets per priority and the at-risk share. */
  sla: SlaPolicy;
  handoff: HandoffConfig;
  routing: RoutingConfig;
}

export interface HandoffConfig {
  /** Enabled triggers: request, legal, complaint, anger, sensitive, misses. */
  triggers: ReadonlySet<string>;
  maxMisses: number;
  angerThreshold: number;
  /** Care-mode customers skip the bot entirely. */
  careStraightToHuman: boolean;
}

export interface RoutingConfig {
  /** "always", "09:00-22:00" or "mon-fri 09:00-18:00; sat 10:00-16:00". */
  businessHours: string;
  /** Minutes east of UTC for business hours (480 = UTC+8). */
  utcOffsetMinutes: number;
  /** Waiting this long is worth one priority class. */
  agingMs: number;
  /** After this long, a chat may go to an agent of any skill group. */
  skillFallbackMs: number;
  /** Default concurrent chats per agent. */
  agentCapacity: number;
  /** KB category → skill group. */
  skillGroups: ReadonlyMap<string, string>;
  /** An agent without a heartbeat for this long is offline (their chats go back to the queue front). */
  heartbeatTimeoutMs: number;
  /** Care-mode customers get queue priority. */
  carePriority: boolean;
  /** Assign waiting chats to free agents automatically. */
  autoAssign: boolean;
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
  if (!schemes.includes(parsed.protocol))
    throw new ConfigError(`${key} must start with ${schemes.join(' or ')}`);
  return raw;
}

const rootFrom = (here: string) =>
  path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '..', '..') : path.resolve(here, '..');

/** The repository (or installed package) root, whether running from src/ (tsx) or dist/. */
export const PACKAGE_ROOT = rootFrom(path.dirname(new URL(import.meta.url).pathname));

const TRIGGERS = ['request', 'legal', 'complaint', 'anger', 'sensitive', 'misses'];
const DEFAULT_SKILL_GROUPS =
  '售后=退货退款,换货,保修,投诉建议;物流=物流,订单;支付=支付,发票,优惠券,会员,账户';

function skillGroups(raw: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of raw
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [group, categories] = part.split('=');
    if (!group?.trim() || !categories?.trim())
      throw new ConfigError(`ZHIDA_SKILL_GROUPS: "${part}" is not like "售后=退货退款,换货"`);
    for (const category of categories.split(',')) map.set(category.trim(), group.trim());
  }
  return map;
}

function utcOffset(raw: string | undefined): number {
  if (!raw) return 480;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(raw.trim());
  if (!match) throw new ConfigError(`ZHIDA_UTC_OFFSET must look like +08:00, got "${raw}"`);
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

function triggers(raw: string | undefined): Set<string> {
  if (raw === undefined) return new Set(TRIGGERS);
  const chosen = raw
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const unknown = chosen.filter((t) => !TRIGGERS.includes(t));
  if (unknown.length > 0)
    throw new ConfigError(
      `ZHIDA_HANDOFF_TRIGGERS: unknown ${unknown.join(', ')} (known: ${TRIGGERS.join(', ')})`,
    );
  return new Set(chosen);
}

function slaPolicy(env: Env): SlaPolicy {
  const built = buildSlaPolicy({
    firstResponseMinutes: env.ZHIDA_SLA_FIRST_RESPONSE_MINUTES,
    resolutionHours: env.ZHIDA_SLA_RESOLUTION_HOURS,
    atRiskPercent: intIn(env, 'ZHIDA_SLA_AT_RISK_PERCENT', 25, 1, 99),
  });
  if (!built.ok)
    throw new ConfigError(`ZHIDA_SLA_FIRST_RESPONSE_MINUTES / ZHIDA_SLA_RESOLUTION_HOURS: ${built.error}`);
  return built.policy;
}

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
    requestRateLimit: intIn(env, 'ZHIDA_REQUEST_RATE_LIMIT', 600, 10, 10_000_000),
    webDir: path.resolve(env.ZHIDA_WEB_DIR || path.join(PACKAGE_ROOT, 'dist', 'web')),
    secureCookies: bool(env, 'ZHIDA_SECURE_COOKIES', false),
    keyPassphrase: env.ZHIDA_KEY_PASSPHRASE || undefined,
    sla: slaPolicy(env),
    handoff: {
      triggers: triggers(env.ZHIDA_HANDOFF_TRIGGERS),
      maxMisses: intIn(env, 'ZHIDA_MAX_MISSES', 2, 1, 10),
      angerThreshold: intIn(env, 'ZHIDA_ANGER_THRESHOLD', 2, 1, 10),
      careStraightToHuman: bool(env, 'ZHIDA_CARE_STRAIGHT_TO_HUMAN', false),
    },
    routing: {
      businessHours: env.ZHIDA_BUSINESS_HOURS || 'always',
      utcOffsetMinutes: utcOffset(env.ZHIDA_UTC_OFFSET),
      agingMs: intIn(env, 'ZHIDA_QUEUE_AGING_SECONDS', 300, 1, 86_400) * 1000,
      skillFallbackMs: intIn(env, 'ZHIDA_SKILL_FALLBACK_SECONDS', 120, 0, 86_400) * 1000,
      agentCapacity: intIn(env, 'ZHIDA_AGENT_CAPACITY', 5, 1, 100),
      skillGroups: skillGroups(env.ZHIDA_SKILL_GROUPS ?? DEFAULT_SKILL_GROUPS),
      heartbeatTimeoutMs: intIn(env, 'ZHIDA_HEARTBEAT_TIMEOUT_SECONDS', 60, 5, 3600) * 1000,
      carePriority: bool(env, 'ZHIDA_CARE_PRIORITY', true),
      autoAssign: bool(env, 'ZHIDA_AUTO_ASSIGN', true),
    },
    ...overrides,
  };
  try {
    parseBusinessHours(config.routing.businessHours, config.routing.utcOffsetMinutes);
  } catch (err) {
    throw new ConfigError(`ZHIDA_BUSINESS_HOURS: ${(err as Error).message}`);
  }
  if (config.keyPassphrase !== undefined && config.keyPassphrase.length < 12) {
    throw new ConfigError('ZHIDA_KEY_PASSPHRASE must be at least 12 characters');
  }
  if (config.demoPassword !== undefined && config.demoPassword.length < 6) {
    throw new ConfigError('ZHIDA_DEMO_PASSWORD must be at least 6 characters');
  }
  return Object.freeze(config);
}
