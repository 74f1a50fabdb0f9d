// HMAC-SHA256 cut to its first 32 bits, for placeholders. A text can hold tens of thousands of
// distinct secrets, and two native one-shot hashes per secret (Buffer writes, binding calls, hex
// encoding) cost several microseconds each. Here the SHA-256 states after the key's inner and
// outer pad blocks are computed once per key (RFC 2104 allows this), so a secret of up to 55
// ASCII characters costs two compression rounds in plain arithmetic and no allocation.
// Secrets with characters beyond ASCII take the native path (UTF-8 encoding by Node itself).
import { createHash, createHmac } from 'node:crypto';

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INIT = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** One SHA-256 compression of the 16 words in `w[0..15]` into `h` (w is overwritten as the schedule). */
function compress(h: Int32Array, w: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15],
      b = w[i - 2];
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let a = h[0],
    b = h[1],
    c = h[2],
    d = h[3],
    e = h[4],
    f = h[5],
    g = h[6],
    hh = h[7];
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0] + a) | 0;
  h[1] = (h[1] + b) | 0;
  h[2] = (h[2] + c) | 0;
  h[3] = (h[3] + d) | 0;
  h[4] = (h[4] + e) | 0;
  h[5] = (h[5] + f) | 0;
  h[6] = (h[6] + g) | 0;
  h[7] = (h[7] + hh) | 0;
}

/** The state after one 64-byte block `pad`. */
function stateAfter(pad: Uint8Array): Int32Array {
  const h = Int32Array.from(INIT);
  const w = new Int32Array(64);
  for (let i = 0; i < 16; i++) w[i] = (pad[4 * i] << 24) | (pad[4 * i + 1] << 16) | (pad[4 * i + 2] << 8) | pad[4 * i + 3];
  compress(h, w);
  return h;
}

const HEX = '0123456789abcdef';

/**
 * `message` → the first 8 hex digits of HMAC-SHA256(key, UTF-8 of message): the same value as
 * `createHmac('sha256', key).update(message, 'utf8').digest('hex').slice(0, 8)`. With `start`
 * and `end`, the message is `text.slice(start, end)`, read in place (no copy of the secret).
 */
export function hmacSha256Prefix(key: Uint8Array): (text: string, start?: number, end?: number) => string {
  const word = hmacSha256Word(key);
  return (m, from = 0, to = m.length) => {
    const x = word(m, from, to);
    let out = '';
    for (let s = 28; s >= 0; s -= 4) out += HEX[(x >>> s) & 15];
    return out;
  };
}

/** The first 32 bits of HMAC-SHA256(key, UTF-8 of `text.slice(start, end)`), as an unsigned number. */
export function hmacSha256Word(key: Uint8Array): (text: string, start: number, end: number) => number {
  let k = key;
  if (k.length > 64) k = createHmacKeyDigest(k);
  const ipad = new Uint8Array(64).fill(0x36);
  const opad = new Uint8Array(64).fill(0x5c);
  for (let i = 0; i < k.length; i++) {
    ipad[i] ^= k[i];
    opad[i] ^= k[i];
  }
  const inner0 = stateAfter(ipad);
  const outer0 = stateAfter(opad);
  const h = new Int32Array(8);
  const w = new Int32Array(64);
  const native = (m: string): number => createHmac('sha256', key).update(m, 'utf8').digest().readUInt32BE(0);
  return (m, from, to) => {
    const n = to - from;
    for (let i = from; i < to; i++) if (m.charCodeAt(i) > 127) return native(m.slice(from, to));
    // Inner hash: the message after the ipad block, then 0x80, zeros and the bit length (64 + n bytes).
    h.set(inner0);
    const total = n + 9; // message, 0x80, 8 length bytes
    const blocks = (total + 63) >>> 6;
    let pos = 0;
    for (let b = 0; b < blocks; b++) {
      for (let j = 0; j < 16; j++) {
        let word = 0;
        for (let q = 0; q < 4; q++) {
          const at = pos++;
          const byte = at < n ? m.charCodeAt(from + at) : at === n ? 0x80 : 0;
          word = (word << 8) | byte;
        }
        w[j] = word;
      }
      if (b === blocks - 1) {
        const bits = (64 + n) * 8; // < 2^32 for any message this path takes (a JS string ≤ 2^29)
        w[14] = Math.floor(bits / 0x100000000) | 0;
        w[15] = bits | 0;
      }
      compress(h, w);
    }
    // Outer hash: the 32-byte inner digest after the opad block, then 0x80 and the length 96 bytes.
    for (let j = 0; j < 8; j++) w[j] = h[j];
    w[8] = 0x80000000 | 0;
    for (let j = 9; j < 15; j++) w[j] = 0;
    w[15] = (64 + 32) * 8;
    h.set(outer0);
    compress(h, w);
    return h[0] >>> 0;
  };
}

function createHmacKeyDigest(key: Uint8Array): Uint8Array {
  // RFC 2104: keys longer than the block are hashed first.
  return new Uint8Array(createHash('sha256').update(key).digest());
}
