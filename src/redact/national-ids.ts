// National identifiers of other countries: tax, social-security and identity-card numbers,
// validated by stdnum (check digits, embedded dates and ranges, as python-stdnum checks them).
// Most are runs of digits that only their name tells apart from any other number, so they are
// read after the words that name them (`PESEL: 02070803628`, `tax file number 123 456 782`) or
// after a general identity word (`national ID: …`), where a value is taken if any format below
// validates it. A few have shapes and checks distinctive enough to be read alone, wherever the
// context pass meets them (`12345678Z`, `RSSMRA85T10A562S`, `390.533.447-05`). Part of a
// bundle of their own (national-ids.js), loaded when a text first names or shapes one.
import * as auAbn from 'stdnum/lib/cjs/au/abn';
import * as auAcn from 'stdnum/lib/cjs/au/acn';
import * as auTfn from 'stdnum/lib/cjs/au/tfn';
import * as beNn from 'stdnum/lib/cjs/be/nn';
import * as arCuit from 'stdnum/lib/cjs/ar/cuit';
import * as arDni from 'stdnum/lib/cjs/ar/dni';
import * as brCnpj from 'stdnum/lib/cjs/br/cnpj';
import * as brCpf from 'stdnum/lib/cjs/br/cpf';
import * as clRut from 'stdnum/lib/cjs/cl/rut';
import * as caSin from 'stdnum/lib/cjs/ca/sin';
import * as chSsn from 'stdnum/lib/cjs/ch/ssn';
import * as cnRic from 'stdnum/lib/cjs/cn/ric';
import * as deIdnr from 'stdnum/lib/cjs/de/idnr';
import * as dkCpr from 'stdnum/lib/cjs/dk/cpr';
import * as esNie from 'stdnum/lib/cjs/es/nie';
import * as esNif from 'stdnum/lib/cjs/es/nif';
import * as fiHetu from 'stdnum/lib/cjs/fi/hetu';
import * as frNir from 'stdnum/lib/cjs/fr/nir';
import * as iePps from 'stdnum/lib/cjs/ie/pps';
import * as ilIdnr from 'stdnum/lib/cjs/il/idnr';
import * as inEpic from 'stdnum/lib/cjs/in/epic';
import * as inPan from 'stdnum/lib/cjs/in/pan';
import * as itCodiceFiscale from 'stdnum/lib/cjs/it/codicefiscale';
import * as itIva from 'stdnum/lib/cjs/it/iva';
import * as krRrn from 'stdnum/lib/cjs/kr/rrn';
import * as mxCurp from 'stdnum/lib/cjs/mx/curp';
import * as mxRfc from 'stdnum/lib/cjs/mx/rfc';
import * as ruInn from 'stdnum/lib/cjs/ru/inn';
import * as nlBsn from 'stdnum/lib/cjs/nl/bsn';
import * as nzIrd from 'stdnum/lib/cjs/nz/ird';
import * as noFodselsnummer from 'stdnum/lib/cjs/no/fodselsnummer';
import * as plPesel from 'stdnum/lib/cjs/pl/pesel';
import * as sePersonnummer from 'stdnum/lib/cjs/se/personnummer';
import * as sgUen from 'stdnum/lib/cjs/sg/uen';
import * as thIdnr from 'stdnum/lib/cjs/th/idnr';
import * as trTckimlik from 'stdnum/lib/cjs/tr/tckimlik';
import * as zaIdnr from 'stdnum/lib/cjs/za/idnr';
import * as atVnr from 'stdnum/lib/cjs/at/vnr';
import * as bgEgn from 'stdnum/lib/cjs/bg/egn';
import * as czRc from 'stdnum/lib/cjs/cz/rc';
import * as coNit from 'stdnum/lib/cjs/co/nit';
import * as deSvnr from 'stdnum/lib/cjs/de/svnr';
import * as eeIk from 'stdnum/lib/cjs/ee/ik';
import * as esNss from 'stdnum/lib/cjs/es/nss';
import * as gbUtr from 'stdnum/lib/cjs/gb/utr';
import * as grAmka from 'stdnum/lib/cjs/gr/amka';
import * as hkHkid from 'stdnum/lib/cjs/hk/hkid';
import * as hrOib from 'stdnum/lib/cjs/hr/oib';
import * as isKennitala from 'stdnum/lib/cjs/is/kennitala';
import * as ltAsmens from 'stdnum/lib/cjs/lt/asmens';
import * as myNric from 'stdnum/lib/cjs/my/nric';
import * as pkCnic from 'stdnum/lib/cjs/pk/cnic';
import * as ptNif from 'stdnum/lib/cjs/pt/nif';
import * as ptCc from 'stdnum/lib/cjs/pt/cc';
import * as roCnp from 'stdnum/lib/cjs/ro/cnp';
import * as rsJmbg from 'stdnum/lib/cjs/rs/jmbg';
import * as siEmso from 'stdnum/lib/cjs/si/emso';
import * as twNatid from 'stdnum/lib/cjs/tw/natid';
import * as uaRntrc from 'stdnum/lib/cjs/ua/rntrc';
import { asciiDigits, BIRTH_WORD, DATE, GAP, nhsValid, NINO_VALUE, NUMBER_WORD } from './cued-identifiers';
import { digitCount } from './identifiers';
import { isPersonalKey, looksLikeAddress, looksLikeName, personalField, POSTCODE_COARSE, POSTCODE_FINE } from './fields';
import { SCRIPT_PERSONAL_WORDS, SCRIPT_PHONE_WORDS, SYSTEM_ACCOUNT } from './text';
import { NATIONAL_ID_KINDS, type NationalIdKind } from './command-features';
import type { Finding } from './text';

interface Validator {
  validate(input: string): { isValid: boolean };
}
/**
 * stdnum reports an invalid number with an Error object; capturing its stack trace costs ten
 * times the check itself, and no one reads it here, so none is captured during the call.
 */
const by = (v: Validator) => (s: string) => {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return v.validate(s).isValid;
  } catch {
    return false;
  } finally {
    Error.stackTraceLimit = limit;
  }
};

const NIF_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
/** The Spanish control letter (the number mod 23), a quick necessary test before stdnum's own. */
function bcPhnValid(v: string): boolean {
  const d = v.replace(/ /g, '');
  if (!/^9\d{9}$/.test(d)) return false;
  const w = [2, 4, 8, 5, 10, 9, 7, 3];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (Number(d[i + 1]) * w[i]) % 11;
  const check = 11 - (sum % 11);
  return check < 10 && check === Number(d[9]);
}

function spanishLetterHolds(v: string): boolean {
  const c = v.toUpperCase().replace(/-/g, '');
  const lead = 'XYZ'.indexOf(c[0]);
  const digits = lead >= 0 ? lead + c.slice(1, -1) : c.slice(0, -1);
  return /^\d{8}$/.test(digits) && NIF_LETTERS[Number(digits) % 23] === c[c.length - 1];
}
const both =
  (a: (v: string) => boolean, b: (v: string) => boolean) =>
  (v: string): boolean =>
    a(v) && b(v);

/** PESEL: weights 1 3 7 9 over the first ten digits, the sum's complement mod 10 is the eleventh (a quick test before stdnum's). */
function peselCheckHolds(s: string): boolean {
  if (!/^\d{11}$/.test(s)) return false;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (s.charCodeAt(i) - 48) * w[i];
  return (10 - (sum % 10)) % 10 === s.charCodeAt(10) - 48;
}

/** Australian Medicare card: weights 1 3 7 9 1 3 7 9 over the first eight digits, mod 10, is the ninth. */
function medicareValid(s: string): boolean {
  const d = s.replace(/[ /-]/g, '');
  if (!/^[2-6]\d{9,10}$/.test(d)) return false;
  const w = [1, 3, 7, 9, 1, 3, 7, 9];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (d.charCodeAt(i) - 48) * w[i];
  return sum % 10 === d.charCodeAt(8) - 48;
}

/** Singapore NRIC/FIN: weights 2 7 6 5 4 3 2 over the digits, offset by the prefix, select the check letter. */
/** Brazil's CNPJ check digits (mod 11, weights 2–9 from the right), before stdnum's fuller reading. */
function cnpjDigits(s: string): boolean {
  const d = s.replace(/\D/g, '');
  if (d.length !== 14) return false;
  const digit = (n: number): number => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (d.charCodeAt(n - 1 - i) - 48) * (2 + (i % 8));
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  return digit(12) === d.charCodeAt(12) - 48 && digit(13) === d.charCodeAt(13) - 48;
}

/** Argentina's CUIT/CUIL check digit (mod 11, weights 5432765432), before stdnum's fuller reading. */
function cuitDigit(s: string): boolean {
  const d = s.replace(/\D/g, '');
  if (d.length !== 11) return false;
  const w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (d.charCodeAt(i) - 48) * w[i];
  const c = 11 - (sum % 11);
  return (c === 11 ? 0 : c === 10 ? 9 : c) === d.charCodeAt(10) - 48;
}

