// The strings that tell redaction a text names a command-line tool whose options carry a password
// (commands.ts, loaded only when one is found): case-insensitive, two or more characters.
export const COMMAND_FEATURES = {
  zip: ['zip -', 'zip.exe'],
  sevenZip: ['7z a', '7z x', '7z e', '7za ', '7zr ', 'rar ', '7z.exe'],
  sqlServer: ['sqlcmd', 'bcp ', 'osql', 'isql', 'tsql'],
  ldap: ['ldap'],
  redis: ['redis-cli'],
  sshKeygen: ['ssh-keygen'],
  mongo: ['mongo'],
  samba: ['smbclient', 'rpcclient', 'smbcacls', 'smbget', 'net rpc', 'net ads'],
  pentest: ['smbmap', 'crackmapexec', 'nxc ', 'netexec', 'evil-winrm', 'rdesktop'],
  freerdp: ['freerdp'],
  openssl: ['openssl'],
  keytool: ['keytool', 'jarsigner'],
  httpie: ['http ', 'https ', 'xh '],
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
  putty: ['pscp', 'plink', 'psftp', 'putty'],
  db2: ['db2 ', 'db2cmd'],
  neo4j: ['neo4j-admin'],
};
export type CommandTool = keyof typeof COMMAND_FEATURES;

/** A literal piped into a command that reads its password from standard input. */
export const STDIN_FEATURES = ['-stdin', 'sudo -s', 'sudo -ks', ' --stdin'];

/** What the positional connect calls of statements.ts need: one of these (case-insensitive). */
export const CONNECT_FEATURES = [
  'connect(',
  'connect (',
  'mysqli(',
  'pdo(',
  'ftp(',
  'ftp_tls(',
  'connection(',
  'sequelize(',
  'create_user(',
  'create_superuser(',
  'ldap_bind(',
  'plainauth(',
  'session(',
  'mysqlx',
];
/** Calls that type into a field (test automation), looked for in texts that hold `password`. */
export const TYPING_FEATURES = ['fill(', 'type(', 'keys(', 'setvalue(', 'typetext(', 'replacetext(', 'entertext('];

