// @codetrail/dataset: the export's pure-Node surface (no native module), shared by the
// codetrail-export command and the editor's "Export My Trajectories". The Parquet table
// (DuckDB, a native module) is in '@codetrail/dataset/parquet'.
export { exportDataset, writeCard, trajectoryRecord, type TrajectoryRecord } from './pipeline';
export { DEFAULT_GZIP_LEVEL, DEFAULT_MAX_SHARD_BYTES } from './shards';
export { verifyExport, formatProblem, type VerifyReport, type VerifyProblem } from './verify';
export { terminalProgress } from './progress';
export { pseudonymize } from './pseudonym';
export { labelTrajectory, type EventLabel, type StepLabel, type RunLabel, type LabelSummary } from './labels/label';
export { jsonlSource } from './jsonl-source';
export { checkShape, type EventValidator } from './validation';
export { convertEditPrediction } from './convert/edit-prediction';
export { convertProgSnap2, safeRelativePath } from './convert/progsnap2';
export { listShards, readManifest, readShardLines } from './read';
export type { ExportFilter, ExportOptions, ExportSource, ExportSummary, StoredEvent, ExclusionCounts, ShardInfo } from './types';