/** Luhn over the digits of `s` (an Emirates ID: 784, the birth year, seven digits and the check). */
function luhnDigits(s: string): boolean {
  const d = s.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
    sum += x;
  }
  return sum % 10 === 0;
}

/** Japan's Individual Number (My Number): eleven digits and a check digit (weights 2–7 from the right, twice). */
function myNumberValid(s: string): boolean {
  const d = s.replace(/ /g, '');
  if (!/^\d{12}$/.test(d)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += (d.charCodeAt(11 - n) - 48) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return (r <= 1 ? 0 : 11 - r) === d.charCodeAt(11) - 48;
}

function nricValid(s: string): boolean {
  const v = s.toUpperCase();
  if (!/^[STFGM]\d{7}[A-Z]$/.test(v)) return false;
  const w = [2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += (v.charCodeAt(i + 1) - 48) * w[i];
  const p = v[0];
  if (p === 'T' || p === 'G') sum += 4;
  else if (p === 'M') sum += 3;
  const r = sum % 11;
  const letters = p === 'S' || p === 'T' ? 'JZIHGFEDCBA' : p === 'M' ? 'KLJNPQRTUWX' : 'XWUTRQPNMLK';
  return letters[r] === v[8];
}

/** US DEA registration: (d1 + d3 + d5) + 2 × (d2 + d4 + d6), its last digit is the seventh. */
function deaValid(s: string): boolean {
  const v = s.toUpperCase();
  if (!/^[A-Z][A-Z9]\d{7}$/.test(v)) return false;
  const d = (i: number) => v.charCodeAt(2 + i) - 48;
  return (d(0) + d(2) + d(4) + 2 * (d(1) + d(3) + d(5))) % 10 === d(6);
}

/**
 * US ABA routing number: 3 × (d1 + d4 + d7) + 7 × (d2 + d5 + d8) + (d3 + d6 + d9) is a multiple of
 * ten, and the first two digits name a Federal Reserve district (01–12, 21–32), a thrift (61–72)
 * or traveller's cheques (80).
 */
function abaValid(s: string): boolean {
  const v = s.replace(/[ -]/g, '');
  if (!/^\d{9}$/.test(v)) return false;
  const head = +v.slice(0, 2);
  if (!((head >= 1 && head <= 12) || (head >= 21 && head <= 32) || (head >= 61 && head <= 72) || head === 80)) return false;
  const d = (i: number) => v.charCodeAt(i) - 48;
  return (3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) + d(2) + d(5) + d(8)) % 10 === 0;
}

// The Verhoeff tables (dihedral group D5 and its position permutations), checked against
// python-stdnum's on random numbers (see the unit test).
const VERHOEFF_D = [
  '0123456789',
  '1234067895',
  '2340178956',
  '3401289567',
  '4012395678',
  '5987604321',
  '6598710432',
  '7659821043',
  '8765932104',
  '9876543210',
].map((row) => [...row].map(Number));
const VERHOEFF_P = ['0123456789', '1576283094', '5803796142', '8916043527', '9453126870', '4286573901', '2793806415', '7046913258'].map(
  (row) => [...row].map(Number),
);

/** US National Provider Identifier: ten digits, Luhn over `80840` and the first nine, the tenth the check. */
function npiValid(s: string): boolean {
  if (!/^[12]\d{9}$/.test(s)) return false;
  const d = '80840' + s;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
  }
  return sum % 10 === 0;
}

/** Aadhaar: twelve digits, not starting 0 or 1, not a palindrome, Verhoeff check digit last. */
function aadhaarValid(s: string): boolean {
  const v = s.replace(/[ -]/g, '');
  return /^[2-9]\d{11}$/.test(v) && [...v].reverse().join('') !== v && verhoeff(v);
}

/** Aadhaar's Virtual ID: sixteen digits, Verhoeff check digit last (read right after its name only). */
function aadhaarVidValid(s: string): boolean {
  const v = s.replace(/[ -]/g, '');
  return /^[1-9]\d{15}$/.test(v) && !/^(\d)\1+$/.test(v) && verhoeff(v);
}

function verhoeff(v: string): boolean {
  let c = 0;
  for (let i = 0; i < v.length; i++) c = VERHOEFF_D[c][VERHOEFF_P[i % 8][v.charCodeAt(v.length - 1 - i) - 48]];
  return c === 0;
}

/**
 * An Indonesian NIK: sixteen digits, a province code (11–94), then the holder's birth date with 40
 * added to a woman's day (DDMMYY), then a serial that is never 0000.
 */
/** Russia's SNILS: nine digits weighted 9 down to 1, the sum mod 101 (100 → 0) as the last two; below 001-001-998 unchecked, so not taken. */
function snilsValid(v: string): boolean {
  const d = v.replace(/[ -]/g, '');
  if (d.length !== 11 || +d.slice(0, 9) <= 1001998) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += +d[i] * (9 - i);
  const check = sum < 100 ? sum : sum % 101 === 100 ? 0 : sum % 101;
  return check === +d.slice(9);
}

function nikValid(v: string): boolean {
  const d = v.replace(/[ .]/g, '');
  if (d.length !== 16) return false;
  const province = +d.slice(0, 2);
  const day = +d.slice(6, 8) % 40;
  const month = +d.slice(8, 10);
  return province >= 11 && province <= 94 && day >= 1 && day <= 31 && month >= 1 && month <= 12 && d.slice(12) !== '0000';
}

interface IdRule {
  kind: NationalIdKind;
  /** The words that name it (regex source, matched case-insensitively). */
  cue: string;
  /** The value as written (regex source, without anchors). */
  shape: string;
  valid: (v: string) => boolean;
  /** Shape and check are distinctive enough to read the value without its name (then case-sensitive). */
  alone?: string;
  /** What a value right after its name must pass, when not `valid` (the near and general passes keep `valid`). */
  named?: (v: string) => boolean;
  /** Read after its own words only: not tried after a general word for an id, nor in a general column. */
  cuedOnly?: boolean;
}

