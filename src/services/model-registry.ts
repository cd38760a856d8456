// Holds the live answer model, trained on the published KB version (never the draft). A publish trains a
// new model in the background while the previous one keeps answering; the swap is atomic and each
// decision records the KB version it used.
import type { AnswerModel, KbEntry, KnowledgeBase } from '../engine/types.js';
import type { KbRepository } from '../storage/ports.js';
import { kbAt } from './kb-document.js';

export interface ActiveModel {
  model: AnswerModel;
  kbVersion: number;
  entries: ReadonlyMap<string, KbEntry>;
  trainedMs: number;
}

/** Trains a model from a KB, possibly off the main thread. */
export type Trainer = (kb: KnowledgeBase) => Promise<AnswerModel>;

export interface ModelRegistry {
  current(): ActiveModel;
  /** Retrains from the published KB version; concurrent calls coalesce into at most one more run. */
  reload(): Promise<ActiveModel>;
  /**
   * Answers from a model already trained on KB version `kbVersion` (a publish trained it for its
   * regression run) instead of training it again; ignored if a newer version answers already.
   */
  adopt(trained: ActiveModel): ActiveModel;
}

export async function createModelRegistry(
  kb: KbRepository,
  train: Trainer,
  clock: () => number,
  onTrained: (active: ActiveModel) => void = () => {},
): Promise<ModelRegistry> {
  const build = async (): Promise<ActiveModel> => {
    const [version, meta] = await Promise.all([kb.publishedVersion(), kb.meta()]);
    const { entries, negatives } = (await kb.contentAt(version)) ?? { entries: [], negatives: [] };
    const started = clock();
    const model = await train(kbAt(meta, entries, negatives));
    return {
      model,
      kbVersion: version,
      entries: new Map(entries.map((e) => [e.id, e])),
      trainedMs: clock() - started,
    };
  };

  let active = await build();
  let running: Promise<ActiveModel> | null = null;
  let again = false;

  // Never replace a model with one trained on an older KB version.
  const install = (next: ActiveModel) => {
    if (next.kbVersion < active.kbVersion) return;
    active = next;
    onTrained(active);
  };

  const run = async (): Promise<ActiveModel> => {
    do {
      again = false;
      install(await build());
    } while (again);
    return active;
  };

  return {
    current: () => active,
    reload() {
      if (running) {
        again = true;
        return running;
      }
      running = run().finally(() => {
        running = null;
      });
      return running;
    },
    adopt(trained) {
      install(trained);
      return active;
    },
  };
}
