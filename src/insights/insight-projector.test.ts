import { describe, expect, it } from 'vitest';
import type { BusEvent } from '../realtime/event-bus.js';
import type { Storage } from '../storage/ports.js';
import { createInsightProjector } from './insight-projector.js';

/** A store that records which conversations each re-projection read (no sources: nothing to save). */
function recordingStore(log: string[][]) {
  const insights = {
    sources: async (ids: string[]) => {
      log.push([...ids]);
      return [];
    },
    entryCatalogue: async () => new Map(),
    saveProjections: async () => {},
  };
  return { insights } as unknown as Pick<Storage, 'insights'>;
}

const touched = (id: string) => ({ type: 'conversation', conversation: { id } }) as unknown as BusEvent;

describe('insight projector', () => {
  it('re-projects every dirty conversation once, in slices that let other work run between them', async () => {
    const log: string[][] = [];
    const projector = createInsightProjector(recordingStore(log), (err) => {
      throw err;
    });
    const ids = Array.from({ length: 120 }, (_, i) => `c${i}`);
    for (const id of ids) projector.listener(touched(id));
    projector.listener(touched('c0')); // twice dirty, projected once

    let ranBetween = 0;
    const other = () =>
      setImmediate(() => {
        if (log.length > 0 && log.length < 3) ranBetween++;
        if (log.length < 3) other();
      });
    other();
    await projector.flush();

    expect(log.map((slice) => slice.length)).toEqual([50, 50, 20]);
    expect(log.flat().sort()).toEqual([...ids].sort());
    expect(ranBetween).toBeGreaterThan(0);
    await projector.close();
  });
});
