// Attention without an audio file: a short WebAudio beep, and a desktop notification (Notification API)
// when the console is in the background. Both can be switched off; the choice is remembered.
import { readJson, writeJson } from '../shared/storage.js';

const SOUND_KEY = 'zhida.console.sound';

export type NotifyPermission = NotificationPermission | 'unsupported';

export class Alerts {
  private audio: AudioContext | null = null;
  private readonly listeners = new Set<() => void>();
  sound = readJson<boolean>(SOUND_KEY) ?? true;

  constructor() {
    // Browsers only let a page make sound after a user gesture: unlock the audio on the first one.
    const unlock = () => {
      this.context()
        ?.resume()
        .catch(() => undefined);
    };
    window.addEventListener('pointerdown', unlock, { once: true, capture: true });
    window.addEventListener('keydown', unlock, { once: true, capture: true });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  get permission(): NotifyPermission {
    return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
  }

  setSound(on: boolean): void {
    this.sound = on;
    writeJson(SOUND_KEY, on);
    this.changed();
    if (on) this.beep();
  }

  /** Asks for permission to show desktop notifications (call from a click). */
  async requestPermission(): Promise<void> {
    if (typeof Notification === 'undefined') return;
    try {
      await Notification.requestPermission();
    } finally {
      this.changed();
    }
  }

  private context(): AudioContext | null {
    if (this.audio) return this.audio;
    const Ctor = window.AudioContext;
    if (typeof Ctor !== 'function') return null;
    try {
      this.audio = new Ctor();
    } catch {
      return null;
    }
    return this.audio;
  }

  /** Two short rising tones, quiet enough for an open-plan office. */
  beep(): void {
    if (!this.sound) return;
    const audio = this.context();
    if (!audio) return;
    try {
      const start = audio.currentTime + 0.01;
      [660, 880].forEach((frequency, i) => {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        const at = start + i * 0.14;
        oscillator.type = 'sine';
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.18, at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.12);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(at);
        oscillator.stop(at + 0.13);
      });
    } catch {
      // No sound is better than a broken console.
    }
  }

  /** A desktop notification, only while the console is hidden (otherwise the UI itself shows it). */
  notify(title: string, body: string, tag: string, onClick?: () => void): void {
    if (!document.hidden || this.permission !== 'granted') return;
    try {
      const notification = new Notification(title, { body, tag, lang: document.documentElement.lang });
      notification.onclick = () => {
        window.focus();
        onClick?.();
        notification.close();
      };
    } catch {
      // Some platforms only allow notifications from a service worker.
    }
  }
}
