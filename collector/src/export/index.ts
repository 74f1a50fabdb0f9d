// The export's pure-Node surface (no native module): what the editor's
// "Export my trajectories" and the codetrail-export command share.
export { exportDataset, writeCard, trajectoryRecord, type TrajectoryRecord } from './pipeline';
export { verifyExport, formatProblem, type VerifyReport, type VerifyProblem } from './verify';
export { terminalProgress } from './progress';
export { pseudonymize } from './pseudonym';
export { labelTrajectory, type EventLabel, type StepLabel, type RunLabel, type LabelSummary } from './labels/label';
export type { ExportFilter, ExportOptions, ExportSource, ExportSummary, StoredEvent, ExclusionCounts, ShardInfo } from './types';
