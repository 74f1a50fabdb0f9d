// Values published to be typed into forms and tests: payment providers' test cards, the IBANs of
// standards and documentation, the telephone ranges set aside for fiction, the social security
// numbers the Social Security Administration voids, the JWT of jwt.io, the storage emulator's key.
// They name no one and open nothing, and code that handles money, phones and identity is full of
// them; a finding that is exactly one of them is kept. So are numbers that stand in for a value by
// their digits alone (one digit repeated, `1234567`).
import type { Finding } from './text';

// Test cards of Stripe, Braintree, Adyen, PayPal, Checkout.com, Redsys and the card brands' own
// documentation: each number passes Luhn's check (the unit tests hold it to that).
const CARDS = new Set(
  (
    '4242424242424242 4000056655665556 5555555555554444 2223003122003222 5200828282828210 5105105105105100 ' +
    '378282246310005 371449635398431 378734493671000 6011111111111117 6011000990139424 6011981111111113 ' +
    '3056930009020004 36227206271667 30569309025904 38520000023237 3566002020360505 3530111333300000 ' +
    '3566111111111113 6200000000000005 4111111111111111 4012888888881881 4222222222222 5431111111111111 ' +
    '6011601160116611 4005519200000004 4009348888881881 4012000033330026 4012000077777777 4217651111111119 ' +
    '4500600000000061 4000002500003155 4000002760003184 4000003800000446 4000000000003220 4000000000003063 ' +
    '4111111145551142 5555341244441115 370000000000002 4988438843884305 4166676667666746 5101180000000007 ' +
    '2222400070000005 4548812049400004 4035501000000008 4917610000000000 6759649826438453 4000000000000002 ' +
    '4000000000009995 4000000000009987 4000000000009979 4000000000000069 4000000000000127 4000000000000119 ' +
    '4000000000000101 4000000000000341 4000000000000077 4000000000000010 4000000000000028 4000000000000036 ' +
    '4242424242424241 5454545454545454 4444333322221111 4917484589897107 6331101999990016'
  ).split(' '),
);

// The IBANs of ISO 13616's registry, the European Committee for Banking Standards and the
// encyclopaedias, as validators' documentation copies them.
const IBANS = new Set(
  (
    'GB82WEST12345698765432 GB29NWBK60161331926819 GB33BUKB20201555555555 DE89370400440532013000 ' +
    'DE44500105175407324931 FR1420041010050500013M02606 FR7630006000011234567890189 NL91ABNA0417164300 ' +
    'NL02ABNA0123456789 BE68539007547034 BE71096123456769 CH9300762011623852957 CH5604835012345678009 ' +
    'ES9121000418450200051332 ES7921000813610123456789 IT60X0542811101000000123456 AT611904300234573201 ' +
    'PL61109010140000071219812874 SE4550000000058398257466 NO9386011117947 DK5000400440116243 ' +
    'FI2112345600000785 PT50000201231234567890154 IE29AIBK93115212345678 LU280019400644750000 ' +
    'CZ6508000000192000145399 HU42117730161111101800000000 SK3112000000198742637541 SI56263300012039086 ' +
    'GR1601101250000000012300695 RO49AAAA1B31007593840000 HR1210010051863000160 BG80BNBG96611020345678 ' +
    'LT121000011101001000 LV80BANK0000435195001 EE382200221020145685 MT84MALT011000012345MTLCAST001S ' +
    'CY17002001280000001200527600 IS140159260076545510730339 LI21088100002324013AA MC5811222000010123456789030 ' +
    'SA0380000000608010167519 AE070331234567890123456 TR330006100519786457841326 IL620108000000099999999 ' +
    'BR9700360305000010009795493P1 KW81CBKU0000000000001234560101 GI75NWBK000000007099453'
  ).split(' '),
);

// Social security and taxpayer numbers voided or used in advertising (`078-05-1120` of a wallet
// insert, `219-09-9999`, `123-45-6789`, `987-65-4320` … `4329`).
const SSNS = new Set([
  '078051120',
  '219099999',
  '123456789',
  '987654320',
  '987654321',
  '987654322',
  '987654323',
  '987654324',
  '987654325',
  '987654326',
  '987654327',
  '987654328',
  '987654329',
]);

// National identifiers printed as the examples of their standards and documentation: Poland's
// PESEL, Italy's `RSSMRA80A01H501U` (Mario Rossi), a Brazilian CPF and a German tax id from
// validators' documentation.
// (`011000015`: the routing number banks' documentation uses for a test, the Federal Reserve's own.)
const IDENTIFIERS = new Set([
  '011000015',
  '44051401359',
  'RSSMRA80A01H501U',
  'RSSMRA85T10A562S',
  '39053344705',
  '36574261809',
  '12345678Z',
]);

// jwt.io's sample token: its payload, whatever key signed it.
const JWT_SAMPLE_PAYLOADS = [
  'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ',
  'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0',
];

