// A wallet's secrets where a text speaks of wallets: a recovery phrase of BIP39 words whose checksum
// holds (`ethers.Wallet.fromPhrase("boost purchase impulse …")`, `MNEMONIC="…"`), and an account's
// private key as 32 bytes of hexadecimal given to a wallet or a network's accounts (`accounts:
// ["0x1060…"]`, `new Wallet("0x…")`, `PRIVATE_KEY=0x…`). Bundled with the statement finders
// (statements.js), loaded when a text first holds a wallet's word.
import { validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english';
import type { Finding } from './text';

const BIP39_WORDS = new Set(wordlist);
// Twelve to twenty-four words of three to eight lower-case letters, one space or tab between.
const PHRASE = /(?<![A-Za-z])(?:[a-z]{3,8}[ \t]){11,23}[a-z]{3,8}(?![A-Za-z])/g;

export function findMnemonics(text: string, out: Finding[]): void {
  PHRASE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHRASE.exec(text)) !== null) {
    const words = m[0].split(/[ \t]/);
    if (words.length % 3 !== 0 || !words.every((w) => BIP39_WORDS.has(w))) continue;
    // The published test vectors repeat their words (`legal winner thank year … legal winner thank
    // yellow`, `abandon abandon … about`); twelve words drawn from 2,048 almost never do.
    if (new Set(words).size * 4 <= words.length * 3) continue;
    // The last word carries a checksum of the others' bits: ordinary words pass it one time in 16 or less.
    if (!validateMnemonic(words.join(' '), wordlist)) continue;
    out.push({ kind: 'private-key', start: m.index, end: m.index + m[0].length });
  }
}

// 32 bytes of hexadecimal, quoted or after `=`, on a line that names an account's key or a wallet
// (a transaction's or a block's hash of the same shape stands beside other words).
const HEX_KEY = /(?<![\w])(?:0x)?[0-9a-fA-F]{64}(?![\w])/g;
const WALLET_LINE =
  /accounts|wallet|private[ _-]?key|privkey|privatekey|PRIVATE_KEY|signer|deployer[ _-]?key|DEPLOYER_KEY|fromSecretKey|privateKeyToAccount/i;
const HASH_LINE = /hash|tx|block|digest|sha|merkle|root|salt|commit|topic/i;

export function findWalletKeys(text: string, out: Finding[]): void {
  HEX_KEY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEX_KEY.exec(text)) !== null) {
    // Its line, read back 200 characters at most (a minified line of hashes costs each one no more).
    let bol = m.index;
    const floor = Math.max(0, m.index - 200);
    while (bol > floor && text.charCodeAt(bol - 1) !== 10) bol--;
    const before = text.slice(bol, m.index);
    if (!WALLET_LINE.test(before) || HASH_LINE.test(before)) continue;
    const v = m[0].startsWith('0x') ? m[0].slice(2) : m[0];
    if (/^(.)\1+$/.test(v) || !/[a-f]/i.test(v) || !/\d/.test(v)) continue;
    out.push({ kind: 'private-key', start: m.index, end: m.index + m[0].length });
  }
}