const RULES: readonly IdRule[] = [
  {
    kind: 'au-tfn',
    cue: 'tfn|tax[ _-]?file[ _-]?(?:number|no)',
    shape: '\\d{3}[ -]?\\d{3}[ -]?\\d{2,3}',
    valid: by(auTfn),
  },
  { kind: 'au-abn', cue: 'abn|australian[ _-]business[ _-]number', shape: '\\d{2} ?\\d{3} ?\\d{3} ?\\d{3}', valid: by(auAbn) },
  { kind: 'au-acn', cue: 'acn|australian[ _-]company[ _-]number', shape: '\\d{3} ?\\d{3} ?\\d{3}', valid: by(auAcn) },
  { kind: 'au-medicare', cue: 'medicare(?:[ _-]card)?', shape: '[2-6]\\d{3} ?\\d{5} ?\\d(?:[ /-]?\\d)?', valid: medicareValid },
  // British Columbia's Personal Health Number: 9, eight digits, a check digit (mod 11, weights 2 4 8 5 10 9 7 3).
  { kind: 'ca-bc-phn', cue: 'phn|personal[ _-]health[ _-]number', shape: '9\\d{3} ?\\d{3} ?\\d{3}', valid: bcPhnValid },
  // Viet Nam's citizen identity card (Căn cước công dân): a province's code (001–096), a digit of
  // sex and century, the year of birth, six digits; the old identity card (CMND) nine or twelve digits.
  {
    kind: 'vn-cccd',
    cue: 'cccd|c[ăa]n[ _-]c[ưu][ớo]c(?:[ _-]c[ôo]ng[ _-]d[âa]n)?',
    shape: '\\d{12}',
    valid: (v) => Number(v.slice(0, 3)) >= 1 && Number(v.slice(0, 3)) <= 96 && /^[0-3]$/.test(v[3]),
    // Its check is loose: read after its own words only, not after a general word for an id.
    cuedOnly: true,
  },
  // Nigeria's Bank Verification Number and National Identification Number: eleven digits, no check
  // digit; read after their own names only.
  { kind: 'ng-bvn', cue: 'bvn|bank[ _-]verification[ _-]number', shape: '\\d{11}', valid: () => true, cuedOnly: true },
  // Kenya's tax PIN (the Kenya Revenue Authority's): `A` for a person, `P` for a company, nine digits, a letter.
  { kind: 'ke-kra-pin', cue: 'kra[ _-]?pin', shape: '[AP]\\d{9}[A-Z]', valid: () => true, cuedOnly: true },
  { kind: 'ng-nin', cue: 'nin|national[ _-]identification[ _-]number', shape: '\\d{11}', valid: () => true, cuedOnly: true },
  {
    kind: 'in-pan',
    cue: 'pan|permanent[ _-]account[ _-]number|पैन(?:[ _-]कार्ड)?(?:[ _-]नंबर)?',
    shape: '[A-Z]{3}[ABCFGHLJPT][A-Z]\\d{4}[A-Z]',
    valid: by(inPan),
  },
  // Right after its name, twelve digits are the number whatever their check digit (a mistyped one, or
  // one made with the wrong Verhoeff table some generators copy); farther, the check decides.
  {
    kind: 'in-aadhaar',
    // (Its Virtual ID, sixteen digits after `VID`, is read right after its name, with its check.)
    cue: 'aadhaa?r|uidai|आधार(?:[ _-]संख्या)?|આધાર|আধার|ஆதார்|ఆధార్|ಆಧಾರ್|ആധാർ|ਆਧਾਰ|ଆଧାର|vid|virtual[ _-]id',
    shape: '[1-9]\\d{3}[ -]?\\d{4}[ -]?\\d{4}(?:[ -]?\\d{4})?',
    valid: aadhaarValid,
    named: (v) =>
      v.replace(/[ -]/g, '').length === 16
        ? aadhaarVidValid(v)
        : /^[2-9]/.test(v) && !/^(\d)\1+$|^(?:0123456789|1234567890|2345678901)/.test(v.replace(/[ -]/g, '')),
  },
  { kind: 'in-voter-id', cue: 'epic|voter[ _-]?id', shape: '[A-Z]{3}\\d{7}', valid: by(inEpic) },
  {
    kind: 'es-nif',
    cue: 'dni|nif|documento[ _-]nacional(?:[ _-]de[ _-]identidad)?',
    shape: '\\d{8}-?[A-Z]|\\d{2}\\.\\d{3}\\.\\d{3}-?[A-Z]',
    valid: (v) => both(spanishLetterHolds, by(esNif))(v.replace(/\./g, '')),
    alone: '\\d{8}[A-HJ-NP-TV-Z]',
  },
  {
    kind: 'es-nie',
    cue: 'nie',
    shape: '[XYZ]-?\\d{7}-?[A-Z]',
    valid: both(spanishLetterHolds, by(esNie)),
    alone: '[XYZ]\\d{7}[A-HJ-NP-TV-Z]',
  },
  {
    kind: 'it-fiscal-code',
    cue: 'codice[ _-]?fiscale|fiscal[ _-]?(?:code|number)|tax[ _-]code|c\\.f\\.',
    shape: '[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]',
    valid: by(itCodiceFiscale),
    alone: '[A-Z]{6}\\d{2}[A-EHLMPR-T]\\d{2}[A-Z]\\d{3}[A-Z]',
  },
  { kind: 'pl-pesel', cue: 'pesel', shape: '\\d{11}', valid: both(peselCheckHolds, by(plPesel)) },
  {
    kind: 'fi-hetu',
    cue: 'hetu|henkil[öo]tunnus|personal[ _-]identity[ _-]code',
    shape: '\\d{6}[-+A-FU-Y]\\d{3}[0-9A-Y]',
    valid: by(fiHetu),
    alone: '\\d{6}[-+A-FU-Y]\\d{3}[0-9A-FHJ-NPR-Y]',
  },
  {
    kind: 'kr-rrn',
    cue: 'rrn|resident[ _-]registration[ _-]number|주민등록번호|주민번호',
    shape: '\\d{6}[- ]?\\d{7}',
    valid: by(krRrn),
    // Written with its hyphen, a birth date and a sex digit: taken alone when its check digit holds.
    alone: '\\d{6}-[1-4]\\d{6}',
  },
  {
    kind: 'th-id',
    cue: 'tnin|thai[ _-]id|บัตรประชาชน|เลขประจำตัวประชาชน',
    shape: '\\d[- ]?\\d{4}[- ]?\\d{5}[- ]?\\d{2}[- ]?\\d',
    valid: by(thIdnr),
  },
  { kind: 'br-cpf', cue: 'cpf', shape: '\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}', valid: by(brCpf), alone: '\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}' },
  {
    kind: 'mx-curp',
    cue: 'curp',
    shape: '[A-Z]{4}\\d{6}[HMX][A-Z]{5}[0-9A-Z]\\d',
    valid: by(mxCurp),
    alone: '[A-Z]{4}\\d{6}[HMX][A-Z]{5}[0-9A-Z]\\d',
  },
  {
    kind: 'ch-ahv',
    cue: 'ahv|avs|sozialversicherungsnummer',
    shape: '756\\.?\\d{4}\\.?\\d{4}\\.?\\d{2}',
    valid: by(chSsn),
    alone: '756\\.\\d{4}\\.\\d{4}\\.\\d{2}',
  },
  // Written with its hyphen (or `+` past a hundred years): a birth date and a Luhn digit, taken alone when both hold.
  {
    kind: 'se-personnummer',
    cue: 'personnummer|personnr|pnr',
    shape: '(?:\\d{2})?\\d{6}[-+]?\\d{4}',
    valid: by(sePersonnummer),
    alone: '\\d{6}[-+]\\d{4}',
  },
  {
    kind: 'no-fodselsnummer',
    cue: 'f[øo]dselsnummer(?:et)?|f[øo]dselsnr|personnummer(?:et)?|fnr|f\\.[ ]?nr\\.?',
    shape: '\\d{6} ?\\d{5}',
    valid: by(noFodselsnummer),
  },
  { kind: 'dk-cpr', cue: 'cpr', shape: '\\d{6}-?\\d{4}', valid: by(dkCpr) },
  { kind: 'nl-bsn', cue: 'bsn|burgerservicenummer', shape: '\\d{4}\\.?\\d{2}\\.?\\d{3}|\\d{9}', valid: by(nlBsn) },
  {
    kind: 'fr-nir',
    // (`N° d'immatriculation`: the insured's number on the health insurance's forms.)
    cue: "nir|insee|s[ée]curit[ée][ _-]sociale|num[ée]ro[ _-]de[ _-]s[ée]curit[ée][ _-]sociale|n[°º][ _-]?d['’]immatriculation|num[ée]ro[ _-]d['’]immatriculation",
    shape: '[12] ?\\d{2} ?\\d{2} ?(?:\\d{2}|2[AB]) ?\\d{3} ?\\d{3} ?\\d{2}',
    valid: by(frNir),
  },
  {
    kind: 'de-tax-id',
    cue: 'steuer[ _-]?id|steuer[ _-]?identifikationsnummer|idnr|identifikationsnummer|tax[ _-]?id',
    shape: '\\d{2} ?\\d{3} ?\\d{3} ?\\d{3}',
    valid: by(deIdnr),
  },
  {
    kind: 'za-id',
    cue: 'sa[ _-]id|rsa[ _-]id|south[ _-]african[ _-]id(?:entity)?',
    shape: '\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{4}[01]\\d{2}',
    valid: by(zaIdnr),
  },
  {
    kind: 'il-id',
    cue: 'teudat[ _-]zehut|israeli[ _-]id|t\\.?z\\.?|mispar[ _-]zehut|תעודת[ _-]ה?זהות|ת\\.ז\\.?|ת"ז',
    shape: '\\d{9}',
    valid: by(ilIdnr),
  },
  { kind: 'nz-ird', cue: 'ird', shape: '\\d{2,3}-?\\d{3}-?\\d{3,4}', valid: by(nzIrd) },
  {
    kind: 'be-nn',
    cue: 'national[ _-]?(?:register(?:[ _-]number)?|number)|rijksregister(?:nummer)?|num[ée]ro[ _-]national|(?:num[ée]ro[ _-]d[eu][ _-])?registre[ _-]national|insz|niss',
    shape: '\\d{2}\\.?\\d{2}\\.?\\d{2}[-.]?\\d{3}\\.?\\d{2}',
    valid: by(beNn),
    alone: '\\d{2}\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}',
  },
  { kind: 'ie-ppsn', cue: 'ppsn?|personal[ _-]public[ _-]service(?:[ _-]number)?', shape: '\\d{7}[A-W][A-IW]?', valid: by(iePps) },
  {
    kind: 'ca-sin',
    cue: 'sin|social[ _-]insurance[ _-]number|(?:num[ée]ro[ _-]d.)?assurance[ _-]sociale(?:[ _-]\\(nas\\))?|nas',
    shape: '\\d{3}[ -]?\\d{3}[ -]?\\d{3}',
    valid: by(caSin),
  },
  {
    kind: 'cn-resident-id',
    cue: 'resident[ _-]identity(?:[ _-]card)?|resident[ _-]id|id[ _-]?card|prc[ _-]id|shenfenzheng(?:hao)?|sfzh|身份证(?:号码|号)?|身份證(?:號碼|號|字號)?|公民身份号码',
    shape: '\\d{17}[\\dX]|\\d{6} \\d{8} \\d{3}[\\dX]',
    valid: (v) => by(cnRic)(v.replace(/ /g, '')),
    // Eighteen digits holding a birth date, with their check: read alone too.
    alone: '\\d{6}(?:19|20)\\d\\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dX]',
  },
  {
    kind: 'tr-tckn',
    cue: 'tckn|tc[ _-]?kimlik(?:[ _-]?no)?|kimlik[ _-]no|tc(?=[ \\t]*[=:])',
    shape: '[1-9]\\d{10}',
    valid: by(trTckimlik),
  },
  { kind: 'sg-nric', cue: 'nric|fin', shape: '[STFGM]\\d{7}[A-Z]', valid: nricValid, alone: '[STFGM]\\d{7}[A-Z]' },
  { kind: 'us-npi', cue: 'npi|national[ _-]provider[ _-]identifier', shape: '[12]\\d{9}', valid: npiValid },
  { kind: 'us-dea', cue: 'dea|medical[ _-]licen[cs]e', shape: '[A-Z][A-Z9]\\d{7}', valid: deaValid },
  {
    kind: 'us-aba-routing',
    cue: 'aba(?:[ _-]?routing)?|routing(?:[ _-]?transit)?|rtn',
    shape: '\\d{4}[ -]?\\d{4}[ -]?\\d',
    valid: abaValid,
  },
  { kind: 'it-vat', cue: 'partita[ _-]iva|p\\.?[ _-]?iva|vat', shape: '(?:IT[ ]?)?\\d{11}', valid: by(itIva) },
  { kind: 'sg-uen', cue: 'uen|unique[ _-]entity', shape: '\\d{8,9}[A-Z]|[ST]\\d{2}[A-Z]{2}\\d{4}[A-Z]', valid: by(sgUen) },
  {
    kind: 'br-cnpj',
    cue: 'cnpj',
    shape: '\\d{2}\\.?\\d{3}\\.?\\d{3}/?\\d{4}-?\\d{2}',
    valid: (v) => cnpjDigits(v) && by(brCnpj)(v),
    alone: '\\d{2}\\.\\d{3}\\.\\d{3}/\\d{4}-\\d{2}',
  },
  {
    kind: 'ar-cuit',
    cue: 'cuit|cuil',
    shape: '\\d{2}-?\\d{8}-?\\d',
    valid: (v) => cuitDigit(v) && by(arCuit)(v),
    alone: '(?:20|23|24|27|30|33|34)-\\d{8}-\\d',
  },
  // (Not a Spanish DNI written with dots, its letter after a dash: `74.296.595-V`.)
  { kind: 'ar-dni', cue: 'dni', shape: '\\d{1,2}\\.\\d{3}\\.\\d{3}(?!-[A-Z])', valid: by(arDni) },
  {
    kind: 'cl-rut',
    cue: 'rut|run',
    shape: '\\d{1,2}\\.?\\d{3}\\.?\\d{3}-?[\\dkK]',
    // stdnum's RUT reads no dots (`17.579.588-K` fails on its length): they go first.
    valid: (v) => by(clRut)(v.replace(/\./g, '')),
    alone: '\\d{1,2}\\.\\d{3}\\.\\d{3}-[\\dkK]',
  },
  // (Ten digits are an organisation's INN, twelve a person's: only the latter is personal data.)
  { kind: 'ru-inn', cue: 'inn|инн', shape: '\\d{12}|\\d{10}', valid: (v) => v.length === 12 && by(ruInn)(v) },
  { kind: 'mx-rfc', cue: 'rfc', shape: '[A-Z&Ñ]{3,4}\\d{6}[A-Z0-9]{3}', valid: by(mxRfc) },
  {
    kind: 'ae-emirates-id',
    cue: 'emirates[ _-]?id(?:entity)?(?:[ _-]?(?:card|number|no))?|eid',
    shape: '784-?\\d{4}-?\\d{7}-?\\d',
    valid: luhnDigits,
    alone: '784-(?:19|20)\\d\\d-\\d{7}-\\d',
  },
  {
    kind: 'jp-my-number',
    cue: 'my[ _-]?number|individual[ _-]number|マイナンバー|個人番号',
    shape: '\\d{4} ?\\d{4} ?\\d{4}',
    valid: myNumberValid,
  },
  // Policy 10: personal numbers of more countries, each after its own name and checked by stdnum.
  { kind: 'ro-cnp', cue: 'cnp|cod[ _-]numeric[ _-]personal', shape: '[1-9]\\d{12}', valid: by(roCnp) },
  { kind: 'gr-amka', cue: 'amka|αμκα|α\\.μ\\.κ\\.α\\.?', shape: '\\d{11}', valid: by(grAmka) },
  {
    kind: 'cz-birth-number',
    cue: 'rodn[ée][ _-]?[čc][íi]sl[oa]|r\\.[ \\t]?[čc]\\.|birth[ _-]number',
    shape: '\\d{6}/?\\d{3,4}',
    valid: by(czRc),
    // With its slash and ten digits (a date of birth, a check by 11), read alone too.
    alone: '\\d{6}/\\d{4}',
  },
  // Colombia's NIT (a person's or a firm's tax number), dotted with its check digit after a dash when read alone.
  { kind: 'co-nit', cue: 'nit', shape: '\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d', valid: by(coNit), alone: '\\d{3}\\.\\d{3}\\.\\d{3}-\\d' },
  {
    kind: 'pt-nif',
    cue: 'nif|(?:n[.ºo°]*[ _-]?(?:de[ _-])?)?contribuinte',
    shape: '[1-9]\\d{8}|[1-9]\\d\\d \\d{3} \\d{3}',
    valid: (v) => by(ptNif)(v.replace(/ /g, '')),
  },
  // Portugal's Cartão de Cidadão: the civil number, its check digit, two characters and a check digit (`85254595 6 ZW9`).
  {
    kind: 'pt-cc',
    cue: 'cart[ãa]o[ _-]de[ _-]cidad[ãa]o(?:[ \\t]+n\\.?[º°o]\\.?)?|cc[ _-]?n[º°o]',
    shape: '\\d{8}[ -]?\\d[ -]?[A-Z0-9]{2}\\d',
    valid: (v) => by(ptCc)(v.replace(/[ -]/g, '')),
  },
  { kind: 'bg-egn', cue: 'egn|егн', shape: '\\d{10}', valid: by(bgEgn) },
  { kind: 'hr-oib', cue: 'oib', shape: '\\d{11}', valid: by(hrOib) },
  { kind: 'si-emso', cue: 'em[šs]o', shape: '\\d{13}', valid: by(siEmso) },
  { kind: 'rs-jmbg', cue: 'jmbg|јмбг', shape: '\\d{13}', valid: by(rsJmbg) },
  { kind: 'lt-asmens-kodas', cue: 'asmens[ _-]kod(?:as|o)', shape: '[3-6]\\d{10}', valid: by(ltAsmens) },
  { kind: 'ee-isikukood', cue: 'isikukoodi?', shape: '[1-6]\\d{10}', valid: by(eeIk) },
  {
    kind: 'hk-hkid',
    cue: 'hkid|hong[ _-]kong[ _-]id(?:entity)?(?:[ _-]card)?|香港身份證(?:號碼)?',
    shape: '[A-Z]{1,2}\\d{6} ?\\(?[0-9A]\\)?',
    valid: (v) => by(hkHkid)(v.replace(/ /g, '')),
  },
  {
    kind: 'my-nric',
    cue: 'my[ _-]?kad|kad[ _-]pengenalan|ic[ _-]?(?:no|number)|nric|(?:no\\.?[ ]?)?k/p',
    shape: '\\d{6}-?\\d{2}-?\\d{4}',
    valid: by(myNric),
    // With its dashes, a birth date, a place of birth's code and four digits (stdnum checks both).
    alone: '\\d{6}-\\d{2}-\\d{4}',
  },
  // Alone with its dashes: five, seven and one digits are written so for no other number.
  { kind: 'pk-cnic', cue: 'cnic', shape: '\\d{5}-?\\d{7}-?\\d', valid: by(pkCnic), alone: '[1-7]\\d{4}-\\d{7}-\\d' },
  {
    kind: 'tw-national-id',
    cue: '國民身分證|身分證(?:字號|號碼|統一編號)?|taiwan(?:ese)?[ _-]id',
    shape: '[A-Z][12]\\d{8}',
    valid: by(twNatid),
  },
  { kind: 'ua-rntrc', cue: 'рнокпп|іпн|rnokpp|ipn', shape: '\\d{10}', valid: by(uaRntrc) },
  { kind: 'is-kennitala', cue: 'kennitala', shape: '\\d{6}-?\\d{4}', valid: by(isKennitala) },
  {
    kind: 'de-svnr',
    cue: '(?:sozial|renten)?versicherungsnummer|sv[ _-]?(?:nr|nummer)|rv[ _-]?(?:nr|nummer)',
    shape: '\\d{2} ?\\d{6} ?[A-Z] ?\\d{3}',
    valid: (v) => by(deSvnr)(v.replace(/ /g, '')),
  },
  {
    kind: 'at-svnr',
    cue: '(?:sozial)?versicherungsnummer|sv[ _-]?nr|vnr',
    shape: '\\d{4} ?\\d{6}',
    valid: (v) => by(atVnr)(v.replace(/ /g, '')),
  },
  {
    kind: 'es-nss',
    cue: 'nss|naf|n[úu]mero[ _-]de[ _-](?:la[ _-])?seguridad[ _-]social|seguridad[ _-]social',
    shape: '\\d{2}[ /-]?\\d{8}[ /-]?\\d{2}',
    valid: (v) => by(esNss)(v.replace(/[ /-]/g, '')),
  },
  { kind: 'gb-utr', cue: 'utr|unique[ _-]taxpayer[ _-]reference', shape: '\\d{5} ?\\d{5}', valid: (v) => by(gbUtr)(v.replace(/ /g, '')) },
  { kind: 'ru-snils', cue: 'snils|снилс', shape: '\\d{3}-?\\d{3}-?\\d{3}[ -]?\\d{2}', valid: snilsValid },
  {
    kind: 'id-nik',
    cue: 'nik|nomor[ _-]induk[ _-]kependudukan|ktp',
    shape: '\\d{6}[ .]?\\d{6}[ .]?\\d{4}',
    valid: nikValid,
  },
];