// Keys published with the tools that accept them: Azure's storage emulator (Azurite) account key,
// and the test-mode keys of Stripe's API reference.
const PUBLISHED_KEYS = [
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'pk_test_TYooMQauvdEDq54NiTphI7jx',
  'sk_test_BQokikJOvBiI2HlWgH4olfQ2',
];

// The digests every hashing library's tests print: of the empty string and of `abc` (RFC 1321's, FIPS
// 180's examples) and of `The quick brown fox jumps over the lazy dog`, in lower or upper case.
const PUBLISHED_DIGESTS = new Set([
  'd41d8cd98f00b204e9800998ecf8427e',
  'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
  '900150983cd24fb0d6963f7d28e17f72',
  'a9993e364706816aba3e25717850c26c9cd0d89d',
  'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
  'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592',
]);

// Addresses everyone publishes: Ethereum's best-known token contracts (Tether, USD Coin, Wrapped
// Ether, Dai, Wrapped Bitcoin, Chainlink, Uniswap and its router), the burn address, and BIP 173's
// and BIP 350's test vectors. Lower case: a checksum's capitals vary how one writes them.
const PUBLIC_ADDRESSES = new Set([
  '0xdac17f958d2ee523a2206206994597c13d831ec7',
  '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48',
  '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2',
  '0x6b175474e89094c44da98b954eedeac495271d0f',
  '0x2260fac5e5542a773aa44fbcfedf7c193bc2c599',
  '0x514910771af9ca656af840dff83e8264ecf986ca',
  '0x1f9840a85d5af5bf1d1762f925bdaddc4201f984',
  '0x7a250d5630b4cf539739df2c5dacb4c659f2488d',
  '0x000000000000000000000000000000000000dead',
  'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
  'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
  'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y',
  'bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs',
  'tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy',
]);
const CARD_KINDS = new Set(['credit-card']);
const PHONE_KINDS = new Set(['phone']);
const SSN_KINDS = new Set(['us-ssn', 'us-itin']);

/** Digits only. */
const digitsOf = (v: string): string => v.replace(/\D+/g, '');

/**
 * A number that stands in for a value by its digits alone: one digit repeated, or seven digits or
 * more counting up or down (`0123456789`, `1234567`, `9876543`).
 */
export function placeholderDigits(d: string): boolean {
  if (d.length < 6) return false;
  if (/^(\d)\1+$/.test(d)) return true;
  return /0123456|1234567|2345678|3456789|9876543|8765432|7654321|6543210/.test(d);
}

/** A card that Luhn accepts but no issuer would: most of its digits one digit (`4000 0025 0000 3155`), or a short pattern repeated (`5105 1051 0510 5100`). */
function patternedCard(d: string): boolean {
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < d.length; i++) counts[d.charCodeAt(i) - 48]++;
  if (Math.max(...counts) * 20 >= d.length * 11) return true;
  // Periodic over all but the last digit (the check digit), period one to three.
  const body = d.slice(0, -1);
  for (let p = 1; p <= 3; p++) {
    let ok = true;
    for (let i = p; i < body.length && ok; i++) if (body[i] !== body[i - p]) ok = false;
    if (ok) return true;
  }
  return false;
}

/**
 * Telephone numbers set aside for fiction and tests: North America's 555-0100 … 555-0199 in every
 * area, Twilio's magic numbers (+1 500 555 000x), Ofcom's drama ranges (07700 900xxx, 020 7946 0xxx,
 * 0113 496 0xxx …), Australia's 5550 and 7010 ranges and its 0491 57x mobiles, and area code 555.
 */
export function fictionalPhone(raw: string): boolean {
  const d = digitsOf(raw);
  if (placeholderDigits(d.replace(/^(?:00)?(?:1|44|49|33|61)(?=\d{8})/, ''))) return true;
  const plus = /^\s*(?:\+|00)/.test(raw);
  // North America.
  if ((d.length === 7 && d.startsWith('55501')) || (d.length === 8 && d.startsWith('155501'))) return true;
  if ((d.length === 11 && d[0] === '1') || d.length === 10) {
    const n = d.length === 11 ? d.slice(1) : d;
    if (n.slice(3, 8) === '55501' || n.startsWith('50055500')) return !plus || d.length === 11;
    // No area is numbered 555: `(555) 253-0000` is a film's or a form's.
    if (n.startsWith('555') && /^\s*(?:\+?1[ .-]?)?\(?555\)?[ .-]/.test(raw)) return true;
  }
  // The United Kingdom: national significant number after +44 or 0.
  let uk: string | null = null;
  if (d.startsWith('44') && plus) uk = d.slice(2);
  else if (d.startsWith('0') && !plus) uk = d.slice(1);
  if (uk !== null && uk.length >= 9) {
    if (/^7700900\d{3}$/.test(uk) || /^2079460\d{3}$/.test(uk) || /^1(?:1[3-8]|21|31|41|51|61)4960\d{3}$/.test(uk)) return true;
    if (/^1914980\d{3}$/.test(uk) || /^2896496\d{3}$/.test(uk) || /^2920180\d{3}$/.test(uk) || /^1632960\d{3}$/.test(uk)) return true;
    if (/^8081570\d{3}$/.test(uk) || /^9098790\d{3}$/.test(uk) || /^3069990\d{3}$/.test(uk)) return true;
  }
  // Australia: (02) 5550 xxxx, (03) 7010 xxxx and the like.
  let au: string | null = null;
  if (d.startsWith('61') && plus) au = d.slice(2);
  else if (d.startsWith('0') && !plus) au = d.slice(1);
  // (And the mobiles ACMA sets aside for creative works, 0491 570 xxx … 0491 579 xxx.)
  return au !== null && (/^[2378](?:5550|7010)\d{4}$/.test(au) || /^49157\d{4}$/.test(au));
}