// National identifiers read after their names (national-ids.ts). A feature in upper case is
// matched as written: an acronym is looked for as one writes it in text (`PAN:`, `TFN `), so that
// `span` and `using` wake nothing and the common lower-case letter pairs cost the scan nothing.
// Lower-case acronyms are kept where their letters are rare together (`cpf`, `dni`, `tfn`); other
// three-letter names are looked for in lower case only as keys write them (`"cnp"`, `nss_`).
// ASCII only, as every feature is: a name in another script is read where an ASCII one wakes the pass.
const acronym = (a: string): string[] => [' ', ':', '=', '"', "'", '_', '#', '.', '-', '>', '('].map((c) => a + c);
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
  'au-tfn': [...acronym('TFN'), ...acronym('tfn'), 'tax file', 'tax_file', 'taxfile'],
  'au-abn': acronym('ABN'),
  'au-acn': acronym('ACN'),
  'au-medicare': ['medicare', 'Medicare', 'MEDICARE'],
  'in-pan': [...acronym('PAN'), 'pan_n', 'pan:', 'pan"'],
  'in-aadhaar': ['aadhar', 'aadhaar', 'uidai'],
  'in-voter-id': [...acronym('EPIC'), 'voter'],
  'es-nif': [...acronym('DNI'), ...acronym('NIF'), ...acronym('dni'), ...acronym('nif')],
  'es-nie': acronym('NIE'),
  'it-fiscal-code': [
    'codice',
    'Codice',
    'CODICE',
    'fiscal code',
    'fiscal_code',
    'Fiscal code',
    'Fiscal Code',
    'tax code',
    'tax_code',
    'taxcode',
  ],
  'pl-pesel': ['pesel'],
  'fi-hetu': [...acronym('HETU'), ...acronym('hetu'), 'henkil', 'Henkil'],
  'kr-rrn': [...acronym('RRN'), ...acronym('rrn'), 'Resident Registration', 'resident registration', 'resident_registration'],
  'th-id': [...acronym('TNIN'), 'thai id', 'Thai ID', 'thai_id', 'thai national id', 'Thai national ID'],
  'br-cpf': [...acronym('CPF'), ...acronym('cpf')],
  'mx-curp': [...acronym('CURP'), ...acronym('curp')],
  'ch-ahv': [...acronym('AHV'), ...acronym('AVS'), 'sozialversicherungsnummer'],
  'se-personnummer': ['personnummer', 'personnr', ...acronym('pnr'), ...acronym('PNR')],
  'no-fodselsnummer': ['dselsnummer', 'personnummer', ...acronym('fnr'), ...acronym('FNR')],
  'dk-cpr': [...acronym('CPR'), '"cpr"', "'cpr'", ...cell('cpr'), 'cpr_', '_cpr'],
  'nl-bsn': [...acronym('BSN'), ...acronym('bsn'), 'burgerservicenummer'],
  'fr-nir': [...acronym('NIR'), ...acronym('nir'), 'insee', 'INSEE', 'sociale'],
  'de-tax-id': ['steuer', 'Steuer', 'STEUER', 'IdNr', 'idnr', 'dentifikationsnummer', 'tax id', 'tax ID', 'Tax ID', 'tax_id', 'taxId'],
  'za-id': ['sa id', 'SA ID', 'sa_id', 'rsa id', 'RSA ID', 'south african id', 'South African ID'],
  'il-id': ['teudat', 'Teudat', 'israeli id', 'Israeli ID', 'israeli_id', 'zehut', 'Zehut'],
  // Not `ird ` (`third `): the lower-case name as keys write it.
  'nz-ird': [...acronym('IRD'), 'ird:', 'ird=', 'ird_n', 'ird number', '"ird"', "'ird'", ...cell('ird')],
  'be-nn': [
    'national register',
    'National Register',
    'national_register',
    'rijksregister',
    'Rijksregister',
    'ro national',
    'ro_national',
    ...acronym('INSZ'),
    ...acronym('NISS'),
  ],
  'ie-ppsn': [...acronym('PPSN'), ...acronym('ppsn'), ...acronym('PPS'), 'personal public service', 'Personal Public Service'],
  'ca-sin': [
    ...acronym('NAS'),
    'assurance sociale',
    ...acronym('SIN'),
    'social insurance',
    'Social Insurance',
    'social_insurance',
    'sin:',
    'sin=',
    '"sin"',
    ...cell('sin'),
    "'sin'",
    '_sin',
  ],
  'cn-resident-id': [
    'PRC ID',
    'prc id',
    'resident identity',
    'resident id',
    'resident_id',
    'Resident Identity',
    'resident_identity',
    'idcard',
    'id_card',
    'id card',
    'shenfenzheng',
    'sfzh',
  ],
  'tr-tckn': ['tckn', 'TCKN', 'kimlik', 'Kimlik', 'KIMLIK'],
  'sg-nric': [...acronym('NRIC'), ...acronym('nric'), ...acronym('FIN')],
  'us-npi': [...acronym('NPI'), 'national provider', 'National Provider'],
  'us-dea': [...acronym('DEA'), 'medical licen', 'Medical Licen', 'medical_licen', 'MEDICAL_LICEN'],
  'us-aba-routing': [...acronym('ABA'), ...acronym('aba'), ...acronym('RTN'), 'routing', 'Routing', 'ROUTING'],
  'it-vat': [...acronym('VAT'), ...acronym('vat'), 'partita', 'Partita', 'PARTITA', ...acronym('IVA')],
  'sg-uen': [...acronym('UEN'), ...acronym('uen'), 'unique entity', 'Unique Entity', 'unique_entity'],
  'br-cnpj': [...acronym('CNPJ'), ...acronym('cnpj')],
  'ar-cuit': [...acronym('CUIT'), ...acronym('CUIL'), ...acronym('cuit'), ...acronym('cuil')],
  'ar-dni': [...acronym('DNI'), ...acronym('dni')],
  'cl-rut': [...acronym('RUT'), ...acronym('RUN'), ...acronym('rut')],
  'ru-inn': [...acronym('INN'), ...acronym('inn')],
  'ru-snils': ['snils', 'SNILS', 'Snils'],
  // Not `RFC ` (`RFC 7231`): the key, or a Spanish sentence's article before it.
  'mx-rfc': [
    'RFC:',
    'rfc:',
    'RFC=',
    'rfc=',
    '"rfc"',
    "'rfc'",
    ...cell('rfc'),
    'rfc_',
    'RFC_',
    'el RFC',
    'del RFC',
    'su RFC',
    'tu RFC',
    'mi RFC',
  ],
  'ae-emirates-id': ['emirates', 'Emirates', 'EMIRATES', ...acronym('EID')],
  'jp-my-number': ['my number', 'My Number', 'mynumber', 'myNumber', 'my_number', 'individual number', 'Individual Number'],
  'ro-cnp': [...acronym('CNP'), '"cnp"', "'cnp'", ...cell('cnp'), 'cnp_', '_cnp', 'numeric personal'],
  'gr-amka': acronym('amka'),
  'cz-birth-number': ['rodn', 'r. č', 'r.č', 'birth number', 'birth_number', 'birthnumber'],
  'pt-nif': [...acronym('nif'), 'contribuinte'],
  'bg-egn': [...acronym('EGN'), '"egn"', "'egn'", ...cell('egn'), 'egn_', '_egn'],
  'hr-oib': [...acronym('OIB'), '"oib"', "'oib'", ...cell('oib'), 'oib_', '_oib'],
  'si-emso': [...acronym('emso'), 'emšo'],
  'rs-jmbg': acronym('jmbg'),
  'lt-asmens-kodas': ['asmens'],
  'ee-isikukood': ['isikukood'],
  'hk-hkid': [...acronym('hkid'), 'hong kong id', 'hong_kong_id'],
  'my-nric': ['mykad', 'my_kad', 'pengenalan', 'IC No', 'IC no', 'ic_no', 'IC number', 'ic_number', 'icNumber'],
  'pk-cnic': acronym('cnic'),
  'tw-national-id': ['taiwan id', 'taiwan_id', 'taiwanese id'],
  'ua-rntrc': [...acronym('rnokpp'), ...acronym('IPN')],
  'is-kennitala': ['kennitala'],
  'de-svnr': ['versicherungsnummer', 'svnr', 'sv-nr', 'sv_nr', 'rvnr', 'rv-nr', 'rv_nr'],
  'at-svnr': ['versicherungsnummer', 'svnr', 'sv-nr', 'sv_nr', ...acronym('VNR'), '"vnr"', "'vnr'", ...cell('vnr'), 'vnr_', '_vnr'],
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
  'gb-utr': [...acronym('UTR'), '"utr"', "'utr'", ...cell('utr'), 'utr_', '_utr', 'taxpayer reference', 'taxpayer_reference'],
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
    'ktp_',
    '_ktp',
    'kependudukan',
  ],
};
export type NationalIdKind = keyof typeof NATIONAL_ID_FEATURES;
export const NATIONAL_ID_KINDS = Object.keys(NATIONAL_ID_FEATURES) as NationalIdKind[];
/** General words for an identity number, after which any format national-ids.ts knows is tried. */
export const GENERAL_ID_FEATURES = [
  'national id',
  'national_id',
  'nationalid',
  'national identi',
  'National ID',
  'National Identi',
  'identity card',
  'identity_card',
  'identity number',
  'identity_number',
  'identity document',
  'Identity Card',
  'Identity Number',
  'id card',
  'id_card',
  'ID card',
  'ID Card',
  'personal id',
  'personal_id',
  'personal identi',
  'Personal ID',
  'Personal Identi',
  'citizen id',
  'citizen_id',
  'Citizen ID',
  'government id',
  'government_id',
  'governmentid',
  'Government ID',
  'id_number',
  'idNumber',
  'IdNumber',
  'idnumber',
  'id number',
  'ID number',
  'ID Number',
  'identification number',
  'identification_number',
  // Words any country's number goes by (`French social security number is 2 84 07 …`).
  'social security',
  'social insurance',
  'tax id',
  'tax_id',
  'personal number',
  'personal code',
  // Keys in camel case after another word (`<CustomerTaxID>`, `PersonalCode.parse(`).
  'TaxID',
  'TaxId',
  'NationalId',
  'NationalID',
  'PersonalCode',
  'PersonalNumber',
  'documento',
  'Documento',
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