// Every kind has a rule, and every rule a kind the core knows (for its features and priority).
for (const k of NATIONAL_ID_KINDS) if (!RULES.some((r) => r.kind === k)) throw new Error(`no national id rule for ${k}`);

// Also as code passes it: a setter's or a builder's argument (`setSteuerId("…")`, `.pesel("…")`),
// a factory's block (`id_number { "…" }`); an XML element's text (`<BG:inp.bsn>540808593<`).
const cued = (cue: string, shape: string): RegExp =>
  new RegExp(
    `(?<![A-Za-z0-9](?<!(?:^|[^A-Za-z0-9])(?:set|with|put)_?))(?:${cue})${NUMBER_WORD}(?:[ \\t]*[({][ \\t]*["'\`]?|>|${GAP})(${shape})(?![A-Za-z0-9])`,
    'gi',
  );
const CUED = new Map(RULES.map((r) => [r.kind, cued(r.cue, r.shape)]));
// At most 200 characters and three line breaks back: the trajectory builder redacts a changed
// line with the three lines on each side, and must see what the whole document would.
const NEAR_WINDOW = 200;
/** Line breaks in [a, b): the caller keeps b − a within NEAR_WINDOW (indexOf would search past b). */
function linesBetween(text: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
const OTHER_LABEL =
  /(?:^|[^A-Za-z])(?:order|invoice|ticket|case|ref|reference|tracking|account|acct|phone|tel|mobile|fax|zip|postal|amount|total|price|qty|quantity|id|no|number|serial|batch|lot|sku|item|part|version|build|port|pid|uid|user|customer)s?[ \t]*[:=#.]?[ \t]*(?:no\.?|nr\.?|#)?[ \t]*$/i;
const NEAR = new Map(
  RULES.map((r) => [
    r.kind,
    {
      shape: new RegExp(`(?<![A-Za-z0-9])(${r.shape})(?![A-Za-z0-9])`, 'gi'),
      cue: new RegExp(`(?<![A-Za-z0-9])(?:${r.cue})(?![A-Za-z])`, 'gi'),
    },
  ]),
);
const ANCHORED = RULES.filter((r) => !r.cuedOnly).map((r) => ({ rule: r, re: new RegExp(`^(?:${r.shape})$`, 'i') }));
const ALONE = RULES.filter((r) => r.alone).map((r) => ({ rule: r, re: new RegExp(`^(?:${r.alone})$`) }));
// A general word for an identity number: the value is taken if any format validates it.
const GENERAL = cued(
  'national[ _-]?id(?:entity|entification)?(?:[ _-]?(?:number|card))?|identity[ _-]?(?:card|number|document)|id[ _-]?card|' +
    'personal[ _-]?(?:id(?:entification)?|identity)[ _-]?number|citizen[ _-]?id|government[ _-]?id|id[ _-]?(?:number|no)|identification[ _-]?number|' +
    'social[ _-]?(?:security|insurance)(?:[ _-]?(?:number|no))?|tax[ _-]?id(?:entification)?(?:[ _-]?(?:number|no))?|tax[ _-]?code|personal[ _-]?(?:number|code)',
  '[A-Z0-9][A-Z0-9 .+-]{6,22}[A-Z0-9]',
);
// The same words as keys in camel case, alone or after another word (`<CustomerTaxID>104395494<`,
// `PersonalCode.parse("39301059849")`, `numeroDocumento: "…"`): case-sensitive, so `T` starts a word.
const GENERAL_CAMEL =
  /(?<![A-Z0-9]|(?<![A-Za-z0-9])[a-z])(?:TaxI[Dd]|NationalI[Dd]|PersonalCode|PersonalNumber|IdNumber|IDNumber|Documento|DocumentNumber|SocialSecurityNumber|(?<![A-Za-z0-9])(?:taxI[Dd]|nationalI[Dd]|personalCode|personalNumber|idNumber|documentNumber|socialSecurityNumber))(?:["']?[ \t]*(?:[:=]|=>)[ \t]*["']?|>|\.(?:parse|of|valueOf|from)\([ \t]*["']|\([ \t]*["'])([A-Z0-9][A-Z0-9 .+-]{6,22}[A-Z0-9])/g;

function push(out: Finding[], kind: string, start: number, v: string): void {
  out.push({ kind, start, end: start + v.length });
}

const MAX_VALIDATIONS = 512;

/** `111.111.111-11`: one digit repeated passes several checksums and is never issued. */
const oneDigit = (v: string): boolean => /^(\d)(?:[ .\-/]*\1)*[ .\-/]*[A-Z]?$/i.test(v);

/** Identifiers after their own names (`kinds`: the rules whose words the text holds) or after a general identity word. */
export function findNationalIds(original: string, kinds: readonly NationalIdKind[], general: boolean, out: Finding[]): void {
  const text = asciiDigits(original);
  // Past MAX_VALIDATIONS checks in one text (a flood made to cost each one), a value of the shape
  // after its name is taken unchecked: failing closed, as encoded phone numbers do.
  let checks = 0;
  const holds = (valid: (v: string) => boolean, v: string): boolean => ++checks > MAX_VALIDATIONS || valid(v);
  for (const kind of kinds) {
    const re = CUED.get(kind)!;
    const rule = RULES.find((r) => r.kind === kind)!;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    const taken = new Set<number>();
    while ((m = re.exec(text)) !== null) {
      const v = m[1];
      const start = m.index + m[0].length - v.length;
      if (!oneDigit(v) && holds(rule.named ?? rule.valid, v)) {
        push(out, kind, start, v);
        taken.add(start);
      }
    }
    // The name a sentence or two before (`…lists the wrong social insurance number. The correct
    // one is 208 421 099.`): a value of the shape whose check holds, within NEAR characters after it.
    const near = NEAR.get(kind)!;
    // Where the name occurs (its ends, in order): each candidate asks only for the last one before it.
    const cues: number[] = [];
    near.cue.lastIndex = 0;
    while ((m = near.cue.exec(text)) !== null) cues.push(m.index + m[0].length);
    if (cues.length === 0) continue;
    let c = -1;
    near.shape.lastIndex = 0;
    while ((m = near.shape.exec(text)) !== null) {
      while (c + 1 < cues.length && cues[c + 1] <= m.index) c++;
      if (c < 0 || m.index - cues[c] > NEAR_WINDOW || taken.has(m.index) || linesBetween(text, cues[c], m.index) > 3) continue;
      const v = m[1];
      // A number labelled as something else (`order 02070803628`, `phone: …`) is that.
      if (OTHER_LABEL.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
      // After a `+`, an international phone number's digits (`+78005553535`).
      if (text.charCodeAt(m.index - 1) === 43) continue;
      if (!oneDigit(v) && holds(rule.valid, v)) {
        push(out, kind, m.index, v);
        // How many lines above its value the cue stands: what reads the lines around the value
        // (a lone first name beside it) reaches that much less far.
        Object.defineProperty(out[out.length - 1], 'cueLines', { value: linesBetween(text, cues[c], m.index), enumerable: false });
      }
    }
  }
  if (!general) return;
  for (const re of [GENERAL, GENERAL_CAMEL]) generalIds(text, re, out, holds);
}

/** Values after a general word for an identity number: taken when any national format validates one. */
function generalIds(text: string, re: RegExp, out: Finding[], holds: (valid: (v: string) => boolean, v: string) => boolean): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // The value may run on into the next words (`… 12345678Z issued in Madrid`): shortest first.
    const raw = m[1];
    const start = m.index + m[0].length - raw.length;
    for (let end = 8; end <= raw.length; end++) {
      if (end < raw.length && /[A-Z0-9]/i.test(raw[end])) continue;
      const v = raw.slice(0, end);
      const hit = oneDigit(v) ? undefined : ANCHORED.find((a) => a.re.test(v) && holds(a.rule.valid, v));
      if (hit) {
        push(out, hit.rule.kind, start, v);
        break;
      }
    }
  }
}

/** The kind of identifier `v` is shaped as, its check not tested (see MAX_ID_CHECKS in index.ts). */
export function nationalIdShape(v: string): string | null {
  if (oneDigit(v)) return null;
  for (const a of ALONE) if (a.re.test(v)) return a.rule.kind;
  return null;
}

/** Is `v`, a whole run of token characters, an identifier readable alone? Its kind, or null. */
export function nationalIdAlone(v: string): string | null {
  if (oneDigit(v)) return null;
  for (const a of ALONE) if (a.re.test(v) && a.rule.valid(v)) return a.rule.kind;
  return null;
}

// ---------- columns and keys named for an identifier ----------
// A table's header or an INSERT's column list names what every row holds (`name,personnummer`,
// `INSERT INTO kyc (user_id, pan) VALUES …`): each row's cell is read as that kind, and taken when
// it validates as one, however far it stands from the name.

/** A cell's value: its kind when it is an identifier of the kind the column names, else null. */
export type ColumnReader = (v: string) => string | null;

const NUMBER_SUFFIX = '(?:[ _.-]?(?:no\\.?|num(?:ber)?|nr\\.?|#|id))?';
// The header's search takes the plain words only (each alternative costs the whole text's search).
const USER_COLUMN = /^(?:user(?:[ _-]?name)?|login(?:[ _-]?name)?|uid|sam[ _-]?account[ _-]?name|account[ _-]?name|handle|nick(?:name)?)$/i;
const POSTCODE_COLUMN =
  /^(?:post[ _-]?code|postal[ _-]?code|postcode|zip(?:[ _-]?code)?|plz|postleitzahl|postnummer|postinumero|cep|c[oó]digo[ _-]postal|code[ _-]postal|kod[ _-]pocztowy)$/i;
const PHONE_HEADER = 'phone|tel|mobile|mobil|cell|cellulare|celular|handy|telefon|telefono|puhelin|shouji|msisdn';
const PHONE_COLUMN = `(?:(?:home|work|mobile|cell|contact|recovery|emergency|primary|secondary)[ _-]?)?(?:phone|telephone|tel|mobile|mobil|cell|cellphone|cellulare|celular|handy|telefon|telefono|teléfono|telefone|téléphone|puhelin|shouji|gsm|msisdn|телефон|тел\\.?|мобильный|мобилен|мобільний|τηλέφωνο|κινητό|${SCRIPT_PHONE_WORDS})(?:[ _-]?(?:number|nr|no|\\d))?`;
const whole = (cue: string): RegExp => new RegExp(`^(?:${cue})${NUMBER_SUFFIX}$`, 'i');
const DATE_ALONE = new RegExp(`^${DATE}$`, 'i');
const ANY_ID = RULES.filter((r) => !r.cuedOnly).map((rule) => ({ rule, shape: new RegExp(`^(?:${rule.shape})$`, 'i') }));
const COLUMN_READERS: { name: RegExp; read: ColumnReader }[] = [
  ...RULES.map((r) => {
    const shape = new RegExp(`^(?:${r.shape})$`, 'i');
    return { name: whole(r.cue), read: (v: string) => (shape.test(v) && r.valid(v) && !oneDigit(v) ? r.kind : null) };
  }),
  {
    name: whole('ssn|social[ _-]?security(?:[ _-]?number)?'),
    read: (v) => (/^(?!000|666|9\d\d)\d{3}([- .]?)(?!00)\d{2}\1(?!0000)\d{4}$/.test(v) && !oneDigit(v) ? 'us-ssn' : null),
  },
  {
    name: new RegExp(`^${BIRTH_WORD}$`, 'i'),
    read: (v) => (DATE_ALONE.test(v) && (!/^\d{4}/.test(v) || +v.slice(0, 4) >= 1900) ? 'birth-date' : null),
  },
  // An identity document's number of any country the rules know (`id_number`, `document_no`), taken when one validates it.
  {
    name: whole(
      'id[ _-]?(?:number|no|nr)|identity[ _-]?(?:number|no)|personal[ _-]?(?:code|number|id)|tax[ _-]?code|document[ _-]?(?:number|no|nr)|national[ _-]?id(?:[ _-]?(?:number|no))?|tax[ _-]?id|documento|n(?:u|ú)mero[ _-]?(?:de[ _-]?)?documento|nro[ _-]?documento|doc[ _-]?(?:numero|nro|no)',
    ),
    read: (v) => {
      for (const r of ANY_ID) if (r.shape.test(v) && r.rule.valid(v) && !oneDigit(v)) return r.rule.kind;
      return null;
    },
  },
  // A passport's number: six to ten letters and digits, five digits at least (`TK1640669`, `E87616589`).
  {
    name: whole('passport(?:[ _-]?(?:no\\.?|number|nr|#))?|passeport|pasaporte|passaporto|reisepass(?:[ _-]?(?:nr\\.?|nummer))?'),
    read: (v) => (/^[A-Z0-9]{6,10}$/.test(v) && digitCount(v) >= 5 && !oneDigit(v) ? 'passport-number' : null),
  },
  // A medical record number: letters and digits, at least five digits (`03753373`, `MRN-0048213`).
  {
    name: whole('mrn|medical[ _-]?record(?:[ _-]?number)?|patient[ _-]?id'),
    read: (v) =>
      /^[A-Z0-9][A-Z0-9-]{4,15}$/i.test(v) && digitCount(v) >= 5 && !oneDigit(v.replace(/\D/g, '')) ? 'medical-record-number' : null,
  },
  // A vehicle's registration plate and identification number.
  {
    name: whole(
      'vehicle[ _-]?reg(?:istration)?|reg(?:istration)?[ _-]?(?:no|number|plate|mark)|licen[cs]e[ _-]?plate|number[ _-]?plate|plate|kennzeichen|kenteken|immatriculation|matr[ií]cula|targa|placa',
    ),
    read: (v) => {
      const bare = v.replace(/[ -]/g, '');
      return /^[A-Z0-9]{1,8}(?:[ -][A-Z0-9]{1,5}){0,3}$/.test(v) &&
        bare.length >= 5 &&
        bare.length <= 10 &&
        /\d/.test(bare) &&
        /[A-Z]/.test(bare)
        ? 'vehicle-plate'
        : null;
    },
  },
  {
    name: whole('vin|vehicle[ _-]identification[ _-]number'),
    read: (v) => (/^[A-HJ-NPR-Z0-9]{17}$/.test(v) && /\d/.test(v) && /[A-Z]/.test(v) ? 'vehicle-id' : null),
  },
  {
    name: whole('nhs'),
    read: (v) => (/^\d{3}[ -]?\d{3}[ -]?\d{4}$/.test(v) && nhsValid(v.replace(/[ -]/g, '')) ? 'nhs-number' : null),
  },
  {
    name: whole('ni|nino|national[ _-]insurance'),
    read: (v) => (NINO_VALUE.test(v) ? 'uk-nino' : null),
  },
  // A column of phone numbers: any number written as one (its region is the table's, not the machine's).
  {
    name: whole(PHONE_COLUMN),
    read: (v) =>
      /^(?:\+|00)?\d[\d \-.()/]{5,20}\d$/.test(v) && /^(?:\D*\d){7,15}\D*$/.test(v) && !oneDigit(v.replace(/\D/g, '')) ? 'phone' : null,
  },
  // A column of advertising ids (`ad_id`, `idfa`, `gaid`): a UUID follows one person across apps.
  {
    name: whole('ad[ _-]?id|idfa|idfv|gaid|aaid|maid|advertising[ _-]?id'),
    read: (v) => (/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i.test(v) && !/^[0-]+$/.test(v) ? 'device-id' : null),
  },
  // A driving licence's number: letters and digits, at least four digits (`K3494176`, `B890-963-66-233-8`).
  {
    name: whole("driver'?s?[ _-]?licen[cs]e|driving[ _-]licen[cs]e|licen[cs]e[ _-]?(?:number|no|num)|dl[ _-]?(?:number|no)"),
    read: (v) =>
      /^[A-Z0-9][A-Z0-9 -]{4,20}[A-Z0-9]$/i.test(v) && /(?:\D*\d){4}/.test(v) && !/^\d{4}-\d{2}-\d{2}$/.test(v) ? 'driver-license' : null,
  },
  // A postcode fine enough to point at a few houses: British, Canadian, Dutch, Irish.
  {
    name: whole('post[ _-]?code|postal[ _-]?code|postcode|eircode|postnummer|zip'),
    read: (v) => (POSTCODE_FINE.test(v.trim()) ? 'street-address' : null),
  },
  // Bank details: a sort code, an account number.
  { name: whole('sort[ _-]?code'), read: (v) => (/^\d{2}-?\d{2}-?\d{2}$/.test(v) ? 'bank-account' : null) },
  { name: whole('(?:bank[ _-]?)?(?:account|acct)'), read: (v) => (/^\d{6,12}$/.test(v) && !oneDigit(v) ? 'bank-account' : null) },
  {
    name: whole('passport'),
    read: (v) =>
      /^[A-Z0-9]{6,9}$/i.test(v) && (digitCount(v) >= 5 || (v.length >= 8 && digitCount(v) >= 3 && /[A-Z]/i.test(v)))
        ? 'passport-number'
        : null,
  },
];

/**
 * How to read the cells of a column named `name` (quotes and brackets around it are ignored), or
 * null. `columns`: all the columns' names; a column as plain as `name` or `address` is read only
 * beside another personal column (`email`, `phone`, `dob`, …).
 */
const SURNAME_COLUMN =
  /^["'`]?(?:apellidos?|surname|last[ _-]?name|lastname|family[ _-]?name|nachname|cognome|nazwisko|achternaam|efternamn|etternavn|sobrenome|nom[ _-]?de[ _-]?famille|sukunimi)["'`]?$/i;
export function columnReader(name: string, columns: readonly string[] = []): ColumnReader | null {
  // A note after the name (`First Name [Required]`, `Passenger (as in passport)`) is no part of it.
  const n = name
    .trim()
    .replace(/^[`"'[]|[`"'\]]$/g, '')
    .replace(/[ \t]*\[[^\]]{1,30}\]?$/, '')
    .replace(/[ \t]*\([^)]{1,30}\)$/, '');
  if (n.length === 0 || n.length > 48) return null;
  const field = personalField(n);
  if (
    field !== null &&
    field.what !== 'postcode' &&
    (!field.plain || columns.some((c) => c !== name && (isPersonalKey(c) || columnReader(c) !== null)))
  ) {
    const kind = field.what === 'name' ? 'person-name' : 'street-address';
    // Beside a column of surnames, a name's column holds given names (`nombre`, `apellidos`): one word is one.
    const minWords = field.what === 'name' && columns.some((c) => c !== name && SURNAME_COLUMN.test(c.trim())) ? 1 : field.minWords;
    // A card's holder is written as the card embosses it (`HEMI TE RANGI`).
    // (Capitals under any column that names a name, as manifests and forms print it: `XIAODONG CHEN`.)
    const capitals = !field.plain || /holder|on[ _-]?card/i.test(n);
    return (v) => ((field.what === 'name' ? looksLikeName(v, minWords, capitals) : looksLikeAddress(v)) ? kind : null);
  }
  // A user's account name (`rfairweather`), beside their name or other personal data; not a system's account.
  if (USER_COLUMN.test(n) && columns.some((c) => c !== name && (personalField(c)?.what === 'name' || isPersonalKey(c))))
    return (v) => (/^[a-z][a-z0-9._-]{1,31}$/i.test(v) && !SYSTEM_ACCOUNT.test(v.toLowerCase()) && !/^\d+$/.test(v) ? 'person-name' : null);
  // A coarse postcode (`10115`, `150-0002`) points at a person only beside their name or street.
  if (
    (POSTCODE_COLUMN.test(n) || field?.what === 'postcode') &&
    columns.some((c) => c !== name && personalField(c) !== null && personalField(c)?.what !== 'postcode')
  )
    return (v) => (POSTCODE_FINE.test(v.trim()) || POSTCODE_COARSE.test(v.trim()) ? 'street-address' : null);
  const hits = COLUMN_READERS.filter((c) => c.name.test(n));
  if (hits.length === 0) return null;
  return (v) => {
    for (const h of hits) {
      const kind = h.read(v);
      if (kind !== null) return kind;
    }
    return null;
  };
}

const TABLE_DELIMITERS = ',;\t| '; // the last: cells aligned by two spaces or more
const MAX_TABLE_LINE = 4096;
const MAX_TABLE_ROWS = 100_000;
// A header cell: a short name, maybe quoted.
const HEADER_CELL =
  // eslint-disable-next-line no-misleading-character-class -- whole scripts' ranges: their marks belong in them
  /^[ \t]*["']?[A-Za-z_\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff66-\uff9f][\w .\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff66-\uff9f'-]{0,47}(?:[ \t]*\[[^\]\n]{1,30}\]|[ \t]*\([\w .]{1,30}\))?["']?[ \t]*$/;

function lineBounds(text: string, at: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  return { start, end: end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end };
}

/** Cells of one line split at `delim` outside double quotes: [start, end) offsets in the line. */
function cellsOf(line: string, delim: string): { start: number; end: number }[] {
  const cells: { start: number; end: number }[] = [];
  if (delim === ' ') {
    // Aligned by spaces (pandas, `column -t`, SQL clients' plain output): cells are apart by two or more.
    ALIGNED_CELL.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = ALIGNED_CELL.exec(line)) !== null;) cells.push({ start: m.index, end: m.index + m[0].length });
    return cells;
  }
  let start = 0,
    quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === delim && !quoted) {
      cells.push({ start, end: i });
      start = i + 1;
    }
  }
  cells.push({ start, end: line.length });
  if (delim === '|') {
    // `| a | b |`: the empty cells outside the outer bars are no cells.
    if (cells.length > 1 && line.slice(cells[0].start, cells[0].end).trim() === '') cells.shift();
    if (cells.length > 1 && line.slice(cells[cells.length - 1].start, cells[cells.length - 1].end).trim() === '') cells.pop();
  }
  return cells;
}

const ALIGNED_CELL = /[^ \t]+(?: [^ \t]+)*/g;

/** Does a cell of the line [start, end) begin with a cue of HEADER_NAME? (Two spaces or more part cells too.) */
function cueInCells(text: string, start: number, end: number): boolean {
  let delimiters = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (text.charCodeAt(i + 1) !== 32) continue;
      while (i + 1 < end && text.charCodeAt(i + 1) === 32) i++;
    } else if (c !== 44 && c !== 59 && c !== 9 && c !== 124) continue;
    delimiters++;
    HEADER_NAME.lastIndex = i + 1;
    if (HEADER_NAME.test(text)) return true;
  }
  if (delimiters === 0) return false;
  HEADER_NAME.lastIndex = start;
  return HEADER_NAME.test(text);
}

