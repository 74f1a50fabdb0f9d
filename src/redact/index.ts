/**
 * The redaction engine. Pure: no VS Code, no I/O, no clock beyond the per-call budget.
 *
 *   const r = createRedactor({ key, localIdentifiers, excludedGlobs, budgetMs });
 *   r.isExcludedPath('config/.env')          // true → never capture this file
 *   const { text, findings, dropped } = r.redact(raw);
 *
 * - `key` is the per-install HMAC key (≥ 16 bytes). It only ever feeds the placeholder suffix:
 *   `<REDACTED:github-token#1a2b3c4d>` is HMAC-SHA256(key, secret) cut to 8 hex digits, so the
 *   same secret always gets the same placeholder and different secrets (almost surely) differ.
 * - `redact` never changes the number of '\n' in its input and is deterministic for a given key.
 *   Every rule except private-key blocks is line-local: redacting any whole-line region of a
 *   document gives, for those lines, what redacting the whole document gives (see
 *   docs/redaction.md for what that means for partial regions).
 * - `findings` are [start, end) offsets into the input, one per replaced span.
 * - Fail closed: when a call takes longer than `budgetMs`, or its findings turn out denser than
 *   one per DENSE_CHARS characters over DENSE_BLOCK of them (a dump, not code), its result is
 *   `dropped: true` and the text is replaced by a marker line followed by empty lines (same line count).
 * - `excludedGlobs` replaces the default exclusion list; `extraExcludedGlobs` adds to it.
 */
import { join } from 'node:path';
import { findKeywordSecrets, HIT_WORDS, type TableReader, wordLike } from './keyword';
import { hmacSha256Prefix, hmacSha256Word } from './hmac';
import { PROVIDER_RULES, STRUCTURAL_RULES, type PatternRule } from './providers';
import { compileLocalIdentifiers, type LocalIdentifiers } from './pii';
import type { PhoneFinder } from './phones';
import { findBearer, findConnectionCredentials, findKeyMaterialLines, findPrivateKeys, findUrlCredentials } from './structural';
import type { StatementHints } from './statements';
import type { CliHints } from './commands';
import {
  COMMAND_FEATURES,
  CONNECT_FEATURES,
  STDIN_FEATURES,
  TYPING_FEATURES,
  prosePasswordHint,
  type CommandTool,
  NATIONAL_ID_FEATURES,
  NATIONAL_ID_KINDS,
  GENERAL_ID_FEATURES,
  type NationalIdKind,
} from './command-features';
import { findItins, type IdentifierHints } from './identifiers';
import { ROAD_WORDS, STREET_NUMBER_FIRST_WORDS, STREET_PREFIXES, STREET_SUFFIXES, TURKISH_STREET_WORDS } from './street-words';
import {
  Covered,
  denseGuard,
  distinctChars,
  isAlnum,
  isPlaceholder,
  SCRIPT_PERSONAL_WORDS,
  SCRIPT_PHONE_WORDS,
  TooDense,
  wl,
  type Finding,
} from './text';
import { compileExclusions, DEFAULT_EXCLUDED_GLOBS } from './paths';

export { DEFAULT_EXCLUDED_GLOBS } from './paths';
export type { Finding } from './text';
export type { LocalIdentifiers } from './pii';

/**
 * Bumped whenever the rules change what gets redacted (2: the generic detectors, statements,
 * command lines and identifiers of issue 15; 3: national identifiers, prose passwords, passphrases
 * under secret names, dotted token prefixes, the nearest cue deciding; 4: table columns, variables
 * set for one command, folded YAML values, hyphenated passphrases under secret names, routing, VAT
 * and UEN numbers; 5: pairs naming a credential, literals encoded for Basic authentication, webhook
 * path tokens, identifier columns, chosen URL passwords at any host, public keys kept; 6: people's
 * names in prose, street and Ethereum addresses, unquoted random values, identifiers a sentence
 * after their names, credentials continued across a backslash line break, encoded phone numbers,
 * passwords of symbols; 7: vCard, HL7, X12 and LDIF records, birth dates in code and markup,
 * phone, NHS, NI and account columns, five more national identifiers and the corrected Verhoeff
 * check, streets of more countries, service configurations and secrets printed in terminals,
 * base64 of credentials, AWS secrets beside their key id, key bytes under key-named declarations,
 * card track data; 8: birth dates with their months' names in nine languages and in Chinese,
 * Japanese and Korean, passwords after their words in other languages, security codes and PINs,
 * passwords with spaces or letters past ASCII, names after labels in other scripts, chats'
 * speakers and handles, user names made of names, names before a contact's number or address,
 * an initial and a surname, 24,000 more names, seven more national identifiers, postal lines after
 * a street; 9: addresses after their label or a verb of living, postcodes in personal records,
 * tables aligned by spaces and psql's, headers in Cyrillic, DICOM headers, LDAP searches' users,
 * plates, VINs and machine-readable zones, spaced NI numbers, birth words as keys in more
 * languages; 10: rows of tables without a header, other mentions of a name on the lines around
 * it, personal numbers of 21 more countries, public keys' values kept, passwords with a dollar
 * inside, names beside honorifics, introductions and closings in other scripts; 11: a first name
 * alone at a sentence's end or after a comma and beside identifiers, 48,000 more given names, whose
 * word a sentence reports, logins in commands and ssh's configuration, names in their own scripts
 * under name keys, any country's number after words every country uses, plates, VINs, patients'
 * ids, Nordic postal lines; 12: identifiers under acronym header cells and as setters' and
 * builders' arguments, the logins a person's name makes, access logs' users, profiles' handles,
 * names in Cyrillic and Greek, lists of those present in Chinese, Japanese and Korean, domain
 * logins, meetings' passcodes, stand-in addresses in other languages; 13: published test and
 * documentation values kept, passwords a person chose beside a word for one, namespaced XML
 * elements; 14: defaults of credential parameters, options' defaults, map pairs, device addresses
 * of any first octet, Troy cards, family names said again, chat speakers after the time, mentions
 * by display name, notes' owners, logins again in paths, ids that their glued key names kept;
 * 15: names in Armenian, Georgian, Amharic, Bengali, Hindi, Persian, Thai and Vietnamese, Cyrillic
 * given names in their cases, nicknames in quotes, chat speakers without a time, romanised Korean
 * names, passports, licences and plates after their names past Latin, Nigeria's and Portugal's
 * numbers, Malaysian NRICs alone, Arabic-Indic digits, addresses with letters past ASCII, sections
 * of passwords by user; SSH public keys, DKIM signatures, companies and places of five more
 * languages kept); 16: UUIDs and shaped ids where services put them (ping URLs, syslog's data,
 * logins beside passwords, B2's key ids, meetings' numbers), credentials past Rust's types, in
 * tables of names and values and under comments that name them, Oracle's user/password@db, given
 * names alone after a cue or before a verb, names in brackets, Greek family names, Turkish numbers
 * and streets, Czech birth numbers alone, Colombia's NIT, e-mail addresses spelled out; stores'
 * paths, hashes, Stripe's ids and tools' default logins kept; 17: the id beside its secret under a
 * name of the same stem, generated passwords of letters, logins with passwords in pairs, names the
 * lists lack after labels only people bear, display names past Latin, Vietnamese, Irish, Armenian
 * and Georgian names, names in Han or Hangul again, devices' hardware ids, MBIs, postal lines and
 * post office boxes; towns kept where a name could stand, databases' names in their URLs kept;
 * 18: wallets' recovery phrases and keys, advertising ids, phones in pairs and in more regions,
 * handles made for one use, hosts named for their owner, names after more languages' greetings,
 * closings and titles, given names in another case, notes signed after a dash, letters of random
 * case under a key's name, TOTP seeds, lists' items under a credential's label; certificates and
 * settings in base64, module hashes, secrets managers' references and sealed secrets kept;
 * 19: identifiers under the names ~30 countries give them, names right after a person's number,
 * names under a name's label in the scripts of India, Hebrew and Arabic, names in lower case after
 * words for reaching someone, logins that are given names, notes signed after a slash, pieces
 * concatenated to a secret, passwords given to hashing functions, after quoted labels and in
 * login/password pairs, CIDs, account numbers under bare names, FCM's and eBay's keys; public keys
 * in DER kept;
 * 20: other mentions of names found by any reader, names in a list's items and a meeting's
 * attendees, Japanese names by readings, honorifics and common family names, Korean names saying
 * who speaks, a name's form in another script beside it, given names before what only a person
 * has, phones written nationally after a name, logins after `User` and of two names run together,
 * passwords with dots in configuration, codes with words before the colon, one-time passwords'
 * seeds, identifiers after `kt.`, `konto`, a PIX `chave`, `NIP`, `NPWP`, a carné and `普通`,
 * postal lines under a form's label and after a flat's slash, private keys' lines past a log's
 * prefix, passwords written as printable bytes, Sweden's personnummer alone, Mercado Pago's and
 * Roblox's formats;
 * Twilio's resources' ids kept;
 * 21: a card's expiry and its security code in other languages beside its number, names as airlines
 * write them (`HARGREAVES/PENELOPE`), Russian, Polish and Greek names in other cases, Russian given
 * names starting a sentence, Finnish family names, full names joined to a name found, Hangul and Han
 * names before a phone or the next field, Discord's speakers, SAP's name keys, initials after a
 * title, names after Dutch's `de heer`, quoted local parts and
 * people's GitHub addresses, identifiers after more words (numéro fiscal, N° de compte, CHI, ИИН, a
 * carné de identidad), PPS and PAN under keys as code writes them, values of a block under a word for
 * tokens, Redis's access lists, Tcl's braces, recovery keys and backup codes, literals given to calls
 * that wrap a secret, crypto addresses after a key's `=`; voice assistants' features kept;
 * 22: names under a form's labels of two words (`Full name: OKONKWO CHIDI`) and capitals under a
 * plain `name` among other personal data, passphrases of plain words under a password's name
 * (`Sunny days ahead!`), a card's expiry written `exp=MMYY` and after Turkish's `SKT`; toll-free
 * numbers kept, courts', offices' and stations' names, towns joined, and a company's number after
 * its legal form, a Jenkins parameter's default under a password's name, a password piped with a
 * separator inside its quotes, Terraform state's generated passwords; interpolated references and
 * service mailboxes' display names kept; documents' numbers with letters after their names
 * (identity cards, `doc_number`, RIF, EPIC, MBI, `id_no`), German passports' ten characters,
 * `Pat.-Nr.`, and Polish account numbers without their `PL` by their check; plates with a group
 * of five, names in capitals before a phone after `sent to`, shipping labels in capitals; names
 * after labels in more scripts (口座名義, Amharic's and Tigrinya's ስም/ሽም, Urdu, Bengali, Tamil,
 * Sinhala, Burmese, Khmer, Lao, Georgian, Armenian, Arabic's الموظف), given names with a
 * patronymic in any case, Lithuanian family names in -utė, Hebrew names after a closing's line;
 * an Arabic label repeated on each row no speaker; a `personal_code` column's identifiers, phones
 * after a Hebrew prefix's hyphen; country codes in a table's rows no names; each value of a Cookie
 * header judged alone, one-time codes after their names, dial-in PINs of nine or ten digits,
 * passport columns, capitals under columns that name a name (a column's note in brackets left off);
 * WhatsApp's senders on Android, the name first in a directory's row that ends with a number, and
 * labels for who money goes to (`Refund to:`, `Pay to:`, `Payee:`); a Han name with its pinyin in
 * brackets, any country's number under `tax_code`, an Israeli id after `תעודת הזהות`; a crypto
 * address before a sentence's full stop, a form's family name under `Nom` beside `Prénom`,
 * `Family, Given` under a name's column, a Spanish health card's CIP.
 * 23: generated passphrases (words with a symbol and a number glued to the last) wherever they are
 * told; ciphertext committed on purpose kept (SOPS, Travis's `secure:`, OpenPGP messages, Rails'
 * encrypted credentials, TeamCity's `credentialsJSON:`); a name with a legal form after it, an
 * organisation's word in it or a company label before it kept, one read across a gap of aligned
 * columns cut at the gap; Japan's free dial, GS1 elements, a ten-digit INN, a company's CNPJ, area
 * code 555, ACMA's mobiles, the Fed's test routing number and barcodes under a barcode's column kept;
 * Aadhaar's Virtual ID and Aadhaar in eight scripts, more countries' identifiers after their names,
 * documents' records, booking references, chassis numbers and patients' numbers in more languages,
 * every identifier a PID segment repeats, IBANs outside SWIFT's registry, UPI ids; a card's expiry
 * and code pasted after it; birth dates and addresses after labels in about twenty more languages;
 * names in scripts without capitals after Latin labels and their own, again as words of their own;
 * Thai and Greek titles, India's honorifics; FHIR XML, CoNLL tags, annotations of persons, COBOL items, COPY
 * rows, URL-encoded streets, dotted keys; Discord's and Telegram's copied headers; a session cookie
 * in `HTTP_COOKIE` and after `--cookie`; a password after a login in bold.
 * 24: numbers after a form's labels in any language unless the label names no one; the values found
 * taken again on their line (e-mail and IP addresses within the window, an IPv4 address dashed in a
 * host's name); a form's name fields after a gap, under plural keys and after words of their label;
 * names in capitals after a title; addresses after labels in ten more languages, in digits of any
 * script; phone words of more languages; Korean names before a role; Spanish America's `C.I.`, the
 * Ghana Card, lettered TINs; signatures' labels in more languages; tables drawn with box characters,
 * advertising ids' columns, a hand-edited grid's rows; heartbeat URLs' keys; moderncv's family name;
 * a quoted prose password's brackets. Kept: a workflow's commit pin, an image's tag, a man page's
 * placeholder, a digest's column, age and OpenPGP armor; aligned form fields are no chat's speakers.
 * 25: a form's birth field in any language and calendar, birth told in a sentence; letters' address
 * blocks; Greek names of the common endings, Chinese names before a role, Japanese self-introductions,
 * names by their record's key or their place in rows, a name whose number it is, whom to ask in more
 * languages, notes' owners, exported chats' authors, handles after a network, key comments; numbered
 * mailboxes, IPv6 with a bare port, cards grouped by dots, codes in JSON inside strings, identifiers
 * and IBAN parts said again, FHIR identifiers, plates after a vehicle's word, Italian identity cards;
 * spoken passphrases and passwords of words and a number. Kept: JPRS example domains, saints' places,
 * lists of short numbers, containers' numbers.
 * 26: literals in Ruby's, Perl's, C++'s, Rust's and Lua's other quotes, a pair inside one string;
 * chats' handles before the time, handles before what a review says they did, Windows accounts after
 * their domain, profiles' paths without a drive, Korean and Chinese speakers before the time with its
 * half of the day, Discord's headers in any language, bold handles; signatures' addresses near a
 * person's data; thanks as a greeting; records in tables a name opens, names in capitals, family
 * first, in CJK, Hebrew and Arabic, streets' columns; Chinese residents' numbers alone and mobiles on
 * Chinese lines; Greek names in single quotes, Arabic `al-…i` names as values; recovery codes in
 * fences; secrets printed after a host's prompt; MT940's IBANs; base64 JSON with a random string.
 * Kept: Secrets' stand-ins, events' ids after a service, days as words, `على`, Terraform's stand-ins,
 * dates in brackets.
 * 27: a given name said anywhere in the text once its whole name was found, and in a document's later
 * changes through the caller's memory of its names; names end after combining marks; a rule that fails
 * on its input drops the text.
 * 28: values read in views that decode them (URL-encoding, escapes, character references,
 * quoted-printable, a CSV cell's JSON, both sides of a word diff) and digits of other scripts;
 * devices' serial numbers and advertising ids, keys' raw bytes, logins before a host with no scheme;
 * a record's field reads its company within three lines.
 * 29: tables headed in other scripts; a notebook's lines and a name-and-value pair's members read as
 * what they hold; Han and Hangul names quoted beside an identifier, a Chinese family name with its
 * honorific; one-time codes in the log line that sent them, gate codes in Portuguese, Spanish and
 * Italian, a meeting's host key, MinIO's client's keys; a birth date restated in brackets; a family
 * name in capitals, a comma and a given name at a line's start or in a field. Kept:
 * ciphertext of Vault's transit engine, Jasypt and KMS, fillers after a provider's prefix, barcodes
 * after their names, kernels' and firmwares' versions, institutions named after people, toll-free
 * numbers however written.
 * 30: streets with a direction after their type; credential columns named in several words; base64
 * under a key's name that starts with a slash; short base64 JSON read decoded; a Vietnamese given
 * name said again with its middle name; Arabic names after a role noun. Kept: public buildings' addresses.
 * Returned with every redaction, and stated by each session's start event
 * (`client.redactionPolicy`), so an export says which rules its sessions ran.
 */
