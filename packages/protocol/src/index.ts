// @codetrail/protocol: what the extension, the collection service and the dataset share — the
// versioned event schema's types and constants, the OTLP mapping, hashing, the workspace id,
// replay, and the control-plane types. Nothing here loads a validator; the schema's validators
// are in '@codetrail/protocol/validate'.
export * from './constants';
export type {
  BaselineEvent,
  ConsentStamp,
  ConsentStateName,
  EditEvent,
  EventBody,
  EventKind,
  GapEvent,
  Provenance,
  ProvenanceLabel,
  TrajectoryEvent,
  ValidationResult,
} from './schema';
export * from './hash';
export * from './otlp';
export * from './replay';
export * from './workspace';
export * from './control';
