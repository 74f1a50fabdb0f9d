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
];
/** Calls that type into a field (test automation), looked for in texts that hold `password`. */
export const TYPING_FEATURES = ['fill(', 'type(', 'keys(', 'setvalue(', 'typetext(', 'replacetext(', 'entertext('];

// National identifiers read after their names (national-ids.ts): a short name is looked for with
// what may follow it (`PAN:`, `pan_number`), so that `span` and `using` wake nothing. ASCII only,
// as every feature is: a name in another script is read where an ASCII one wakes the pass.
const acronym = (a: string): string[] => [' ', ':', '=', '"', "'", '_', '#', '.', '-'].map((c) => a + c);
export const NATIONAL_ID_FEATURES = {
  'au-tfn': [...acronym('tfn'), 'tax file', 'tax_file', 'taxfile'],
  'au-abn': [...acronym('abn'), 'australian business'],
  'au-acn': [...acronym('acn'), 'australian company'],
  'au-medicare': ['medicare'],
  'in-pan': [...acronym('pan'), 'permanent account'],
  'in-aadhaar': ['aadhar', 'aadhaar', 'uidai'],
  'in-voter-id': [...acronym('epic'), 'voter'],
  'es-nif': [...acronym('dni'), ...acronym('nif'), 'documento nacional', 'documento_nacional'],
  'es-nie': acronym('nie'),
  'it-fiscal-code': ['codice', 'codicefiscale', 'fiscal code', 'fiscal_code', 'tax code', 'tax_code', 'taxcode'],
  'pl-pesel': ['pesel'],
  'fi-hetu': [...acronym('hetu'), 'henkil', 'personal identity code', 'personal_identity_code'],
  'kr-rrn': [...acronym('rrn'), 'resident registration', 'resident_registration'],
  'th-id': [...acronym('tnin'), 'thai id', 'thai_id'],
  'br-cpf': acronym('cpf'),
  'mx-curp': acronym('curp'),
  'ch-ahv': [...acronym('ahv'), ...acronym('avs'), 'sozialversicherungsnummer'],
  'se-personnummer': ['personnummer', 'personnr'],
  'no-fodselsnummer': ['dselsnummer', 'personnummer'],
  'dk-cpr': acronym('cpr'),
  'nl-bsn': [...acronym('bsn'), 'burgerservicenummer'],
  'fr-nir': [...acronym('nir'), 'insee', 'sociale'],
  'de-tax-id': ['steuer', 'idnr', 'identifikationsnummer'],
  'ca-sin': [...acronym('sin'), 'social insurance', 'social_insurance'],
  'cn-resident-id': ['resident identity', 'resident_identity'],
  'tr-tckn': ['tckn', 'kimlik'],
  'sg-nric': [...acronym('nric'), ...acronym('fin')],
  'us-dea': acronym('dea'),
};
export type NationalIdKind = keyof typeof NATIONAL_ID_FEATURES;
export const NATIONAL_ID_KINDS = Object.keys(NATIONAL_ID_FEATURES) as NationalIdKind[];
/** General words for an identity number, after which any format national-ids.ts knows is tried. */
export const GENERAL_ID_FEATURES = [
  'national id',
  'national_id',
  'nationalid',
  'national identi',
  'identity card',
  'identity_card',
  'identity number',
  'identity_number',
  'identity document',
  'id card',
  'id_card',
  'personal id',
  'personal_id',
  'personal identi',
  'citizen id',
  'citizen_id',
];

/** A password told in prose (statements.ts): a password word with a verb after it, or a verb or article before it. */
export const PROSE_PASSWORD_FEATURES = ['password', 'passwd', 'passphrase'].flatMap((w) => [
  ...['is', 'was', 'has', 'will', 'for', 'of', 'set', 'changed', 'reset', 'updated', 'now', 'remains', 'still', 'to'].map(
    (v) => `${w} ${v} `,
  ),
  ...['use', 'using', 'with', 'enter', 'type', 'try', 'the', 'a', 'your', 'new', 'default', 'temporary', 'initial', 'admin', 'root'].map(
    (v) => `${v} ${w}`,
  ),
  `${w}s are `,
]);
