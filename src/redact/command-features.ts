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
