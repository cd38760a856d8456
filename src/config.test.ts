import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('takes a key passphrase of 12 characters or more, and refuses a shorter one at start-up', () => {
    expect(loadConfig({}).keyPassphrase).toBeUndefined();
    expect(loadConfig({ ZHIDA_KEY_PASSPHRASE: 'twelve chars' }).keyPassphrase).toBe('twelve chars');
    expect(() => loadConfig({ ZHIDA_KEY_PASSPHRASE: 'too short' })).toThrow(ConfigError);
    expect(() => loadConfig({ ZHIDA_KEY_PASSPHRASE: 'too short' })).toThrow('at least 12 characters');
  });
});