/**
 * Tables (CSV, TSV, semicolon, Markdown) whose header names an identifier column: the column's
 * cell in every following row of as many cells, taken when it validates as that identifier.
 * `names` finds candidate header cells; each header line is read once.
 */
export function findIdentifierColumns(text: string, out: Finding[]): void {
  HEADER_LINE.lastIndex = 0;
  let line: RegExpExecArray | null;
  let readTo = 0;
  while ((line = HEADER_LINE.exec(text)) !== null) {
    if (line.index < readTo) continue;
    // Columns of fixed width under a rule of dashes (psql with `\pset border 0`, SQL*Plus, sqlcmd):
    // the rule's runs say where each column stands, whatever spaces part the names.
    const fixed = fixedColumns(text, line.index, line.index + line[0].length, out);
    if (fixed > 0) {
      readTo = fixed;
      HEADER_LINE.lastIndex = Math.max(HEADER_LINE.lastIndex, fixed);
      continue;
    }
    if (!cueInCells(text, line.index, line.index + line[0].length)) continue;
    const header = lineBounds(text, line.index + 1);
    readTo = header.end;
    HEADER_LINE.lastIndex = Math.max(HEADER_LINE.lastIndex, header.end);
    if (header.end - header.start > MAX_TABLE_LINE) continue;
    const headLine = text.slice(header.start, header.end);
    for (const delim of TABLE_DELIMITERS) {
      if (delim === ' ' ? !/[^ \t] {2,}[^ \t]/.test(headLine) : !headLine.includes(delim)) continue;
      const heads = cellsOf(headLine, delim);
      if (heads.length < 2 || heads.length > 64) continue;
      if (!heads.every((c) => HEADER_CELL.test(headLine.slice(c.start, c.end)))) continue;
      const names = heads.map((c) => headLine.slice(c.start, c.end));
      const readers = names.map((c) => columnReader(c, names));
      if (!readers.some((r) => r !== null)) continue;
      readTo = Math.max(readTo, readRows(text, header.end, delim, readers, out));
      HEADER_LINE.lastIndex = Math.max(HEADER_LINE.lastIndex, readTo);
      break;
    }
  }
  // Rows under a statement that names their columns: pg_dump's `COPY t (a, b) FROM stdin;` (tabs),
  // the sqlite shell's `select a, b from t;` (bars), `mysql -B` (tabs).
  if (!text.includes('FROM stdin') && !text.includes('from stdin') && !promptedSelect(text)) return;
  COLUMN_LIST.lastIndex = 0;
  let list: RegExpExecArray | null;
  while ((list = COLUMN_LIST.exec(text)) !== null) {
    const names = list[1] !== undefined ? list[1].split(',').map((c) => c.trim().replace(/^"|"$/g, '')) : selectNames(list[2]);
    if (names.length < 2 || names.length > 64 || names.some((n) => n === '' || n === '*')) continue;
    const readers = names.map((c) => columnReader(c, names));
    if (!readers.some((r) => r !== null)) continue;
    const header = lineBounds(text, list.index + 1);
    const next = lineBounds(text, header.end + 1);
    const first = text.slice(next.start, next.end);
    const delim = list[1] !== undefined ? '\t' : first.includes('\t') ? '\t' : '|';
    readRows(text, header.end, delim, readers, out);
  }
}

