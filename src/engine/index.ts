// Public surface of the answer engine (pure: no I/O, no clock, no environment).
export type * from './types.js';
export { trainModel } from './train-model.js';
export { exportModel, importModel, type SerializedModel } from './model-serialization.js';
export { normalizeText } from './normalize-text.js';
export { validateKnowledgeBase, type KbValidationError, type KbValidationResult } from './kb-validation.js';