export const REDACTION_POLICY_VERSION = 30;

export const DEFAULT_BUDGET_MS = 500;

/** The marker line that replaces content whose redaction ran out of time or was too dense. */
export const DROPPED_MARKER = '<REDACTED:dropped>';

/**
 * A text where this many findings in a row lie within DENSE_BLOCK × DENSE_CHARS characters (one
 * per 256 characters or closer) is a dump of secrets or personal data, not code: it is dropped
 * whole as soon as that is seen, rather than redacted finding by finding. Of 220 MB of ordinary
 * text (a Python library, Debian's documentation, /etc, npm packages) only four Debian copyright
 * files, lists of authors and their addresses, are that dense.
 */
export const DENSE_BLOCK = 512;
const COMBINING_MARK = /[\u0300-\u036f]/;
const COMBINING_MARK_AT = /^[\u0300-\u036f]$/;
export const DENSE_CHARS = 256;

export interface RedactorOptions {
  /** Per-install secret key for the placeholder HMAC; never leaves the machine. */
  key: Uint8Array;
  /** The local user's own identifiers, redacted wherever they appear. */
  localIdentifiers?: LocalIdentifiers;
  /** Replaces DEFAULT_EXCLUDED_GLOBS (a `!glob` re-includes). */
  excludedGlobs?: readonly string[];
  /** Added to the exclusion list (user settings, organisation policy). */
  extraExcludedGlobs?: readonly string[];
  /**
   * The region national phone numbers are read in first (ISO 3166 alpha-2, e.g. from the
   * machine's locale); numbers written for other common regions are still found.
   */
  phoneRegion?: string;
  /** Per-call time budget in milliseconds (default 500). */
  budgetMs?: number;
  /** Clock for the budget; injectable for tests. */
  now?: () => number;
  /**
   * Drop a text whose findings are denser than one per DENSE_CHARS characters over DENSE_BLOCK
   * findings (default true). Off, every finding of such a text is redacted one by one, in time
   * linear in the text (tests of that path turn it off).
   */
  dropDense?: boolean;
}

export interface RedactionResult {
  text: string;
  findings: Finding[];
  /** True when the budget ran out or the findings were too dense: `text` holds a marker, not content. */
  dropped?: boolean;
  /** Why it was dropped: out of time, findings too dense, or a rule that failed on the input. */
  droppedBecause?: 'time' | 'dense' | 'error';
}

/** What one call may share with the calls before it on the same document. */
export interface RedactOptions {
  /**
   * The given and family names found in the document so far (its other changes): looked for in this
   * text, and added to with the names found in it. Kept by the caller in memory, for one document.
   */
  names?: Set<string>;
}

export interface Redactor {
  redact(text: string, options?: RedactOptions): RedactionResult;
  /** True when a workspace-relative path must not be captured at all. */
  isExcludedPath(relPath: string): boolean;
  /** The placeholder a given secret would get (for tests and consistency checks). */
  placeholder(kind: string, secret: string): string;
  readonly policyVersion: number;
}

class BudgetExceeded extends Error {}

/**
 * The list the detectors add findings to. Past every DENSE_BLOCK additions it checks how far
 * apart they lie; packed within DENSE_BLOCK × DENSE_CHARS characters, the call stops (TooDense).
 * A detector adds in text order, so a flood is seen after at most two blocks of it, whichever
 * detector finds it, and before the cost of the rest (render included) is paid.
 */
function denseGuardedList(): Finding[] {
  const list: Finding[] = [];
  let inBlock = 0,
    lo = Infinity,
    hi = -Infinity;
  const add = (f: Finding): void => {
    list[list.length] = f;
    if (f.start < lo) lo = f.start;
    if (f.start > hi) hi = f.start;
    if (++inBlock === DENSE_BLOCK) {
      if (hi - lo < DENSE_BLOCK * DENSE_CHARS) throw new TooDense();
      inBlock = 0;
      lo = Infinity;
      hi = -Infinity;
    }
  };
  Object.defineProperty(list, 'push', {
    value: function push(...items: Finding[]): number {
      for (const f of items) add(f);
      return list.length;
    },
  });
  return list;
}

// Provider formats win over generic names, which win over personal data, when spans overlap.
const PRIORITY: Record<string, number> = {
  'private-key': 5,
  password: 2,
  secret: 2,
  'url-credentials': 3,
  'url-secret': 2,
  'bearer-token': 3,
  'high-entropy': 1.5,
};
const PII_KINDS = new Set([
  ...wl(
    'email|phone|ip-address|mac-address|person-name|street-address|credit-card|iban|us-ssn|us-itin|birth-date|card-security-code|card-expiry|geo-coordinates|passport-number|medical-record-number|driver-license|bank-account|nhs-number|uk-nino|crypto-address|vehicle-plate|vehicle-id|id-number',
  ),
  ...NATIONAL_ID_KINDS,
  'home-user',
  'home-dir',
  'local-user',
  'host-name',
  'git-name',
]);
const priority = (kind: string): number => PRIORITY[kind] ?? (PII_KINDS.has(kind) ? 1 : 4);

