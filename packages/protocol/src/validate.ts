// '@codetrail/protocol/validate': the schema's validators (zod), for the collection service,
// the export and tests. The extension does not load them.
export {
  validateEvent,
  TrajectoryEvent as TrajectoryEventSchema,
  ConsentStamp as ConsentStampSchema,
  Provenance as ProvenanceSchema,
} from './schema';
