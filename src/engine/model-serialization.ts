// Moves a trained model between threads or processes: the server trains in a worker thread and
// posts the model to the main thread (structured clone keeps typed arrays as they are).
import { TrainedModel, type ModelData } from './answer-model.js';
import type { AnswerModel } from './types.js';

export type SerializedModel = ModelData;

export function exportModel(model: AnswerModel): SerializedModel {
  if (!(model instanceof TrainedModel))
    throw new TypeError('exportModel: not a model made by trainModel/importModel');
  return model.data;
}

export function importModel(serialized: SerializedModel): AnswerModel {
  if (serialized?.format !== 'zhida-answer-model' || serialized.version !== 3) {
    throw new TypeError('importModel: not a serialized Zhida answer model (format/version mismatch)');
  }
  return new TrainedModel(serialized);
}
