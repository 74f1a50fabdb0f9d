// The strings that tell redaction a text names a command-line tool whose options carry a password
// (commands.ts, loaded only when one is found): case-insensitive, two or more characters.
import { wl as w } from './text';

export const COMMAND_FEATURES = {
  zip: ['zip -', 'zip.exe'],
  sevenZip: w('7z a|7z x|7z e|7za |7zr |rar |7z.exe'),
  sqlServer: w('sqlcmd|bcp |osql|isql|tsql'),
  ldap: ['ldap'],
  redis: ['redis-cli'],
  sshKeygen: ['ssh-keygen'],
  mongo: ['mongo'],
  samba: w('smbclient|rpcclient|smbcacls|smbget|net rpc|net ads'),
  pentest: w('smbmap|crackmapexec|nxc |netexec|evil-winrm|rdesktop'),
  freerdp: ['freerdp'],
  openssl: ['openssl'],
  keytool: ['keytool', 'jarsigner'],
  httpie: w('http |https |xh '),
  lftp: ['lftp'],
  nmcli: ['nmcli'],
  wpaPassphrase: ['wpa_passphrase'],
  iwconfig: ['iwconfig'],
  netUse: ['net use', 'net user'],
  cmdkey: ['cmdkey', 'wmic'],
  schtasks: ['schtasks'],
  mysqladmin: ['mysqladmin'],
  rabbitmq: ['rabbitmqctl'],
  ipmitool: ['ipmitool'],
  snmp: ['snmp'],
  putty: w('pscp|plink|psftp|putty'),
  db2: ['db2 ', 'db2cmd'],
  neo4j: ['neo4j-admin'],
  minio: ['mc alias set', 'mc config host'],
  oracle: w('sqlplus|sqlldr|expdp|impdp|rman |conn '),
};
export type CommandTool = keyof typeof COMMAND_FEATURES;

/** A literal piped into a command that reads its password from standard input. */
export const STDIN_FEATURES = w('-stdin|sudo -s|sudo -ks| --stdin');

/** What the positional connect calls of statements.ts need: one of these (case-insensitive). */
export const CONNECT_FEATURES = [
  ...w('connect(|connect (|mysqli(|pdo('),
  // A stack trace's frame (`PDO->__construct(...w('mysql:host=…|user|…'))`).
  ...w('->__construct(|ftp(|ftp_tls(|connection(|sequelize(|create_user(|create_superuser(|ldap_bind(|plainauth(|session(|mysqlx'),
];
/** Calls that type into a field (test automation), looked for in texts that hold `password`. */
export const TYPING_FEATURES = w('fill(|type(|keys(|setvalue(|typetext(|replacetext(|entertext(');

