// One event body (the JSON text of a log record) → a validated event and the exact JSON
// text the store keeps. The shared zod schema (src/protocol/schema.ts) stays the one
// definition; for speed it is also compiled, per event kind, into Ajv validators through
// its JSON Schema form, and a body that is already in stored form is kept as sent instead
// of being serialised again. Anything unusual (an unknown field, an invalid event, text
// that is not in stored form) goes through zod exactly as before.
import Ajv, { type ValidateFunction } from 'ajv';
import { z } from 'zod';
import { TrajectoryEventSchema as TrajectoryEvent, validateEvent } from '@codetrail/protocol/validate';

export type EventJsonResult = { ok: true; event: TrajectoryEvent; json: string } | { ok: false; error: string };

type Json = Record<string, unknown>;

/** Code points of a string, a surrogate pair counting once (zod's and Ajv's measure of length). */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

/**
 * Length limits as keywords that count code points only when the UTF-16 length cannot decide
 * (Ajv's own maxLength walks every string, which for a diff costs more than the rest).
 */
function withCheapLengths(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withCheapLengths);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'maxLength') out.maxCodePoints = v;
    else if (k === 'minLength') out.minCodePoints = v;
    // property names are data, not keywords: only their schemas are rewritten
    else if (k === 'properties' && typeof v === 'object' && v !== null) {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, withCheapLengths(sub)]));
    } else out[k] = withCheapLengths(v);
  }
  return out;
}

function compileByKind(): Map<string, ValidateFunction> {
  const ajv = new Ajv({
    // strict mode is about schema authoring; numbers stay strict (no NaN/Infinity), like zod
    strict: false,
    strictNumbers: true,
    // the uuid pattern zod emits is checked; the format name itself needs no plug-in
    validateFormats: false,
    allErrors: false,
  });
  // code points <= UTF-16 units <= 2 x code points
  ajv.addKeyword({
    keyword: 'maxCodePoints',
    type: 'string',
    schemaType: 'number',
    validate: (max: number, s: string) => s.length <= max || codePoints(s) <= max,
  });
  ajv.addKeyword({
    keyword: 'minCodePoints',
    type: 'string',
    schemaType: 'number',
    validate: (min: number, s: string) => s.length >= 2 * min || (s.length >= min && codePoints(s) >= min),
  });
  const byKind = new Map<string, ValidateFunction>();
  for (const variant of TrajectoryEvent.options) {
    // In the output form every object says additionalProperties: false, so an event with a
    // field zod would strip fails here and takes zod's path.
    const js = z.toJSONSchema(variant, { io: 'output' }) as Json;
    delete js.$schema;
    const validate = ajv.compile(withCheapLengths(js) as Json);
    const kind = (js.properties as Record<string, { const?: string; enum?: string[] }>).kind;
    for (const k of kind.const !== undefined ? [kind.const] : (kind.enum ?? [])) byKind.set(k, validate);
  }
  return byKind;
}

let validators: Map<string, ValidateFunction> | undefined;

/** The validators, compiled on first use; a worker asks as it starts, before any request. */
export function prepareEventValidators(): Map<string, ValidateFunction> {
  return (validators ??= compileByKind());
}

/** True when `value` is a valid event with no field outside the schema. */
export function isExactEvent(value: unknown): value is TrajectoryEvent {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as Json).kind;
  const validate = typeof kind === 'string' ? prepareEventValidators().get(kind) : undefined;
  return validate !== undefined && validate(value);
}

/** Keys of a parsed JSON value, nested ones included. */
function keyCount(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (const x of v) n += keyCount(x);
    return n;
  }
  for (const k in v) n += 1 + keyCount((v as Json)[k]);
  return n;
}

/**
 * The keys of a JSON text that JSON.parse accepted, or -1 when the text is not in stored
 * form: whitespace between tokens (so possibly a line break) or a number with an exponent.
 * Strings are skipped with indexOf, so a long diff costs little.
 */
export function storedFormKeys(text: string): number {
  let keys = 0;
  let prev = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      let j = i;
      for (;;) {
        j = text.indexOf('"', j + 1);
        if (j < 0) return -1;
        let slashes = 0;
        while (text.charCodeAt(j - 1 - slashes) === 92 /* \ */) slashes++;
        if ((slashes & 1) === 0) break;
      }
      i = j;
    } else if (c === 58 /* : */) keys++;
    else if (c <= 32) return -1;
    else if ((c === 101 /* e */ || c === 69) /* E */ && prev >= 48 && prev <= 57) return -1;
    prev = c;
  }
  return keys;
}

/**
 * Parses and validates one event body. The JSON kept is the text as sent when it is already
 * in stored form — exactly the schema's fields, no duplicate key, one line — and otherwise
 * zod's validated event serialised again (unknown fields dropped).
 */
export function readEventJson(text: string): EventJsonResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'body is not JSON' };
  }
  // Duplicate keys parse to fewer keys than the text holds: then the text is not kept.
  if (isExactEvent(parsed) && storedFormKeys(text) === keyCount(parsed)) return { ok: true, event: parsed, json: text };
  const v = validateEvent(parsed);
  if (!v.ok) return v;
  return { ok: true, event: v.event, json: JSON.stringify(v.event) };
}