function jwtSample(v: string): boolean {
  for (const p of JWT_SAMPLE_PAYLOADS) if (v.includes('.' + p + '.')) return true;
  return false;
}

/** Whether `value`, found as `kind`, is a published test or documentation value. */
export function publishedExample(kind: string, value: string): boolean {
  if (kind === 'jwt' || value.startsWith('eyJ')) return jwtSample(value);
  for (const k of PUBLISHED_KEYS) if (value === k) return true;
  if (CARD_KINDS.has(kind)) {
    const d = digitsOf(value);
    return CARDS.has(d) || patternedCard(d);
  }
  if (kind === 'iban') return IBANS.has(value.replace(/[^0-9A-Za-z]+/g, '').toUpperCase());
  const alnum = value.replace(/[^0-9A-Za-z]+/g, '').toUpperCase();
  // `078-05-1120` read as a phone is still the wallet insert's number.
  if (PHONE_KINDS.has(kind)) return fictionalPhone(value) || (/^\d{3}-\d{2}-\d{4}$/.test(value) && SSNS.has(alnum));
  if (SSN_KINDS.has(kind)) return SSNS.has(alnum) || placeholderDigits(alnum);
  if (IDENTIFIERS.has(alnum)) return true;
  return false;
}

/** Kinds whose values may be published examples, or numbers standing in for one. */
const NUMERIC_KINDS = /^(?:[a-z]{2}-|.*(?:card|iban|phone|ssn|itin|jwt|azure|account|secret|key|password|high-entropy))/;

/**
 * Drops the findings that are published examples (above), and a card's security code on a line
 * whose only card numbers are such examples. Identifiers (national ids, bank accounts) whose digits
 * only stand in for a value are dropped too.
 */
export function dropPublishedExamples(text: string, raw: Finding[], identifierKinds: ReadonlySet<string>): void {
  let dropped: Finding[] | null = null;
  for (let k = raw.length - 1; k >= 0; k--) {
    const f = raw[k];
    if (f.end - f.start > 1200) continue;
    if (f.kind === 'card-security-code') {
      if (onlyTestCards(text, f.start)) raw.splice(k, 1);
      continue;
    }
    const v = text.slice(f.start, f.end);
    let drop = PUBLISHED_DIGESTS.has(v.toLowerCase())
      ? true
      : NUMERIC_KINDS.test(f.kind)
        ? publishedExample(f.kind, v)
        : v.startsWith('eyJ') || v.includes('.eyJ')
          ? jwtSample(v)
          : PUBLISHED_KEYS.includes(v) || (f.kind === 'crypto-address' && PUBLIC_ADDRESSES.has(v.toLowerCase()));
    if (!drop && (identifierKinds.has(f.kind) || f.kind === 'bank-account'))
      drop = /^[\d\s./-]+$/.test(v) && placeholderDigits(digitsOf(v));
    if (drop) {
      raw.splice(k, 1);
      (dropped ??= []).push(f);
    }
  }
  // What other rules read inside a published value (`0417 1643 00` of `NL91 ABNA 0417 1643 00` as a phone) is part of it.
  if (dropped === null) return;
  for (let k = raw.length - 1; k >= 0; k--) {
    const f = raw[k];
    for (const d of dropped)
      if (f.start >= d.start && f.end <= d.end) {
        raw.splice(k, 1);
        break;
      }
  }
}

const CARD_SHAPE = /(?<![\d.-])\d(?:[ -]?\d){12,18}(?![\d.-])/g;

/** Whether the line around `at` holds card-shaped numbers, all of them published test cards. */
function onlyTestCards(text: string, at: number): boolean {
  const from = text.lastIndexOf('\n', at - 1) + 1;
  let to = text.indexOf('\n', at);
  if (to < 0) to = text.length;
  if (to - from > 2000) return false;
  const line = text.slice(from, to);
  let cards = 0;
  for (const m of line.matchAll(CARD_SHAPE)) {
    const d = digitsOf(m[0]);
    if (!(CARDS.has(d) || patternedCard(d))) return false;
    cards++;
  }
  return cards > 0;
}