// National identifiers read after their names (national-ids.ts). A feature in upper case is
// matched as written: an acronym is looked for as one writes it in text (`PAN:`, `TFN `), so that
// `span` and `using` wake nothing and the common lower-case letter pairs cost the scan nothing.
// Lower-case acronyms are kept where their letters are rare together (`cpf`, `dni`, `tfn`); other
// three-letter names are looked for in lower case only as keys write them (`"cnp"`, `nss_`).
// ASCII only, as every feature is: a name in another script is read where an ASCII one wakes the pass.
const acronym = (a: string): string[] => [...w(' |:|=|"'), "'", ...w('_|#|.|-|>|(')].map((c) => a + c);
// A lower-case name as a table's header cell writes it (`navn,cpr,adresse`, `| cpr |`).
const cell = (a: string): string[] => [
  `,${a},`,
  `,${a}\n`,
  `,${a}\r`,
  `\n${a},`,
  `| ${a} `,
  `\t${a}\t`,
  `\t${a}\n`,
  `\n${a}\t`,
  `;${a};`,
  `\n${a};`,
];
export const NATIONAL_ID_FEATURES = {
  'au-tfn': [...acronym('TFN'), ...acronym('tfn'), ...w('tax file|tax_file|taxfile')],
  'au-abn': acronym('ABN'),
  'au-acn': acronym('ACN'),
  'au-medicare': w('medicare|Medicare|MEDICARE'),
  'in-pan': [...acronym('PAN'), ...w('pan_n|pan:|pan"|pan='), "pan'"],
  'in-aadhaar': [...w('aadhar|aadhaar|uidai'), ...acronym('VID'), ...acronym('vid'), ...w('virtual id|Virtual ID|virtual_id')],
  'in-voter-id': [...acronym('EPIC'), 'voter'],
  'es-nif': [...acronym('DNI'), ...acronym('NIF'), ...acronym('dni'), ...acronym('nif')],
  'es-nie': acronym('NIE'),
  'it-fiscal-code': w(
    'c.f. |C.F. |codice|Codice|CODICE|fiscal code|fiscal_code|Fiscal code|Fiscal Code|tax code|tax_code|taxcode|fiscalNumber|fiscal_number',
  ),
  'pl-pesel': ['pesel'],
  'fi-hetu': [...acronym('HETU'), ...acronym('hetu'), 'henkil', 'Henkil'],
  'kr-rrn': [...acronym('RRN'), ...acronym('rrn'), ...w('Resident Registration|resident registration|resident_registration')],
  'th-id': [...acronym('TNIN'), ...w('thai id|Thai ID|thai_id|thai national id|Thai national ID')],
  'ca-bc-phn': [...acronym('PHN'), ...w('personal health number|Personal Health Number|phn:|phn ')],
  'vn-cccd': [...acronym('CCCD'), ...acronym('cccd'), ...acronym('CMND'), ...w('căn cước|Căn cước|can cuoc')],
  'ng-bvn': [...acronym('BVN'), ...acronym('bvn'), 'bank verification number', 'Bank Verification Number'],
  'ke-kra-pin': w('KRA PIN|KRA Pin|kra pin|kra_pin|KRA_PIN|kra-pin|kraPin'),
  'ng-nin': [...acronym('NIN'), ...acronym('nin'), 'national identification number', 'National Identification Number'],
  'br-cpf': [...acronym('CPF'), ...acronym('cpf'), ...cell('cpf')],
  'mx-curp': [...acronym('CURP'), ...acronym('curp')],
  'ch-ahv': [...acronym('AHV'), ...acronym('AVS'), ...acronym('ahv'), 'sozialversicherungsnummer'],
  'se-personnummer': ['personnummer', 'personnr', ...acronym('pnr'), ...acronym('PNR')],
  'no-fodselsnummer': [...w('dselsnummer|dselsnr|personnummer'), ...acronym('fnr'), ...acronym('FNR'), 'f.nr', 'f. nr'],
  'dk-cpr': [...acronym('CPR'), '"cpr"', "'cpr'", ...cell('cpr'), ...w('cpr_|_cpr|cpr=|cpr =|cpr:')],
  'nl-bsn': [...acronym('BSN'), ...acronym('bsn'), 'burgerservicenummer'],
  'fr-nir': [...acronym('NIR'), ...acronym('nir'), ...w("insee|INSEE|sociale|d'immatriculation|d’immatriculation")],
  'de-tax-id': w('steuer|Steuer|STEUER|IdNr|idnr|dentifikationsnummer|tax id|tax ID|Tax ID|tax_id|taxId'),
  'za-id': w('sa id|SA ID|sa_id|rsa id|RSA ID|south african id|South African ID'),
  'il-id': w('teudat|Teudat|israeli id|Israeli ID|israeli_id|zehut|Zehut'),
  // Not `ird ` (`third `): the lower-case name as keys write it.
  'nz-ird': [...acronym('IRD'), ...w('ird:|ird=|ird_n|ird number|"ird"'), "'ird'", ...cell('ird')],
  'be-nn': [
    ...w(
      'national number|national_number|nationalnumber|national register|National Register|national_register|rijksregister|Rijksregister|ro national|ro_national|registre national|Registre national',
    ),
    ...acronym('INSZ'),
    ...acronym('NISS'),
  ],
  'ie-ppsn': [
    ...acronym('PPSN'),
    ...acronym('ppsn'),
    ...acronym('PPS'),
    ...acronym('pps'),
    ...w('pps_n|personal public service|Personal Public Service'),
  ],
  'ca-sin': [
    ...acronym('NAS'),
    'assurance sociale',
    ...acronym('SIN'),
    ...w('social insurance|Social Insurance|social_insurance|sin:|sin=|"sin"'),
    ...cell('sin'),
    "'sin'",
    '_sin',
  ],
  'cn-resident-id': w(
    'PRC ID|prc id|resident identity|resident id|resident_id|Resident Identity|resident_identity|idcard|id_card|id card|shenfenzheng|sfzh',
  ),
  'tr-tckn': w('tckn|TCKN|kimlik|Kimlik|KIMLIK|tc=|TC=|tc: |TC: '),
  'sg-nric': [...acronym('NRIC'), ...acronym('nric'), ...acronym('FIN')],
  'us-npi': [...acronym('NPI'), 'national provider', 'National Provider'],
  'us-dea': [...acronym('DEA'), ...w('medical licen|Medical Licen|medical_licen|MEDICAL_LICEN')],
  'us-aba-routing': [...acronym('ABA'), ...acronym('aba'), ...acronym('RTN'), ...w('routing|Routing|ROUTING')],
  'it-vat': [...acronym('VAT'), ...acronym('vat'), ...w('partita|Partita|PARTITA'), ...acronym('IVA')],
  'sg-uen': [...acronym('UEN'), ...acronym('uen'), ...w('unique entity|Unique Entity|unique_entity')],
  'br-cnpj': [...acronym('CNPJ'), ...acronym('cnpj')],
  'ar-cuit': [...acronym('CUIT'), ...acronym('CUIL'), ...acronym('cuit'), ...acronym('cuil')],
  'ar-dni': [...acronym('DNI'), ...acronym('dni')],
  'cl-rut': [...acronym('RUT'), ...acronym('RUN'), ...acronym('rut')],
  'ru-inn': [...acronym('INN'), ...acronym('inn')],
  'ru-snils': w('snils|SNILS|Snils'),
  // The key, a Spanish sentence's article before it, and `RFC ` (only a value shaped as a Mexican
  // RFC, its date valid, is taken after the word, not `RFC 7231`).
  'mx-rfc': [...w('RFC |RFC:|rfc:|RFC=|rfc=|"rfc"'), "'rfc'", ...cell('rfc'), ...w('rfc_|RFC_|el RFC|del RFC|su RFC|tu RFC|mi RFC')],
  'ae-emirates-id': [...w('emirates|Emirates|EMIRATES'), ...acronym('EID')],
  'jp-my-number': w('my number|My Number|mynumber|myNumber|my_number|individual number|Individual Number'),
  'ro-cnp': [...acronym('CNP'), '"cnp"', "'cnp'", ...cell('cnp'), ...w('cnp_|_cnp|cnp=|cnp: |numeric personal')],
  'gr-amka': acronym('amka'),
  'cz-birth-number': w('rodn|r. č|r.č|birth number|birth_number|birthnumber'),
  'co-nit': [...acronym('NIT').filter((f) => f !== 'NIT-'), 'nit:', 'nit='],
  'pt-nif': [...acronym('nif'), 'contribuinte'],
  'pt-cc': w('cartão de cidadão|Cartão de Cidadão|Cartão de cidadão|cartao de cidadao|CC nº|CC n.º|cc nº'),
  'bg-egn': [...acronym('EGN'), '"egn"', "'egn'", ...cell('egn'), ...w('egn_|_egn|egn=|egn: ')],
  'hr-oib': [...acronym('OIB'), '"oib"', "'oib'", ...cell('oib'), ...w('oib_|_oib|oib=|oib: ')],
  'si-emso': [...acronym('emso'), 'emšo'],
  'rs-jmbg': acronym('jmbg'),
  'lt-asmens-kodas': ['asmens'],
  'ee-isikukood': ['isikukood'],
  'hk-hkid': [...acronym('hkid'), 'hong kong id', 'hong_kong_id'],
  'my-nric': [...w('mykad|my_kad|pengenalan|IC No|IC no|ic_no|IC number|ic_number|icNumber|K/P'), ...acronym('NRIC'), ...acronym('nric')],
  'pk-cnic': acronym('cnic'),
  'tw-national-id': w('taiwan id|taiwan_id|taiwanese id'),
  'ua-rntrc': [...acronym('rnokpp'), ...acronym('IPN')],
  'is-kennitala': ['kennitala'],
  'de-svnr': w('versicherungsnummer|svnr|sv-nr|sv_nr|rvnr|rv-nr|rv_nr|sv-nummer|sv nummer|svnummer|rv-nummer|sv_nummer|rv_nummer'),
  'at-svnr': [...w('versicherungsnummer|svnr|sv-nr|sv_nr'), ...acronym('VNR'), '"vnr"', "'vnr'", ...cell('vnr'), 'vnr_', '_vnr'],
  'es-nss': [
    ...acronym('NSS'),
    '"nss"',
    "'nss'",
    ...cell('nss'),
    'nss_',
    '_nss',
    ...acronym('NAF'),
    'seguridad social',
    'seguridad_social',
  ],
  'gb-utr': [...acronym('UTR'), '"utr"', "'utr'", ...cell('utr'), ...w('utr_|_utr|taxpayer reference|taxpayer_reference')],
  'id-nik': [
    ...acronym('NIK'),
    '"nik"',
    "'nik'",
    ...cell('nik'),
    'nik_',
    '_nik',
    ...acronym('KTP'),
    '"ktp"',
    "'ktp'",
    ...cell('ktp'),
    ...w('ktp_|_ktp|kependudukan'),
  ],
};
export type NationalIdKind = keyof typeof NATIONAL_ID_FEATURES;
export const NATIONAL_ID_KINDS = Object.keys(NATIONAL_ID_FEATURES) as NationalIdKind[];
/** General words for an identity number, after which any format national-ids.ts knows is tried. */
export const GENERAL_ID_FEATURES = [
  ...w(
    'national id|national_id|nationalid|national identi|National ID|National Identi|identity card|identity_card|identity number|identity_number|identity document|Identity Card|Identity Number|id card|id_card|ID card|ID Card|personal id|personal_id|personal identi|Personal ID|Personal Identi|citizen id|citizen_id|Citizen ID|government id|government_id|governmentid|Government ID|id_number|idNumber|IdNumber|idnumber|id number|ID number|ID Number|identification number|identification_number',
  ),
  // A tax code as English writes Italy's codice fiscale and schemas name any country's (`tax_code`).
  ...w('tax_code|taxCode|tax code|Tax code|Tax Code'),
  // Words any country's number goes by (`French social security number is 2 84 07 …`).
  ...w('social security|social insurance|tax id|tax_id|personal number|personal code'),
  // Keys in camel case after another word (`<CustomerTaxID>`, `PersonalCode.parse(`).
  ...w(
    'TaxID|TaxId|NationalId|NationalID|PersonalCode|PersonalNumber|personalCode|personalNumber|taxId|nationalId|documentNumber|documento|Documento',
  ),
];

/**
 * A password told in prose (statements.ts): is there a password word with a verb of being or
 * setting after it (`password is`, `passwords are`) or a verb or an article before it (`use
 * password`, `the passphrase`)? Read from each password word, in texts that hold one (a feature):
 * as features, the many phrases sharing `password` would be compared at every occurrence.
 */
const PASSWORD_WORD = /pass(?:word|wd|phrase)(s?)/gi;
// (or a Markdown code span after it: ``password `…` ``)
const VERB_AFTER = /^[ \t]+(?:(?:is|was|are|has|will|for|of|set|changed|reset|updated|now|remains|still|to)[ \t]|`)/i;
const VERB_BEFORE = /(?:^|[^A-Za-z])(?:use|using|with|enter|type|try|the|a|your|new|default|temporary|initial|admin|root)[ \t]+$/i;
export function prosePasswordHint(text: string): boolean {
  PASSWORD_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PASSWORD_WORD.exec(text)) !== null) {
    const end = m.index + m[0].length;
    if (VERB_AFTER.test(text.slice(end, end + 12)) || VERB_BEFORE.test(text.slice(Math.max(0, m.index - 14), m.index))) return true;
  }
  return false;
}