const COLUMN_LIST =
  /^[ \t]*(?:(?:[\w.-]{0,20}[>=#][ \t]*)?COPY[ \t]+[\w."]+[ \t]*\(([^()\n]{1,2000})\)[ \t]+FROM[ \t]+stdin\b[^\n]*|[\w.-]{0,20}[>=#][ \t]*select[ \t]+((?:[\w."]+(?:[ \t]+as[ \t]+[\w"]+)?[ \t]*,[ \t]*){1,63}[\w."]+(?:[ \t]+as[ \t]+[\w"]+)?)[ \t]+from\b[^\n]*)$/gim;

/** Does a select follow a prompt (`sqlite> select`, `db=# SELECT`)? Native searches only. */
function promptedSelect(text: string): boolean {
  for (const word of ['select ', 'SELECT ']) {
    for (let i = text.indexOf(word); i > 0; i = text.indexOf(word, i + 1)) {
      let b = i - 1;
      while (b > 0 && (text[b] === ' ' || text[b] === '\t')) b--;
      if (text[b] === '>' || text[b] === '#') return true;
    }
  }
  return false;
}

/** The names a select gives its columns: an alias, else the column's own name (`u.email` → `email`). */
function selectNames(list: string): string[] {
  return list.split(',').map((c) => {
    const alias = /[ \t]as[ \t]+"?([\w]+)"?$/i.exec(c.trim());
    const name = alias ? alias[1] : c.trim();
    return name.slice(name.lastIndexOf('.') + 1).replace(/^"|"$/g, '');
  });
}

/**
 * The rows after a header ending at `pos`, split at `delim`, each column read by its reader;
 * until a row of another number of cells. Returns where the last row read ends.
 */
const DASH_RULE = /^[ \t]*-{2,}(?:[ \t]+-{2,})+[ \t]*\r?$/;

/** A header line [start, end) over a rule of dashes: its columns read by the rule's runs. Returns where the rows end, or 0. */
function fixedColumns(text: string, start: number, end: number, out: Finding[]): number {
  if (text.charCodeAt(end) !== 10 && !(text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10)) return 0;
  const ruleAt = text.charCodeAt(end) === 13 ? end + 2 : end + 1;
  const c = text.charCodeAt(ruleAt);
  if (c !== 45 && c !== 32 && c !== 9) return 0;
  const rule = lineBounds(text, ruleAt);
  const ruleLine = text.slice(rule.start, rule.end);
  if (rule.end - rule.start > MAX_TABLE_LINE || !DASH_RULE.test(ruleLine)) return 0;
  const spans: { start: number; end: number }[] = [];
  for (const m of ruleLine.matchAll(/-+/g)) spans.push({ start: m.index, end: m.index + m[0].length });
  if (spans.length > 64) return 0;
  const headLine = text.slice(start, end).replace(/\r$/, '');
  const names = spans.map((sp, k) => headLine.slice(sp.start, k === spans.length - 1 ? headLine.length : spans[k + 1].start).trim());
  if (names.some((n) => n === '' || !HEADER_CELL.test(n))) return 0;
  const readers = names.map((n) => columnReader(n, names));
  if (!readers.some((r) => r !== null)) return 0;
  return readRows(text, rule.end, ' ', readers, out, spans);
}

function readRows(
  text: string,
  pos: number,
  delim: string,
  readers: (ColumnReader | null)[],
  out: Finding[],
  spans?: readonly { start: number; end: number }[],
): number {
  let readTo = pos;
  for (let rows = 0; rows < MAX_TABLE_ROWS; rows++) {
    if (text.charCodeAt(pos) === 13) pos++;
    if (pos >= text.length || text.charCodeAt(pos) !== 10) break;
    const row = lineBounds(text, pos + 1);
    if (row.end === row.start || row.end - row.start > MAX_TABLE_LINE) break;
    pos = row.end;
    const line = text.slice(row.start, row.end);
    // The rule under a header: Markdown's, psql's (`----+----`), SQL clients' (`------ ------`).
    // (Any row of them in a table drawn with box characters: DuckDB rules off its header's types.)
    if (
      (delim === '|' || delim === ' ') &&
      (rows === 0 || line.includes('+')) &&
      /^[ \t]*[|+]?[ \t:|+-]+$/.test(line) &&
      line.includes('-')
    )
      continue;
    // Fixed columns: each cell where its rule's run stands (the last to the line's end); not a footer (`(3 rows)`).
    if (spans !== undefined && (line.length <= spans[spans.length - 1].start || /^\(\d+ rows?\)/.test(line))) break;
    // (A row whose cells stand two spaces or more apart, as many as the header's, is read by them:
    // a row edited by hand no longer lines up with its rule.)
    const apart = spans !== undefined ? spacedCells(line) : null;
    const cells =
      spans !== undefined
        ? apart !== null && apart.length === spans.length
          ? apart
          : spans.map((sp, k) => ({
              start: Math.min(sp.start, line.length),
              end: k === spans.length - 1 ? line.length : Math.min(spans[k + 1].start, line.length),
            }))
        : cellsOf(line, delim);
    // pandas prints each row's index before its cells, under no header.
    if (delim === ' ' && cells.length === readers.length + 1 && /^\d{1,9}$/.test(line.slice(cells[0].start, cells[0].end))) cells.shift();
    if (cells.length !== readers.length) break;
    readers.forEach((read, col) => {
      if (read === null) return;
      let { start: cs, end: ce } = cells[col];
      while (cs < ce && (line[cs] === ' ' || line[cs] === '\t')) cs++;
      while (ce > cs && (line[ce - 1] === ' ' || line[ce - 1] === '\t')) ce--;
      if (ce - cs >= 2 && (line[cs] === '"' || line[cs] === "'") && line[ce - 1] === line[cs]) {
        cs++;
        ce--;
      }
      const kind = read(line.slice(cs, ce));
      if (kind !== null) out.push({ kind, start: row.start + cs, end: row.start + ce });
    });
    readTo = row.end;
  }
  return readTo;
}

/** A line's runs of text two spaces or a tab apart, or null when it has more than 64. */
function spacedCells(line: string): { start: number; end: number }[] | null {
  const cells: { start: number; end: number }[] = [];
  for (const m of line.matchAll(/[^ \t](?:[^ \t]| (?=[^ \t]))*/g)) {
    if (cells.length === 64) return null;
    cells.push({ start: m.index, end: m.index + m[0].length });
  }
  return cells;
}

// Columns of names and addresses (fields.ts decides which, and whether a plain one counts).
const PERSONAL_HEADER =
  '(?:full|first|last|given|family|customer|client|contact|patient|employee)[ _-]?name|(?:card|account)?[ _-]?holder|firstname|lastname|surname|name|nombre|apellidos?|vorname|nachname|namn|naam|nome|cognome|nazwisko|pr[eé]nom|nom|sukunimi|etunimet?|soyad[ıi]?|emergency[ _-]?contact|kontoinhaber|street[\\w -]{0,12}|address[\\w -]{0,8}|stra(?:ss|ß)e|calle|direcci[oó]n|adresse';

// A line that can only be a header: nothing but what HEADER_CELL allows and the delimiters (most
// lines of code hold a character neither does, and are passed over without trying the cues).
const HEADER_LINE =
  // eslint-disable-next-line no-misleading-character-class -- whole scripts' ranges: their marks belong in them
  /^(?:[\w .\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff66-\uff9f"'\t,;|-]|\[[^\]\n]{1,30}\]|\([\w .]{1,30}\))+\r?$/gm;

// A header cell that may name an identifier: a cue of any rule above, as a whole cell (tried at
// the start of each cell of a HEADER_LINE).
const HEADER_NAME = new RegExp(
  `[ \\t]*["']?(?:${[...RULES.map((r) => r.cue), 'ssn|social[ _-]?security(?:[ _-]?number)?', 'nhs|ni|nino|national[ _-]insurance|vehicle[ _-]?reg(?:istration)?|reg(?:istration)?[ _-]?(?:no|number|plate)|licen[cs]e[ _-]?plate|number[ _-]?plate|plate|vin|kennzeichen|kenteken|display[ _-]?name|sam[ _-]?account[ _-]?name|user[ _-]?name|telephone(?:[ _-]?number)?|e-?mail(?:[ _-]?address)?|mrn|medical[ _-]?record|patient[ _-]?id|sort[ _-]?code|(?:bank[ _-]?)?(?:account|acct)|licen[cs]e[ _-]?(?:number|no)|post[ _-]?code|postal[ _-]?code|eircode', PHONE_HEADER, 'dob|date[ _-]?of[ _-]?birth|birth[ _-]?date|birthday|geburtsdatum|geboortedatum|do[gğ]um[ _-]tarihi|дата[ _-]рождения|фио|ф\\.и\\.о\\.|фамилия|имя|телефон|τηλέφωνο|όνομα|επώνυμο', SCRIPT_PHONE_WORDS, SCRIPT_PERSONAL_WORDS, 'passport', 'personal[ _-]?(?:code|number|id)', 'ad[ _-]?id|idfa|idfv|gaid|aaid|maid|advertising[ _-]?id', PERSONAL_HEADER].join('|')})${NUMBER_SUFFIX}(?:[ \\t]*\\[[^\\]\\n]{1,30}\\])?["']?[ \\t]*(?=[,;\\t|\\r\\n]|$| {2})`,
  'imy',
);