export function createRedactor(options: RedactorOptions): Redactor {
  if (!options.key || options.key.length < 16) throw new Error('redaction key must be at least 16 bytes');
  const key = Buffer.from(options.key);
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const dropDense = options.dropDense ?? true;
  const now = options.now ?? (() => performance.now());
  const local = compileLocalIdentifiers(options.localIdentifiers);
  // The phone finder lives in the names bundle, loaded when redaction first runs.
  let phones: PhoneFinder | undefined;
  const phoneFinder = (): PhoneFinder => (phones ??= personNames().createPhoneFinder(options.phoneRegion));
  const findPhones = ((text: string, out: Finding[], uri?: boolean) => phoneFinder()(text, out, uri)) as PhoneFinder;
  findPhones.afterNames = (text, out) => phoneFinder().afterNames(text, out);
  const excluded = compileExclusions([...(options.excludedGlobs ?? DEFAULT_EXCLUDED_GLOBS), ...(options.extraExcludedGlobs ?? [])]);

  // No memory of past placeholders: computing one (two SHA-256 compressions, in place) costs
  // less than keeping tens of thousands of them alive for the collector.
  const hmac = hmacSha256Prefix(key);
  const hmacWord = hmacSha256Word(key);
  const placeholder = (kind: string, secret: string): string => `<REDACTED:${kind}#${hmac(secret)}>`;

  const redact = (input: string, redactOptions?: RedactOptions): RedactionResult => {
    // The document's memory of names, or this call's own (views of the text read it).
    const names = redactOptions?.names ?? new Set<string>();
    if (input.length === 0) return { text: input, findings: [] };
    // Tables drawn with box-drawing characters (DuckDB's, psql's unicode style, Rich's) are read as
    // drawn with `|`, `-` and `+`: one character for one, so the findings' offsets hold for the input.
    const boxed = BOX_DRAWING.test(input)
      ? input.replace(VERTICAL_BOX, '|').replace(HORIZONTAL_BOX, '-').replace(BOX_DRAWING_ALL, '+')
      : input;
    // Digits of other scripts (Persian `۰۹۱۲`, Bengali `০১৬০০`, Devanagari, Thai) read as ASCII ones, one for one.
    const ascii = OTHER_DIGIT.test(boxed) ? boxed.replace(OTHER_DIGITS, otherDigit) : boxed;
    // A diff's lines without their signs, JSON escaped twice as if once (statements.ts).
    const text = DIFF_HINT.test(ascii) || ascii.includes('\\\\\\"') ? statements().readingView(ascii) : ascii;
    const t0 = now();
    // (With the engine's clock: a clock given by the caller does not run while bundles load.)
    const loaded0 = loadingMs;
    const check = (): void => {
      if (now() - t0 - (options.now === undefined ? loadingMs - loaded0 : 0) > budgetMs) throw new BudgetExceeded();
    };
    // Every finder over one text (the input, or a view of it decoded), its findings unresolved.
    const collect = (text: string, memory: Set<string> | undefined, view = false): Finding[] => {
      const raw: Finding[] = dropDense ? denseGuardedList() : [];
      const found = new Uint8Array(FEATURE_COUNT);
      const hits: number[] = [];
      scanText(text, raw, found, hits);
      for (const rule of SCANNED) runScanned(rule, text, found, raw);
      check();
      findPrivateKeys(text, raw);
      findKeyMaterialLines(text, raw);
      check();
      findKeywordSecrets(text, raw, hits, readTable);
      check();
      // Formats read from their surroundings first, so that the context pass can skip what they found.
      if (found[F.url] === 1) findUrlCredentials(text, raw);
      if (found[F.cookieJarTrue] + found[F.cookieJarFalse] > 0) statements().findCookieJarValues(text, raw);
      if (found[F.byteArray] === 1 || KEY_BYTES_HINT.test(text)) statements().findByteArraySecrets(text, raw);
      if (
        found[F.cookieHeader] +
          found[F.cookieKey] +
          found[F.cookieEnv] +
          found[F.cookieOption] +
          found[F.cookieFlag] +
          found[F.cookieFlagQuoted] >
        0
      )
        statements().findCookieHeaderValues(text, raw);
      findConnectionCredentials(text, found[F.oracle] === 1, found[F.tcp] + found[F.udp] + found[F.unix] > 0, raw);
      if (text.includes('=') && QUERY_HINT.test(text)) statements().findQuerySecrets(text, raw);
      if (found[F.kubeSecret] === 1) statements().findKubernetesSecretData(text, raw);
      if (
        found[F.btoa] +
          found[F.b64encode] +
          found[F.base64Encode] +
          found[F.base64encode] +
          found[F.encode64] +
          found[F.getBytes] +
          found[F.encodeToString] +
          found[F.bufferFrom] >
        0
      )
        statements().findEncodedBasicAuth(text, raw);
      if (
        found[F.url] === 1 &&
        found[F.hooks] +
          found[F.webhooks] +
          found[F.inputs] +
          found[F.catchHook] +
          found[F.iftttKey] +
          found[F.pingUrl] +
          found[F.heartbeat] +
          found[F.cronitor] >
          0
      )
        statements().findWebhookTokens(text, raw);
      const cli: CliHints = {
        dashU: found[F.dashU] === 1,
        dashUpperU: found[F.dashUpperU] === 1,
        command: found[F.sshpass] + found[F.mysql] + found[F.mariadb] + found[F.login] > 0,
        netrc: found[F.loginWord] === 1 && found[F.password] === 1,
      };
      if (cli.dashU || cli.dashUpperU || cli.command || cli.netrc) statements().findCliSecrets(text, cli, raw);

      const hasPassword = found[F.password] === 1;
      const hints: StatementHints = {
        // Statements after the word `password` are looked for only in texts that hold it, by one test each.
        sql: found[F.identified] === 1 || (hasPassword && SQL_HINT.test(text)),
        device:
          found[F.enableSecret] +
            found[F.enablePassword] +
            found[F.privilege] +
            found[F.typedSecret] +
            found[F.snmpCommunity] +
            found[F.isakmpKey] +
            found[F.keyString] +
            found[F.serverKey] >
            0 ||
          (hasPassword && DEVICE_HINT.test(text)),
        debconf: hasPassword && DEBCONF_HINT.test(text),
        sqlplus:
          found[F.sqlplus] +
            found[F.sqlldr] +
            found[F.lineConnect] +
            found[F.lineConn] +
            found[F.sqlPrompt] +
            found[F.expdp] +
            found[F.impdp] +
            found[F.rman] >
          0,
        redisConf: found[F.requirepass] + found[F.masterauth] + found[F.redisAclOn] + found[F.setuser] > 0,
        secureString: found[F.secureString] === 1,
        htpasswd: found[F.htpasswd] === 1,
        authCall: AUTH_CALL_FEATURES.some((f) => found[f] === 1),
        variable: found[F.variable] === 1,
        psk: found[F.psk] === 1,
        chpasswd: found[F.chpasswd] === 1,
        rootpw: found[F.rootpw] === 1,
        pgpass: found[F.pgPort] + found[F.pgAny] + found[F.pgpass] > 0,
        connect: CONNECT_FEATURE_IDS.some((f) => found[f] === 1),
        fieldInput: hasPassword && TYPING_FEATURE_IDS.some((f) => found[f] === 1),
        insert: found[INSERT_INTO] === 1,
        prose: (hasPassword || found[F.passwd] + found[F.passphrase] > 0) && prosePasswordHint(text),
        pw: found[F.pwWord] + found[F.pwdWord] + found[F.pwColon] > 0,
        foreign:
          FOREIGN_PASSWORD_FEATURES.some((f) => found[f] === 1) || (found[PAST_LATIN] === 1 && FOREIGN_PASSWORD_PAST_LATIN.test(text)),
        haproxy: found[F.statsAuth] + found[F.insecurePassword] > 0,
        userSection: found[F.adminsSection] + found[F.usersSection] + found[F.passwordsSection] > 0,
        jaas: found[F.loginModule] === 1,
        samba: found[F.dashUpperU] === 1 && text.includes('%'),
        echo: found[F.echo] + found[F.printf] > 0,
        saslPasswd: found[F.saslPasswd] + found[F.bracketSmtp] > 0,
        secretWrapper:
          found[F.plainTextCall] + found[F.pulumiSecret] + found[F.outputSecret] + found[F.secretStr] + found[F.secretBytes] > 0,
        secretOutput:
          found[F.base64Decode] +
            found[F.base64DecodeLong] +
            found[F.vaultField] +
            found[F.secretValue] +
            found[F.versionsAccess] +
            found[F.opRead] +
            found[F.passShow] +
            found[F.genericPassword] +
            found[F.catKey] >
          0,
      };
      if (
        hints.sql ||
        hints.device ||
        hints.debconf ||
        hints.sqlplus ||
        hints.redisConf ||
        hints.secureString ||
        hints.htpasswd ||
        hints.authCall ||
        hints.variable ||
        hints.psk ||
        hints.chpasswd ||
        hints.rootpw ||
        hints.pgpass ||
        hints.connect ||
        hints.fieldInput ||
        hints.insert ||
        hints.prose ||
        hints.pw ||
        hints.foreign ||
        hints.haproxy ||
        hints.jaas ||
        hints.samba ||
        hints.echo ||
        hints.saslPasswd ||
        hints.secretOutput ||
        hints.secretWrapper ||
        hints.userSection
      )
        statements().findStatementSecrets(text, hints, raw);
      // A password a person chose, beside a word for one or for credentials (chosen.ts).
      if (
        hasPassword ||
        found[F.passwd] +
          found[F.passphrase] +
          found[F.pwWord] +
          found[F.pwdWord] +
          found[F.pwColon] +
          found[F.pwQuestion] +
          found[F.pwdQuestion] +
          found[F.pwdColon] +
          found[F.pwdParen] +
          found[F.creds] +
          found[F.credentialsWord] +
          found[F.userpwd] +
          found[F.mdp] +
          found[F.passWord] >
          0 ||
        FOREIGN_PASSWORD_FEATURES.some((f) => found[f] === 1) ||
        (found[PAST_LATIN] === 1 && CHOSEN_PAST_LATIN.test(text))
      )
        chosen().findChosenPasswords(text, raw);
      if (found[F.spacedSlash] === 1) chosen().findSlashPairs(text, raw);
      if (PASSPHRASE_HINT.test(text)) chosen().findGeneratedPassphrases(text, raw);
      // The command-line features are numbered in one run: most texts hold none of them.
      const firstCommand = found.indexOf(1, COMMAND_FEATURES_FROM);
      if (firstCommand >= 0 && firstCommand < COMMAND_FEATURES_TO) {
        const tools: CommandTool[] = [];
        for (const [tool, ids] of COMMAND_FEATURE_IDS) if (ids.some((f) => found[f] === 1)) tools.push(tool);
        const stdin = STDIN_FEATURE_IDS.some((f) => found[f] === 1);
        if (tools.length > 0 || stdin) statements().findCommandSecrets(text, tools, stdin, raw);
      }
      if (found[F.bearer] === 1) findBearer(text, raw);
      const idCandidates: number[] = [];
      const runs = { longest: 0 };
      // The context reader (statements.js) looks only at runs of nine token characters or more.
      if (hasTokenRun(text))
        statements().findContextSecrets(text, raw, raw.length > 0 ? new Covered(raw, priority) : undefined, idCandidates, runs);
      for (let k = 0; k < idCandidates.length; k += 2) {
        // Past MAX_ID_CHECKS candidates a call, the rest are taken by their shape alone (a text of
        // thousands of identifier-shaped runs costs linear time and fails closed, as phones do).
        const v = text.slice(idCandidates[k], idCandidates[k + 1]);
        const kind = k < 2 * MAX_ID_CHECKS ? ids().nationalIdAlone(v) : ids().nationalIdShape(v);
        if (kind !== null) raw.push({ kind, start: idCandidates[k], end: idCandidates[k + 1] });
      }
      // Literals of 20 token characters or more, values of 32 or more: only a text with such a run holds one.
      if (runs.longest >= 20) {
        const covered = raw.length > 0 ? new Covered(raw, priority) : undefined;
        statements().findHighEntropyLiterals(text, raw, covered);
        if (runs.longest >= 32) statements().findHighEntropyValues(text, raw, covered);
      }
      check();
      pii().findEmails(text, raw, found[F.pct40] === 1);
      if (text.includes('@')) statements().findUpiIds(text, raw);
      if (found[F.obfuscatedAt] + found[F.obfuscatedAtParen] + found[F.spelledDot] > 0) statements().findObfuscatedEmails(text, raw);
      pii().findIpv4(text, raw);
      if (found[F.colons] === 1 || found[IPV6_CHAIN] === 1) statements().findIpv6(text, raw);
      if (found[MAC_CHAIN] === 1 || MAC_FEATURES.some((f) => found[f] === 1)) statements().findMacs(text, raw);
      personNames().findStreetAddresses(
        text,
        raw,
        STREET_PREFIX_FEATURES.some((f) => found[f] === 1),
        STREET_NUMBER_FIRST_FEATURES.some((f) => found[f] === 1),
        (STREET_SUFFIX_FEATURES.some((f) => found[f] === 1) ||
        (found[PAST_ASCII] === 1 && (text.includes('straße') || text.includes('Straße') || text.includes('vägen')))
          ? 1
          : 0) |
          (ROAD_FEATURES.some((f) => found[f] === 1) ? 2 : 0) |
          (TURKISH_STREET_FEATURES.some((f) => found[f] === 1) ? 4 : 0),
      );
      if (found[F.solana] + found[F.keypair] > 0) statements().findDecimalKeypairs(text, raw);
      if (WALLET_FEATURES.some((f) => found[f] === 1)) {
        statements().findMnemonics(text, raw);
        statements().findWalletKeys(text, raw);
      }
      if (found[F.hex0x] === 1) {
        personNames().findEthAddresses(text, raw);
        if (found[F.commaHex] === 1) {
          statements().findByteArrayKeys(text, raw);
          statements().findPrintableByteArrays(text, raw);
        }
      }
      findPhones(text, raw, found[F.telUri] + found[F.smsUri] + found[F.faxUri] + found[F.calltoUri] > 0);
      // Full-width digits, as Japanese and Chinese text writes numbers (`０９０－１２６７－２９７６`): read
      // as their ASCII forms, one code unit for one, so the offsets stand.
      if (found[PAST_LATIN] === 1 && FULL_WIDTH_DIGITS.test(text)) {
        const before = raw.length;
        findPhones(asciiDigits(text), raw);
        for (let k = raw.length - 1; k >= before; k--) if (!FULL_WIDTH_DIGITS.test(text.slice(raw[k].start, raw[k].end))) raw.splice(k, 1);
      }
      // A form body or query string percent-encodes its values (`phone=%2B39%20308%20820%203365`).
      if (found[F.pct20] + found[F.pct2b] > 0) statements().findEncodedPhones(text, raw, findPhones);
      pii().findSsns(text, found[F.ssn] + found[F.social] + found[F.sozial] > 0, raw);
      pii().findCards(text, raw);
      // Track data of a card (`B5365…^HOLLOWAY/RUTH^2812…`).
      if (text.includes('^') && TRACK_HINT.test(text)) statements().findCardTracks(text, raw);
      pii().findIbans(text, raw, found[F.ibanWord] === 1);
      findItins(text, raw);
      // Test cards, documentation IBANs, fiction's phone numbers: kept, and no evidence of a person.
      if (mayBePublished(text, raw)) published().dropPublishedExamples(text, raw, NATIONAL_ID_KIND_SET);
      // The id named for a secret found beside it (`…_CLIENT_ID` with `…_CLIENT_SECRET`; not a published example's).
      if (raw.length > 0) statements().findPairedIds(text, raw, PII_KINDS);
      const identifierHints: IdentifierHints = {
        birth: BIRTH_FEATURES.some((f) => found[f] === 1) || (found[PAST_LATIN] === 1 && BIRTH_PAST_LATIN.test(text)),
        passport: found[F.passport] === 1 || PASSPORT_WORD_FEATURES.some((f) => found[f] === 1),
        medicalRecord:
          found[F.mrn] +
            found[F.medicalRecord] +
            found[F.nhc] +
            found[F.historiaClinica] +
            found[F.patientId] +
            found[F.patientIdKey] +
            found[F.patientIdJoined] +
            found[F.patientNumber] +
            found[F.patientNo] +
            found[F.patientenNummer] +
            found[F.fallNummer] +
            found[F.patNr] +
            found[F.patNrDash] +
            found[F.ptId] +
            found[F.cip] +
            found[F.cipSns] +
            found[F.ipp] +
            found[F.memberId] +
            found[F.patientEq] +
            found[F.memberIdKey] +
            found[F.subscriberId] +
            found[F.versicherten] +
            found[F.kvnr] +
            found[F.healthInsurance] +
            (found[PAST_ASCII] === 1 && MRN_PAST_ASCII.test(text) ? 1 : 0) >
          0,
        licence:
          found[F.driver] +
            found[F.driving] +
            found[F.fuehrerschein] +
            found[F.dlHash] +
            found[F.dlColon] +
            found[F.dlNo] +
            found[F.dlKey] +
            found[F.dlSpace] +
            found[F.dlNumber] +
            found[F.dmv] +
            LICENCE_WORD_FEATURES.reduce((n, f) => n + found[f], 0) >
          0,
        account:
          ACCOUNT_FEATURES.some((f) => found[f] === 1) ||
          (found[F.accSpace] === 1 && /\bacc[ \t]+\d/i.test(text)) ||
          (found[PAST_ASCII] === 1 && ACCOUNT_PAST_LATIN.test(text)),
        tax:
          found[F.itinColon] +
            found[F.itinSpace] +
            found[F.itinHash] +
            found[F.taxId] +
            found[F.taxpayer] +
            found[F.tinColon] +
            found[F.tinNo] >
          0,
        nhs: found[F.nhs] === 1,
        insurance:
          found[F.insurance] +
            found[F.medicare] +
            found[F.mbiColon] +
            found[F.mbiParen] +
            found[F.mbiSpace] +
            found[F.nino] +
            found[F.niNo] +
            found[F.niNum] +
            found[F.niNumGlued] +
            found[F.niNumKey] +
            found[F.niNoKey] +
            found[F.niCapitals] >
          0,
        code: CODE_FEATURES.some((f) => found[f] === 1),
        vehicle: VEHICLE_FEATURES.some((f) => found[f] === 1) || (found[PAST_ASCII] === 1 && VIN_PAST_ASCII.test(text)),
        mrz: found[F.mrz] === 1,
        device:
          found[F.imei] +
            found[F.meid] +
            found[F.iccid] +
            found[F.idfa] +
            found[F.gaid] +
            found[F.aaid] +
            found[F.androidId] +
            found[F.advertisingId] +
            found[F.idfv] +
            found[F.iosIfa] +
            found[F.identifierFor] +
            found[F.mobileEquipment] +
            found[F.serialNo] +
            found[F.serialNumber] +
            found[F.serialNumberSpaced] +
            found[F.serialUnderscore] +
            found[F.steamId] >
          0,
        pastLatin: found[PAST_LATIN] === 1 && IDS_PAST_LATIN.test(text),
        card: raw.some((f) => f.kind === 'credit-card'),
      };
      const h = identifierHints;
      if (
        h.birth ||
        h.passport ||
        h.medicalRecord ||
        h.licence ||
        h.account ||
        h.tax ||
        h.nhs ||
        h.insurance ||
        h.code ||
        h.vehicle ||
        h.mrz ||
        h.device === true ||
        h.pastLatin === true ||
        h.card === true
      )
        statements().findCuedIdentifiers(text, identifierHints, raw);
      const firstId = found.indexOf(1, NATIONAL_ID_FROM);
      const idNamed = firstId >= 0 && firstId < NATIONAL_ID_TO;
      const kinds: NationalIdKind[] = [];
      if (idNamed) for (const [kind, ids] of NATIONAL_ID_FEATURE_IDS) if (ids.some((f) => found[f] === 1)) kinds.push(kind);
      // Names in their own scripts (the features are ASCII): Korean and Chinese resident numbers.
      if (found[PAST_ASCII] === 1) {
        if (!kinds.includes('kr-rrn') && text.includes('주민')) kinds.push('kr-rrn');
        if (!kinds.includes('cn-resident-id') && (text.includes('身份证') || text.includes('公民身份'))) kinds.push('cn-resident-id');
        if (!kinds.includes('jp-my-number') && (text.includes('マイナンバー') || text.includes('個人番号'))) kinds.push('jp-my-number');
        if (!kinds.includes('th-id') && (text.includes('บัตรประชาชน') || text.includes('ประจำตัวประชาชน'))) kinds.push('th-id');
        if (!kinds.includes('ru-inn') && text.includes('ИНН')) kinds.push('ru-inn');
        if (!kinds.includes('ru-snils') && text.includes('СНИЛС')) kinds.push('ru-snils');
        if (
          !kinds.includes('il-id') &&
          (text.includes('תעודת זהות') || text.includes('תעודת הזהות') || text.includes('ת.ז') || text.includes('ת"ז'))
        )
          kinds.push('il-id');
        if (!kinds.includes('in-aadhaar') && AADHAAR_PAST_LATIN.test(text)) kinds.push('in-aadhaar');
        if (!kinds.includes('in-pan') && text.includes('पैन')) kinds.push('in-pan');
        if (!kinds.includes('cn-resident-id') && text.includes('身份證')) kinds.push('cn-resident-id');
        if (!kinds.includes('tw-national-id') && text.includes('身分證')) kinds.push('tw-national-id');
        if (!kinds.includes('hk-hkid') && text.includes('香港身份證')) kinds.push('hk-hkid');
        if (!kinds.includes('bg-egn') && text.includes('ЕГН')) kinds.push('bg-egn');
        if (!kinds.includes('ua-rntrc') && (text.includes('РНОКПП') || text.includes('ІПН'))) kinds.push('ua-rntrc');
        if (!kinds.includes('gr-amka') && text.includes('ΑΜΚΑ')) kinds.push('gr-amka');
        if (!kinds.includes('rs-jmbg') && text.includes('ЈМБГ')) kinds.push('rs-jmbg');
      }
      const general = idNamed && GENERAL_ID_FEATURE_IDS.some((f) => found[f] === 1);
      if (kinds.length > 0 || general) ids().findNationalIds(text, kinds, general, raw);
      if (CHAT_ID_FEATURES.some((f) => found[f] === 1)) statements().findChatIds(text, raw);
      if (OTP_FEATURES.some((f) => found[f] === 1)) statements().findOtpSeeds(text, raw);
      if (found[F.stateSpecial] === 1) statements().findTerraformStateResults(text, raw);
      if (RECOVERY_FEATURES.some((f) => found[f] === 1) || BITLOCKER_HINT.test(text)) statements().findRecoveryKeys(text, raw);
      // A national number's own name where its format is not read one by one (`Cédula`, `DNI N°`, `EMŠO`, `מספר זהות`).
      if (
        LOOSE_ID_FEATURES.some((f) => found[f] === 1) ||
        (found[PAST_LATIN] === 1 && LOOSE_ID_PAST_LATIN.test(text)) ||
        (found[PAST_ASCII] === 1 && LOOSE_ID_EMSO.test(text)) ||
        LOOSE_ID_FIRST.test(text.slice(0, 11))
      )
        statements().findLooseIds(text, raw);
      if (found[F.numberKey] + found[F.documentNumberKey] + found[F.noKey] > 0) statements().findDocumentRecords(text, raw);
      if (found[F.cobolValue] === 1 && found[F.cobolPic] + found[F.cobolPicture] > 0) statements().findCobolValues(text, raw);
      if (ANNOTATED_HINT.test(text)) statements().findAnnotatedValues(text, raw);
      // Numbers after a form's labels (form-numbers.ts), where no reader found anything: read before
      // the fields of records, which they make a record of a person's data.
      if (FORM_NUMBER_HINT.test(text)) statements().findFormNumbers(text, raw);
      // Names and street lines in the fields of records: in texts holding personal data, or a key that names a person.
      const nameKeys = NAME_KEY_FEATURES.some((f) => found[f] === 1);
      const near: number[] = [];
      const notEmail: number[] = [];
      for (const f of raw)
        if (PERSONAL_FIELD_KINDS.has(f.kind) || NATIONAL_ID_KIND_SET.has(f.kind)) {
          near.push(f.start);
          if (f.kind !== 'email') notEmail.push(f.start);
        }
      const personal = near.length > 0;
      if (nameKeys) statements().findPersonalFields(text, raw, undefined, notEmail);
      else if (personal) statements().findPersonalFields(text, raw, near, notEmail);
      // A National Insurance number written as HMRC prints it (`QQ 12 34 56 C`), among other personal data.
      if (raw.some((f) => PII_KINDS.has(f.kind))) statements().findSpacedNinos(text, raw);
      // Coordinates near a person's data found so far, not names found later: a chat's speaker is
      // read from speaker lines three lines further, which a three-line window around the point
      // would not hold (the gate asks for no more than the rule itself does).
      if (COORDINATE_FEATURES.some((f) => found[f] === 1) && raw.some((f) => COORDINATE_COMPANY.has(f.kind)))
        statements().findCoordinates(text, raw);
      const records = {
        vcard:
          found[F.vcard] + found[F.vcardFn] + found[F.vcardFnParam] + found[F.vcardAdr] + found[F.vcardAdrParam] + found[F.vcardGeo] > 0,
        hl7: found[F.hl7Pid] + found[F.hl7Nk1] + found[F.hl7Gt1] + found[F.hl7In1] + found[F.hl7Pv1] > 0,
        x12: found[F.x12Nm1] + found[F.x12N3] + found[F.x12Dmg] + found[F.x12Per] + found[F.x12Ref] > 0,
        ldif: found[F.objectClass] + found[F.ldifDn] > 0,
      };
      if (records.vcard || records.hl7 || records.x12 || records.ldif) statements().findRecordFields(text, records, raw);
      if (found[F.dicomPatient] + found[F.dicomPatientSpaced] > 0) statements().findDicomFields(text, raw);
      if (found[F.fhirIdentifier] === 1 && (found[F.fhirResource] === 1 || found[F.systemKey] === 1))
        statements().findFhirIdentifiers(text, raw);
      personNames().findPersonNames(
        text,
        raw,
        found[PAST_LATIN] + found[F.adSoyad] + found[F.isim] > 0,
        (USER_KEY_FEATURES.some((f) => found[f] === 1) ? 1 : 0) |
          (found[F.userOption] + found[F.userLongOption] + found[F.authorOption] > 0 ? 2 : 0) |
          (found[F.sshUser] + found[F.sshUserTab] > 0 && found[F.hostName] + found[F.hostLine] > 0 ? 4 : 0) |
          (USER_KEY_MORE_FEATURES.some((f) => found[f] === 1) ? 8 : 0) |
          (found[F.netrcMachine] === 1 ? 16 : 0) |
          (SQL_USER_FEATURES.some((f) => found[f] === 1) ? 32 : 0) |
          (found[F.accessLogRequest] === 1 ? 64 : 0) |
          (found[F.linkedinProfile] + found[F.instagramProfile] + found[F.tiktokProfile] + found[F.twitterProfile] + found[F.xProfile] > 0
            ? 128
            : 0) |
          (found[F.possessive] === 1 || (found[PAST_ASCII] === 1 && text.includes('’s ')) ? 256 : 0),
        (OWNER_PHRASE_FEATURES.some((f) => found[f] === 1) ? 1 : 0) |
          ACCOUNT_WORD_FEATURES.reduce((bits, f, k) => (found[f] === 1 ? bits | (8 << k) : bits), 0) |
          (text.includes('@') ? 4 : 0),
        LONE_NAME_EVIDENCE,
      );
      // A table whose header names an identifier column (`name,personnummer`, `passport_number`).
      if (
        (idNamed ||
          h.birth ||
          h.medicalRecord ||
          TABLE_HINT_FEATURES.some((f) => found[f] === 1) ||
          found[F.idfa] + found[F.advertisingId] > 0 ||
          h.passport ||
          h.insurance ||
          h.nhs ||
          h.account ||
          found[F.ssn] + found[F.social] > 0 ||
          nameKeys ||
          // (A pg_dump's `COPY t (…) FROM stdin;` names its columns in a list of its own.)
          (personal && (personalHeaderHint(text) || text.includes(' FROM stdin;'))) ||
          // (A header in another script: `氏名,フリガナ,住所,携帯電話`, `Име и фамилия,ЕГН,Телефон`.)
          (found[PAST_LATIN] === 1 && SCRIPT_HEADER_HINT.test(text))) &&
        text.includes('\n') &&
        (text.includes(',') || text.includes('\t') || text.includes(';') || text.includes('|') || text.includes('  '))
      )
        ids().findIdentifierColumns(text, raw);

      // Rows of a table with no header, around a person's data found in them.
      if (text.includes('\n') && (text.includes(',') || text.includes('\t') || text.includes(';') || text.includes('|'))) {
        const anchors: number[] = [],
          names: number[] = [];
        // (A person's name found in a row makes it a person's record too, when the rows hold a column
        // of numbers or dates beside the names the lists vouch for.)
        for (const f of raw)
          if (PERSONAL_FIELD_KINDS.has(f.kind) || NATIONAL_ID_KIND_SET.has(f.kind)) anchors.push(f.start);
          else if (f.kind === 'person-name') names.push(f.start);
        if (anchors.length + names.length > 0) personNames().findHeaderlessRows(text, raw, anchors, names);
      }
      if (found[PAST_LATIN] === 1) personNames().findScriptAddresses(text, raw);
      const labels =
        (found[ADDRESS_LABEL_FEATURES[0]] === 1 ? 1 : 0) |
        (ADDRESS_LABEL_FEATURES.slice(1, ADDRESS_VERBS_FROM).some((f) => found[f] === 1) || found[PAST_LATIN] === 1 ? 2 : 0) |
        (ADDRESS_LABEL_FEATURES.slice(ADDRESS_VERBS_FROM).some((f) => found[f] === 1) ? 4 : 0);
      if (labels !== 0) personNames().findLabelledAddresses(text, raw, labels);
      if (found[F.passwdLine] === 1) personNames().findPasswdLines(text, raw);
      // (`Mariana’s iPad`: a curly apostrophe starts no feature, which are ASCII.)
      if (OWNED_DEVICE_FEATURES.some((f) => found[f] === 1) || (found[PAST_ASCII] === 1 && text.includes('’s ')))
        personNames().findOwnedDevices(text, raw);
      if (text.includes('@') || found[F.colonDollar] + found[F.bracketTilde] > 0) statements().findAccountUsers(text, raw);
      if (text.includes(':') && SCHEMELESS_LOGIN.test(text)) statements().findSchemelessLogins(text, raw);
      if (found[F.sernameLower] + found[F.sernameUpper] + found[F.userInfo] > 0) statements().findKeyIdUsers(text, raw);
      if (text.includes(', ') && INLINE_POSTCODE.test(text))
        personNames().findInlineAddresses(text, raw, (k) => NATIONAL_ID_KIND_SET.has(k));
      if (raw.some((f) => f.kind === 'street-address')) personNames().findPostalLines(text, raw);
      if (
        (found[F.homeCoords] + found[F.residence] > 0 || (found[PAST_LATIN] === 1 && /自宅|住所|座標/.test(text))) &&
        POINT_PAIR.test(text)
      )
        statements().findHomeCoordinates(text, raw);
      if (raw.some((f) => f.kind === 'person-name') && /\d[ \-.\u00a0]\d/.test(text)) findPhones.afterNames(text, raw);
      if (raw.some((f) => f.kind === 'phone' || f.kind === 'email')) personNames().findNamesBeforeContacts(text, raw);
      if (raw.some((f) => NAMED_DATA_KINDS.has(f.kind) || NATIONAL_ID_KIND_SET.has(f.kind)))
        personNames().findNamesAfterData(text, raw, (k) => NAMED_DATA_KINDS.has(k) || NATIONAL_ID_KIND_SET.has(k));
      const logs =
        (found[F.invalidUser] + found[F.acceptedFor] + found[F.failedPassword] + found[F.sessionOpened] + found[F.authFailure] > 0
          ? 1
          : 0) | (found[F.forUser] + found[F.withUser] > 0 ? 2 : 0);
      const latex = found[F.latexName] + found[F.latexFirst] + found[F.latexAuthor] > 0;
      if (logs !== 0 || latex) personNames().findLogAndLatexNames(text, raw, logs, latex);
      if (ATTENDEE_FEATURES.some((f) => found[f] === 1) || (found[PAST_LATIN] === 1 && ATTENDEE_PAST_LATIN.test(text)))
        personNames().findAttendees(text, raw);
      // Other mentions of the names and logins read so far (names.ts).
      if (raw.some((f) => f.kind === 'person-name')) {
        personNames().echoFoundNames(text, raw);
        if (found[PAST_LATIN] === 1) personNames().findOtherForms(text, raw);
        personNames().echoLogins(text, raw);
      }
      if (found[F.home] + found[F.users] + found[F.usersWin] + found[F.docs] > 0) statements().findHomeUsers(text, raw);
      local?.(text, raw);
      // Other mentions of the values found (names.ts).
      if (raw.length > 0) personNames().echoFoundValues(text, raw, isCheckedId);
      check();
      if (found[F.escapedBreak] + found[F.escapedCrlf] > 0) statements().continueAcrossLineBreaks(text, raw, PII_KINDS);
      if (raw.length > 0 && CONCATENATION.test(text)) statements().joinConcatenated(text, raw, PII_KINDS);
      if (JOINED_VARIABLES_HINT.test(text)) statements().joinVariables(text, raw);
      if (raw.length > 0 && found[F.encryptedData] + found[F.sealedSecret] === 2) statements().dropSealedValues(text, raw, PII_KINDS);
      if (raw.length > 0 && CIPHERTEXT_HINT.test(text)) statements().dropCiphertext(text, raw, PII_KINDS);
      if (raw.length > 0 && DIGEST_COLUMN_HINT.test(text)) statements().dropDigestColumns(text, raw, PII_KINDS);
      if (raw.some((f) => f.kind === 'br-cnpj')) statements().dropCompanyCnpjs(text, raw);
      if (raw.some((f) => f.kind === 'credit-card') && /ean|gtin|upc|barcode|isbn/i.test(text)) statements().dropBarcodes(text, raw);
      if (raw.some((f) => f.kind === 'person-name')) personNames().dropStandInNames(text, raw);
      if (raw.length > 0 && text.includes('BEGIN:VCARD')) statements().dropRoleCardAddresses(text, raw);
      // A given name said again far from its whole name, in this text and in the document's other changes.
      if ((memory !== undefined && memory.size > 0) || raw.some((f) => f.kind === 'person-name'))
        personNames().echoNamesFar(text, raw, memory, view);
      if (mayBePublished(text, raw)) published().dropPublishedExamples(text, raw, NATIONAL_ID_KIND_SET);
      // A name ends after the combining marks of its last letter (`Adébáyọ̀` written with U+0300).
      if (COMBINING_MARK.test(text))
        for (const f of raw) if (f.kind === 'person-name') while (COMBINING_MARK_AT.test(text[f.end] ?? '')) f.end++;
      return raw;
    };
    try {
      denseGuard.on = dropDense;
      const raw = collect(text, names);
      // Values written escaped or encoded (`Y%C4%B1lmaz`, `\u0938…`, `&#305;`, a word diff's
      // `[-old-]{+new+}`) are read again in views that decode them (statements.ts); what a view
      // finds on a line it changed is mapped back to the characters that encode it.
      if (ESCAPE_HINT.test(text) || text.includes('\\n",') || NAMED_VALUE_HINT.test(text))
        for (const view of statements().decodedViews(text)) {
          // (A view reads the names the text's own reading found, far from them, and adds none: what a
          // window reads of them must not depend on a view of lines outside it.)
          for (const f of collect(view.text, names, true)) {
            const start = view.map[f.start];
            const end = view.map[f.end];
            if (end > start && view.changed(f.start, f.end)) raw.push({ kind: f.kind, start, end });
          }
        }
      // A value wrapped over lines a backslash continues, read joined.
      if (text.includes('\\\n') || text.includes('\\\r\n')) {
        const view = statements().continuedView(text);
        if (view !== null)
          for (const f of collect(view.text, names, true))
            if (view.changed(f.start, f.end))
              for (const [start, end] of view.pieces(f.start, f.end)) raw.push({ kind: f.kind, start, end });
      }
      // Base64 of a JSON object, too short for the encoded-json rule (`X-User-Context: eyJzc24iOi…`):
      // read decoded, each run once; what is found in it takes the whole run.
      if (text.includes('eyJ')) statements().readEncodedObjects(text, raw, (decoded) => collect(decoded, undefined, true));
      const findings = resolve(text, raw);
      const out = render(input, findings, hmacWord);
      check();
      return { text: out, findings };
    } catch (e) {
      // A rule that fails on some input drops the text, as a budget run out does: it never passes unread.
      const because = e instanceof TooDense ? 'dense' : e instanceof BudgetExceeded ? 'time' : 'error';
      return { text: droppedText(input), findings: [], dropped: true, droppedBecause: because };
    }
  };

  return {
    redact,
    isExcludedPath: excluded,
    placeholder,
    policyVersion: REDACTION_POLICY_VERSION,
  };
}

