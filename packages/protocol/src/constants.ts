// The schema's version and the sizes the collection service accepts: plain values, no validator.

export const SCHEMA_VERSION = 1 as const;

/** Sizes the collection service will accept; the extension stays well inside them. */
export const LIMITS = {
  maxPathLength: 1024,
  maxDiffLength: 4 * 1024 * 1024,
  maxBaselineLength: 4 * 1024 * 1024,
  maxTextField: 64 * 1024,
} as const;

export const CONSENT_STATES = ['recording', 'paused', 'pending', 'exempt', 'off'] as const;

export const PROVENANCE_LABELS = [
  'typed',
  'deletion',
  'paste',
  'completion',
  'undo',
  'redo',
  'multi-cursor',
  'format',
  'external',
  'unknown',
] as const;

/**
 * The one spelling of an id: UUIDs compare case-insensitively, so the service keeps them in
 * lower case and an upper-cased copy names the same event or session.
 */
export function canonicalId(id: string): string {
  return id.toLowerCase();
}
