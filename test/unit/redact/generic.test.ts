import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createRedactor } from '../../../src/redact';
import { localeRegion } from '../../../src/redact/local';
import { parseIpv6 } from '../../../src/redact/network';
import { verhoeffGenerate } from 'stdnum/lib/cjs/util/checksum';
import { seededRandom } from '../../../bench/util';

const r = createRedactor({ key: new Uint8Array(32).fill(5) });

function gone(text: string, secret: string, kind?: string): void {
  const out = r.redact(text).text;
  assert.ok(!out.includes(secret), `leaked ${secret} in ${out}`);
  if (kind) assert.match(out, new RegExp(`<REDACTED:${kind}#[0-9a-f]{8}>`), out);
}
function kept(text: string): void {
  assert.equal(r.redact(text).text, text);
}

describe('generic detectors', () => {
  describe('names in every assignment syntax', () => {
    it('reads a random token given positionally, with no cue, and keeps alphabets, hashes and base64 blocks', () => {
      gone(
        '502  ./bin/sync --target prod NjczIdHMItNHssKrTQNVoWxfq40sokminSU4VfV9\n503  git status',
        'NjczIdHMItNHssKrTQNVoWxfq40sokminSU4VfV9',
        'high-entropy',
      );
      gone('docker run --rm acme/exporter:3.1 tlos10tyhorpysz0idzes301bsg50q8m0or4naq1', 'tlos10tyhorpysz0idzes301bsg50q8m0or4naq1');
      kept('git checkout 3b18e512dba79e4c8300dd08aeb37f8e728b8dad');
      kept("const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';");
      kept(
        '-----BEGIN CERTIFICATE-----\nMIIDdzCCAt+gAwIBAgIJAK+ii7kzrdqtMA0GCSqGSIb3DQEBBQUAMIGuMQswCQYD\nVQQGEwJVUzETMBEGA1UECBMKQ2FsaWZvcm5pYTE9MDsGA1UEChM0WE1MIFNlY3Vy\naXR5IExpYnJhcnkgKGh0dHA6Ly93d3cuYWxla3NleS5jb20veG1sc2VjKTEQMA4G\n',
      );
    });

    it('follows a credential across a backslash line break, and nothing else after a backslash', () => {
      const text = 'curl -sf -H "Authorization: token ghp_dPPmFNBLIF7jLiPo\\\n8iG4vHjYAsJTmjaCFFK3" \\\n  https://api.github.com/repos';
      gone(text, '8iG4vHjYAsJTmjaCFFK3');
      assert.equal(r.redact(text).text.split('\n').length, 3);
      kept('cp a.txt \\\n  b.txt');
    });

    it('reads random values with no credential name where a configuration puts a value, and keeps digests, ids and public names there', () => {
      gone(
        'remote:\n  url: https://hooks.acme.dev/ingest\n  k: 8e4517bd501869c11566ca221bb4bdeb92f56a0b',
        '8e4517bd501869c11566ca221bb4bdeb92f56a0b',
        'high-entropy',
      );
      gone('keys:\n  - IEEmpCMt0PyZ8tn+VS42cfzfRCLltxfzJdL+D3Ho\n', 'IEEmpCMt0PyZ8tn+VS42cfzfRCLltxfzJdL+D3Ho', 'high-entropy');
      gone(
        '<value>LNWeKxL2Mp6ltty8zM+37vTDZRmJIZgT2Em0Ez8x0QZHuGu6gBsmz9rF</value>',
        'LNWeKxL2Mp6ltty8zM+37vTDZRmJIZgT2Em0Ez8x0QZHuGu6gBsmz9rF',
      );
      // A git object word makes a hex literal an object name, not a base64 one; an id is a name only as the name given.
      gone('DEFAULTS = {"blob": "uW8hL5tFs3Jwlcjw/+3vmxVXymcwL2TAfo8Z"}', 'uW8hL5tFs3Jwlcjw/+3vmxVXymcwL2TAfo8Z');
      gone(
        'jwt.sign({ sub: user.id }, "/XQZZEEaeJg4a+3Szq+aa4f7QRcGX4ro5ysqmEc0c9aqA12zOsAhc/5bml435xOF")',
        'XQZZEEaeJg4a+3Szq+aa4f7QRcGX4ro5ysqmEc0c9aqA12zOsAhc',
      );
      kept(
        'sha: 3b18e512dba79e4c8300dd08aeb37f8e728b8dad\nblob: "3b18e512dba79e4c8300dd08aeb37f8e728b8dad"\nid: "3b18e512dba79e4c8300dd08aeb37f8e728b8dad"',
      );
      kept('uid: 5f6e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b\n   fun:_ZN2v88internal12_GLOBAL__N_16InvokeEPNS0_7IsolateERKNS1_12InvokeParamsE');
      kept('assert base64.b64decode("VGhlIHF1aWNrIGJyb3duIGZveA==") == b"The quick brown fox"');
      kept('  "settings.token.copied": "Token copied to clipboard",');
      kept('    parameters: FlowSubmitSignInPasswordParamsV2\n    age: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p');
    });

    it('reads passwords made of symbols, in SQL Server logins, sssd files and Markdown code spans', () => {
      gone('smtp.login(user = "alerts@acme.io", password = "ogJ-^r8*-*2_hl")', 'ogJ-^r8*-*2_hl', 'password');
      gone('PGPASSWORD="ZS~XgBK.1J_euS" psql -h db.internal -U admin', 'ZS~XgBK.1J_euS', 'password');
      gone("CREATE LOGIN [etl_loader] WITH PASSWORD = N'Ember9675_', CHECK_POLICY = ON;", 'Ember9675_', 'password');
      gone('ldap_default_authtok_type = password\nldap_default_authtok = jYF5rWACUDX7mc0Ys1ysnPK7V', 'jYF5rWACUDX7mc0Ys1ysnPK7V');
      gone('Log in to the staging admin with user `ops` and password `usc^X~h=Or18sX`.', 'usc^X~h=Or18sX', 'password');
      gone('user=payroll_svc;password=ember.Copper.352;encrypt=true', 'ember.Copper.352');
      // Versions and ranges, code's chains and a SQL `=` outside `WITH PASSWORD` stay.
      kept('"@secretlint/secretlint-rule-1password": "^10.2.2",');
      kept('const tokenNonce = idTokenClaims?.nonce; const key = serializerOptions?.xml.xmlCharKey ?? XML_CHARKEY;');
      kept("placeholder password = 'Password'");
    });

    it('reads a password after a user flag, in .netrc files, and plain-word passwords where the syntax assigns a literal', () => {
      gone('psexec \\\\10.0.94.120 -u Administrator -p dev_admin CMD /C ECHO', 'dev_admin', 'password');
      gone('machine raw.github.com\n  login visionmedia\n  password pass123\n', 'pass123', 'password');
      gone('machine api.example.io login me password Zq8mX2pL', 'Zq8mX2pL', 'password');
      gone('REACT_APP_AUTH_PASSWORD=whiteduke', 'whiteduke', 'password');
      gone('$user = "mg1021"; $password = "goodspec";', 'goodspec', 'password');
      kept('PsExec.exe -u SAT\\M -p %nothing% -i 2; tool -u admin -p 8080; the login form has a password field');
      // `mysql -p DB` asks for the password, then names the database.
      kept('mysql -u root -p mydb');
      gone('mysql -u root -pS3cret mydb', 'S3cret', 'password');
      kept('password = input\nPASSWORD_RESET_URL=reset');
    });
    it('reads unquoted passwords on configuration lines, commented out, and among key=value pairs', () => {
      gone('[client]\nuser=root\npassword=kestrel9\n', 'kestrel9', 'password');
      gone('[smtp]\nhost = mail.internal\npass = bluebird\n', 'bluebird', 'password');
      gone('# PGPASSWORD=bluebird\n', 'bluebird', 'password');
      gone(';password = harbourlights\n', 'harbourlights', 'password');
      gone('stringData:\n  password: correcthorsebatterystaple\n', 'correcthorsebatterystaple', 'password');
      gone('2025-01-02T10:00:00Z DEBUG login user=jane password=swordfish7 ok', 'swordfish7', 'password');
      gone('PGPASSWORD=bluebird psql -h db -U app', 'bluebird', 'password');
      // Code assigns variables: a keyword argument, a property of an object, a Python statement, a type.
      kept('conn = connect(host=h, password=userpass)\nsend(password=pw_value, retries=3)');
      kept('const cfg = {\n  user: dbUser,\n  password: secretFromVault\n};');
      kept('def login(user):\n    password = read_secret\n    return password');
      kept('interface Login {\n  password: string\n}\nclass M(BaseModel):\n    password: SecretStr');
      kept('password: required\npassword=disabled');
    });
    it('takes a value with `${` or `{{` inside for a secret unless the template is closed', () => {
      const v = 'm{{h}o)p${e]nd)i@a';
      for (const t of [`api_key = "${v}"`, `<password>${v}</password>`, `if (db_pass == "${v}")`, `db_pass: ${v}`, `set api_key ${v}`])
        gone(t, v);
      kept('api_key = "${API_KEY}"; password = "{{ vault_db_password }}"; token = "pre-${TOKEN_SUFFIX}"; secret = "$(cat /run/secret)"');
    });
    it('takes a long run of a few letters repeating for a stand-in key, not a word', () => {
      gone('stitchdata_PRIVATE_key=abcdefabcdefabcdefabcdefabcdefabcde', 'abcdefabcdefabcdefabcdefabcdefabcde', 'secret');
      gone('api_token = abcdefabcdefabcdefabcdefabcdef12', 'abcdefabcdefabcdefabcdefabcdef12', 'secret');
      kept("'#!/registries/5/portainer.demo~2Fportainerregistrytesting~2Falpine', token = internationalization");
    });
    it('reads passwords of hyphenated words, and keeps kebab-case settings', () => {
      gone('pass = quiet-river-42\n', 'quiet-river-42', 'password');
      gone('password := "gopher-Secret-1"', 'gopher-Secret-1', 'password');
      kept('<input type="password" autocomplete="current-password"> passwordEncoding = "UTF-8"; PASSWORD_CHARSET=ISO-8859-1');
    });
    it('reads passwords given in statements: SQL, Oracle logins, Redis, network devices, PowerShell, htpasswd', () => {
      gone("CREATE USER report IDENTIFIED BY 'r3p0rtUser';", 'r3p0rtUser', 'password');
      gone("ALTER USER 'app'@'%' IDENTIFIED WITH mysql_native_password BY 'Kq8-mZ2x';", 'Kq8-mZ2x', 'password');
      gone("ALTER ROLE app WITH PASSWORD 'n0t-s0-s3cret';", 'n0t-s0-s3cret', 'password');
      gone('sqlplus scott/tiger9@orcl', 'tiger9', 'password');
      gone('SQL> connect system/Manager1', 'Manager1', 'password');
      gone('bind 127.0.0.1\nrequirepass f00bared-Q\n', 'f00bared-Q', 'password');
      gone('username admin privilege 15 password 0 C1sc0Lab!\nenable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0', 'C1sc0Lab!', 'password');
      gone('enable password 7 0822455D0A16', '0822455D0A16', 'password');
      gone('$pw = ConvertTo-SecureString "Passw0rd!Lab" -AsPlainText -Force', 'Passw0rd!Lab', 'password');
      gone('htpasswd -bc /etc/nginx/.htpasswd admin gr33nLantern', 'gr33nLantern', 'password');
      gone('htpasswd -nb admin gr33nLantern', 'gr33nLantern', 'password');
      kept("SELECT * FROM users WHERE password = :pw; ALTER USER app PASSWORD 'changeme'; failing to connect SSL/TLS");
      kept('$pw = Read-Host -AsSecureString; htpasswd -c .htpasswd admin');
    });
    it('reads a credential name and a quoted literal as a statement, Terraform defaults and PostgreSQL password files', () => {
      gone('signingConfigs {\n  release {\n    storePassword "android123"\n    keyPassword "android456"\n  }\n}', 'android456', 'password');
      gone('private_key "m{{h}o)p${e]nd)i@a";', 'm{{h}o)p${e]nd)i@a');
      gone('variable "db_password" {\n  type    = string\n  default = "tfS3cret!"\n}', 'tfS3cret!', 'password');
      gone('localhost:5432:appdb:app:pgpassW0rd\n*:*:*:replicator:r3pl1cat0r\n', 'r3pl1cat0r', 'password');
      kept('storePassword System.getenv("STORE_PW")\nprint password "is required"\nvariable "region" {\n  default = "eu-west-1"\n}');
      kept('2024:05:01:12:30\n10:30:45:00:12\nroot:x:0:0:root:/root:/bin/bash');
    });
    it('reads passwords in system set-up files: IPsec secrets, chpasswd, kickstart, debconf answers', () => {
      gone(': PSK "ipsecSharedKey9"', 'ipsecSharedKey9', 'password');
      gone("RUN echo 'root:dockerPw1' | chpasswd", 'dockerPw1', 'password');
      gone('chpasswd:\n  list: |\n    root:cloudInitPw1\n    ubuntu:cloudInitPw2\n  expire: False\n', 'cloudInitPw2', 'password');
      gone('rootpw --plaintext kickstartPw2\n', 'kickstartPw2', 'password');
      gone('d-i passwd/root-password password preseedPw3\n', 'preseedPw3', 'password');
      gone('mysql-server mysql-server/root_password_again password debconfPw2\n', 'debconfPw2', 'password');
      kept('chpasswd:\n  list: |\n    root:RANDOM\n  expire: True\nrootpw --iscrypted --lock\n');
    });
    it('reads the content of a settings element named by its name attribute', () => {
      gone('<property name="connection.password">hibernatePw9</property>', 'hibernatePw9', 'password');
      gone('<entry key="db.password">entryPw9</entry>', 'entryPw9', 'password');
      kept('<label name="password">Enter</label><button name="password">Show</button>');
    });
    it('reads the password of a user and password given to an authentication call', () => {
      gone('requests.get(url, auth=("admin", "plum-Cake-5"))', 'plum-Cake-5', 'password');
      gone('server.login("me@example.org", "gr33nLantern")', 'gr33nLantern', 'password');
      gone('var cred = new NetworkCredential("svc", "Kestrel#88");', 'Kestrel#88', 'password');
      gone('req.SetBasicAuth("deploy", "Zq8mX2pL9k")', 'Zq8mX2pL9k', 'password');
      kept("'auth' => ['required', 'confirmed'], login(user, password), auth=(user, pw)");
    });
    it("reads passwords given by command-line tools' own options, several in one command", () => {
      gone('zip -P ZipPw1234 out.zip file.txt', 'ZipPw1234', 'password');
      gone('7z a -pSevenZ9pw archive.7z dir', 'SevenZ9pw', 'password');
      gone('SQLCMD -S db -U sa -P SqlCmdPw1', 'SqlCmdPw1', 'password');
      gone('ldapsearch -x -D "cn=admin,dc=corp" -w LdapPw99 -b dc=corp', 'LdapPw99', 'password');
      gone('redis-cli -h cache -a RedisPw77 ping', 'RedisPw77', 'password');
      gone("ssh-keygen -t ed25519 -N 'my key phrase 42' -f id", 'my key phrase 42', 'password');
      gone('smbclient //srv/share -U alice%SmbPw123', 'SmbPw123', 'password');
      gone('xfreerdp /v:10.1.2.3 /u:admin /p:RdpPw2024', 'RdpPw2024', 'password');
      gone('openssl rsa -in k.pem -passin pass:Rsa-pass1 -out k2.pem', 'Rsa-pass1', 'password');
      const keytool = r.redact('keytool -genkey -keystore ks.jks -storepass St0repass -keypass K3ypass9 | tee log').text;
      assert.ok(!keytool.includes('St0repass') && !keytool.includes('K3ypass9'), keytool);
      gone('http --auth bob:HttpiePw9 https://api.x.io', 'HttpiePw9', 'password');
      gone('lftp -u deploy,LftpPw99 sftp://host', 'LftpPw99', 'password');
      gone('nmcli dev wifi connect HomeNet password WifiPw2024', 'WifiPw2024', 'password');
      gone('wpa_passphrase HomeNet WpaPass2024', 'WpaPass2024', 'password');
      gone('net use \\\\fileserver\\share NetUsePw9 /user:CORP\\alice', 'NetUsePw9', 'password');
      gone('net user bob Pw123x! /add', 'Pw123x!', 'password');
      gone('cmdkey /add:srv /user:bob /pass:CmdPw123', 'CmdPw123', 'password');
      gone('ipmitool -I lanplus -H 10.0.0.9 -U admin -P IpmiPw77 power status', 'IpmiPw77', 'password');
      gone('plink -ssh admin@host -pw PlinkPw12', 'PlinkPw12', 'password');
      gone('db2 connect to SAMPLE user db2inst1 using Db2Pw999', 'Db2Pw999', 'password');
      gone('echo "DockerPw2024" | docker login -u ci --password-stdin', 'DockerPw2024', 'password');
      gone("echo 'SudoPw123' | sudo -S apt-get update", 'SudoPw123', 'password');
      // Options are case-sensitive, and prompts, variables and other options are no passwords.
      kept('unzip -p archive.zip file.txt');
      kept('net user bob /delete; net user bob * /add; ldapsearch -W -b dc=corp; redis-cli -a $REDIS_PW');
      kept('openssl enc -d -aes256 -pass env:PASSPHRASE -in f; echo $PW | docker login --password-stdin');
      // Another tool's option of the same letter is not read.
      kept('grep -P pattern file; tar -P -cf a.tar dir');
    });
    it("reads a command-line option's argument as a literal, and a value glued to its `=` whatever follows", () => {
      gone('gpg --batch --passphrase GpgPass123 -d f.gpg', 'GpgPass123', 'password');
      gone('influx -username admin -password InfluxPw1', 'InfluxPw1', 'password');
      gone('docker run -e POSTGRES_PASSWORD=Pg9secret -d postgres', 'Pg9secret', 'password');
      kept('usage: tool --password PASSWORD; mysql -u root --password appdb_prod');
    });
    it('loads the statement and command-line finders only when a text first holds a word they need', () => {
      const probe = `
        const loaded = () => Object.keys(require.cache).some((f) => f.endsWith('statements.js'));
        const r = require(${JSON.stringify(join(__dirname, '../../../src/redact/index.js'))}).createRedactor({ key: Buffer.alloc(32, 5) });
        const seen = [loaded()];
        r.redact('const port = 8080; password = input()');
        seen.push(loaded());
        seen.push(r.redact('zip -P ZipPw1234 out.zip f').text.includes('<REDACTED:password#'), loaded());
        process.stdout.write(JSON.stringify(seen));`;
      const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), [false, false, true, true]);
    });
    it('reads the literal given to a setter, builder or DSL call named for a credential', () => {
      gone('ds.setPassword(  "HikariPw1"  );', 'HikariPw1', 'password');
      gone('builder.withPassword("Builder9Pw").build();', 'Builder9Pw', 'password');
      gone('credentials { username("ci"); password("Fluent9Pw") }', 'Fluent9Pw', 'password');
      gone("keyring.set_password('svc', 'bob', 'KeyringPw1')", 'KeyringPw1', 'password');
      gone('client.setApiKey("sk9Xq2Lm7Pz4aB3cD5eF")', 'sk9Xq2Lm7Pz4aB3cD5eF', 'secret');
      // Getters, checks and hashing take a name or an input, not the stored credential.
      kept('getPassword("db.password"); validatePassword(input); hashPassword("plain"); setPassword(pw);');
      kept('setKey("user_id"); token("("); props.password(value)');
    });
    it('reads the password of positional connect calls, test automation typing into a password field, and SQL inserts', () => {
      gone("$conn = mysqli_connect('localhost', 'root', 'MysqliPw9', 'app');", 'MysqliPw9', 'password');
      gone("$pdo = new PDO('mysql:host=localhost;dbname=app', 'root', 'PdoPw2024');", 'PdoPw2024', 'password');
      gone('Connection c = DriverManager.getConnection(url, "sa", "JdbcPw999");', 'JdbcPw999', 'password');
      gone("$dbh = DBI->connect($dsn, 'scott', 'PerlDbPw9');", 'PerlDbPw9', 'password');
      gone("conn = cx_Oracle.connect('scott', 'OraPw123', 'db.corp:1521/orcl')", 'OraPw123', 'password');
      gone("User.objects.create_user('bob', 'bob@x.io', 'DjangoUserPw1')", 'DjangoUserPw1', 'password');
      gone('SecureString pw = new NetworkCredential("", "NetCredPw2").SecurePassword;', 'NetCredPw2', 'password');
      gone("login_as('admin', 'SpecLoginPw1')", 'SpecLoginPw1', 'password');
      kept("socket.connect('localhost', 8080); db.connect('mydb', 'main', 'replica')");
      gone("await page.fill('#password', 'PlaywrightPw1')", 'PlaywrightPw1', 'password');
      gone("cy.get('#password').clear().type('CypressPw1')", 'CypressPw1', 'password');
      gone("driver.find_element(By.ID, 'password').send_keys('SeleniumPw1')", 'SeleniumPw1', 'password');
      kept("i18n.fill('password', 'Passwort eingeben'); page.fill('#username', 'bob_smith')");
      const rows = r.redact("INSERT INTO users (login, passwd, note) VALUES ('a,b', 'Pw1x9q', 'x'), ('c', 'Pw2x8r', 'y');").text;
      assert.ok(!rows.includes('Pw1x9q') && !rows.includes('Pw2x8r') && rows.includes("'a,b'") && rows.includes("'y'"), rows);
      kept("INSERT INTO settings (name, value) VALUES ('password_min', '8');");
    });
    it('redacts the password of registry logins on the command line, and keeps port flags and variables', () => {
      gone('docker login -u ci -p "Zq8mX2pL9kW4" registry.acme.io', 'Zq8mX2pL9kW4', 'password');
      gone('helm registry login ghcr.io -u bot -p Zq8mX2pL9kW4', 'Zq8mX2pL9kW4', 'password');
      kept('docker run -p 8080:80 nginx && docker login -u ci --password-stdin && podman login -p $TOKEN quay.io');
    });
    it('redacts the literal an environment lookup falls back to, and keeps the lookup', () => {
      gone('const apiKey = process.env.API_KEY || "kR7mZ2xP9qL4wN8v";', 'kR7mZ2xP9qL4wN8v', 'secret');
      gone('API_KEY = os.getenv("API_KEY", "kR7mZ2xP9qL4wN8v")', 'kR7mZ2xP9qL4wN8v', 'secret');
      gone('password: process.env.PW ?? "Hunter2-Lq9x"', 'Hunter2-Lq9x', 'password');
      kept('api_key = os.environ.get("API_KEY", "changeme")');
      kept('const password = process.env.DB_PASSWORD || "not-set";');
      kept('const token = process.env.TOKEN ?? "";');
      // Any other expression may fall back to a literal by an operator, not by an argument.
      gone('passwd = getpass() or "Tr0ub4dor3"', 'Tr0ub4dor3', 'password');
      kept('password = hash(pw, "salt12345"); password = user.password or "Password"');
    });
    it('reads names made of separate words', () => {
      gone('stripe api key = k9Xq2Lm7Pz', 'k9Xq2Lm7Pz', 'secret');
      gone('Secret Key: 8fQ2mZ7xLp4KwR', '8fQ2mZ7xLp4KwR');
      kept('Release GPG key: 3ABC01543F22DD2239285CDD818674489FBC127E');
      kept('public key: AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabg');
    });
    it('reads free-form values: spaces, braces and punctuation', () => {
      gone('password: two words here', 'two words here', 'password');
      gone("smtp_password = 'correct horse battery staple'", 'correct horse battery staple');
      gone('apikey = m{{h}o)p$kq9}', 'm{{h}o)p$kq9}');
      // `${…}` and `{{…}}` are templates only around what a template holds (names, paths, calls):
      // detect-secrets' test value holds `${e]nob(ody[finds>-_$#…}`, and its brackets close
      // nothing they opened, so its words are no identifiers.
      const canonical = 'm{{h}o)p${e]nob(ody[finds>-_$#thisone}}';
      for (const form of ['apikey := "§"', "'theapikey': '§'", 'apikey: §', 'apikey[]= "§"', 'my_password = §', 'password => "§"'])
        gone(form.replace('§', canonical), canonical);
      gone('password = "{{h}o)p${e]nob(ody[finds>-_$#thisone}}"', '{{h}o)p${e]nob(ody[finds>-_$#thisone}}');
      // A passphrase may hold a function word or two; a message holds more, or a message word.
      gone('password = "value with quotes and spaces"', 'value with quotes and spaces', 'password');
      // Under a secret or token name, a quoted passphrase too; unquoted code, sentence fragments
      // and markup stay.
      gone('client_secret = "value with quotes and spaces"', 'value with quotes and spaces', 'secret');
      gone("auth_token: 'correct horse battery staple'", 'correct horse battery staple', 'secret');
      kept('TOKEN_ENDS = TSPECIALS | WSP');
      kept("MSG_INVALID_SECRET += 'or a KeyObject';");
      kept('api_token = "<xsd:element name="');
      kept('secret: "Secret phrase"; token: "Unexpected end of input."');
      // A password of symbols may hold non-ASCII ones; translated labels stay.
      gone('my_password = "A,.:-¨@*¿?!"', 'A,.:-¨@*¿?!', 'password');
      gone('apikey = "A,.:-¨@*¿?!"', 'A,.:-¨@*¿?!', 'secret');
      kept('"api_key": "Clé API", "secret": "Geheimnis…"');
      kept('"password": "Contraseña", "pwd": "¿Olvidó?", "password": "密码"');
      kept('password = "Password for the account"; password: "Login with your account"');
      kept('password: ${DB_PASS:-changeme}; key: ${{ secrets.KEY }}; api_key: ${file(../secrets.json):apiKey}');
      kept('token: \'{{ lookup("env", "TOKEN") }}\'; password: {{ .Values.pw }}');
      gone('spring.datasource.password=p@ss w0rd;x', 'p@ss w0rd;x');
      // WordPress's salts hold `<>` and every other punctuation; `<…>` is a stand-in only around a word.
      gone("define( 'AUTH_KEY', 'p@Z|t6=W<>g8r+J`Ux0;%q^R,jv&3]e' );", 'p@Z|t6=W<>g8r+J`Ux0;%q^R,jv&3]e', 'secret');
      gone("define('DB_PASSWORD', 'kT7#mq2!Lw');", 'kT7#mq2!Lw', 'password');
      kept("define('API_KEY', '<your-api-key>');");
      kept('["reset_password", "change_password"]');
    });
    it('reads a password told in prose after a verb of being or setting, or a verb of using', () => {
      gone('# The password is Tr0ub4dor3.', 'Tr0ub4dor3', 'password');
      gone('password for root was changed to Welcome2024!', 'Welcome2024!', 'password');
      gone('use password xK9mQ2pL to log in', 'xK9mQ2pL', 'password');
      gone('Enter the new passphrase "blue-Horse-42" when asked', 'blue-Horse-42', 'password');
      // Words, names in code, references and versions stay.
      kept('The password is required. Password is too short. password was reset to default');
      kept('if password is DEFAULT_PW2: pass; assert password is pwd_hash2; password is set to ${PW}');
      kept('the password is hashed with sha256; password is stored in /etc/app/secret.txt; password is v1.2.3');
    });
    it('reads values between quotes escaped as HTML or XML entities', () => {
      gone('&lt;add key="db" password=&quot;Tr0ub4dor3&quot; /&gt;', 'Tr0ub4dor3', 'password');
      gone('secret: &#39;q8Zr2LmW9xTt4VbN7cKp&#39;', 'q8Zr2LmW9xTt4VbN7cKp', 'secret');
      kept('password=&quot;&quot; password=&quot;${PW}&quot; title=&quot;Password&quot;');
    });
    it('reads triple-quoted strings, one-line YAML block scalars, make defaults and storage schemes', () => {
      gone('password = """triple-Quoted9"""', 'triple-Quoted9', 'password');
      gone('db:\n  password: |\n    multiLinePw42\n  user: app\n', 'multiLinePw42', 'password');
      gone('password: >-\n  folded9Pw\n', 'folded9Pw', 'password');
      // A block of several lines is a script or a key, left to the rules for what it holds.
      kept('secret_script: |\n  echo one\n  echo two\n');
      gone('DB_PASS ?= makePw123', 'makePw123', 'password');
      kept('DB_PASS ?= $(shell cat pw.txt)');
      gone('olcRootPW: {SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=', 'W6ph5Mm5Pz8GgiULbPgzG37mj9g=', 'password');
      assert.match(r.redact('spring.security.user.password={noop}s3cretPw').text, /=\{noop\}<REDACTED:password#/);
      gone('Server=sql03;Pwd={x!9kLm2q};', 'x!9kLm2q');
    });
    it('keeps values that read as code, prose, labels or references', () => {
      kept('password = user.password if user else None');
      kept('    token: state.tokens.length - 1,');
      kept('"password": "Mot de passe"');
      kept('password: Enter your password');
      kept('password: !vault |');
      kept('API_KEY=${API_KEY}');
      kept('TYPE_VALUE_RESET_PASSWORD = "reset_password";');
      // A regular expression's source, brackets inside a call's string, a generic type.
      kept('  wpaPassphrase: tool(\'wpa_passphrase\', \'(?:"[^"\\\\n]{1,64}"|[^\\\\s"]{1,64})[ \\\\t]+\'),');
      kept("  authEqBracket: feature('auth=['),\n  readonly authFailures: Counter<'reason'>;");
      kept('x=a?sp.keys.server_write_key : sp.keys.client_write_key),');
      // A positional tool's pattern is read right after the tool only, not across a line of prose.
      kept('see `wpa_passphrase SSID …`, `iwconfig key s:…`, `net use \\\\host\\share …` and more words here');
    });
    it('reads element content of credential stores, with attributes and braces', () => {
      gone('<secret>{AQAAABAAAAAQmX3kP9zRt}</secret>', '{AQAAABAAAAAQmX3kP9zRt}', 'secret');
      gone('<Pass encoding="base64">QWxhZGRpbjpvcGVu</Pass>', 'QWxhZGRpbjpvcGVu', 'password');
      kept('<password>${env.NEXUS_PASSWORD}</password>');
    });
    it('reads a value from the value field that follows a name field', () => {
      gone('        - name: DB_PASSWORD\n          value: hunter2xyz', 'hunter2xyz', 'password');
      gone('{"key": "apiKey", "value": "k8Xq2Lm7Pz9aB3"}', 'k8Xq2Lm7Pz9aB3', 'secret');
      gone('<name>fs.s3a.secret.key</name>\n<value>kX8q2Lm7Pz9aB3cD</value>', 'kX8q2Lm7Pz9aB3cD');
      kept('- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: { name: db, key: password }');
    });
    it('keeps any authorization scheme word and redacts what follows it', () => {
      gone('Authorization: Api-Token 22cb987851bc5659l29114c62e60c79abd0d2c08', '22cb987851bc5659l29114c62e60c79abd0d2c08');
      assert.match(
        r.redact('Authorization: Api-Token 22cb987851bc5659l29114c62e60c79abd0d2c08').text,
        /^Authorization: Api-Token <REDACTED:/,
      );
    });
    it('reads names glued to `pass` that say whose password it is, and keeps `bypass` and `compass`', () => {
      gone("my $dbpass = 'Perl#Pass99';", 'Perl#Pass99', 'password');
      gone('ROOTPASS=Xq9!mLp2\n', 'Xq9!mLp2', 'password');
      kept('bypass = "Xq9mLp2Wz"; compass = "N4E7W2S9"\n');
    });
    it('reads a YAML value alone on the line under its name, indented deeper', () => {
      gone(
        'secrets:\n  datadog_api_key:\n    a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6\n  other: 1\n',
        'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
        'secret',
      );
      gone('api_key:\n  "Zk2Pm7Qz4Rv8Tn3Wb9Yc1Hd"\n', 'Zk2Pm7Qz4Rv8Tn3Wb9Yc1Hd', 'secret');
      // A nested mapping, a list, a line no deeper, and a scalar that goes on are other shapes.
      kept('api_key:\n  env: PROD_KEY\npassword:\n  - vault\ntoken:\nnext_line_value_xyz\n');
    });
    it('reads every value of a Kubernetes Secret manifest, whatever its key, and keeps templates and other kinds', () => {
      const manifest =
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-creds\ndata:\n  username: YWRtaW4=\n  dbconn: cG9zdGdyZXM6Ly91OnBAaC9k\n' +
        'stringData:\n  config.yaml: |\n    endpoint: https://db.internal\n    key: Qm9yZ2Vz\n  pw: "{{ .Values.pw | b64enc }}"\n' +
        '---\nkind: ConfigMap\ndata:\n  color: blue\n';
      const out = r.redact(manifest).text;
      for (const v of ['YWRtaW4=', 'cG9zdGdyZXM6Ly91OnBAaC9k', 'endpoint: https://db.internal', 'key: Qm9yZ2Vz'])
        assert.ok(!out.includes(v), `leaked ${v}: ${out}`);
      assert.ok(out.includes('name: db-creds') && out.includes('{{ .Values.pw | b64enc }}') && out.includes('color: blue'), out);
      gone('items:\n- apiVersion: v1\n  kind: Secret\n  data:\n    password: cGFzc3dvcmQ=\n', 'cGFzc3dvcmQ=', 'secret');
    });
    it('reads the column of a table whose header names a credential: CSV, TSV, semicolons, Markdown', () => {
      gone('username,password,email\nalice,Wint3r!sC0ming,a@corp.io\nbob,hunter2Xy9,b@corp.io\n', 'Wint3r!sC0ming', 'password');
      gone('username,password,email\nalice,Wint3r!sC0ming,a@corp.io\nbob,hunter2Xy9,b@corp.io\n', 'hunter2Xy9', 'password');
      gone('service;api_key;region\nbilling;q8ZkP2mX7vR4tL9wB3nY6cJ1;eu-west-1\n', 'q8ZkP2mX7vR4tL9wB3nY6cJ1', 'secret');
      gone('"host","user","secret"\r\n"db1","admin","Zx9#mQ2$pL7"\r\n', 'Zx9#mQ2$pL7');
      gone('name\ttoken\nci\tgk4Lp9Qz2Xv8Rt5Wn3Ym7Bc1\n', 'gk4Lp9Qz2Xv8Rt5Wn3Ym7Bc1', 'secret');
      gone('| user | password |\n|---|---|\n| admin | S3cure!pw |\n', 'S3cure!pw', 'password');
      const two = r.redact('user,password,api_key\nops,Pw9!abcd,q8ZkP2mX7vR4tL9wB3nY6cJ1\n').text;
      assert.ok(!two.includes('Pw9!abcd') && !two.includes('q8ZkP2mX7vR4tL9wB3nY6cJ1'), `every credential column: ${two}`);
      // Code with commas, a row of another shape, and Markdown cells of links stay.
      kept('from ._functools import method_cache, pass_none\nfrom ._itertools import always_iterable, unique_everseen\n');
      kept('user,password\nalice,Wint3r!sC0ming,extra\n');
      kept('| Credential | Usage |\n|---|---|\n| [`DefaultAzureCredential`](https://example.com/x?view=a-b) | Provides |\n');
    });
    it('reads a variable set for one command (`NAME=value cmd`), whatever follows on the line', () => {
      gone('PGPASSWORD=Sup3rS3cret psql -h db -U app || exit 1\n', 'Sup3rS3cret', 'password');
      gone('  DB_PASSWORD=Kx9!mQ2p LOG=1 ./migrate --up\n', 'Kx9!mQ2p', 'password');
      kept('PASSWORD_FILE=/run/secrets/db psql -h db\nPGPASSWORD=$(cat pw.txt) psql -h db\n');
    });
    it('reads a passphrase of hyphenated words under a secret name, and keeps the names of secrets kept elsewhere', () => {
      gone('jwt_secret: "correct-horse-battery-staple"\n', 'correct-horse-battery-staple', 'secret');
      gone('SESSION_SECRET=purple-monkey-dishwasher-42\n', 'purple-monkey-dishwasher-42', 'secret');
      kept(
        'existingSecret: "my-release-postgresql-credentials"\nclient_secret: "app-prod-db-secret-name"\napi_secret: "use-the-vault-value"\n',
      );
    });
    it('reads C macro definitions', () => {
      gone('#define IO_KEY       "aio_NrZCb67VvzSaM7fr3nMXrfZ1uMPH"', 'NrZCb67VvzSaM7fr3nMXrfZ1uMPH');
    });
  });

  describe('tokens near a credential word or a service name', () => {
    it('redacts a token after a cue word, also without an assignment', () => {
      gone('Staging jira token 9aBcD1eF2gH3iJ4kL5', '9aBcD1eF2gH3iJ4kL5', 'secret');
      gone('clarifai access key dkHL49dId5skLfBjsf342RJkdskdpD54', 'dkHL49dId5skLfBjsf342RJkdskdpD54');
    });
    it('redacts a token after a service name taken from public rule sets', () => {
      gone('datadog 3c0c3965368a6b10f7640dbda46abfdca981c2d3', '3c0c3965368a6b10f7640dbda46abfdca981c2d3', 'secret');
      gone('pagerduty: u+Zk3Lm9Qx2Vb7Nc1Rt5', 'u+Zk3Lm9Qx2Vb7Nc1Rt5');
    });
    it('finds the cue glued to the token and leaves it in place', () => {
      const out = r.redact('bloggerSECRETkey-abc123efg456hij789klm012nop345qrstu678vwxy').text;
      assert.match(out, /^bloggerSECRETkey-<REDACTED:secret#[0-9a-f]{8}>$/);
      gone('dd-apikey-dd52c29224affe29d163c6bf99e5c34f', 'dd52c29224affe29d163c6bf99e5c34f');
    });
    it('redacts tokens that carry a short prefix of their own', () => {
      gone('x = odt_KTJlDq2AGGGlqG4riKdT7p980AW8RlU5', 'odt_KTJlDq2AGGGlqG4riKdT7p980AW8RlU5', 'prefixed-token');
      kept('const fn = get_user_profile_settings_by_identifier;');
    });
    it('reads a prefix of dotted parts when the body is long and generated, and keeps member paths', () => {
      gone('env: dp.st.dev.bAqhcVzrhy5cRHkOlNTc0Ve6w5NUDCpcutm8vGE9myi', 'bAqhcVzrhy5cRHkOlNTc0Ve6w5NUDCpcutm8vGE9myi', 'prefixed-token');
      gone(
        'tkn.v1_LOO5pFaDcBZuFgBzOMKO6qNq98gdbMsoCBHSLZk9ap6aVwgAebNZ8esaIhmdLxi1lQDXg14=',
        'LOO5pFaDcBZuFgBzOMKO6qNq98gdbMsoCBHSLZk9ap6aVwgAebNZ8esaIhmdLxi1lQDXg14=',
      );
      kept('exports.xorshift128plusFromState = xorshift128plusFromState;');
      kept('exports.NETWORK_CONNECTION_SUBTYPE_VALUE_CDMA2000_1XRTT = attrs.NETWORK_CONNECTION_SUBTYPE_VALUE_CDMA2000_1XRTT;');
      kept('if (this._i18nNormalizeLineEndingsInICUs) this.stateUTF16LE_XML_PREFIX(c);');
    });
    it('lets the nearest word decide: a credential word closer than an id word still cues', () => {
      gone('String appId = "294790898041575"; String appSecret = "ce3f9f0362bbe5ab01dfc8ee565e4372"', 'ce3f9f0362bbe5ab01dfc8ee565e4372');
      kept('secret sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
    });
    it('keeps camelCase names of short words after a cue, which switch case as often as random strings', () => {
      kept('export { TokenClaims, AuthToken, getTenantIdFromIdTokenClaims } from "./account";');
      kept('return this.tsTokenCanFollowModifier() || this.tsNextTokenOnSameLineAndCanFollowModifier();');
      gone('auth token: kQzXvBnMwLpRtYsHjGfDcVbN', 'kQzXvBnMwLpRtYsHjGfDcVbN');
    });
    it('keeps hashes, ids, paths and identifiers near cue words', () => {
      kept('token: https://github.com/acme/repo/commit/92ae0eb5da94d6f01925d5f4fcffb2a1e50ed7cd');
      kept('const key = `k8s.persistentvolumeclaim.label.${name}`;');
      kept('api.propagation.setGlobalPropagator(new W3CTraceContextPropagator());');
      kept('token sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
      kept('"id": "call_VSPygqKTWdrhaFErNvMV18Yl", "key": "x"');
      kept('see node-jsonwebtoken/issues/208#issuecomment-231861138');
    });
  });
});

describe('personal data with validation', () => {
  it('reads identifiers after the words that name them: birth dates, passports, driving licences, bank accounts', () => {
    gone('DOB: 1985-03-14', '1985-03-14', 'birth-date');
    gone('Date of birth: 14/03/1985', '14/03/1985', 'birth-date');
    gone('"birthDate": "March 14, 1985"', 'March 14, 1985', 'birth-date');
    gone('passport: 912803456', '912803456', 'passport-number');
    gone("driver's license no. D1234567", 'D1234567', 'driver-license');
    gone('account number: 38291047561', '38291047561', 'bank-account');
    gone('my bank account is 0012 3856 7490', '0012 3856 7490', 'bank-account');
    kept('born to run; passport: required; license: MIT 2024; account 42 created; dob = new Date(2020, 1, 1)');
  });
  it('reads a cue followed by a long run of spaces without backtracking (a hang guard: the regexes once took minutes here)', () => {
    for (const cue of ['passport', 'DOB', 'account no', 'NHS', 'ni number', 'itin', "driver's license", 'born'])
      assert.equal(r.redact(cue + ' '.repeat(20_000) + 'x').findings.length, 0);
    for (const lead of ['chpasswd:\n  list: |\n', '<property name="password"', '- name: DB_PASSWORD\n '])
      assert.equal(r.redact(lead + '\t'.repeat(200_000) + 'x').findings.length, 0);
    // A call's first argument between runs of spaces (2 s for 4 KB before the argument had to start
    // and end with a character other than a space).
    for (const call of ['mysqli_connect(', 'PDO(', 'connect(']) assert.equal(r.redact(call + ' '.repeat(200_000) + 'x').findings.length, 0);
  });
  it('reads ITINs, NHS numbers by their check digit, National Insurance numbers, and nine bare SSN digits after "ssn is"', () => {
    gone('ITIN 912-71-1234', '912-71-1234', 'us-itin');
    gone('tax id: 912881234', '912881234', 'us-itin');
    gone('NHS number 401 023 2137', '401 023 2137', 'nhs-number');
    kept('NHS number 401 023 2138');
    gone('NI number: AB 12 34 56 C', 'AB 12 34 56 C', 'uk-nino');
    gone('National Insurance: JG103759A', 'JG103759A', 'uk-nino');
    gone('my ssn is 078051123', '078051123', 'us-ssn');
    kept('ref 912-69-1234 and NI number: GB 12 34 56 C');
  });
  it('reads every Aadhaar number whose Verhoeff check digit stdnum computes, and none with another last digit', () => {
    const rand = seededRandom(29);
    let rejected = 0,
      randomTaken = 0;
    for (let k = 0; k < 400; k++) {
      let base = String(2 + Math.floor(rand() * 8));
      for (let i = 0; i < 10; i++) base += String(Math.floor(rand() * 10));
      const valid = base + String(verhoeffGenerate(base));
      // After a general identity word, the check digit decides which kind a number is.
      if (!r.redact(`national id: ${valid}`).text.includes('<REDACTED:in-aadhaar#')) rejected++;
      const other = base + String((verhoeffGenerate(base) + 1 + Math.floor(rand() * 9)) % 10);
      if (r.redact(`national id: ${other}`).text.includes('<REDACTED:in-aadhaar#')) randomTaken++;
    }
    assert.strictEqual(rejected, 0);
    assert.strictEqual(randomTaken, 0); // a wrong last digit always fails a Verhoeff check
    // Right after its own name, twelve digits are taken whatever their check digit.
    gone('aadhaar="2294 0346 5427"', '2294 0346 5427', 'in-aadhaar');
    kept('aadhaar: 1111 1111 1111');
  });
  it('reads national identifiers of other countries after their names, validated by their checks', () => {
    const cases: [string, string, string][] = [
      // Check digits from python-stdnum's Verhoeff (these two were once made with a wrong table).
      ['Aadhaar no. 4821 5678 9018', '4821 5678 9018', 'in-aadhaar'],
      ['aadhaar="2294 0346 5426"', '2294 0346 5426', 'in-aadhaar'],
      ['aadhaar: 6485 6666 2295', '6485 6666 2295', 'in-aadhaar'],
      ['PAN: ABCPE1234F', 'ABCPE1234F', 'in-pan'],
      ['tax file number: 383 949 391', '383 949 391', 'au-tfn'],
      ['ABN 51 824 753 556', '51 824 753 556', 'au-abn'],
      ['Medicare card 2951 83745 1', '2951 83745 1', 'au-medicare'],
      ['"pesel": "02070803628"', '02070803628', 'pl-pesel'],
      ['RRN 900101-1234568', '900101-1234568', 'kr-rrn'],
      ['BSN: 111222333', '111222333', 'nl-bsn'],
      ['personnummer 811228-9874', '811228-9874', 'se-personnummer'],
      ['CPR-nr. 211062-5629', '211062-5629', 'dk-cpr'],
      ['Steuer-ID: 90 564 742 144', '90 564 742 144', 'de-tax-id'],
      ['TC Kimlik No: 17291716060', '17291716060', 'tr-tckn'],
      ['NIR : 2 95 10 99 126 111 93', '2 95 10 99 126 111 93', 'fr-nir'],
      ['resident identity card 360426199101010071', '360426199101010071', 'cn-resident-id'],
      ['DEA number AB1234563', 'AB1234563', 'us-dea'],
      ['medical license: BB1388568', 'BB1388568', 'us-dea'],
      // (Not `011000015`: the Federal Reserve's own, which banks' documentation uses as a test value, is kept.)
      ['ABA routing number 026009593', '026009593', 'us-aba-routing'],
      ['partita IVA 01333550323', '01333550323', 'it-vat'],
      ['UEN: 201912345R', '201912345R', 'sg-uen'],
      // A general identity word: whichever format validates the value.
      ['national ID: 211062-5629', '211062-5629', 'dk-cpr'],
    ];
    for (const [text, value, kind] of cases) gone(text, value, kind);
    // The same digits without the name, or failing the check, stay.
    kept('PESEL 02070803629; order 02070803628; BSN: 111222334; RRN 900101-1234567; TFN 123 456 789');
    kept('const span = 123456782; company ABCPE1234F; fin = 12345678;');
    kept('routing table 123456789; ABA 011000016; vat 12345678901; UEN: 201912345W');
  });
  it('reads identifiers whose shape and check are distinctive alone: Spanish NIF/NIE, Italian fiscal codes, Brazilian CPF, CURP, AHV, HETU, NRIC', () => {
    for (const [text, value, kind] of [
      ['cliente: 38291047A', '38291047A', 'es-nif'],
      ['X1234567L', 'X1234567L', 'es-nie'],
      ['owner VRDGPP85T10A562S.', 'VRDGPP85T10A562S', 'it-fiscal-code'],
      ['x = "500.590.242-24"', '500.590.242-24', 'br-cpf'],
      ['BOXW310820HNERXN09', 'BOXW310820HNERXN09', 'mx-curp'],
      ['756.9217.0769.85', '756.9217.0769.85', 'ch-ahv'],
      ['born 131052-308T', '131052-308T', 'fi-hetu'],
      ['S1234567D', 'S1234567D', 'sg-nric'],
    ])
      gone(text, value, kind);
    // Failing checks, or the right shape inside a longer run, stay.
    kept('12345678A RSSMRA85T10A562X 390.533.447-06 S1234567A 20240101T120000Z build-12345678Z-x');
  });
  it('reads Bitcoin addresses whose checksum holds', () => {
    gone('send to 16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ', '16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ', 'crypto-address');
    gone('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'crypto-address');
    // One character changed: the checksum fails.
    kept('send to 16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyY and bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdz');
  });
  it('checks at most 2,000 address checksums in one text, then redacts well-formed candidates unchecked', () => {
    const rand = seededRandom(3);
    const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
    const units = Array.from({ length: 2500 }, () => '1' + Array.from({ length: 33 }, () => B58[Math.floor(rand() * 58)]).join('') + '7');
    const found = r.redact(units.join(' ')).findings.filter((f) => f.kind === 'crypto-address');
    // The first 2,000 fail their checksum; every one after them is taken.
    assert.ok(found.length >= 490 && found.length <= 510, `${found.length} findings`);
  });
  it('takes a phone word such as "call" as the cue for a bare run of digits', () => {
    gone('call 4258829090 now', '4258829090', 'phone');
    kept('order 4258829090 shipped');
  });
  it('reads a number after a tel: or callto: URI scheme or a key ending in a colon, and keeps other colon-glued digits', () => {
    gone('<a href="tel:+4930901820">Call</a>', '4930901820', 'phone');
    gone('tel:+1-425-882-9090', '425-882-9090', 'phone');
    // An international number glued to a key's colon (`otp:pending:+49…`): the `+` says what it is.
    gone('"otp:pending:+4930901820"', '4930901820', 'phone');
    kept('version:1234567890 a:4930901820');
  });
  it('reads an address after mailto: or a vCard field, URL-encoded addresses, and keeps package specs', () => {
    gone('<a href="mailto:maria.garcia@acme-widgets.dev">write</a>', 'maria.garcia@acme-widgets.dev', 'email');
    gone('EMAIL;TYPE=INTERNET:jane.doe@corp.co.uk', 'jane.doe@corp.co.uk', 'email');
    gone('"GET /login?email=maria%40gmail.com HTTP/1.1" 200', 'maria%40gmail.com', 'email');
    kept('"dep": "npm:left-pad@1.3.0", "b": "github:user/repo@v1.2"; user%40example.com');
  });
  it('reads a bracketed area code after the country code', () => {
    gone('Contact: +1 (650) 253-0000 ext. 123', '253-0000', 'phone');
    gone('+44 (20) 7183 0958', '7183 0958', 'phone');
    gone('+1-(415)-275-2273', '275-2273', 'phone');
    kept('see (1 (2) 3); f(1, (2), 3); range 10 (20) 30 (40) 50');
  });
  it('reads the trunk prefix written inside an international number', () => {
    gone('Telefon: +49 (0) 30 29837461', '30 29837461', 'phone');
    gone('T +44 (0)20 7183 0958', '20 7183 0958', 'phone');
  });
  it('reads national numbers written in pairs as numbers, not dates, and keeps byte dumps and counting', () => {
    gone('Jean: 06 48 27 19 53, merci', '06 48 27 19 53', 'phone');
    gone('standard 01 42 68 53 00', '01 42 68 53 00', 'phone');
    gone('Tel. 02 385 67 49', '02 385 67 49', 'phone');
    kept('<Buffer a0 8b 28 3f 01 00 00 00 50 32>; bytes 01 42 68 53 00 ff; <Buffer 01 02 03 04 05>; at 2024-01-02 12:30; on 12.05.2023 14');
  });
  it('finds phone numbers in international and national formats, validated by libphonenumber-js', () => {
    gone('call +44 20 7183 0958 now', '7183 0958', 'phone');
    gone('Kundenservice: 030 901820', '030 901820', 'phone');
    gone('Office (AU): (02) 9386 5432', '9386 5432', 'phone');
    gone('escalate to 646.723.0199', '646.723.0199', 'phone');
    gone('"phone": "4158670173"', '4158670173', 'phone');
    kept('+44 20 7946 095'); // too short for a UK number
    kept('released 2024-03-01, version 1.2.3.4567, ISBN 978-3-16-148410-0, ids 1234567 and 20240611-7781');
  });
  it('reads national numbers in the region it is given first', () => {
    const us = createRedactor({ key: new Uint8Array(32).fill(5), phoneRegion: 'US' });
    const de = createRedactor({ key: new Uint8Array(32).fill(5), phoneRegion: 'DE' });
    assert.equal(us.redact('Nummer 30 901820 5').text, 'Nummer 30 901820 5');
    assert.match(de.redact('Nummer 030 901820').text, /<REDACTED:phone#/);
  });
  it('loads libphonenumber-js only when a text first holds a phone-shaped number', () => {
    // A fresh process: this one has loaded it already.
    const probe = `
      const loaded = () => Object.keys(require.cache).some((f) => f.endsWith('phone-validation.js'));
      const r = require(${JSON.stringify(join(__dirname, '../../../src/redact/index.js'))}).createRedactor({ key: Buffer.alloc(32, 5), phoneRegion: 'DE' });
      const seen = [loaded()];
      r.redact('const port = 8080; // version 1.2.3, released 2024-03-01');
      seen.push(loaded());
      seen.push(r.redact('call +44 20 7183 0958 now').text.includes('<REDACTED:phone#'), loaded());
      process.stdout.write(JSON.stringify(seen));`;
    const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [false, false, true, true]);
  });
  it('finds US social security numbers with valid area, group and serial', () => {
    gone('ssn 536-22-8714', '536-22-8714', 'us-ssn');
    gone('SSN: 412.71.5538', '412.71.5538', 'us-ssn');
    gone('Social Security No. 419 27 6391', '419 27 6391', 'us-ssn');
    gone('"ssn": "536228714"', '536228714', 'us-ssn');
    kept('000-12-3456 666-12-3456 912-34-5678 536-00-8714 536-22-0000 536-22.8714 536228714');
  });
  it('finds Luhn-valid cards of every length 13–19 within issuer ranges', () => {
    for (const card of [
      '372094660038228',
      '3777 863877 86311',
      '30566656350646',
      '4924036612908',
      '6759606665575480',
      '6254099565893486',
      '122083749165022',
      '4929 3704 8162 5390 471',
    ]) {
      gone(`card ${card}`, card, 'credit-card');
    }
    kept('card 4111 1111 1111 1112; ts 1709290951123; id 1220000000000031');
  });
  it('finds IBANs of the registry countries with a valid checksum, compact or grouped', () => {
    gone('IBAN: DE74 5001 0517 0917 3648 20', 'DE74 5001 0517 0917 3648 20', 'iban');
    gone('"iban": "GB91NWBK60161394718265"', 'GB91NWBK60161394718265', 'iban');
    gone('virement FR60 3000 4008 1900 0283 7491 615.', 'FR60 3000 4008 1900 0283 7491 615', 'iban');
    gone('konto NO7015035868094', 'NO7015035868094', 'iban');
    gone('MT44MALT011000048397MTLCAST002S', 'MT44MALT011000048397MTLCAST002S', 'iban');
    // A wrong check digit, a country with no IBAN, the wrong length for the country, part of a longer word.
    kept('IBAN DE89 3704 0044 0532 0130 01; XX89370400440532013000; DE8937040044053201300; xDE89370400440532013000');
  });
  it('finds IPv6 addresses in every RFC 4291 form and keeps loopback, link-local, documentation and multicast', () => {
    gone('from 2a02:8108:1c40::8d3:6b0e', '2a02:8108:1c40::8d3:6b0e', 'ip-address');
    gone('peer ::ffff:83.12.44.201 left', '::ffff:83.12.44.201', 'ip-address');
    gone('inet6 FD12:3456:789A:1::5/64', 'FD12:3456:789A:1::5', 'ip-address');
    gone('dns [2606:4700:4700::1111]:53', '2606:4700:4700::1111', 'ip-address');
    gone('gateway 10.0.0.1 and ::ffff:10.0.0.1', '10.0.0.1', 'ip-address');
    kept('version 1.0.0.1');
    kept('::1 and :: and fe80::1c2b:3aff:fe4d:5e6f%en0 and 2001:db8:85a3::8a2e:370:7334 and ff02::1 and ::ffff:127.0.0.1');
    kept('a[1::2]; std::vector<int> v; Foo::Bar(); 12:30:45; 00:1A:2B:3C:4D:5E');
  });
  it('reads IPv6 addresses as the URL parser does, valid or not', () => {
    // Random strings over the address alphabet, close to valid: parseIpv6 must accept exactly
    // what the WHATWG URL parser accepts as a host, and give the same eight groups.
    const rand = seededRandom(3);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const parts = [
      '',
      '0',
      '1',
      'ab',
      'fFf',
      '2a02',
      'ffff',
      '10000',
      'g1',
      '1.2.3.4',
      '255.255.255.255',
      '256.1.1.1',
      '01.2.3.4',
      '1.2.3',
      '1.2.3.4.5',
    ];
    let valid = 0;
    for (let i = 0; i < 20_000; i++) {
      const groups = Array.from({ length: 1 + Math.floor(rand() * 9) }, () => pick(parts));
      let s = groups.join(':');
      if (rand() < 0.6) {
        const at = Math.floor(rand() * (s.length + 1));
        s = s.slice(0, at) + pick([':', '::', ':::']) + s.slice(at);
      }
      let host: string | null;
      try {
        host = new URL(`http://[${s}]/`).hostname;
      } catch {
        host = null;
      }
      const g = parseIpv6(s);
      // The URL parser allows leading zeros in IPv4 parts of an IPv6 address; the engine does not (`01.2.3.4` is not an address).
      if (/(?:^|[:.])0\d/.test(s.slice(s.lastIndexOf(':') + 1)) && s.includes('.')) continue;
      assert.equal(g !== null, host !== null, `${s}: ${JSON.stringify(g)} vs ${host}`);
      if (g && host) {
        valid++;
        assert.equal(new URL(`http://[${g.map((x) => x.toString(16)).join(':')}]/`).hostname, host, s);
      }
    }
    assert.ok(valid > 300, `only ${valid} valid addresses drawn`);
  });
  it('finds emails at any TLD, internationalised ones included, and keeps reserved example domains', () => {
    gone('owner j.smith@corp.internal', 'j.smith@corp.internal', 'email');
    gone('reply-to helga@fjord.museum', 'helga@fjord.museum', 'email');
    gone('maintainer tomasz@kraków-soft.pl', 'tomasz@kraków-soft.pl', 'email');
    gone('info@presidio.site', 'info@presidio.site', 'email');
    kept('support@example.com admin@localhost test@test.invalid git@github.com icon@2x.png');
  });
  it('finds credentials in connection strings that are not URLs, and passwords holding @', () => {
    gone('jdbc:oracle:thin:scott/t1gerPass@//ora-prod:1521/ORCL', 't1gerPass');
    gone('"app:Xk29dLq0@tcp(db:3306)/inventory"', 'Xk29dLq0');
    gone('postgresql://app:p@ss-w0rd@db.acme.io:5432/app', 'p@ss-w0rd');
    gone('Server=sql03;Uid=erp_ro;Pwd={x!9k;Lm2#q};', 'x!9k;Lm2#q');
    // A password for a database on this machine is still a password; documentation hosts stay.
    gone('DATABASE_URL=postgres://app:Xk9f2LmQ8vR@localhost:5432/app', 'Xk9f2LmQ8vR', 'url-credentials');
    gone('jdbc:mysql://root:rootpw@127.0.0.1:3306/db', 'rootpw');
    kept('https://bob:correcthorse@example.com/ and postgres://user:password@localhost/app');
  });
  it('redacts password hashes in crypt and PHC formats', () => {
    gone('admin:$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW', 'R9h/cIPz0gi.URNNX3kh2OPST9', 'password-hash');
    gone('$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG', 'RdescudvJCsgt3ub');
  });
});

describe('high-entropy string literals', () => {
  it('reads hex bodies of prefixed tokens and a private or access word glued into a run', () => {
    gone('web_123e4567e89b12d3a456426614174abc', '123e4567e89b12d3a456426614174abc', 'prefixed-token');
    gone('prospect-access-4d9f1e2b6ac3fd80e162b12f8a9c45f1', '4d9f1e2b6ac3fd80e162b12f8a9c45f1', 'secret');
    kept('my-private-key-file-name; chunk-access-log; hash_3f9a1c7e5b2d8a4f6c0e9b1d7a3f5c8e');
  });
  it('keeps the digest of a package archive in a lockfile, even after a service name', () => {
    kept(
      '"sonarqube-reporter@^1.2.4": resolved "https://registry.yarnpkg.com/sonarqube-reporter/-/sonarqube-reporter-1.2.4.tgz#3b335d612137949d2f21fcc6c8c8164db7603227"',
    );
  });
  it('redacts quoted hex of 32+ digits and quoted base64 with no name next to them', () => {
    gone('const K = ["4f8a2b9c1d3e5f7a9b0c2d4e6f8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f3a"];', '4f8a2b9c1d3e5f7a', 'high-entropy');
    gone('sign("dGhpcyBpcyBhIHNlY3JldCBrZXkgMTIz+/Zq9")', 'dGhpcyBpcyBhIHNlY3JldCBrZXkgMTIz', 'high-entropy');
  });
  it('keeps digests, object names, ids, images and alphabets', () => {
    kept('"integrity": "sha512-g557vgQjUUfN76MZAN/dt1z3dzcUsimuysCI0bKc0ERg8FUg+wo6GpP+oAolq2KhDAQkH4ITsPmNGLWh8s3rXlRxf/w=="');
    kept('SRCREV = "0c8ee1a4b5d24c8e3b9f7a6e5d4c3b2a1f0e9d8c"');
    kept('"gitHead": "da66c86c5fd71ef570f36b5b1edfa4472149f1bc"');
    kept('expected = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"');
    kept('{"trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"}');
    kept('x = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="');
    kept("var code = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'");
    kept('require("pure-rand/generator/xorshift128plus")');
  });
});

describe('locale region', () => {
  it('takes the region from the locale environment, in the order the C library reads it', () => {
    assert.equal(localeRegion({ LANG: 'de_DE.UTF-8' }), 'DE');
    assert.equal(localeRegion({ LC_ALL: 'en_GB.UTF-8', LANG: 'de_DE.UTF-8' }), 'GB');
    assert.equal(localeRegion({ LANG: 'pt-BR' }), 'BR');
  });
});

describe('pairs, encoded credentials, webhook paths and identifier columns', () => {
  it('reads a pair whose first element names a credential, and PHP constants', () => {
    gone('{smtp_password, "Bramble!Path7"},', 'Bramble!Path7', 'password');
    gone('{"smtp_password", "Bramble!Path7"}', 'Bramble!Path7', 'password');
    gone("define('DB_PASSWORD', 'ilovepizza!');", 'ilovepizza!', 'password');
    // Calls passing a variable, labels, lists of names.
    kept("var buf = new Buffer(password, 'utf16le');");
    kept("if hasattr(self.passwd, 'is_authenticated'):");
    kept("MissingToken('token', 'first specifier')");
    kept('["reset_password", "change_password"]');
  });
  it('reads a literal encoded for Basic authentication, and keeps a call in place of a value', () => {
    gone('var raw = Encoding.ASCII.GetBytes("oY9vjiK0KSPoOi4rFkyx:X");', 'oY9vjiK0KSPoOi4rFkyx', 'basic-auth');
    gone("headers: { Authorization: 'Basic ' + btoa('admin:Sup3rS3cret!') }", 'Sup3rS3cret!', 'basic-auth');
    gone("Buffer.from('bob:Wint3r!Coat').toString('base64')", 'Wint3r!Coat', 'basic-auth');
    kept("Buffer.from('a:b').toString('utf8'); btoa('http://x.io')");
    kept('auth = base64.b64encode(x).decode(); password = crypto2.pbkdf2Sync(pw, salt)');
  });
  it('reads the token in a webhook or ingestion path of a URL', () => {
    gone('HOOK_URL="https://chat.acme.io/hooks/d7pubopkmbmlqmb0b6ifk5vfjf"', 'd7pubopkmbmlqmb0b6ifk5vfjf', 'webhook-token');
    gone('loggly_url https://logs-01.loggly.com/inputs/cef57b45-18ab-4513-9880-755aee6611e0/tag/x', 'cef57b45-18ab-4513-9880-755aee6611e0');
    kept('see https://github.com/org/repo/blob/main/docs/webhooks/configuration-guide.md');
    kept("import { useSession } from './hooks/useAuthenticationState2'");
  });
  it('reads a chosen password in a URL whatever its host, and keeps stand-ins at documentation hosts', () => {
    gone('amqps://svc-worker:kMa5sl55YyfONEZW4I@mq.example.com:5671/%2f', 'kMa5sl55YyfONEZW4I', 'url-credentials');
    kept('https://user:password@example.com/ and https://abc:xyz@example.com/');
  });
  it('keeps public keys and certificates, shell expansions, secret references and the keys passwords are kept under', () => {
    kept(
      '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEe7DS9PngB2sBYKNo/b1wFZROQPm4\n3MgDLHrSdAsv6jkEGGICnSmpNJxhVT7SAxprHCFShB4BemRttTpoItS0JQ==\n-----END PUBLIC KEY-----',
    );
    kept('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}');
    kept('"value": "@Microsoft.KeyVault(SecretUri=https://kv-orders.vault.azure.net/secrets/SqlPassword/)"');
    kept('    secretKeys:\n      adminPasswordKey: postgres-password\n      userPasswordKey: password');
    // Without a BEGIN line, key material is still read as a private key's; a line that opens a public
    // key's DER (its algorithm's identifier) says what it is.
    gone('3MgDLHrSdAsv6jkEGGICnSmpNJxhVT7SAxprHCFShB4BemRttTpoItS0JQ==', '3MgDLHrSdAsv6jkEGGICnSmpNJxhVT7SAxprHCFShB4BemRttTpoItS0JQ==');
    kept('MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEe7DS9PngB2sBYKNo/b1wFZROQPm4');
  });
  it('reads identifiers in the columns named for them: tables and INSERT column lists', () => {
    gone("INSERT INTO employees (name, sin) VALUES ('Olivia Tremblay', '150-423-549');", '150-423-549', 'ca-sin');
    gone("INSERT INTO pacjenci (imie, pesel) VALUES ('Jakub L', 03310271939);", '03310271939', 'pl-pesel');
    gone("INSERT INTO patients (name, dob) VALUES ('Omar Farouk', '1990-10-30');", '1990-10-30', 'birth-date');
    gone('namn,personnummer\nAstrid Berg,850412-2733', '850412-2733', 'se-personnummer');
    gone('name,passport_number\nLiu Yang,E58392716', 'E58392716', 'passport-number');
    gone('| name | DOB |\n|---|---|\n| Ann | 1984-02-11 |', '1984-02-11', 'birth-date');
    // A value that does not validate as the column's kind stays; so do other columns.
    kept("INSERT INTO t (id, pesel, n) VALUES (1, '12345678901', 'x');");
    kept('id,ssn_verified,count\n1,true,42');
  });
  it('reads an identifier after its name in brackets or a verb of being in other languages', () => {
    gone('Social Insurance Number (SIN): 100 835 123', '100 835 123', 'ca-sin');
    gone('Ihre steuerliche Identifikationsnummer lautet 97401824561.', '97401824561', 'de-tax-id');
    gone('mi DNI es 05291847-F, lo necesitas', '05291847-F', 'es-nif');
    gone('Reisepass / passport no.: C4J8RT6N2', 'C4J8RT6N2', 'passport-number');
    gone('id,nombre,telefono\n3381,Pilar Navarro,+34 912 48 36 71', '+34 912 48 36 71', 'phone');
    // One digit repeated passes the CPF check and is never issued.
    kept('expect(isCpf("111.111.111-11")).toBe(false); values [1,+2, 3]');
  });
  it('reads passwords given to Go, Java and Windows credential calls, Apache and csh variables, and dotted passphrases', () => {
    gone('auth := smtp.PlainAuth("", "alerts@acme.io", "Sunshine@77", "smtp.acme.io")', 'Sunshine@77', 'password');
    gone('return new PasswordAuthentication("noreply", "abc123XYZ!".toCharArray());', 'abc123XYZ!', 'password');
    gone('net use Z: \\\\fs01\\backups /user:CORP\\svc_backup Marble.Falcon.19 /persistent:no', 'Marble.Falcon.19', 'password');
    gone('    SetEnv WEAVIATE_BACKUP_PASSWORD UWJT^O9f%Rv!JRQ0', 'UWJT^O9f%Rv!JRQ0', 'password');
    gone('#define WIFI_PASSWORD  "Copper.Kettle.3"', 'Copper.Kettle.3', 'password');
    gone('LD_ENV_production = "sdk-ddf657fd-75e2-4184-ae2e-bab7a545b518"', 'ddf657fd-75e2-4184-ae2e-bab7a545b518', 'launchdarkly-key');
    // The identity and user of PlainAuth are no password; a dotted Java name is none either.
    assert.ok(r.redact('smtp.PlainAuth("", "svc-alerts", "Sunshine@77", "smtp.acme.io")').text.includes('"svc-alerts"'));
    kept('String pkg = "com.Example.App.3"; cfg.password_policy = "Strict.Policy"');
  });
});

describe('labels above, keys given as users, long-tail formats', () => {
  it('reads a token under a label or comment naming a credential on the line above', () => {
    gone('Username: ops-bot\nToken:\noUCwcqx3bnTP2uTm_8RPoo7nW4I3xuiVIEnfifHg', 'oUCwcqx3bnTP2uTm_8RPoo7nW4I3xuiVIEnfifHg');
    gone('; shared secret for the radius server\nvalue = 974xxmAJClJJLsXfOGyBCn00', '974xxmAJClJJLsXfOGyBCn00');
    gone(
      '**API token** (rotate quarterly):\n\n```\ne05f99ba7e692fa9a38511f210cbb37967430f81\n```',
      'e05f99ba7e692fa9a38511f210cbb37967430f81',
    );
    gone('WARN using fallback api key from config:\nWARN   7e8cdb60b3102ec91b481baf09f50faf', '7e8cdb60b3102ec91b481baf09f50faf');
    // A line above that names no credential, or is code rather than a label, says nothing.
    kept('# build settings\nvalue = 974xxmAJClJJLsXfOGyBCn00');
    kept('api_key = os.environ["KEY"]\ncommit = "e05f99ba7e692fa9a38511f210cbb37967430f81"');
  });
  it('reads an API key given as the user of Basic authentication on a command line', () => {
    gone('curl -v -u lMzqpa2Lxn6WLN9pSSHX:X -H "Accept: application/json"', 'lMzqpa2Lxn6WLN9pSSHX', 'password');
    gone('curl -s -u "d337c085c5806099da299627eff717fbf328fe08:x" https://api.acme.io', 'd337c085c5806099da299627eff717fbf328fe08');
    gone('curl -u "admin:S3cretPw9" https://x', 'S3cretPw9', 'password');
    // A user name stays.
    assert.ok(r.redact('curl -u deploy-user-2024:S3cretPw9 https://x').text.includes('deploy-user-2024'));
  });
  it('reads DeepL, Ably, RPC-endpoint and Slack-format webhook keys, and quoted base64 with slashes', () => {
    gone('deepl.Translator("49921fef-5ee1-4056-a4da-b774e5899256:fx")', '49921fef-5ee1-4056-a4da-b774e5899256', 'deepl-key');
    gone(
      "new Ably.Realtime('MgKb9E.j5Isx1:VOk1tySzPsesw6xhZP5Mh0uB6B9C3eVc4UW-UCHczyp')",
      'VOk1tySzPsesw6xhZP5Mh0uB6B9C3eVc4UW-UCHczyp',
      'ably-key',
    );
    gone('url: https://eth-mainnet.g.alchemy.com/v2/uXrfnYRGobBTKI5jO_Dg_jcF5FR9JzgP', 'uXrfnYRGobBTKI5jO_Dg_jcF5FR9JzgP', 'rpc-key');
    gone(
      'https://hooks.relay.acme.io/services/TAYHBD655/BJUJIMHEK23/dhIb9xvQc5vfZdiqN08OVcij',
      'dhIb9xvQc5vfZdiqN08OVcij',
      'slack-webhook',
    );
    gone('telegram: 1234567890:h3YLlUHP8-STgTic38bCZXDJ_6s05ERgsaM', 'h3YLlUHP8-STgTic38bCZXDJ_6s05ERgsaM', 'telegram-bot-token');
    kept('time 12:34:56 and 1234567890:abc in telegram notes');
    gone('x = "fAYNGzDcf/yPL6/L4/+IKy9t00lFouzOEhjoT8YsLwE=";', 'fAYNGzDcf/yPL6/L4/+IKy9t00lFouzOEhjoT8YsLwE=', 'high-entropy');
    // Publishable keys are public by design; a PGP signature is no secret.
    kept("const stripe = Stripe('pk_live_51qK7CxAcpySTfxrssDWR5sQWHPjaqtVHlouWUwu1OqBoE26FrNu9zKeh4VCZ1a41');");
    kept(
      '-----BEGIN PGP SIGNATURE-----\n\niHUEABYKAB0WIQWNZ5FIMrY4jackDFecanerw2xGga+WSYnxjKGsTn3OFRwU2v6/e6qhVrfMEVC6sT\n=Ab3x\n-----END PGP SIGNATURE-----',
    );
  });
});

describe('MAC addresses, names and street lines in records', () => {
  it('reads CDATA passwords, obfuscated addresses, OkHttp credentials, medical record numbers, lower-case IBANs and SNMP communities', () => {
    gone('<password><![CDATA[Otte184!kPz]]></password>', 'Otte184!kPz', 'password');
    gone('send it to keiko.nakamura [at] outlook [dot] com, thanks!', 'keiko.nakamura [at] outlook [dot] com', 'email');
    gone('val credential = Credentials.basic("svc-mobile", "lantern55Cactus")', 'lantern55Cactus', 'password');
    gone('"mrn": "MRN97170995",', 'MRN97170995', 'medical-record-number');
    gone('wire it to my account, iban gb83 midl 3748 7571 1285 61 (it is', 'gb83 midl 3748 7571 1285 61', 'iban');
    gone('auths:\n  core_switches:\n    community: nms-wh25i7udua-ro\n    version: 2', 'nms-wh25i7udua-ro', 'password');
    kept('Join our community: https://discord.gg/abc (at) home; the MRN field; name at example dot com');
  });
  it('finds MAC addresses in their three forms and keeps group, documentation and stand-in addresses', () => {
    gone('DHCPACK(br0) 10.0.0.57 3c:22:fb:9a:14:7e Annas-iPhone', '3c:22:fb:9a:14:7e', 'mac-address');
    gone('asset,owner,mac\nLT-0442,j.rivera,A4-83-E7-2D-5C-91', 'A4-83-E7-2D-5C-91', 'mac-address');
    gone('Vlan  Mac Address       Type\n  20  f018.986a.b30c    DYNAMIC', 'f018.986a.b30c', 'mac-address');
    kept('ff:ff:ff:ff:ff:ff 01:00:5e:00:00:fb "00:11:22:33:44:55" "00:1A:2B:3C:4D:5E" 00:00:5e:00:53:01');
    kept('fingerprint AB:CD:EF:01:23:45:67:89:AB:CD; build 2023.1102.0001; 12:34:56');
  });
  it('reads names and street lines in fields named for them, and plain `name` and `address` fields beside personal data', () => {
    gone(
      'User.create!(\n  email: "anneke.dejong@ziggo.nl",\n  name:  "Anneke de Jong",\n  admin: false\n)',
      'Anneke de Jong',
      'person-name',
    );
    gone('customer_id,name,email,country\n10293,Ingrid Solberg,ingrid.solberg@online.no,NO', 'Ingrid Solberg', 'person-name');
    gone('{"customer": {"name": "Margarethe Vollmer", "street": "Lindenstraße 42", "zip": "10969"}}', 'Lindenstraße 42', 'street-address');
    gone(
      "INSERT INTO customers (full_name, address_line1, postcode)\nVALUES ('Harold Fenwick', '27 Wellington Crescent', 'LS6 2HN');",
      '27 Wellington Crescent',
      'street-address',
    );
    gone('first_name = "Siobhan"', 'Siobhan', 'person-name');
    gone(
      'Name;Adresse;Telefon\nYuki Novak;"Am Mühlbach 138, 79024 Freiburg";0152 16956922',
      'Am Mühlbach 138, 79024 Freiburg',
      'street-address',
    );
    gone('cardholder,card,exp\n"Fatima Brennan",6011-3954-4222-2004,09/26', 'Fatima Brennan', 'person-name');
    // A workflow's steps, a package's name, an expression, a label.
    kept('jobs:\n  build:\n    name: Build And Test\n    steps:\n      - name: Set Up Node');
    kept('{"name": "Acme Widgets", "version": "1.2.0", "license": "MIT"}');
    kept('f({enumName: i, memberName: A.id.name}); last_name: "required"; full_name = user.fullName');
  });
});