// The kinds of the values published to be typed into tests (published.ts, a bundle of its own).
// A house number, a comma and a postcode before a capitalised town (addresses.ts's INLINE_ADDRESS).
const INLINE_POSTCODE = /\d[a-zA-Z]?,[ \t]*(?:[^,\n]{1,12},[ \t]*){0,2}\d{2}[\d -]{1,4}[ \t]+\p{Lu}/u;
// A literal joined to another by `+`, `.`, `..` or `&` (statements.ts's joinConcatenated).
// A login and its password before a host in a quoted string (statements.ts's findSchemelessLogins).
const SCHEMELESS_LOGIN = /["'][\w.-]{1,64}:[^\s"'@/]{6,128}@[A-Za-z0-9]/;
// A key's bytes in an array (statements.ts's findByteArraySecrets).
const KEY_BYTES_HINT = /key\w*(?:\[\d*\])?[ \t]*[:=][ \t]*[{[][ \t]*(?:0x)?[0-9a-fA-F]{1,3}[ \t]*,/i;
// An escape or encoding that statements.ts's decodedViews reads.
const ESCAPE_HINT = /%[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4}|&#x?[0-9A-Fa-f]{2,6};|&[a-z]{4,6};|=[C-F][0-9A-F]=[89AB]|\{""|\[-|\{\+/;
// A name and its value as members of one object (statements.ts's decodedViews).
const NAMED_VALUE_HINT = /"(?:name|Name|key|Key)"[ \t]*:[ \t]*"[^"\n]{1,64}"[ \t]*,[ \t]*"[Vv]alue"/;
const CONCATENATION = /["'][ \t]*(?:\+|\.\.?|&)[ \t]*(?:\r?\n[ \t]*)?[@$]?["']/;
// Variables joined (statements.ts's joinVariables).
const JOINED_VARIABLES_HINT = /\$\{\w+\}\$\{|\$\(\w+\)\$\(|[\dA-Z][ \t]*\+[ \t]*[A-Za-z_]\w*[\dA-Z]\b/;
const PUBLISHED_KINDS = new Set(wl('credit-card|crypto-address|card-security-code|iban|phone|us-ssn|us-itin|jwt|azure-key|bank-account'));
function mayBePublished(text: string, raw: Finding[]): boolean {
  for (const f of raw) if (PUBLISHED_KINDS.has(f.kind) || NATIONAL_ID_KIND_SET.has(f.kind)) return true;
  // jwt.io's sample (its payload's start), the storage emulator's key and Stripe's reference keys, under whatever kind.
  return (
    raw.length > 0 &&
    (text.includes('.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lI') ||
      text.includes('Eby8vdM02xNOcqFlqUwJ') ||
      text.includes('_test_4eC39HqLyjWDarjtT1zdp7dc') ||
      text.includes('_test_TYooMQauvdEDq54NiTphI7jx') ||
      text.includes('_test_BQokikJOvBiI2HlWgH4olfQ2') ||
      PUBLISHED_DIGEST_HINT.test(text))
  );
}
// The digests tests print of `` and `abc` (MD5, SHA-1, SHA-256, SHA-512) and of the lazy dog's sentence (SHA-256).
const PUBLISHED_DIGEST_HINT =
  /d41d8cd98f00b204|da39a3ee5e6b4b0d|e3b0c44298fc1c14|cf83e1357eefb8bd|900150983cd24fb0|a9993e364706816a|ba7816bf8f01cfea|ddaf35a193617aba|d7a8fbb307d78094/;

/** The same number of lines as `text`: a marker, then empty lines. */
export function droppedText(text: string): string {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return DROPPED_MARKER + '\n'.repeat(n);
}

interface CompiledRule extends PatternRule {
  sticky: RegExp;
}

// Substrings whose presence decides whether a pass runs at all. They are found in the same pass
// over the text that finds where provider prefixes start (below), so no pass needs a lowercased
// copy of the text or a search of its own. Matched case-insensitively (ASCII), unless `exact`.
const FEATURE_LIST: { text: string; exact?: boolean }[] = [];
const feature = (text: string, exact = false): number => {
  if (text.length < 2) throw new Error(`feature too short: ${text}`);
  // Past the first character, a feature may hold letters past ASCII (`née `, `hasło`): its 3-gram
  // holds them as DEL, and the match compares them as written.
  if (/[^\t\n -~]/.test(text[0])) throw new Error(`feature not starting with ASCII: ${text}`);
  FEATURE_LIST.push({ text, exact });
  return FEATURE_LIST.length - 1;
};
const F = {
  // Literals a pass's gate looks for (found in the one pass: a search of its own reads the whole text).
  adminsSection: feature('[admins]', true),
  usersSection: feature('[users]', true),
  passwordsSection: feature('[passwords]', true),
  spacedSlash: feature(' / ', true),
  commaHex: feature(', 0x', true),
  numberKey: feature('"number"', true),
  documentNumberKey: feature('"document_number"', true),
  noKey: feature('"no"', true),
  cobolValue: feature(' VALUE ', true),
  cobolPic: feature(' PIC ', true),
  cobolPicture: feature(' PICTURE ', true),
  systemKey: feature('"system"', true),
  colonDollar: feature(':$', true),
  bracketTilde: feature('[~', true),
  sernameLower: feature('sername', true),
  sernameUpper: feature('SERNAME', true),
  userInfo: feature('user.info', true),
  escapedBreak: feature('\\\n', true),
  escapedCrlf: feature('\\\r\n', true),
  encryptedData: feature('encryptedData:', true),
  sealedSecret: feature('SealedSecret', true),
  url: feature('://'),
  bearer: feature('bearer'),
  home: feature('/home/'),
  users: feature('/users/'),
  usersWin: feature('users\\'),
  docs: feature('documents and settings'),
  oracle: feature('jdbc:oracle'),
  tcp: feature('@tcp(', true),
  udp: feature('@udp(', true),
  unix: feature('@unix(', true),
  ssn: feature('ssn'),
  social: feature('social security'),
  sozial: feature('sozialversicherung'),
  dashU: feature('-u', true),
  dashUpperU: feature('-U', true),
  sshpass: feature('sshpass', true),
  login: feature(' login', true),
  password: feature('password'),
  passwd: feature('passwd'),
  passphrase: feature('passphrase'),
  loginWord: feature('login'),
  mysql: feature('mysql', true),
  mariadb: feature('mariadb', true),
  colons: feature('::'),
  identified: feature('identified'),
  enableSecret: feature('enable secret'),
  netrcMachine: feature('machine '),
  accessLogRequest: feature('] "'),
  linkedinProfile: feature('linkedin.com/in/'),
  instagramProfile: feature('instagram.com/'),
  tiktokProfile: feature('tiktok.com/@'),
  twitterProfile: feature('twitter.com/'),
  xProfile: feature('//x.com/'),
  possessive: feature("'s "),
  snmpCommunity: feature('snmp-server community'),
  isakmpKey: feature('isakmp key'),
  keyString: feature('key-string'),
  serverKey: feature('-server key'),
  enablePassword: feature('enable password'),
  privilege: feature(' privilege '),
  typedSecret: feature('secret 5 '),
  sqlplus: feature('sqlplus'),
  sqlldr: feature('sqlldr'),
  lineConnect: feature('\nconnect '),
  lineConn: feature('\nconn '),
  sqlPrompt: feature('sql> conn'),
  expdp: feature('expdp'),
  impdp: feature('impdp'),
  rman: feature('rman '),
  requirepass: feature('requirepass'),
  kubeSecret: feature('kind: secret'),
  masterauth: feature('masterauth'),
  // Calls whose names say they wrap a secret in plain text (statements.ts' SECRET_WRAPPER).
  plainTextCall: feature('PlainText(', true),
  pulumiSecret: feature('pulumi.secret(', true),
  outputSecret: feature('Output.secret(', true),
  secretStr: feature('SecretStr(', true),
  secretBytes: feature('SecretBytes(', true),
  // Redis's access lists (`user default on >…`, `ACL SETUSER ci on >…`): a password after `>`.
  redisAclOn: feature(' on >'),
  setuser: feature('setuser'),
  secureString: feature('securestring'),
  htpasswd: feature('htpasswd'),
  authParen: feature('auth('),
  authEqParen: feature('auth=('),
  authSpacedParen: feature('auth = ('),
  authColonParen: feature('auth: ('),
  authEqBracket: feature('auth=['),
  authColonBracket: feature('auth: ['),
  pct40: feature('%40'),
  telUri: feature('tel:'),
  smsUri: feature('sms:'),
  faxUri: feature('fax:'),
  calltoUri: feature('callto:'),
  loginParen: feature('login('),
  loginAsParen: feature('login_as('),
  loginAsCamelParen: feature('loginas('),
  loginWithParen: feature('login_with('),
  loginUserParen: feature('login_user('),
  logonParen: feature('logon('),
  signinParen: feature('signin('),
  credentialParen: feature('credential('),
  credentialsParen: feature('credentials('),
  authenticationParen: feature('authentication('),
  authenticateParen: feature('authenticate('),
  credentialsBasic: feature('credentials.basic('),
  mrn: feature('mrn'),
  nhc: feature('nhc'),
  historiaClinica: feature('número de historia'),
  medicalRecord: feature('medical record'),
  patientId: feature('patient id'),
  patientIdKey: feature('patient_id'),
  patientIdJoined: feature('patientid'),
  patientNumber: feature('patient number'),
  patientNo: feature('patient no'),
  patientenNummer: feature('patienten'),
  fallNummer: feature('fall-nr'),
  patNr: feature('pat.-nr'),
  ptId: feature('pt id:'),
  patNrDash: feature('pat-nr'),
  cip: feature('cip:'),
  cipSns: feature('cip-sns'),
  ipp: feature('IPP ', true),
  memberId: feature('member id'),
  patientEq: feature('patient='),
  memberIdKey: feature('member_id'),
  subscriberId: feature('subscriber id'),
  versicherten: feature('ersicherten'),
  kvnr: feature('kvnr'),
  healthInsurance: feature('health insurance'),
  ibanWord: feature('iban'),
  obfuscatedAt: feature('[at]'),
  obfuscatedAtParen: feature('(at)'),
  spelledDot: feature(' dot '),
  variable: feature('variable "'),
  psk: feature(' psk "'),
  chpasswd: feature('chpasswd'),
  rootpw: feature('rootpw'),
  pgPort: feature(':5432:'),
  pgAny: feature(':*:'),
  pgpass: feature('pgpass'),
  // Services' configuration and terminal output (statements.ts).
  statsAuth: feature('stats auth'),
  insecurePassword: feature('insecure-password'),
  loginModule: feature('loginmodule'),
  echo: feature('echo '),
  printf: feature('printf '),
  saslPasswd: feature('sasl_passwd'),
  bracketSmtp: feature('[smtp'),
  base64Decode: feature('base64 -d'),
  base64DecodeLong: feature('base64 --decode'),
  vaultField: feature('-field'),
  secretValue: feature('get-secret-value'),
  versionsAccess: feature('versions access'),
  opRead: feature('op read'),
  passShow: feature('pass show'),
  genericPassword: feature('generic-password'),
  // Records read by their structure (records.ts).
  vcard: feature('vcard'),
  vcardFn: feature('fn:'),
  vcardFnParam: feature('fn;'),
  vcardAdr: feature('adr:'),
  vcardAdrParam: feature('adr;'),
  vcardGeo: feature('geo:'),
  hl7Pid: feature('pid|'),
  hl7Nk1: feature('nk1|'),
  hl7Gt1: feature('gt1|'),
  hl7In1: feature('in1|'),
  hl7Pv1: feature('pv1|'),
  x12Nm1: feature('nm1*'),
  x12N3: feature('n3*'),
  x12Dmg: feature('dmg*'),
  x12Per: feature('per*'),
  x12Ref: feature('ref*'),
  objectClass: feature('objectclass:'),
  ldifDn: feature('dn: uid='),
  catKey: feature('cat '),
  passwdLine: feature(':x:'),
  adSoyad: feature('ad soyad'),
  isim: feature('isim:'),
  dicomPatient: feature('(0010,'),
  fhirResource: feature('"resourcetype"'),
  fhirIdentifier: feature('"identifier"'),
  accSpace: feature('acc '),
  pwWord: feature(' pw '),
  pwdWord: feature(' pwd '),
  pwColon: feature(' pw:'),
  creds: feature('creds'),
  credentialsWord: feature('credential'),
  userpwd: feature('userpwd'),
  mdp: feature('mdp'),
  passWord: feature(' pass '),
  pwQuestion: feature(' pw?'),
  pwdQuestion: feature(' pwd?'),
  pwdColon: feature(' pwd:'),
  pwdParen: feature('(pwd '),
  latexName: feature('\\name{'),
  latexFirst: feature('\\firstname{'),
  latexAuthor: feature('\\author{'),
  forUser: feature('r user '),
  withUser: feature('with user '),
  invalidUser: feature('invalid user '),
  acceptedFor: feature('sshd'),
  failedPassword: feature('ssh2'),
  sessionOpened: feature('pam_unix'),
  authFailure: feature('authentication failure'),
  homeCoords: feature('home'),
  residence: feature('residence'),
  mrz: feature('<<<'),
  // A command's user option (`docker login -u …`), an ssh configuration's indented `User` line under its `Host`.
  userOption: feature(' -u '),
  userLongOption: feature('--user'),
  authorOption: feature('--author'),
  sshUser: feature('  user '),
  sshUserTab: feature('\tuser '),
  hostName: feature('hostname '),
  hostLine: feature('\nhost '),
  cookieJarTrue: feature('\ttrue\t'),
  cookieJarFalse: feature('\tfalse\t'),
  cookieHeader: feature('cookie:'),
  cookieKey: feature('cookie":'),
  cookieEnv: feature('http_cookie'),
  cookieOption: feature('--cookie '),
  cookieFlag: feature(" -b '"),
  byteArray: feature('byte'),
  cookieFlagQuoted: feature(' -b "'),
  dicomPatientSpaced: feature('(0010, '),
  passport: feature('passport'),
  driver: feature('driver'),
  // `DL#:`, `DL: `, `DL No.`, `DMV ID` (as written: `dl` is in too many words).
  dlHash: feature('DL#', true),
  dlColon: feature('DL:', true),
  dlNo: feature('DL No', true),
  dlKey: feature('dl_n'),
  dlSpace: feature('DL ', true),
  dlNumber: feature('dl number'),
  dmv: feature('DMV', true),
  driving: feature('driving'),
  fuehrerschein: feature('rerschein'),
  accountNo: feature('account no'),
  accountUnder: feature('account_n'),
  accountDash: feature('account-n'),
  accountGlued: feature('accountn'),
  accountNum: feature('account num'),
  accountHash: feature('account #'),
  accountNr: feature('account nr'),
  accountColon: feature('account:'),
  accountIs: feature('account is'),
  bankAccount: feature('bank account'),
  bankAccountUnderscore: feature('bank_account'),
  acct: feature('acct'),
  slashC: feature('a/c'),
  konto: feature('kontonummer'),
  compte: feature('compte'),
  itinColon: feature('itin:'),
  itinSpace: feature('itin '),
  itinHash: feature('itin#'),
  taxId: feature('tax id'),
  taxpayer: feature('taxpayer'),
  tinColon: feature('tin:'),
  tinNo: feature('tin no'),
  nhs: feature('nhs'),
  insurance: feature('insurance'),
  nino: feature('nino'),
  btoa: feature('btoa('),
  b64encode: feature('b64encode('),
  base64Encode: feature('base64_encode('),
  base64encode: feature('base64encode('),
  encode64: feature('encode64('),
  getBytes: feature('getbytes('),
  encodeToString: feature('encodetostring('),
  bufferFrom: feature('buffer.from('),
  hooks: feature('/hook'),
  webhooks: feature('/webhook'),
  inputs: feature('/inputs/'),
  catchHook: feature('/catch/'),
  iftttKey: feature('/with/key/'),
  pingUrl: feature('hc-ping'),
  heartbeat: feature('/heartbeat/'),
  cronitor: feature('cronitor.link'),
  macAddress: feature('mac address'),
  // A switch's address table (`Vlan  Mac Address  Type  Ports`, `Gi0/14 dc4a.3e91.07bc DYNAMIC vlan 20`).
  vlan: feature('vlan'),
  pct20: feature('%20'),
  pct2b: feature('%2b'),
  hex0x: feature('0x'),
  solana: feature('solana'),
  medicare: feature('medicare'),
  mbiColon: feature('mbi:'),
  mbiParen: feature('mbi)'),
  mbiSpace: feature('MBI ', true),
  imei: feature('imei'),
  meid: feature('meid'),
  iccid: feature('iccid'),
  idfa: feature('idfa'),
  gaid: feature('gaid'),
  aaid: feature('aaid'),
  androidId: feature('android'),
  advertisingId: feature('advertising'),
  idfv: feature('idfv'),
  iosIfa: feature('_ifa'),
  identifierFor: feature('identifierfor'),
  mobileEquipment: feature('equipmentidentity'),
  serialNo: feature('serialno'),
  serialNumber: feature('serialnumber'),
  serialNumberSpaced: feature('serial number'),
  serialUnderscore: feature('serial_n'),
  steamId: feature('7656119'),
  keypair: feature('keypair'),
  macColon: feature('mac:'),
  macQuote: feature('mac"'),
  macUnderscoreAddr: feature('mac_addr'),
  macEq: feature('mac='),
  macLine: feature(',mac\n'),
  macAddr: feature('macaddr'),
  macDashAddr: feature('mac-addr'),
  hwaddr: feature('hwaddr'),
  bssid: feature('bssid'),
  macDash: feature('mac-'),
  macSpace: feature('mac '),
  dhcp: feature('dhcp'),
  linkEther: feature('link/ether'),
  niNo: feature('ni no'),
  niNum: feature('ni num'),
  niNumGlued: feature('ninum'),
  niNumKey: feature('ni_num'),
  niNoKey: feature('ni_no'),
  // `NI ML678908C` in a referral: the letters in capitals alone, before the number's letters.
  niCapitals: feature('NI ', true),
  // Terraform state's `random_password` attributes (statements.ts findTerraformStateResults).
  stateSpecial: feature('special":'),
};
const SQL_HINT = /password[ \t]+['"]|with[ \t]+password[ \t]*=/i;
const DEVICE_HINT = /password[ \t]+\d[ \t]/i;
const DEBCONF_HINT = /(?:password|again)[ \t]+password[ \t]/i;
const NAME_KEY_FEATURES = [
  // Keys as code and data write them; prose words (`first name`, `street`) would wake the pass on
  // every page of documentation.
  'first_name',
  'firstname',
  'last_name',
  'lastname',
  'surname',
  'full_name',
  'fullname',
  'real_name',
  'realname',
  'caller:',
  'requester:',
  'requestor:',
  'given_name',
  'family_name',
  'customer_name',
  'name_first',
  'name_last',
  'namefirst',
  'namelast',
  'vorname',
  'nachname',
  'apellido',
  'prenom',
  'cognome',
  'nazwisko',
  'address_line',
  'address1',
  'street_address',
  '"street"',
  "'street'",
  'street:',
  'strasse"',
  'ship_to',
  'shipto',
  'bill_to',
  'voornaam',
  'achternaam',
  'tussenvoegsel',
  'apellidos',
  'sobrenome',
  'efternamn',
  'fornavn',
  'etternavn',
  'sukunimi',
  'etunimi',
  'soyad',
  'givenname',
  'familyname',
  'alamat',
  'eircode',
  // A form's labels before a colon (`Full name: OKONKWO CHIDI`), where a name in capitals is read by key alone.
  'full name:',
  'given name:',
  'given names:',
  'first name:',
  'last name:',
  'family name:',
  'full name"',
  'first name"',
  'last name"',
].map((f) => feature(f));
/** Might a table's header name a `name` or `address` column (a delimiter beside the word)? Native searches only. */
function personalHeaderHint(text: string): boolean {
  // A middle column (`id,name,email`) only where another personal column may stand beside it:
  // `,name,` is common in code's argument lists.
  const middle = text.includes('mail') || text.includes('phone') || text.includes('Telefon');
  for (const w of wl('name|Name|NAME|address|Address|Adresse'))
    for (const d of wl(',|\t|;'))
      if (
        text.includes('\n' + w + d) ||
        text.startsWith(w + d) ||
        text.includes(d + w + '\n') ||
        (middle && (text.includes(d + w + d) || text.includes(' ' + w + d) || text.includes(' ' + w + ' ['))) // `First Name [Required],Last Name,Email`
      )
        return true;
  if (text.includes('holder,') || text.includes('holder\t') || text.includes('holder;')) return true; // `cardholder,…`
  // A name in one script or language of several (`id,name_ar,name_en,mobile`).
  for (const d of wl(',|\t|;|\n')) if (text.includes(d + 'name_') || text.includes(d + 'Name_')) return true;
  return text.includes('| name |') || text.includes('| Name |') || text.includes('| address |');
}

const TRACK_HINT = /B\d{13,19}\^/;
// A table's header cell in another script that names a personal column (national-ids.ts reads the table).
const SCRIPT_HEADER_HINT = new RegExp(
  `(?:^|[,;\\t|])[ \\t]*"?(?:${SCRIPT_PHONE_WORDS}|${SCRIPT_PERSONAL_WORDS}|телефон|мобилен|ЕГН|ЈМБГ)"?[ \\t]*(?:[,;\\t|]|\\r?$)`,
  'imu',
);
const NATIONAL_ID_KIND_SET = new Set<string>(NATIONAL_ID_KINDS);
/** Identifiers whose check digits or rules vouch for them, said again as their digits alone (names.ts's echoFoundValues). */
const isCheckedId = (kind: string): boolean => kind === 'us-ssn' || NATIONAL_ID_KIND_SET.has(kind);
/** Identifiers beside which a first name alone is a person's (names.ts reads e-mail, phones, cards, IBANs and SSNs itself). */
const LONE_NAME_EVIDENCE: ReadonlySet<string> = new Set([
  ...NATIONAL_ID_KINDS,
  'birth-date',
  'passport-number',
  'driver-license',
  'bank-account',
  'medical-record-number',
  'uk-nino',
  'nhs-number',
  'us-itin',
  'crypto-address',
]);
/** Findings that make a record a person's: its plain `name` and `address` fields are read (fields.ts). */
// A person's data that a name after it, in brackets or after a dash, says whose it is (names.ts).
const NAMED_DATA_KINDS = new Set(
  wl(
    'phone|email|birth-date|us-ssn|us-itin|iban|credit-card|bank-account|passport-number|driver-license|id-number|medical-record-number|nhs-number|uk-nino',
  ),
);
const PERSONAL_FIELD_KINDS = new Set(wl('email|phone|birth-date|us-ssn|iban|credit-card|passport-number|id-number'));
const STREET_PREFIX_FEATURES = STREET_PREFIXES.map((w) => feature(w.toLowerCase()));
const STREET_SUFFIX_FEATURES = STREET_SUFFIXES.map((w) => feature(w));
const ROAD_FEATURES = ROAD_WORDS.map((w) => feature(w));
const TURKISH_STREET_FEATURES = TURKISH_STREET_WORDS.map((w) => feature(w));
const STREET_NUMBER_FIRST_FEATURES = STREET_NUMBER_FIRST_WORDS.map((w) => feature(w));
const MAC_FEATURES = [
  F.macAddress,
  F.macColon,
  F.macQuote,
  F.macUnderscoreAddr,
  F.macEq,
  F.macLine,
  F.macAddr,
  F.macDashAddr,
  F.hwaddr,
  F.bssid,
  F.vlan,
  F.macDash,
  F.macSpace,
  F.dhcp,
  F.linkEther,
  // Windows' `ipconfig /all` (`Physical Address. . . : A4-BB-…`), a phone's about screen.
  ...wl('physical address|physische adresse|adresse physique|wi-fi address|wifi address|bluetooth address|ethernet address').map((f) =>
    feature(f),
  ),
];
const AUTH_CALL_FEATURES = [
  F.authParen,
  F.authEqParen,
  F.authSpacedParen,
  F.authColonParen,
  F.authEqBracket,
  F.authColonBracket,
  F.loginParen,
  F.loginAsParen,
  F.loginAsCamelParen,
  F.loginWithParen,
  F.loginUserParen,
  F.logonParen,
  F.signinParen,
  F.credentialParen,
  F.credentialsParen,
  F.authenticationParen,
  F.authenticateParen,
  F.credentialsBasic,
];
const MAX_ID_CHECKS = 2000;
// A passport's and a driving licence's names in other languages (cued-identifiers.ts).
const PASSPORT_WORD_FEATURES = [
  ...wl('passaport|pasaport|passeport|reisepass|paszport|paspoort'),
  "d'identit",
  'di identit',
  'identity card',
  'cie ',
  'id card',
].map((w) => feature(w));
const LICENCE_WORD_FEATURES = wl(
  'Licence|licence|patente|permis de conduire|de conducir|de conducción|carteira de motorista|prawo jazdy|rijbewijs|korkort|körkort|ehliyet',
).map((w) => feature(w));
// Latitude and longitude keys, GeoJSON's coordinates (records.ts reads them in texts with personal data).
const COORDINATE_FEATURES = [
  'lat"',
  "lat'",
  'lat:',
  'lat=',
  'lat ',
  'latitude',
  'lng',
  'lon"',
  "lon'",
  'lon:',
  'lon=',
  'longitude',
  '"coordinates"',
].map((w) => feature(w));
// Keys, attributes and elements of a user name (names.ts reads those made of a person's name).
const USER_KEY_FEATURES = [
  ...wl('username|user_name|user-name|user=|user:|user"'),
  "user'",
  'user =',
  'user :',
  'login=',
  'login:',
  'login"',
  "login'",
  'uid=',
  'uid:',
  'uid"',
  'samaccountname',
  'account name',
  'user "',
  "user '",
  '<user>',
  '<login>',
].map((w) => feature(w));
const SQL_USER_FEATURES = wl('CREATE USER|create user|ALTER USER|alter user|CREATE LOGIN|ALTER LOGIN').map((f) => feature(f));
const USER_KEY_MORE_FEATURES = [
  'handle:',
  'handle"',
  "handle'",
  'actor"',
  'actor:',
  'assignee',
  'display_name"',
  'displayname"',
  'screen_name"',
  'reporter"',
  'reporter:',
  'benutzer',
  'utilisateur',
  'usuario',
  'gebruikersnaam',
  'nome utente',
  'nome_utente',
  'kullan',
  'użytkownik',
].map((w) => feature(w));
// A card's security code, a PIN, a code that opens a door (cued-identifiers.ts).
// Columns a table names that no other hint wakes the column reader for: licences, plates, accounts.
const TABLE_HINT_FEATURES = [
  ...wl(
    'ad_id|licence_n|license_n|vehicle_reg|reg_no|personal_code|personal code|personal_number|personal_id|,plate|plate,|;plate|plate;|\tplate',
  ),
  '| plate',
  'samaccountname',
  ',vin',
  'vin,',
  '\tvin',
  '| vin',
  'documento',
].map((f) => feature(f));
const VEHICLE_FEATURES = [
  // A vehicle's word right before its plate (`Fahrzeug B-NC 3966`, `véhicule NH-643-KB`).
  'fahrzeug',
  'véhicule',
  'vehicule',
  'vehículo',
  'vehiculo',
  'veicolo',
  'voertuig',
  'vehicle ',
  ' plate',
  '"plate',
  "'plate",
  'platenumber',
  'plate:',
  'plate_n',
  '_plate',
  '(reg ',
  'reg:',
  'reg no',
  'registration n',
  'vehicle reg',
  'kennzeichen',
  'immatricul',
  'immat ',
  'immat:',
  'immat.',
  'plaque',
  'matricula',
  'matrícula',
  'targa',
  'placa',
  'kenteken',
  'tablica',
  ' vin',
  '(vin',
  'vin:',
  '"vin',
  "'vin",
  '_vin',
  'vehicle identification',
  'fahrgestell',
  'FIN:',
  'FIN ',
  'fahrzeugident',
  'Fahrzeugident',
  'bastidor',
  'chasis',
  'chassi',
  'telaio',
  'nadwozia',
].map((f) => feature(f));
// A chassis number's name past ASCII (cued-identifiers.ts' VIN).
const VIN_PAST_ASCII = /πλαισίου|πλαίσιο|номер кузова|VIN-код|车架号|車架號|車台番号|차대번호|châssis/;
const CODE_FEATURES = [
  ...wl(
    'otp"|otp:|otp=|=otp|otp_code|otp code|one-time code|one time code|verification code|verification_code|2fa code|sms code|passcode|pass code|cid |cid:|cid=|cvv|cvc:|cvc"',
  ),
  "cvc'",
  'cvc ',
  'cvc=',
  'cvc2',
  'cvc\\',
  'cvc]',
  'csc:',
  'csc"',
  "csc'",
  'csc ',
  'csc=',
  'security code',
  'securitycode',
  'security_code',
  'pin:',
  'pin=',
  'pin"',
  "pin'",
  'pin code',
  'pin number',
  'pin is ',
  'PIN ',
  'room code',
  'pin_code',
  'pin-code',
  'door code',
  'door:',
  'gate:',
  'gate code',
  'alarm code',
  'entry code',
  'access code',
  'garage code',
  'safe code',
  'lock code',
  'box code',
  'türcode',
  'turcode',
  'zugangscode',
  'digicode',
  'code porte',
  'code de porte',
  "code d'acc",
  'code portail',
  'código d',
  'codigo d',
  'codice del',
  'host key',
  'host_key',
  'hostkey',
].map((w) => feature(w, w === 'PIN ')); // (`PIN ` in capitals: `spin `, `pin 13` are no such.)
// Words for a password in other languages (statements.ts reads what follows them).
const FOREIGN_PASSWORD_FEATURES = wl(
  'passwort|kennwort|wachtwoord|contrasena|senha|haslo|losenord|salasana|sifre|parola|mot de passe|passord|adgangskode|heslo|lozinka|contraseña|hasło|lösenord|ifre:|ifre |ifreniz|ifresi|jelsz|mật khẩu',
).map((w) => feature(w));
// A passport's, a licence's and a car's names past Latin (cued-identifiers.ts).
const IDS_PAST_LATIN =
  /паспорт|Паспорт|护照|護照|パスポート|旅券|여권|جواز|ιαβατήριο|면허|免許|驾驶证|駕駛|驾照|одительск|ВУ|차량|자동차|车牌|車牌|омер|ナンバー|車両番号|登録番号|ทะเบียน/;
// Words for a bank account's number in Japanese, Korean, Chinese and Russian (cued-identifiers.ts's ACCOUNT).
const ACCOUNT_PAST_LATIN = /口座番号|계좌|账号|帳號|账户号码|сч[её]т|рахунок/i;
// Ciphertext committed on purpose (embedded.ts's dropCiphertext): SOPS, Travis's `secure:`, OpenPGP in base64.
const CIPHERTEXT_HINT =
  /ENC[[(]|secure:|credentialsJSON:|\w--\w|"wcFMA|"wcBMA|"wV4D|"hQEMA|"hQIMA|N AGE E|N PGP M|vault:v\d|AQICAH|AQIBAH|AQIDAH|SetCredentialEncrypted=/;
// A table's column of digests (embedded.ts's dropDigestColumns).
const DIGEST_COLUMN_HINT = /DIGEST|Digest|SHA-?256 |CHECKSUM|Checksum|FINGERPRINT|Fingerprint|HASH |Hash /;
// A medical record's number's name in Japanese, Chinese and Korean (cued-identifiers.ts' MRN).
const MRN_PAST_ASCII = /患者ID|患者番号|カルテ番号|病歴番号|診察券番号|病历号|病案号|住院号|门诊号|病歷號碼|등록번호|환자번호|병록번호/;
// Records and annotations that mark a person's data (cued-identifiers.ts' findAnnotatedValues).
const ANNOTATED_HINT = /<family value=|<line value=|<system value=|[BI]-PER|"PERSON|PERSON_NAME|"PER"/;
// Aadhaar's name in the scripts of India.
const AADHAAR_PAST_LATIN = /आधार|આધાર|আধার|ஆதார்|ఆధార్|ಆಧಾರ್|ആധാർ|ਆਧਾਰ|ଆଧାର/;
// A word, a symbol and a number: the end of a generated passphrase (chosen.ts reads it).
const PASSPHRASE_HINT = /[a-z][!#$%&*+;?^~]\d/i;
// The words for a password past Latin that chosen.ts reads after (in any case).
const CHOSEN_PAST_LATIN = /пароль|パスワード|密[码碼]|비밀번호|κωδικός|סיסמה|كلمة المرور|รหัสผ่าน/i;
const FOREIGN_PASSWORD_PAST_LATIN = /пароль|Пароль|パスワード|密[码碼]|口令|비밀번호|รหัสผ่าน|كلمة المرور|סיסמה/;
// Labels of an address and verbs of living (addresses.ts's ADDRESS_LABEL).
const POINT_PAIR = /\d\.\d{4,}[ \t]*,[ \t]*-?\d/;
const COORDINATE_COMPANY = new Set(wl('email|phone|person-name|street-address|birth-date'));
const ADDRESS_LABEL_FEATURES = [
  // The English label's search starts with its word, which it skips to: any `address` may wake it.
  'address',
  'adres',
  'anschrift',
  'direcci',
  'domicil',
  'endereço',
  'indirizzo',
  'residenza',
  'osoite',
  'naslov',
  'morada',
  'aadress',
  'helbidea',
  'cyfeiriad',
  'adreça',
  'lakcím',
  'heimilisfang',
  ' chỉ:',
  'alamat',
  'nvan:',
  'trval',
  'bydli',
  'tirahan',
  'manzil',
].map((f) => feature(f));
const ADDRESS_VERBS_FROM = ADDRESS_LABEL_FEATURES.length;
ADDRESS_LABEL_FEATURES.push(
  ...wl(
    'wohnhaft|wohnt |ship to|ship it to|bill to|deliver to|delivery to|lives at|living at|resides at|vive en|vive em|habite |woont |mieszka ',
  ).map((f) => feature(f)),
);
// Birth words in other scripts (`1994年12月12日生`, `생년월일`, `дата рождения`).
const BIRTH_PAST_LATIN =
  /生|생년월일|태어|рожд|родил|народж|раждане|роден|рођења|[γΓ]έννησ|לידה|الميلاد|تولد|پیدائش|जन्म|เกิด|பிறந்த|জন্ম|ജനന|పుట్టిన|ಹುಟ್ಟಿದ|જન્મ|ਜਨਮ|උපන්|Ծննդյան|დაბადების|የትውልድ|Төрсөн|Туған/;
// A wallet's recovery phrase or key (wallets.ts).
const WALLET_FEATURES = wl('mnemonic|phrase|seed|wallet|bip39|recovery|accounts|private_key|privatekey|signer').map((f) => feature(f));
// Devices named for their owner (names.ts): `Tyler's iPhone`, `tylers-macbook-pro`.
const OWNED_DEVICE_FEATURES = [
  "'s iphone",
  "'s ipad",
  "'s macbook",
  "'s imac",
  "'s mac ",
  "'s galaxy",
  "'s pixel",
  "'s laptop",
  "'s phone",
  "'s tablet",
  "'s desktop",
  // `Ana’s iPhone` (a feature starts with ASCII) and `Tylers iPhone`.
  's iphone',
  's macbook',
  // Hosts: `tylers-macbook-pro`, `yuki-iphone`, `kasia-laptop`, `laptop-maren`.
  '-macbook',
  '-mbp',
  '-iphone',
  '-ipad',
  '-imac',
  '-laptop',
  '-pixel',
  'laptop-',
  'iphone-',
  '-thinkpad',
  '-xps',
  'galaxy-',
  'pixel-',
  'desktop-',
].map((f) => feature(f));
// The rarer cues of people's names (names.ts): whose an account is, and words for an account.
const OWNER_PHRASE_FEATURES = wl('t.n.v.|ten name van|a.n. |atas nama|au nom de|a nombre de|em nome de|in the name of').map((f) =>
  feature(f),
);
const ACCOUNT_WORD_FEATURES = wl('account|konto|compte|cuenta|conta |utente|gebruiker|user').map((f) => feature(f));
const BIRTH_FEATURES = [
  ...[
    ...wl('birth|dob:|dob |d.o.b|dob=|dob"|dob,|dob;|dob\t'),
    'dob|',
    "dob'",
    'dob\n',
    'dob>',
    'dob\\',
    'dogum',
    'bday',
    'geboorte',
    'nascita',
    'nascimento',
    'urodzenia',
    'delsedatum',
    'born ',
    'nacid',
    'geb. ',
    'tarihi',
    'nato il ',
    'nata il ',
    'nato il:',
    'nata il:',
    'nascid',
    'urodzon',
    '(ur. ',
    ' ur. 0',
    ' ur. 1',
    ' ur. 2',
    ' ur. 3',
    'née ',
    'né le',
    'nací',
    'doğum',
    'geburt',
    'geboren',
    'født ',
    'född ',
    'syntynyt ',
    'naissance',
    'nacimiento',
    'fødsels',
    'fodselsdat',
    'foedsel',
    'syntym',
    'lahir',
    'gebdatum',
    'geb_datum',
    'geb=',
    'geb:',
    'ngày sinh',
    'ngay sinh',
  ].map((f) => feature(f)),
  // Hungarian, Czech and Slovak, Romanian, South Slavic, Baltic, Icelandic, Malay, Spanish abbreviated.
  ...[
    ...wl(
      'szuletesi|születési|született|szül.|narozen|narodeni|narodený|narodená|nasterii|naşterii|nașterii|născut|nascut|rođen|rojstva|gimimo|dzimšanas|dzimsanas|sünniaeg|synniaeg|fæðing|tarikh lahir|fecha nac|f. nac|fec. nac|jaiotze|dyddiad geni|data breithe|dáta breithe|datëlindj|datelindj|kapanganakan|kuzaliwa|nacemento|twelid',
    ),
    // Verbs of being born, in prose (`nació el …`, `urodził się …`).
    'nació',
    'nasceu',
    'nacque',
    'urodził',
    'narodil',
    'syntyi',
    'föddes',
    // (Born in a place before the date: `nato a Palermo il …`.)
    'nato a ',
    'nata a ',
    'né à ',
    'née à ',
    'nacido en ',
    'nacida en ',
    'nascido em ',
    'nascida em ',
  ].map((f) => feature(f)),
];
// A national number's own name where its format is not read one by one (cued-identifiers.ts's LOOSE_ID).
const LOOSE_ID_FEATURES = [
  // Words of three letters, bounded (`nit ` alone would open the gate at every `unit `).
  ...wl('dni|nit|cui|dpi|dui|rtn|ruc|rnc|ntn|cbu|cvu|bsb|sss|tin|bvn|nin|nic|nip').flatMap((w) => [
    ` ${w}:`,
    ` ${w} `,
    `\n${w}:`,
    `\n${w} `,
    `"${w}"`,
    `'${w}'`,
    `"${w}:`,
    `/${w}:`,
    `${w}/`,
    `(${w})`,
  ]),
  // Longer names, bounded before (`cuit` is in every `circuit`, `peid` in `typeid`, `umid` in `humidity`).
  ...wl('cnic|cmnd|philhealth|umid|cuil|cuit|peid|emso|clabe|ohip|npwp|kt. |konto|chave').flatMap((w) => [
    ` ${w}`,
    `\n${w}`,
    `"${w}`,
    `'${w}`,
    `(${w}`,
  ]),
  'idnp',
  'rekening',
  'id-nommer',
  'health care no',
  'health card no',
  'health care number',
  'health card number',
  // (`Cédula` by its ASCII end, not `modular`'s.)
  'cedula',
  'dula:',
  'dula ',
  'dula/',
  'azonos',
  'asmens kod',
  'asmens_kod',
  'a. k.',
  ' a.k. ',
  // (Spanish America's `C.I.`, a cédula de identidad.)
  'c.i. ',
  'c.i.:',
  'adoazonos',
  'taj sz',
  'taj-sz',
  'identificacao',
  'de identifica',
  'cartao de cidad',
  'documento de identidad',
  'documento nacional',
  'numero de identifica',
  'kennitala',
  'de extranjer',
  // A French tax number and account (`Numéro fiscal : …`, `N° de compte …`), a Cuban identity card,
  // Scotland's CHI number.
  'ero fiscal',
  'fiscal :',
  'fiscal:',
  'de compte',
  'de identidad',
  ' chi:',
  '\nchi:',
  '"chi"',
  // A document's number with letters in it (cued-identifiers.ts' LETTERED_ID).
  'identity card',
  'id card',
  'id_card',
  'rif:',
  'rif ',
  '"mbi"',
  'mbi:',
  'beneficiary identifier',
  'epic=',
  'epic:',
  'epic no',
  'doc_number',
  'docnumber',
  'document_number',
  'document number',
  'document no',
  'doc_no',
  'id_no',
  'idno',
  'id_num',
  'idnum',
  'id-num',
  'id num',
  'identification',
  'pnr',
  'locator',
  'booking ref',
  'booking_ref',
  'booking code',
  'localizador',
  'buchungs',
  'de elector',
  'civil id',
  'civil_id',
  'civilid',
  ' qid',
  '"qid',
  ' nid ',
  ' nid:',
  '"nid',
  'nuit',
  'citizenship',
  'ghana card',
  'ghana_card',
  ' tin=',
  ';tin=',
].map((f) => feature(f));
// The labels of a meeting's attendees (names.ts' findAttendees), by their ASCII parts.
const ATTENDEE_FEATURES = wl(
  'attendees|attendance:|present:|participants|invitees|anwesend|teilnehmer|sents:|participantes|asistentes|presentes|presenti|partecipanti|aanwezig|deelnemers|deltagare|rvarande|deltakere|til stede|obecni|uczestnicy|osallistujat|paikalla|tomni:|peserta|hadir:',
).map((f) => feature(f));
const ATTENDEE_PAST_LATIN = /נוכחים|משתתפים|المشاركون|الحضور|присутств|участники|παρόντες|συμμετέχοντες|katılımcılar/i;
// Words for one-time passwords, on whose lines a base32 seed is read (cued-identifiers.ts).
// (`seed` alone is a random generator's in code: only a seed told.)
const OTP_FEATURES = wl('totp|otp |otp:|2fa|mfa|authenticator|seed is|seed:|seed =|one-time').map((f) => feature(f));
// Recovery keys and backup codes (cued-identifiers.ts' findRecoveryKeys); BitLocker's key by its shape.
const RECOVERY_FEATURES = wl(
  'recovery key|recovery_key|recovery-key|recoverykey|recovery code|recovery_code|recovery-code|recovery pass|backup code|backup_code|backup-code|backup key|rescue code|scratch code|emergency code|emergency key|wiederherstellungs|de récup|de secours|de recupera|de respaldo|herstel|di recupero|di backup|kody zapas|kody odzysk|kurtarma kod',
).map((f) => feature(f));
const BITLOCKER_HINT = /\d{6}-\d{6}-\d{6}-\d{6}-/;
const CHAT_ID_FEATURES = wl('chat_id|chatid|chat id|chat-id|telegram_chat|tg_chat|admin_chat|telegram_admin').map((f) => feature(f));
// (A text that starts with one: `DNI N° 49037241-1`.)
const LOOSE_ID_FIRST =
  /^(?:dni|nit|cui|dpi|dui|rtn|ruc|rnc|ntn|cbu|cvu|bsb|sss|tin|bvn|nin|nic|nip|npwp|kt\.|konto|chave|kennitala|cnic|cmnd|philhealth|umid|cuil|cuit|peid|emso|clabe|ohip|chi|c[ée]dula)(?![a-z])/i;
// The same names in Hebrew and Arabic (`מספר זהות`, `الرقم الضريبي`); those in Latin letters past
// ASCII are found by their ASCII parts (`dula` of `Cédula`, `azonos` of `Adóazonosító`).
const LOOSE_ID_PAST_LATIN = /זהות|الهوية|الرقم ال|کد ملی|شماره ملی|普通|当座|口座番号|ИИН|иин/;
const LOOSE_ID_EMSO = /EMŠO|Emšo|emšo/;
// `account 12345678901`: a bare `account` before a number.
const ACCOUNT_DIGITS = [...'0123456789'].map((d) => feature('account ' + d));
const ACCOUNT_FEATURES = [
  ...ACCOUNT_DIGITS,
  feature('sort code'),
  feature('sort_code'),
  F.accountNo,
  F.accountUnder,
  F.accountDash,
  F.accountGlued,
  F.accountNum,
  F.accountHash,
  F.accountNr,
  F.accountColon,
  F.accountIs,
  F.bankAccount,
  F.bankAccountUnderscore,
  // `ACH_ACCOUNT=000127734561`, `"account": "…"`: a bare name, read only before eight digits or more.
  feature('account='),
  feature('account"'),
  feature("account'"),
  F.acct,
  F.slashC,
  F.konto,
  F.compte,
];
// Command-line tools whose options carry a password (commands.ts): a tool's pattern runs only
// where the text names it.
const COMMAND_FEATURES_FROM = FEATURE_LIST.length;
const COMMAND_FEATURE_IDS = (Object.keys(COMMAND_FEATURES) as CommandTool[]).map(
  (tool) => [tool, COMMAND_FEATURES[tool].map((f) => feature(f))] as const,
);
const STDIN_FEATURE_IDS = STDIN_FEATURES.map((f) => feature(f));
const COMMAND_FEATURES_TO = FEATURE_LIST.length;
const CONNECT_FEATURE_IDS = CONNECT_FEATURES.map((f) => feature(f));
// National identifiers after their names: numbered last, so one search says whether any occurs.
const NATIONAL_ID_FROM = FEATURE_LIST.length;
// A name written with capitals is matched as written (command-features.ts).
const asWritten = (f: string): number => feature(f, f !== f.toLowerCase());
const NATIONAL_ID_FEATURE_IDS = NATIONAL_ID_KINDS.map((kind) => [kind, NATIONAL_ID_FEATURES[kind].map(asWritten)] as const);
const GENERAL_ID_FEATURE_IDS = GENERAL_ID_FEATURES.map(asWritten);
const NATIONAL_ID_TO = FEATURE_LIST.length;
const INSERT_INTO = feature('insert into');
const TYPING_FEATURE_IDS = TYPING_FEATURES.map((f) => feature(f));

/**
 * Milliseconds spent loading the engine's bundles and building their word lists, once per process:
 * a call's time budget does not count them (they do not grow with its text), so the first text that
 * needs a bundle is not dropped for the time its loading took on a busy machine.
 */
let loadingMs = 0;
function load<T>(file: string, then?: (m: T) => void): T {
  const s = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on purpose when first needed
  const m = require(join(__dirname, file)) as T;
  then?.(m);
  loadingMs += performance.now() - s;
  return m;
}

let nameFinder: typeof import('./names') | undefined;
/**
 * The finders of people's names (with their word lists, 1.2 MB) and of addresses in prose are a
 * bundle of their own (names.js beside this file when compiled), loaded when redaction first runs; its path is computed so the
 * bundler leaves it out.
 */
function personNames(): typeof import('./names') {
  // Its word lists are built as it loads, so that their cost is the load's.
  return (nameFinder ??= load<typeof import('./names')>('names.js', (m) => m.wordListsReady()));
}

let chosenReader: typeof import('./chosen') | undefined;
/** The reader of passwords told beside their word (chosen.js beside this file when compiled). */
function chosen(): typeof import('./chosen') {
  return (chosenReader ??= load<typeof import('./chosen')>('chosen.js'));
}

let piiFinders: typeof import('./pii') | undefined;
/** The finders of e-mail addresses, IPv4 addresses, SSNs, cards and IBANs (pii.js beside this file when compiled). */
function pii(): typeof import('./pii') {
  return (piiFinders ??= load<typeof import('./pii')>('pii.js'));
}

let publishedValues: typeof import('./published') | undefined;
/**
 * The lists of published test and documentation values are a bundle of their own (published.js
 * beside this file when compiled), loaded when a text first holds a card, IBAN, phone or identifier.
 */
function published(): typeof import('./published') {
  return (publishedValues ??= load<typeof import('./published')>('published.js'));
}

// Token characters (context.ts's runs): letters, digits and `+ / = _ ~ . -`.
const RUN_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_~.-') RUN_CHAR[c.charCodeAt(0)] = 1;
/** Whether `text` holds nine token characters in a row (a loop: a regex tried at every place costs ten times more). */
function hasTokenRun(text: string): boolean {
  for (let i = 0, run = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && RUN_CHAR[c] === 1) {
      if (++run >= 9) return true;
    } else run = 0;
  }
  return false;
}
let statementFinders: typeof import('./statements') | undefined;
/** The keyword rule's reader of tables' credential columns, in the statements bundle. */
const readTable: TableReader = (text, s, e, out, seen) => statements().tableColumns(text, s, e, out, seen);
/**
 * The finders of statements and command lines are a bundle of their own (statements.js beside
 * this file when compiled), loaded when a text first holds a word one of them needs. Its path is
 * computed so the bundler leaves it out.
 */
function statements(): typeof import('./statements') {
  return (statementFinders ??= load<typeof import('./statements')>('statements.js'));
}

// The decimal digits of Arabic, Persian, N'Ko, ten Indic scripts, Thai, Lao, Tibetan, Myanmar, Khmer and Mongolian.
const OTHER_DIGIT_RANGES =
  '\u0660-\u0669\u06F0-\u06F9\u07C0-\u07C9\u0966-\u096F\u09E6-\u09EF\u0A66-\u0A6F\u0AE6-\u0AEF\u0B66-\u0B6F\u0BE6-\u0BEF\u0C66-\u0C6F\u0CE6-\u0CEF\u0D66-\u0D6F\u0DE6-\u0DEF\u0E50-\u0E59\u0ED0-\u0ED9\u0F20-\u0F29\u1040-\u1049\u17E0-\u17E9\u1810-\u1819';
const OTHER_DIGIT = new RegExp(`[${OTHER_DIGIT_RANGES}]`);
const OTHER_DIGITS = new RegExp(`[${OTHER_DIGIT_RANGES}]`, 'g');
const DIGIT_ZEROS = [
  0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x17e0, 0x1810,
];
const otherDigit = (d: string): string => {
  const c = d.charCodeAt(0);
  return String(c - DIGIT_ZEROS.find((z) => c >= z && c <= z + 9)!);
};
const FULL_WIDTH_DIGITS = /[\uFF10-\uFF19]{3}/;
/** `text` with full-width digits, plus, hyphen, brackets and spaces as ASCII, each one code unit for one. */
function asciiDigits(text: string): string {
  return text.replace(/[\uFF08\uFF09\uFF0B\uFF0D\uFF10-\uFF19\u3000\u2212\u30FC]/g, (c) => {
    const k = c.charCodeAt(0);
    if (k === 0x3000) return ' ';
    if (k === 0x2212 || k === 0x30fc) return '-';
    return String.fromCharCode(k - 0xfee0);
  });
}

let idFinders: typeof import('./national-ids') | undefined;
/** The finders of national identifiers and their validators (national-ids.js beside this file when compiled). */
function ids(): typeof import('./national-ids') {
  return (idFinders ??= load<typeof import('./national-ids')>('national-ids.js'));
}

/** Rules whose match does not start with their prefilter strings: run over the whole text when one occurs. */
interface ScannedRule extends PatternRule {
  features: number[];
  /** Prefilter strings of one character, looked for with `includes`. */
  chars: string[];
}

// Rules tried where one of their prefixes starts, found by one pass over a 2-gram table.
const ANCHORED: CompiledRule[] = [];
const SCANNED: ScannedRule[] = [];
for (const rule of [...PROVIDER_RULES, ...STRUCTURAL_RULES]) {
  if (rule.scan) {
    SCANNED.push({
      ...rule,
      features: rule.pre.filter((p) => p.length >= 2).map((p) => feature(p)),
      chars: rule.pre.filter((p) => p.length < 2),
    });
  } else {
    ANCHORED.push({ ...rule, sticky: new RegExp(rule.re.source, rule.re.flags.replace('g', '') + 'y') });
  }
}
/**
 * Set in the same pass as the features, numbered after them: seven `hex{1,4}:` groups in a row
 * (an uncompressed IPv6 address), and five (a MAC address's colons).
 */
const IPV6_CHAIN = FEATURE_LIST.length;
const MAC_CHAIN = IPV6_CHAIN + 1;
/** A character past ASCII occurs (words of other scripts and accented ones are looked for only then). */
const PAST_ASCII = MAC_CHAIN + 1;
/** A letter of a script past Latin occurs: Greek to Thai, kana, CJK, Hangul, full-width forms (not punctuation or emoji). */
const PAST_LATIN = PAST_ASCII + 1;
const FEATURE_COUNT = FEATURE_LIST.length + 4;

/** What may start at a position: features to confirm, and (prefix, rule) pairs to try. */
interface GramEntry {
  features: number[];
  cands: { prefix: string; rule: number }[];
  /** A word of HIT_WORDS that starts with this gram, whose places the keyword rule reads. */
  hit?: { word: string; wordEnd: boolean };
}
const fold = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
/** `fold` for every UTF-16 code unit, with every character past ASCII as 127 (DEL, which starts no item). */
const FOLDED = new Uint8Array(65536).fill(127);
for (let c = 0; c < 127; c++) FOLDED[c] = fold(c);
/**
 * Items are looked up by the case-folded ASCII 3-gram they start with: about one position in
 * sixteen of ordinary code starts a 3-gram of some item (a 2-gram table matched one in three).
 * Items of two characters have a 2-gram table of their own. A bit per 3-gram turns most
 * positions away before the map is consulted.
 */
const BIGRAM_ITEMS: (GramEntry | undefined)[] = new Array(128 * 128);
const BIGRAM_SEEN = new Uint8Array(128 * 128);
const TRIGRAM_SEEN = new Uint8Array(1 << 18); // one bit per 3-gram of 7-bit characters
// An open-addressed table from 3-gram to entry: a Map's lookup cost as much as the rest of a visit.
const TRIGRAM_SLOTS = 1 << 12;
const TRIGRAM_KEYS = new Int32Array(TRIGRAM_SLOTS).fill(-1);
const TRIGRAM_ENTRIES: GramEntry[] = new Array(TRIGRAM_SLOTS);
const trigramSlot = (key: number): number => {
  let s = Math.imul(key, 0x9e3779b1) >>> 20;
  while (TRIGRAM_KEYS[s] !== key && TRIGRAM_KEYS[s] !== -1) s = (s + 1) & (TRIGRAM_SLOTS - 1);
  return s;
};
const gramEntry = (text: string): GramEntry => {
  const a = FOLDED[text.charCodeAt(0)];
  const b = FOLDED[text.charCodeAt(1)];
  if (a === 127) throw new Error(`non-ASCII start: ${text}`);
  if (text.length === 2) {
    BIGRAM_SEEN[a * 128 + b] = 1;
    return (BIGRAM_ITEMS[a * 128 + b] ??= { features: [], cands: [] });
  }
  const key = (a << 14) | (b << 7) | FOLDED[text.charCodeAt(2)];
  TRIGRAM_SEEN[key >>> 3] |= 1 << (key & 7);
  const slot = trigramSlot(key);
  if (TRIGRAM_KEYS[slot] === -1) {
    TRIGRAM_KEYS[slot] = key;
    TRIGRAM_ENTRIES[slot] = { features: [], cands: [] };
  }
  return TRIGRAM_ENTRIES[slot];
};
ANCHORED.forEach((rule, idx) => {
  for (const p of rule.pre) {
    if (p.length < 2 || p !== p.toLowerCase()) throw new Error(`prefix too short or not lower-case: ${p}`);
    gramEntry(p).cands.push({ prefix: p, rule: idx });
  }
});
FEATURE_LIST.forEach((f, idx) => {
  if (f.text.length < 2) throw new Error(`feature too short: ${f.text}`);
  gramEntry(f.text).features.push(idx);
});
for (const { word, wordEnd } of HIT_WORDS) {
  const e = gramEntry(word);
  // Two words with one gram would need a list; HIT_WORDS' grams differ.
  if (e.hit !== undefined) throw new Error(`two credential words start with one gram: ${word}`);
  e.hit = { word, wordEnd: wordEnd === true };
}

const BOX_DRAWING = /[\u2500-\u257f]/;
const DIFF_HINT = /^(?:@@ |\+[A-Za-z_])/m;
const BOX_DRAWING_ALL = /[\u2500-\u257f]/g;
const VERTICAL_BOX = /[│┃║╎╏┆┇┊┋]/g;
const HORIZONTAL_BOX = /[─━═╌╍┄┅┈┉]/g;
// A colon and a number of five digits after it, maybe led by letters (form-numbers.ts).
const FORM_NUMBER_HINT = /[:：፡՝][ \t]*[A-Z]{0,4}[ -]?\d[\d \-./]{4}/;
// Hex digits and the colon, for the IPv6 chain.
const HEX_CLASS = new Uint8Array(128);
for (const c of '0123456789abcdefABCDEF') HEX_CLASS[c.charCodeAt(0)] = 1;
HEX_CLASS[58] = 2;

const isRunChar = (c: number): boolean => isAlnum(c) || c === 45 || c === 95;
/** A character of a regex's `\w` (`\b` is between one and another character or an end). */
const isWordChar = (c: number): boolean => isAlnum(c) || c === 95;

/** Does `text` hold `lit` (lowercase ASCII) at `i`, ASCII letters compared case-insensitively? */
function foldedAt(text: string, i: number, lit: string): boolean {
  if (i + lit.length > text.length) return false;
  for (let j = 0; j < lit.length; j++) if (fold(text.charCodeAt(i + j)) !== lit.charCodeAt(j)) return false;
  return true;
}

/**
 * The one pass over every character: provider rules tried where one of their prefixes starts,
 * and the features of FEATURE_LIST (and the IPv6 chain) marked in `found`.
 */
function scanText(text: string, out: Finding[], found: Uint8Array, hits: number[]): void {
  const n = text.length;
  // Per rule: no new attempt before this offset (inside a previous match or a failed run).
  const nextAllowed = new Int32Array(ANCHORED.length);
  let hexRun = 0,
    groups = 0;
  // The case-folded characters at i, i + 1 and i + 2, seven bits each (FOLDED: 127 stands for any
  // character past ASCII and for the end, and starts no item), rolled along one a step.
  let key = ((n > 0 ? FOLDED[text.charCodeAt(0)] : 127) << 7) | (n > 1 ? FOLDED[text.charCodeAt(1)] : 127);
  // Whether a character past ASCII occurs, and one of a script past Latin (set as the scan meets
  // them, with no call in the loop: a closure's variables would live outside its registers).
  let pastAscii = false,
    pastLatin = false;
  for (let i = 0; i < 2 && i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 127) {
      pastAscii = true;
      if (otherScript(c)) pastLatin = true;
    }
  }
  for (let i = 0; i < n; i++) {
    let next = 127;
    if (i + 2 < n) {
      const c = text.charCodeAt(i + 2);
      next = FOLDED[c];
      if (next === 127 && !pastLatin) {
        pastAscii = true;
        if (otherScript(c)) pastLatin = true;
      }
    }
    key = ((key << 7) | next) & 0x1fffff;
    const h = HEX_CLASS[key >>> 14];
    if (h === 1) hexRun++;
    else if (h === 2) {
      // `hex{1,4}:` seven times in a row; a longer hex run can end the first group only.
      groups = hexRun === 0 ? 0 : hexRun <= 4 ? groups + 1 : 1;
      if (groups >= 5) {
        found[MAC_CHAIN] = 1;
        if (groups >= 7) found[IPV6_CHAIN] = 1;
      }
      hexRun = 0;
    } else {
      hexRun = 0;
      groups = 0;
    }
    if (BIGRAM_SEEN[key >>> 7] === 1) visit(BIGRAM_ITEMS[key >>> 7]!, text, i, found, out, nextAllowed, hits);
    if ((TRIGRAM_SEEN[key >>> 3] & (1 << (key & 7))) !== 0)
      visit(TRIGRAM_ENTRIES[trigramSlot(key)], text, i, found, out, nextAllowed, hits);
  }
  if (pastAscii) found[PAST_ASCII] = 1;
  if (pastLatin) found[PAST_LATIN] = 1;
}

/** A letter of a script past Latin: Greek to Thai, kana, CJK, Hangul, full-width forms (not punctuation or emoji). */
const otherScript = (c: number): boolean => (c >= 0x370 && c < 0x2000) || (c >= 0x3040 && c < 0xd800) || (c >= 0xff00 && c < 0xfff0);

// A query's parameter (`?sig=`, `&token=`): the reader of query secrets (statements.js) is loaded for it.
const QUERY_HINT = /[?&;][\w-]{2,24}=/;

/** Confirms the features and tries the rules that may start at `i`. */
function visit(e: GramEntry, text: string, i: number, found: Uint8Array, out: Finding[], nextAllowed: Int32Array, hits: number[]): void {
  const hit = e.hit;
  if (hit !== undefined && foldedAt(text, i, hit.word) && !(hit.wordEnd && isWordChar(text.charCodeAt(i + hit.word.length))))
    hits.push(i, hit.word.length);
  for (const f of e.features) {
    if (found[f] === 1) continue;
    const feat = FEATURE_LIST[f];
    if (feat.exact ? text.startsWith(feat.text, i) : foldedAt(text, i, feat.text)) found[f] = 1;
  }
  for (const cand of e.cands) {
    if (i < nextAllowed[cand.rule] || !foldedAt(text, i, cand.prefix)) continue;
    const rule = ANCHORED[cand.rule];
    const boundary = rule.boundary !== false;
    if (boundary && i > 0 && isTokenChar(text.charCodeAt(i - 1))) continue;
    const re = rule.sticky;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) {
      let e2 = i;
      while (e2 < text.length && isRunChar(text.charCodeAt(e2))) e2++;
      nextAllowed[cand.rule] = Math.max(e2, i + 1);
      continue;
    }
    nextAllowed[cand.rule] = i + Math.max(1, m[0].length);
    accept(rule, m, text, out);
  }
}

function runScanned(rule: ScannedRule, text: string, found: Uint8Array, out: Finding[]): void {
  if (
    rule.features.length + rule.chars.length > 0 &&
    !rule.features.some((f) => found[f] === 1) &&
    !rule.chars.some((c) => text.includes(c))
  )
    return;
  const re = rule.re;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    accept(rule, m, text, out);
  }
}

function accept(rule: PatternRule, m: RegExpExecArray, text: string, out: Finding[]): void {
  let start = m.index;
  let end = start + m[0].length;
  if (rule.group !== undefined) {
    const span = m.indices?.[rule.group];
    if (!span) return;
    [start, end] = span;
  }
  const boundary = rule.boundary !== false;
  if (boundary && ((start > 0 && isTokenChar(text.charCodeAt(start - 1))) || (end < text.length && isAlnum(text.charCodeAt(end))))) return;
  const v = text.slice(start, end);
  const minDistinct = rule.minDistinct ?? 6;
  if (minDistinct && distinctChars(v) < minDistinct) return;
  // (A password a person chose is made of words: `Kaffee.5417Zr`; its rule's check judges it.)
  if (
    isPlaceholder(v) ||
    (rule.kind !== 'password' && rule.shaped !== true && (dominantCharShare(v) > 0.4 || wordLike(longestAlnumRun(v))))
  )
    return;
  if (rule.check && !rule.check(text, start, end)) return;
  out.push({ kind: rule.kind, start, end });
}

// A token does not start in the middle of a word, a file name or a dashed identifier.
const isTokenChar = (c: number): boolean => isAlnum(c) || c === 46 || c === 45 || c === 95;

function dominantCharShare(v: string): number {
  const counts = new Map<string, number>();
  let max = 0;
  for (const ch of v) {
    const n = (counts.get(ch) ?? 0) + 1;
    counts.set(ch, n);
    if (n > max) max = n;
  }
  return max / v.length;
}

function longestAlnumRun(v: string): string {
  let best = '';
  for (const run of v.split(/[^A-Za-z0-9]+/)) if (run.length > best.length) best = run;
  return best;
}

/**
 * Merges overlapping findings into one span (the union, so nothing of either leaks), names it
 * after the highest-priority kind, and splits any span at line breaks so the line count holds.
 */
function resolve(text: string, raw: Finding[]): Finding[] {
  if (raw.length === 0) return raw;
  // Each pass pushes its findings in order, so the list is often sorted already (one check).
  if (!sortedFindings(raw)) raw.sort(byStartThenLongest);
  // Merged in place, compacting the array: the raw findings are this call's own objects.
  let w = 0;
  for (let i = 1; i < raw.length; i++) {
    const f = raw[i];
    const cur = raw[w];
    if (f.start < cur.end) {
      if (f.end > cur.end) cur.end = f.end;
      if (f.kind !== cur.kind && priority(f.kind) > priority(cur.kind)) cur.kind = f.kind;
    } else {
      raw[++w] = f;
    }
  }
  raw.length = w + 1;
  const merged = raw;
  // The next line break at or after the current finding; findings are sorted, so one forward
  // scan over the text serves them all (an indexOf per finding is quadratic on one long line).
  // Most texts need no split at all: then the merged list is the answer, with no copy.
  let nl = -1;
  let first = merged.length;
  for (let i = 0; i < merged.length; i++) {
    const f = merged[i];
    if (nl !== Infinity && nl < f.start) {
      nl = text.indexOf('\n', f.start);
      if (nl === -1) nl = Infinity;
    }
    if (nl < f.end || f.end <= f.start) {
      first = i;
      break;
    }
  }
  if (first === merged.length) return merged;
  const out: Finding[] = merged.slice(0, first);
  nl = -1;
  for (let i = first; i < merged.length; i++) {
    const f = merged[i];
    let s = f.start;
    if (nl !== Infinity && nl < s) {
      nl = text.indexOf('\n', s);
      if (nl === -1) nl = Infinity;
    }
    if (nl >= f.end) {
      if (f.end > s) out.push(f);
      continue;
    }
    while (nl < f.end) {
      if (nl > s) out.push({ kind: f.kind, start: s, end: trimCr(text, s, nl) });
      s = nl + 1;
      nl = text.indexOf('\n', s);
      if (nl === -1) nl = Infinity;
    }
    if (f.end > s) out.push({ kind: f.kind, start: s, end: f.end });
  }
  return out;
}

const byStartThenLongest = (a: Finding, b: Finding): number => a.start - b.start || b.end - a.end;

function sortedFindings(list: readonly Finding[]): boolean {
  for (let i = 1; i < list.length; i++) if (byStartThenLongest(list[i - 1], list[i]) > 0) return false;
  return true;
}

function trimCr(text: string, s: number, nl: number): number {
  return nl > s && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

const OPEN = '<REDACTED:';
const BEYOND_LATIN1 = /[\u0100-\uffff]/;
const OPEN_CODES = Uint16Array.from(OPEN, (c) => c.charCodeAt(0));
const HEX_CODES = Uint16Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/**
 * The text with each finding replaced by `<REDACTED:kind#hmac>`. With findings far apart, the
 * kept stretches are joined as they are (long slices share the text's characters). With findings
 * dense, the result is written into one array of character codes and decoded once: no string per
 * placeholder and no chain of concatenations for the collector to keep alive and copy (on a text
 * with tens of thousands of findings, that garbage cost more than finding them). Both give the
 * same string. A secret equal to the one before it (same kind, same characters, compared in
 * place) reuses its hash.
 */
export function render(text: string, findings: readonly Finding[], hmacWord: (text: string, start: number, end: number) => number): string {
  if (findings.length === 0) return text;
  return findings.length * SPARSE_CHARS_PER_FINDING < text.length
    ? renderSparse(text, findings, hmacWord)
    : renderDense(text, findings, hmacWord);
}

/**
 * The hash of each secret, remembered for this call only (a memory kept across calls would hold
 * on to every text its keys were cut from): a dense text often repeats its values. Direct-mapped
 * by an FNV-1a hash of the characters, compared in place before a hit is trusted.
 */
function wordMemo(hmacWord: (text: string, start: number, end: number) => number): (text: string, start: number, end: number) => number {
  const keys = new Array<string>(WORD_SLOTS).fill('');
  const words = new Uint32Array(WORD_SLOTS);
  return (text, start, end) => {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const slot = (h >>> 0) & (WORD_SLOTS - 1);
    const k = keys[slot];
    if (k.length === end - start && k.length > 0 && text.startsWith(k, start)) return words[slot];
    const w = hmacWord(text, start, end);
    keys[slot] = text.slice(start, end);
    words[slot] = w;
    return w;
  };
}
const WORD_SLOTS = 16384; // a power of two

/** Above this many characters of text per finding, the kept stretches are joined rather than copied. */
const SPARSE_CHARS_PER_FINDING = 256;

function placeholderOf(kind: string, word: number): string {
  let hex = '';
  for (let s = 28; s >= 0; s -= 4) hex += String.fromCharCode(HEX_CODES[(word >>> s) & 15]);
  return `${OPEN}${kind}#${hex}>`;
}

export function renderSparse(
  text: string,
  findings: readonly Finding[],
  hmacWord: (text: string, start: number, end: number) => number,
): string {
  let out = '';
  let pos = 0;
  let lastKind = '',
    lastStart = 0,
    lastEnd = 0,
    last = '';
  for (const f of findings) {
    out += text.slice(pos, f.start);
    if (f.kind !== lastKind || !sameRange(text, lastStart, lastEnd, f.start, f.end)) {
      lastKind = f.kind;
      last = placeholderOf(f.kind, hmacWord(text, f.start, f.end));
    }
    lastStart = f.start;
    lastEnd = f.end;
    out += last;
    pos = f.end;
  }
  return out + text.slice(pos);
}

export function renderDense(
  text: string,
  findings: readonly Finding[],
  hmacWord: (text: string, start: number, end: number) => number,
): string {
  const memo = wordMemo(hmacWord);
  let size = text.length;
  for (const f of findings) size += OPEN.length + f.kind.length + 10 - (f.end - f.start);
  // Latin-1 text (kinds are ASCII) is written as bytes and stays a one-byte string.
  const oneByte = !BEYOND_LATIN1.test(text);
  const out: Uint8Array | Uint16Array = oneByte ? Buffer.allocUnsafe(size) : new Uint16Array(size);
  let w = 0,
    pos = 0;
  let lastKind = '',
    lastStart = 0,
    lastEnd = 0,
    lastWord = 0;
  for (const f of findings) {
    for (let i = pos; i < f.start; i++) out[w++] = text.charCodeAt(i);
    if (f.kind !== lastKind || !sameRange(text, lastStart, lastEnd, f.start, f.end)) {
      lastKind = f.kind;
      lastWord = memo(text, f.start, f.end);
    }
    lastStart = f.start;
    lastEnd = f.end;
    for (let i = 0; i < OPEN_CODES.length; i++) out[w++] = OPEN_CODES[i];
    const kind = f.kind;
    for (let i = 0; i < kind.length; i++) out[w++] = kind.charCodeAt(i);
    out[w++] = 35; // #
    for (let s = 28; s >= 0; s -= 4) out[w++] = HEX_CODES[(lastWord >>> s) & 15];
    out[w++] = 62; // >
    pos = f.end;
  }
  for (let i = pos; i < text.length; i++) out[w++] = text.charCodeAt(i);
  if (oneByte) return (out as Buffer).toString('latin1', 0, w);
  return Buffer.from(out.buffer, out.byteOffset, w * 2).toString('utf16le');
}

/** Do text[a, b) and text[c, d) hold the same characters? */
function sameRange(text: string, a: number, b: number, c: number, d: number): boolean {
  if (b - a !== d - c) return false;
  for (let i = 0; i < b - a; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(c + i)) return false;
  return true;
}
