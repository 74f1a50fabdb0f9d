// Numbers that a form, a record or a letter gives after a label in people's words, in any language
// (`Matricule de l'assuré(e) : 1983082673031`, `Iqama No.: 2002558977`, `社員番号：E683420`,
// `የፋይዳ መታወቂያ ቁጥር: 7348 5046 7676`, `NIS No.: AH768114`): where a record describes a person, the
// numbers it lists are that person's (a card's, an account's, a membership's, an identity's), and
// no list of every country's document names can be complete. So a number after such a label is
// taken unless the label says what names no one (an order, an invoice, a version, a company, an
// amount, a port…), or the record is an organisation's (a legal form within its lines).
//
// What counts as a label: words of people's writing before a colon, at a line's start or after a
// field's gap (two spaces, a tab, `|`, `;`), with a space or a letter past ASCII or a capital in
// them; not a configuration's key (`port`, `max_size`, `userId`, `Content-Length`), not a quoted
// one (JSON's). What counts as a number: five digits or more, capital letters, and the separators
// identifiers are written with, ending the field; not a date, a time, an amount, a version.
// The label's line needs another labelled line within three lines (a form, not a sentence).
// Part of the bundle loaded on demand (statements.js).
import { isAlnum, type Finding } from './text';

// A colon of any script, the value after it, and where the value ends (the line, or the field's gap).
const COLON_VALUE =
  /[:：፡՝][ \t]*([A-Z]{0,4}[ -]?\d[\dA-Z \-./]{3,30}[\dA-Z]|[A-Z]{1,4}\d{4,}|\d{5,})(?=[ \t]*(?:\r?$|[ \t]{2}|\t|[|;·(]|,[ \t]))/gm;
// A label: from the line's start or a field's gap to the colon.
const LABEL_START = /(?:^|[ \t]{2,}|\t|[|;·•][ \t]*|^[ \t]*[-*][ \t]+)([^\s:：፡՝"'`=<>{}[\]\\][^\n\t:：፡՝"'`=<>{}[\]\\]{0,47}?)[ \t]*$/u;
// A configuration's key or a header's name: one token of ASCII letters and digits, in lower case,
// snake or camel case, dotted, or capitalised words joined by hyphens (`Content-Length`).
const CONFIG_KEY =
  /^(?:[a-z][a-z0-9_.-]*|[a-z]+(?:[A-Z][a-z0-9]*)+|[A-Za-z][a-z0-9]*(?:-[A-Z][A-Za-z0-9]*)+|[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+)$/;
// Labels of what names no one, in the languages of the forms read elsewhere: orders, invoices and
// receipts, versions and builds, companies and their registers and taxes, banks' codes, amounts
// and quantities, times and dates, hosts, processes and errors, products and places.
const NOT_PERSONAL = new RegExp(
  [
    '(?<![\\p{L}])(?:',
    [
      'order',
      'invoice',
      'receipt',
      'bill(?!ing)',
      'transaction',
      'trans',
      'txn',
      'ref',
      'reference',
      'réf',
      'referencia',
      'riferimento',
      'referenz',
      'tracking',
      'shipment',
      'parcel',
      'waybill',
      'containers?',
      'consignment',
      'awb',
      'case',
      'ticket',
      'tichet',
      'issue',
      'incident',
      'request',
      'version',
      'versión',
      'versione',
      'versão',
      'ver',
      'build',
      'release',
      'revision',
      'rev',
      'commit',
      'patch',
      'serial',
      's/n',
      'model',
      'part',
      'sku',
      'item',
      'article',
      'art',
      'product',
      'produkt',
      'producto',
      'catalog(?:ue)?',
      'upc',
      'ean',
      'gtin',
      'isbn',
      'issn',
      'doi',
      'pmid',
      'asin',
      'lot',
      'batch',
      'charge',
      'patent',
      'company',
      'companies',
      'corporate',
      'firm',
      'firma',
      'business',
      'enterprise',
      'société',
      'entreprise',
      'empresa',
      'sociedad',
      'società',
      'impresa',
      'unternehmen',
      'bedrijf',
      'företag',
      'yritys',
      'spółk[ai]',
      'organi[sz]ation',
      'vendor',
      'supplier',
      'merchant',
      'store',
      'shop',
      'branch',
      'agency',
      'vat',
      'tva',
      'iva',
      'ust',
      'mwst',
      'btw',
      'moms',
      'alv',
      'gst',
      'abn',
      'acn',
      'ein',
      'duns',
      'lei',
      'siren',
      'siret',
      'rcs',
      'kvk',
      'kbo',
      'bce',
      'ičo',
      'ico',
      'dič',
      'regon',
      'krs',
      'огрн',
      'кпп',
      'окпо',
      'єдрпоу',
      'edrpou',
      'cif',
      'nipc',
      'cnpj',
      'uen',
      'crn',
      'uid',
      'bic',
      'swift',
      'routing',
      'aba',
      'sort',
      'bsb',
      'ifsc',
      'бик',
      'корр',
      'port',
      'pid',
      'gid',
      'thread',
      'process',
      'job',
      'task',
      'run',
      'pipeline',
      'workflow',
      'step',
      'line',
      'column',
      'row',
      'page',
      'chapter',
      'section',
      'table',
      'room',
      'floor',
      'gate',
      'seat',
      'platform',
      'track',
      'flight',
      'train',
      'route',
      'code',
      'status',
      'error',
      'exit',
      'errno',
      'level',
      'priority',
      'severity',
      'amount',
      'total',
      'subtotal',
      'sum',
      'price',
      'cost',
      'fee',
      'balance',
      'saldo',
      'solde',
      'montant',
      'importe',
      'betrag',
      'bedrag',
      'kwota',
      'сумма',
      'qty',
      'quantity',
      'count',
      'size',
      'length',
      'weight',
      'height',
      'width',
      'duration',
      'timeout',
      'interval',
      'delay',
      'latency',
      'elapsed',
      'uptime',
      'memory',
      'disk',
      'cpu',
      'bytes',
      'year',
      'date',
      'time',
      'timestamp',
      'created',
      'updated',
      'modified',
      'expires',
      'expiry',
      'issued',
      'valid',
      'capital',
      'population',
      'area',
      'zip',
      'postcode',
      'postal',
      'plz',
      'cep',
      'hash',
      'sha\\d*',
      'md5',
      'checksum',
      'digest',
      'fingerprint',
      'nonce',
      'block',
      'epoch',
      'slot',
      'commande',
      'pedido',
      'ordine',
      'bestellung',
      'auftrag',
      'bestelling',
      'zamówienie',
      'заказ',
      'facture',
      'factura',
      'fattura',
      'rechnung',
      'faktura',
      'сч[её]т',
      'recibo',
      'ricevuta',
      'quittung',
      'reçu',
      'kvitto',
      'format',
      'formato',
      'example',
      'ejemplo',
      'exemple',
      'esempio',
      'beispiel',
      'sample',
      'gas',
      'gwei',
      'tx',
      'po',
      'backup',
      'diagnosis',
      'diagnose',
      'diagnóstico',
      'drug',
      'snomed',
      'loinc',
      'icd',
      'cpt',
      'rxnorm',
      'ndc',
      'atc',
      'service',
      'hotline',
      'helpline',
      'support',
      'helpdesk',
      'switchboard',
      'reservations?',
      'terminal',
      'auth',
      'mersis',
      'vkn',
      'index',
      'індекс',
      'индекс',
      'горячая',
      'гаряча',
      'версия',
      'компани[ия]',
      'организаци[ия]',
    ].join('|'),
    ')s?(?![\\p{L}])|(?:rechnungs|bestell|sendungs|auftrags|liefer|artikel|versand|kassen|beleg|vorgangs|bestellings|factuur|ordre|faktura)(?:nummer|nr)|問い合わせ|問合せ|受付番号|伝票|案件|客服|热线|熱線|服务|服務|ცხელი|注文|订单|訂單|주문|請求書|发票|發票|영수증|バージョン|版本|버전|会社|公司|企業|법인|사업자|金额|金額|금액|المبلغ|شركة|חברה',
  ].join(''),
  'iu',
);
// A phone's word: phones.ts reads the numbers after them (and keeps toll-free and published ones).
const PHONE_LABEL =
  /phone|tel|mobil|cell|fax|handy|gsm|whatsapp|contact|telefon|téléphone|teléfono|telefone|telefono|puhelin|ponsel|simu|утас|телефон|тел|моб|τηλ|電話|电话|手机|手機|携帯|연락처|전화|휴대|هاتف|جوال|موبایل|تلفن|טלפון|נייד|โทร|फ़ोन|फोन|मोबाइल|ফোন|ስልክ|Հեռախոս|ტელ/iu;
// An organisation's record: a legal form within its lines.
const LEGAL_FORM =
  /\b(?:GmbH|AG|Ltd|Limited|LLC|LLP|PLC|Inc|Corp|S\.A\.|SAS|SARL|S\.L\.|S\.r\.l\.|SRL|S\.p\.A\.|B\.V\.|N\.V\.|a\.s\.|s\.r\.o\.|sp\. z o\.o\.|OÜ|AS|A\/S|ApS|AB|Oy|d\.d\.|d\.o\.o\.|Kft|Zrt|Ltda|LTDA|SpA|KG|eG|e\.V\.)(?![\p{L}])|ООО|ОАО|ПАО|АО\b|ТОВ|Общество с|ДОО|д\.о\.о\.|A\.Ş\.|Ltd\. Şti\.|Corporation|Company|株式会社|有限会社|公司|주식회사|\(주\)|בע"מ|ش\.م\.م/u;
// A date, a time, a version, an amount or a quantity with its unit, a list of short numbers
// (`110 / 119`), a shipping container's number (ISO 6346: `MSKU293003 8`).
const NOT_AN_ID =
  /^(?:\d+(?:\.\d+){3,}|\d{1,4}[-/. ]\d{1,2}[-/. ]\d{1,4}|\d{4}[-/.]\d{1,2}|\d{1,3}(?:[ ,.]\d{3})+(?:[.,]\d{1,2})?|\d+[.,]\d{1,2}|v?\d+(?:\.\d+){2,3}|\d{4}[ -]\d{4}|(?:19|20)\d\d[ -/](?:19|20)\d\d|\d{1,4}(?:[ \t]?\/[ \t]?\d{1,4})+|[A-Z]{3}[UJZ][ ]?\d{6}[ ]?\d)$|(?:EUR|USD|GBP|CHF|JPY|RUB|KB|MB|GB|TB|MS|KG|KM|PX|HZ)$/;

/** Numbers after a form's labels (see above), not where another reader found something. */
export function findFormNumbers(text: string, out: Finding[]): void {
  const taken = out.filter((f) => f.kind !== 'person-name');
  let budget = 4096;
  COLON_VALUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COLON_VALUE.exec(text)) !== null) {
    if (--budget < 0) return;
    const v = m[1].replace(/[ \-./]+$/, '');
    const digits = v.replace(/\D/g, '').length;
    if (digits < 5 || digits > 24 || NOT_AN_ID.test(v) || /^(\d)\1+$/.test(v.replace(/\D/g, ''))) continue;
    const start = m.index + m[0].length - m[1].length;
    // (An IBAN is the IBAN reader's, which keeps the published examples: `DE89 3704 0044 0532 0130 00`.)
    if (/^[A-Z]{2}\d{2}[ ]?[A-Z0-9]{4}/.test(v) && ibanValid(v.replace(/ /g, ''))) continue;
    // (A card's number is the card reader's, which keeps the published test cards.)
    if (digits >= 15 && digits <= 19 && /^[\d -]+$/.test(v) && luhn(v.replace(/\D/g, ''))) continue;
    // (An ASCII colon needs a space after it in a form: `arXiv:2106.09685`, `DTSTART:20240617T…` are no labels.)
    if (text.charCodeAt(m.index) === 58 && start === m.index + 1) continue;
    // (A number written as a phone number is the phone reader's, which keeps toll-free ones: `0 809 401 401`, `1-888-712-6343`.)
    if (/^0\d{0,4}(?:[ -]\d{1,4}){2,}$|^(?:1[ -])?\d{3}[ -]\d{3}[ -]\d{4}$|^(?:1[ -]?)?8(?:00|33|44|55|66|77|88)[ -]|^1[38]00[ -]/.test(v))
      continue;
    // (Where another reader found the whole or more, its kind stands; a part of it found, the whole is taken.)
    if (taken.some((f) => f.start < start + v.length && start < f.end && (f.start <= start || f.end >= start + v.length))) continue;
    const bol = text.lastIndexOf('\n', m.index - 1) + 1;
    if (m.index - bol > 160) continue;
    const l = LABEL_START.exec(text.slice(bol, m.index));
    if (l === null) continue;
    // (Less a comment's or a list's marks before it: `// - initialWindowSize`.)
    const label = l[1].replace(/^(?:[/#*>;-]+[ \t]*)+/, '').trim();
    if (!humanLabel(label) || NOT_PERSONAL.test(label) || PHONE_LABEL.test(label)) continue;
    // (A label's own number word is part of it: `Iqama No.`; a character glued before the value is not a field's.)
    if (isAlnum(text.charCodeAt(start + v.length))) continue;
    const around = lines(text, bol, 3);
    if (LEGAL_FORM.test(around) || !anotherField(text, bol)) continue;
    out.push({ kind: 'id-number', start, end: start + v.length });
  }
}

/** An IBAN's length and its check digits (ISO 13616, mod 97). */
function ibanValid(v: string): boolean {
  if (v.length < 15 || v.length > 34 || !/^[A-Z0-9]+$/.test(v)) return false;
  let r = 0;
  for (const c of v.slice(4) + v.slice(0, 4)) {
    const n = c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
    r = n > 9 ? (r * 100 + n) % 97 : (r * 10 + n) % 97;
  }
  return r === 1;
}

function luhn(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = d.charCodeAt(d.length - 1 - i) - 48;
    if (i % 2 === 1 && (x *= 2) > 9) x -= 9;
    sum += x;
  }
  return sum % 10 === 0;
}

/** Words of people's writing, not a configuration's key: a space, a letter past ASCII, or a capital. */
function humanLabel(label: string): boolean {
  if (label.length < 2 || !/^\p{L}/u.test(label)) return false;
  // A sentence or a note is no label: a comma, a bracket's clause, digits (`FNV-1 32-bit prime`), code
  // (`card used by pm_card_visa`, `res.status`), more
  // than six words, or a last word that continues a sentence (`The OID … is`).
  if (/[,\d_]|[a-z]\.[a-z]{2}|\([^)]*\)[^)]*\S|\([^)]*$/u.test(label) || label.split(/[ \t]+/).length > 6 || SENTENCE_END.test(label))
    return false;
  if (/[\u0080-\uffff \t]/.test(label)) return true;
  return /^[A-Z]/.test(label) && !CONFIG_KEY.test(label);
}

const SENTENCE_END = /(?<![\p{L}])(?:is|are|was|were|be|been|of|to|the|a|an|and|or|by|for|with|at|on|in|from|than|as|default)$/iu;

/** The text from `n` lines above the line at `bol` to `n` lines below it. */
function lines(text: string, bol: number, n: number): string {
  let from = bol;
  for (let k = 0; k < n && from > 0; k++) from = text.lastIndexOf('\n', from - 2) + 1;
  let to = bol - 1;
  for (let k = 0; k <= n && to < text.length; k++) {
    const next = text.indexOf('\n', to + 1);
    to = next < 0 ? text.length : next;
  }
  return text.slice(from, to);
}

/** Another labelled value on the line at `bol` or within three lines of it: the line is a form's. */
function anotherField(text: string, bol: number): boolean {
  let n = 0;
  for (const line of lines(text, bol, 3).split('\n')) {
    for (const _ of line.matchAll(LABELLED_ALL)) if (++n >= 2) return true;
  }
  return false;
}
const LABELLED_ALL = /[\p{L}\p{M}).][ \t]*[:：፡՝][ \t]*\S/gu;
