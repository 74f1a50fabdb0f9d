// Held-out redaction cases: realistic snippets in many file formats, written before the generic
// detectors and never tuned against. `npm run redact:eval` scores all of them as measure-only;
// no unit test asserts on them one by one. Secrets come from a seeded generator at load time, in
// the shape each service uses, so nothing live-looking sits in the repository.
import type { RedactionCase } from './cases';

let seed = 0x5eed1e55;
function rnd(): number {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 0x100000000;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';
const B64 = ALNUM + '+/';
const URLSAFE = ALNUM + '-_';
const PUNCT = ALNUM + '!#%&*+-=?@^_~';
function gen(n: number, alphabet = ALNUM): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  if ((alphabet === ALNUM || alphabet === LOWER || alphabet === UPPER) && !/\d/.test(s)) s = s.slice(0, -1) + '4';
  if (alphabet === ALNUM && !/[A-Z]/.test(s)) s = 'Q' + s.slice(1);
  return s;
}
const b64 = (n: number): string => Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256))).toString('base64');

const cases: RedactionCase[] = [];
let n = 0;
function pos(category: string, make: (s: (v: string) => string) => string): void {
  const secrets: string[] = [];
  const text = make((v) => {
    secrets.push(v);
    return v;
  });
  cases.push({ id: `h${++n}`, category, label: 'positive', text, secrets });
}
function neg(category: string, text: string): void {
  cases.push({ id: `h${++n}`, category, label: 'negative', text, secrets: [] });
}

// ---------------------------------------------------------------- YAML and Kubernetes
pos(
  'yaml',
  (s) =>
    `spring:\n  datasource:\n    url: jdbc:postgresql://orders-db:5432/orders\n    username: orders_rw\n    password: ${s(gen(14, PUNCT))}\n`,
);
pos('yaml', (s) => `mailer:\n  smtp_host: smtp.sendpulse.net\n  smtp_user: notifications\n  smtp_pass: "${s(gen(18))}"`);
pos('yaml', (s) => `algolia:\n  app_id: ${gen(10, UPPER)}\n  admin_key: ${s(gen(32, HEX))}`);
pos(
  'yaml',
  (s) =>
    `integrations:\n  pagerduty:\n    routing_key: ${s(gen(32, HEX))}\n  opsgenie:\n    api_key: ${s(gen(8, HEX) + '-' + gen(4, HEX) + '-' + gen(4, HEX) + '-' + gen(4, HEX) + '-' + gen(12, HEX))}`,
);
pos(
  'k8s',
  (s) =>
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-secrets\ntype: Opaque\nstringData:\n  DB_PASSWORD: ${s(gen(20))}\n  SESSION_KEY: ${s(gen(48, LOWER))}`,
);
pos(
  'k8s',
  (s) =>
    `        env:\n          - name: MAPBOX_TOKEN\n            value: "${s('pk.' + gen(60, URLSAFE) + '.' + gen(22, URLSAFE))}"\n          - name: LOG_LEVEL\n            value: info`,
);
pos(
  'k8s',
  (s) => `        env:\n          - name: CLICKUP_API_TOKEN\n            value: ${s('pk_' + gen(8, '0123456789') + '_' + gen(32, UPPER))}`,
);
pos(
  'ansible',
  (s) =>
    `- name: Create replication user\n  community.mysql.mysql_user:\n    name: repl\n    password: "${s(gen(16, PUNCT))}"\n    priv: "*.*:REPLICATION SLAVE"`,
);
pos('ansible', (s) => `ansible_user: deploy\nansible_ssh_pass: ${s(gen(12, PUNCT))}\nansible_become_password: ${s(gen(12, PUNCT))}`);
pos(
  'gha',
  (s) =>
    `    steps:\n      - run: ./deploy.sh\n        env:\n          NETLIFY_AUTH_TOKEN: ${s(gen(43, URLSAFE))}\n          NETLIFY_SITE_ID: ${gen(8, HEX)}-${gen(4, HEX)}-${gen(4, HEX)}-${gen(4, HEX)}-${gen(12, HEX)}`,
);
pos('gitlab-ci', (s) => `variables:\n  SONAR_HOST_URL: "https://sonar.internal"\n  SONAR_LOGIN: "${s(gen(40, HEX))}"`);
pos(
  'compose',
  (s) =>
    `services:\n  grafana:\n    image: grafana/grafana:10.2.0\n    environment:\n      GF_SECURITY_ADMIN_PASSWORD: ${s(gen(16))}\n      GF_SMTP_PASSWORD: "${s(gen(20, PUNCT))}"`,
);
pos(
  'helm',
  (s) =>
    `# values-prod.yaml\nkeycloak:\n  auth:\n    adminUser: admin\n    adminPassword: ${s(gen(16, PUNCT))}\npostgresql:\n  auth:\n    postgresPassword: "${s(gen(24))}"`,
);
pos(
  'yaml',
  (s) =>
    `elasticsearch:\n  hosts: ["https://es-prod-1:9200"]\n  username: elastic\n  password: ${s(gen(20))}\n  ssl.verification_mode: full`,
);

// ---------------------------------------------------------------- JSON
pos(
  'json',
  (s) =>
    `{\n  "name": "billing-worker",\n  "stripe": { "secretKey": "${s('sk_live_' + gen(24))}", "webhookSecret": "${s('whsec_' + gen(32))}" }\n}`,
);
pos('json', (s) => `{"mixpanel":{"project_token":"${s(gen(32, HEX))}","api_secret":"${s(gen(32, HEX))}"}}`);
pos(
  'json',
  (s) =>
    `{\n  "type": "service_account",\n  "client_id": "10${gen(19, '0123456789')}",\n  "private_key_id": "${s(gen(40, HEX))}",\n  "client_email": "ingest@tele-prod.iam.gserviceaccount.com"\n}`,
);
pos(
  'json',
  (s) => `  "Authentication": {\n    "Jwt": {\n      "Issuer": "https://auth.acme.io",\n      "SigningKey": "${s(b64(48))}"\n    }\n  },`,
);
pos('json', (s) => `{ "bugsnag": { "apiKey": "${s(gen(32, HEX))}", "releaseStage": "production" } }`);
pos('json', (s) => `{"level":"info","ts":1712000000.12,"msg":"connected","dsn":"postgres://etl:${s(gen(16))}@10.20.0.5:5432/dw"}`);
pos('postman', (s) => `{\n  "key": "apiKey",\n  "value": "${s(gen(40))}",\n  "type": "string"\n}`);
pos('json', (s) => `{"auth": {"username": "svc-deployer", "password": "${s(gen(10, PUNCT) + ' ' + gen(6))}"}}`);

// ---------------------------------------------------------------- XML credential stores and configs
pos(
  'xml',
  (s) =>
    `<com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n  <scope>GLOBAL</scope>\n  <id>nexus-deploy</id>\n  <username>deployer</username>\n  <password>{${s(b64(48))}}</password>\n</com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>`,
);
pos(
  'xml',
  (s) =>
    `<org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>\n  <id>slack-token</id>\n  <secret>{${s(b64(40))}}</secret>\n</org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>`,
);
pos(
  'maven',
  (s) =>
    `<settings>\n  <servers>\n    <server>\n      <id>internal-releases</id>\n      <username>ci-bot</username>\n      <password>${s(gen(22))}</password>\n    </server>\n  </servers>\n</settings>`,
);
pos(
  'nuget',
  (s) =>
    `<packageSourceCredentials>\n  <AcmeFeed>\n    <add key="Username" value="build" />\n    <add key="ClearTextPassword" value="${s(gen(52, LOWER))}" />\n  </AcmeFeed>\n</packageSourceCredentials>`,
);
pos(
  'tomcat',
  (s) => `<tomcat-users>\n  <user username="manager" password="${s(gen(14, PUNCT))}" roles="manager-gui,admin-gui"/>\n</tomcat-users>`,
);
pos(
  'filezilla',
  (s) =>
    `<Server>\n  <Host>ftp.acme-files.net</Host>\n  <Port>21</Port>\n  <User>upload</User>\n  <Pass encoding="base64">${s(b64(15))}</Pass>\n</Server>`,
);
pos(
  'spring-xml',
  (s) =>
    `<bean id="dataSource" class="com.zaxxer.hikari.HikariDataSource">\n  <property name="jdbcUrl" value="jdbc:mysql://db01:3306/shop"/>\n  <property name="username" value="shop"/>\n  <property name="password" value="${s(gen(12, PUNCT))}"/>\n</bean>`,
);
pos(
  'xml',
  (s) =>
    `<appSettings>\n  <add key="SendGridApiKey" value="${s('SG.' + gen(22, URLSAFE) + '.' + gen(43, URLSAFE))}" />\n  <add key="HubSpotKey" value="${s(gen(8, HEX) + '-' + gen(4, HEX) + '-' + gen(4, HEX) + '-' + gen(4, HEX) + '-' + gen(12, HEX))}" />\n</appSettings>`,
);
pos(
  'xml',
  (s) => `<configuration>\n  <apiToken>${s(gen(36, LOWER))}</apiToken>\n  <endpoint>https://api.vendor.io</endpoint>\n</configuration>`,
);
pos(
  'plist',
  (s) => `<key>RevenueCatAPIKey</key>\n<string>${s('appl_' + gen(27))}</string>\n<key>CFBundleName</key>\n<string>Acme</string>`,
);

// ---------------------------------------------------------------- properties, INI, TOML, .env
pos(
  'properties',
  (s) =>
    `# kafka client\nbootstrap.servers=broker1:9093\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${gen(16, UPPER)}" password="${s(gen(64, B64))}";`,
);
pos(
  'properties',
  (s) => `mail.smtp.host=smtp.office365.com\nmail.smtp.user=alerts@northwind-traders.com\nmail.smtp.password=${s(gen(16, PUNCT))}`,
);
pos('properties', (s) => `app.jwt.secret = ${s(gen(64, ALNUM))}\napp.jwt.expiration-ms = 86400000`);
pos('properties', (s) => `ldap.manager.dn=cn=admin,dc=acme,dc=corp\nldap.manager.password=${s(gen(12, PUNCT))}`);
pos('ini', (s) => `[database]\nhost = 10.1.4.20\nuser = reporting\npasswd = ${s(gen(14, PUNCT))}\n\n[cache]\nttl = 300`);
pos('ini', (s) => `[credentials]\naws_access_key_id = ${s('AKIA' + gen(16, UPPER))}\naws_secret_access_key = ${s(gen(40, B64))}`);
pos('ini', (s) => `; php.ini overrides\nsendmail_path = /usr/sbin/sendmail -t -i\nmysqli.default_pw = ${s(gen(12, PUNCT))}`);
pos('toml', (s) => `[tool.poetry.http-basic.private]\nusername = "ci"\npassword = "${s(gen(30))}"`);
pos('toml', (s) => `[registries.acme]\nindex = "sparse+https://crates.acme.io/index/"\ntoken = "${s(gen(32))}"`);
pos('toml', (s) => `[server]\nport = 8443\ncookie_secret = "${s(gen(44, B64))}"`);
pos('env', (s) => `APP_ENV=production\nAPP_KEY=base64:${s(b64(32))}\nDB_CONNECTION=mysql\nDB_PASSWORD=${s(gen(16))}`);
pos(
  'env',
  (s) => `NEXT_PUBLIC_SITE_URL=https://acme.shop\nSHOPIFY_STOREFRONT_TOKEN=${s(gen(32, HEX))}\nALGOLIA_ADMIN_KEY=${s(gen(32, HEX))}`,
);
pos('env', (s) => `COINBASE_API_SECRET="${s(gen(88, B64))}"`);
pos('env', (s) => `# Twitch\nTWITCH_CLIENT_ID=${gen(30, LOWER)}\nTWITCH_CLIENT_SECRET=${s(gen(30, LOWER))}`);
pos('env', (s) => `CLOUDINARY_URL=cloudinary://${gen(15, '0123456789')}:${s(gen(27, URLSAFE))}@acme-media`);
pos('env', (s) => `ZENDESK_API_TOKEN=${s(gen(40))}\nZENDESK_SUBDOMAIN=acmehelp`);

// ---------------------------------------------------------------- Dockerfile, shell, PowerShell
pos(
  'dockerfile',
  (s) =>
    `FROM node:20-alpine\nARG NPM_TOKEN=${s('npm_' + gen(36))}\nRUN echo "//registry.npmjs.org/:_authToken=\${NPM_TOKEN}" > .npmrc && npm ci`,
);
pos('dockerfile', (s) => `ENV SENTRY_DSN=https://${s(gen(32, HEX))}@o${gen(6, '0123456789')}.ingest.sentry.io/${gen(7, '0123456789')}`);
pos(
  'shell',
  (s) =>
    `#!/usr/bin/env bash\nset -euo pipefail\nexport ARTIFACTORY_API_KEY="${s(gen(73))}"\ncurl -sf -H "X-JFrog-Art-Api: $ARTIFACTORY_API_KEY" "$URL"`,
);
pos('shell', (s) => `curl -X POST https://api.mailjet.com/v3.1/send --user "${gen(32, HEX)}:${s(gen(32, HEX))}" -d @mail.json`);
pos('shell', (s) => `$ psql "host=pg.internal port=5432 dbname=ledger user=auditor password=${s(gen(14, PUNCT))} sslmode=require"`);
pos('shell', (s) => `gh auth login --with-token <<< "${s('ghp_' + gen(36))}"`);
pos('shell', (s) => `redis-cli -h cache-01 -a '${s(gen(24))}' INFO replication`);
pos('shell', (s) => `docker login registry.acme.io -u robot\\$ci -p ${s(gen(32))}`);
pos('shell', (s) => `openssl enc -aes-256-cbc -in backup.tar -out backup.enc -k ${s(gen(24, PUNCT))}`);
pos(
  'shell',
  (s) =>
    `az login --service-principal -u ${gen(8, HEX)}-${gen(4, HEX)}-${gen(4, HEX)}-${gen(4, HEX)}-${gen(12, HEX)} -p ${s(gen(3) + '8Q~' + gen(34, ALNUM + '_-.'))} --tenant acme.onmicrosoft.com`,
);
pos(
  'powershell',
  (s) =>
    `$securePassword = ConvertTo-SecureString "${s(gen(14, PUNCT))}" -AsPlainText -Force\n$cred = New-Object System.Management.Automation.PSCredential ("svc_sql", $securePassword)`,
);
pos(
  'powershell',
  (s) => `$headers = @{ "X-Octopus-ApiKey" = "${s('API-' + gen(26, UPPER))}" }\nInvoke-RestMethod -Uri $url -Headers $headers`,
);
pos('batch', (s) => `@echo off\nset SQLCMDPASSWORD=${s(gen(14, PUNCT))}\nsqlcmd -S tcp:sql01 -U sa -i migrate.sql`);

// ---------------------------------------------------------------- source code
pos(
  'python',
  (s) =>
    `import requests\n\nDEEPL_AUTH_KEY = "${s(gen(8, HEX) + '-' + gen(4, HEX) + '-' + gen(4, HEX) + '-' + gen(4, HEX) + '-' + gen(12, HEX) + ':fx')}"\nresp = requests.post(URL, data={"auth_key": DEEPL_AUTH_KEY, "text": t})`,
);
pos('python', (s) => `client = pymongo.MongoClient("mongodb://admin:${s(gen(18))}@mongo-0.mongo:27017/?authSource=admin")`);
pos('python', (s) => `conn = psycopg2.connect(host="db", dbname="crm", user="crm", password="${s(gen(10, PUNCT) + ' ' + gen(5))}")`);
pos('python', (s) => `openai.api_base = "https://acme.openai.azure.com/"\nopenai.api_key = "${s(gen(32, HEX))}"`);
pos(
  'python',
  (s) => `settings.configure(SECRET_KEY="django-insecure-${s(gen(50, 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)'))}")`,
);
pos(
  'python',
  (s) =>
    `pusher_client = pusher.Pusher(app_id='${gen(7, '0123456789')}', key='${gen(20, HEX)}', secret='${s(gen(20, HEX))}', cluster='eu')`,
);
pos(
  'python',
  (s) => `# weather lookups\nOWM = "${s(gen(32, HEX))}"\nurl = f"https://api.openweathermap.org/data/2.5/weather?q={city}&appid={OWM}"`,
);
pos(
  'java',
  (s) =>
    `public final class Keys {\n    static final String TWILIO_AUTH_TOKEN = "${s(gen(32, HEX))}";\n    static final String TWILIO_SID = "AC${gen(32, HEX)}";\n}`,
);
pos('java', (s) => `DriverManager.getConnection("jdbc:oracle:thin:scott/${s(gen(10))}@//ora-prod:1521/ORCL");`);
pos('java', (s) => `ds.setURL("jdbc:sqlserver://sql02:1433;databaseName=hr;user=hr_app;password=${s(gen(14, PUNCT))};encrypt=true");`);
pos(
  'kotlin',
  (s) =>
    `object BuildSecrets {\n    const val MAPS_KEY = "${s('AIza' + gen(35, URLSAFE))}"\n    const val ANALYTICS_SECRET = "${s(gen(24))}"\n}`,
);
pos('go', (s) => `var cfg = &Config{\n\tEndpoint: "https://api.linode.com/v4",\n\tToken:    "${s(gen(64, HEX))}",\n}`);
pos('go', (s) => `const webhookSigningKey = "${s(gen(32))}"`);
pos('go', (s) => `db, err := sql.Open("mysql", "app:${s(gen(14))}@tcp(10.0.2.7:3306)/inventory?parseTime=true")`);
pos('csharp', (s) => `var client = new SendGridClient("${s('SG.' + gen(22, URLSAFE) + '.' + gen(43, URLSAFE))}");`);
pos(
  'csharp',
  (s) =>
    `options.UseSqlServer("Server=tcp:acme.database.windows.net,1433;Initial Catalog=Orders;User ID=orders;Password=${s(gen(16, PUNCT))};Encrypt=True;");`,
);
pos('csharp', (s) => `private const string EncryptionKey = "${s(gen(32, B64))}";`);
pos(
  'ruby',
  (s) =>
    `Rails.application.configure do\n  config.x.shippo_token = "${s('shippo_live_' + gen(40, HEX))}"\n  config.x.zip_api_key = '${s(gen(32))}'\nend`,
);
pos(
  'php',
  (s) =>
    `define('AUTH_KEY',         '${s(gen(64, PUNCT + '()[]{}<>|,;:'))}');\ndefine('SECURE_AUTH_KEY',  '${s(gen(64, PUNCT + '()[]{}<>|,;:'))}');`,
);
pos('php', (s) => `$mail->Username = 'noreply@pinecrest-dental.com';\n$mail->Password = '${s(gen(16, PUNCT))}';`);
pos('rust', (s) => `let client = reqwest::Client::new();\nlet res = client.get(url).bearer_auth("${s(gen(40))}").send().await?;`);
pos(
  'swift',
  (s) => `enum Secrets {\n    static let revenueCat = "${s('appl_' + gen(27))}"\n    static let segmentWriteKey = "${s(gen(32))}"\n}`,
);
pos(
  'js',
  (s) =>
    `const firebaseAdminCreds = {\n  projectId: 'acme-app',\n  clientEmail: 'firebase-adminsdk@acme-app.iam.gserviceaccount.com',\n  privateKeyId: '${s(gen(40, HEX))}',\n};`,
);
pos('js', (s) => `axios.defaults.headers.common['X-Api-Key'] = '${s(gen(40))}';`);
pos(
  'ts',
  (s) =>
    `export const environment = {\n  production: true,\n  pusherKey: '${gen(20, HEX)}',\n  recaptchaSecret: '${s('6L' + gen(38, URLSAFE))}',\n};`,
);
pos('ts', (s) => `const ably = new Ably.Realtime({ key: '${s(gen(6) + '.' + gen(6) + ':' + gen(43, URLSAFE))}' });`);
pos('js', (s) => `new Algolia("${gen(10, UPPER)}", "${s(gen(32, HEX))}") // admin key, server only`);
pos('js', (s) => `const hmac = crypto.createHmac('sha256', '${s(gen(40, HEX))}');`);
pos('scala', (s) => `val awsCreds = new BasicAWSCredentials("${s('AKIA' + gen(16, UPPER))}", "${s(gen(40, B64))}")`);
pos('c', (s) => `#define WIFI_SSID "AcmeLab"\n#define WIFI_PASSWORD "${s(gen(12, PUNCT))}"\n#define MQTT_TOKEN "${s(gen(24))}"`);

// ---------------------------------------------------------------- SQL, Terraform, HCL, nginx
pos('sql', (s) => `CREATE USER reporting WITH PASSWORD '${s(gen(14, PUNCT))}';\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting;`);
pos('sql', (s) => `ALTER LOGIN [etl_svc] WITH PASSWORD = N'${s(gen(16, PUNCT))}';`);
pos('sql', (s) => `INSERT INTO api_clients (name, client_secret) VALUES ('partner-portal', '${s(gen(40))}');`);
pos(
  'terraform',
  (s) =>
    `resource "aws_db_instance" "main" {\n  engine         = "postgres"\n  username       = "master"\n  password       = "${s(gen(20))}"\n  instance_class = "db.t3.medium"\n}`,
);
pos('terraform', (s) => `provider "datadog" {\n  api_key = "${s(gen(32, HEX))}"\n  app_key = "${s(gen(40, HEX))}"\n}`);
pos('terraform', (s) => `provider "cloudflare" {\n  api_token = "${s(gen(40, URLSAFE))}"\n}`);
pos('hcl', (s) => `vault {\n  address = "https://vault.acme.io:8200"\n  token   = "${s('hvs.' + gen(24, URLSAFE))}"\n}`);
pos(
  'nginx',
  (s) =>
    `location /api/ {\n    proxy_set_header Authorization "Basic ${s(Buffer.from('gateway:' + gen(16)).toString('base64'))}";\n    proxy_pass http://backend;\n}`,
);

// ---------------------------------------------------------------- logs and HTTP
pos('http', (s) => `POST /v1/charges HTTP/1.1\nHost: api.paymentsco.io\nX-API-Key: ${s(gen(48, URLSAFE))}\nContent-Type: application/json`);
pos('http', (s) => `GET /v2/reports HTTP/1.1\nHost: api.vendor.io\nCookie: session_id=${s(gen(32, HEX))}; theme=dark`);
pos('http', (s) => `PUT /repos/acme/infra/contents/x HTTP/2\nauthorization: token ${s(gen(40, HEX))}`);
pos(
  'log',
  (s) =>
    `2024-05-11T08:15:02.114Z DEBUG [http] → POST https://api.brevo.com/v3/smtp/email headers={"api-key":"${s('xkeysib-' + gen(64, HEX) + '-' + gen(16))}"}`,
);
pos(
  'log',
  (s) => `[2024-05-11 09:00:12] app.ERROR: Login failed for user "m.keller" with password "${s(gen(12, PUNCT))}" from 10.8.0.14 [] []`,
);
pos('log', (s) => `INFO  Connecting to amqps://ingest:${s(gen(20))}@rabbit.prod.acme.io:5671/events`);
pos('log', (s) => `WARN token refresh failed: client_secret=${s(gen(40, URLSAFE))} grant_type=client_credentials status=401`);
pos('log', (s) => `Apr 02 14:22:51 api-3 app[812]: calling partner with apikey ${s(gen(32))} (attempt 2)`);
pos(
  'markdown',
  (s) =>
    `## Local setup\n\n1. Copy the key below into \`.env\`:\n\n   \`\`\`\n   ASANA_PAT=${s('1/' + gen(16, '0123456789') + ':' + gen(32, HEX))}\n   \`\`\``,
);
pos('markdown', (s) => `Ask ops for access. Staging Jira token: ${s(gen(24))}`);
pos(
  'csv',
  (s) => `service,username,password,notes\nbackup-ftp,bkp,${s(gen(14, PUNCT))},rotated monthly\nwiki,editor,${s(gen(12, PUNCT))},`,
);
pos('ssh-config', (s) => `Host legacy-box\n  HostName 203.45.101.77\n  User root\n  # password: ${s(gen(12, PUNCT))}`);
pos('crontab', (s) => `0 3 * * * PGPASSWORD='${s(gen(14))}' pg_dump -h db -U backup shop | gzip > /backups/shop.sql.gz`);
pos('systemd', (s) => `[Service]\nEnvironment="SMTP_PASSWORD=${s(gen(16, PUNCT))}"\nExecStart=/usr/local/bin/mailer`);
pos(
  'gradle',
  (s) =>
    `repositories {\n    maven {\n        url "https://maven.acme.io/releases"\n        credentials {\n            username "ci"\n            password "${s(gen(24))}"\n        }\n    }\n}`,
);
pos(
  'makefile',
  (s) =>
    `deploy:\n\tHEROKU_API_KEY=${s(gen(8, HEX) + '-' + gen(4, HEX) + '-' + gen(4, HEX) + '-' + gen(4, HEX) + '-' + gen(12, HEX))} heroku container:release web -a acme`,
);
pos(
  'ipynb',
  (s) => `{\n "cell_type": "code",\n "source": [\n  "import wandb\\n",\n  "wandb.login(key=\\"${s(gen(40, HEX))}\\")\\n"\n ]\n}`,
);
pos('yaml', (s) => `# free-form values\nsmtp:\n  password: ${s(gen(6, PUNCT) + ' ' + gen(6, PUNCT) + ' ' + gen(4))}`);
pos('yaml', (s) => `sentry:\n  auth token: ${s(gen(64, HEX))}`);
pos('text', (s) => `stripe test key = "${s('sk_test_' + gen(24))}"`);
pos('text', (s) => `mailgun api key: ${s(gen(32, HEX) + '-' + gen(8, HEX) + '-' + gen(8, HEX))}`);
pos('hex-literal', (s) => `const K = ["${s(gen(64, HEX))}"];`);
pos('hex-literal', (s) => `decrypt(blob, "${s(gen(32, HEX))}")`);
pos('b64-literal', (s) => `cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode("${s(b64(32))}"), "AES"));`);
pos('b64-literal', (s) => `signer.update(payload); signer.sign("${s(b64(24))}")`);

// ---------------------------------------------------------------- personal data
pos('phone', (s) => `Kundenservice: ${s('030 901820')} (Mo–Fr 9–17 Uhr)`);
pos('phone', (s) => `contact_phone: "${s('+49 151 29837461')}"`);
pos('phone', (s) => `Please ring reception on ${s('020 7183 0958')} or the duty manager on ${s('+44 7911 123456')}.`);
pos('phone', (s) => `<td>Téléphone</td><td>${s('01 42 68 53 00')}</td>`);
pos('phone', (s) => `{"name": "R. Sharma", "mobile": "${s('+91 98471 63210')}"}`);
pos('phone', (s) => `お問い合わせ: ${s('03-3814-5678')}`);
pos('phone', (s) => `Office (AU): ${s('(02) 9386 5432')}`);
pos('phone', (s) => `whatsapp: ${s('+55 11 97324-5678')}`);
pos('phone', (s) => `tel. ${s('+34 913 845 678')}`);
pos('phone', (s) => `INSERT INTO contacts VALUES (17, 'Pieter de Vries', '${s('+31 20 713 4567')}');`);
pos('phone', (s) => `escalation: call ${s('(415) 867-0173')} then ${s('646.723.0199')}`);
pos('phone', (s) => `customer phone=${s('+353 1 794 5678')} order=88412`);
pos('ssn', (s) => `applicant.ssn = "${s('536-22-8714')}"`);
pos('ssn', (s) => `SSN: ${s('412.71.5538')}`);
pos('ssn', (s) => `Social Security No. ${s('419 27 6391')} on file.`);
pos('ssn', (s) => `{"employee_id": 4471, "ssn": "${s('661-45-3012')}"}`);
pos('card', (s) => `amex: ${s('372094660038228')}`);
pos('card', (s) => `charge(card="${s('3777 863877 86311')}")`);
pos('card', (s) => `Diners ${s('3056 6656 3506 46')}`);
pos('card', (s) => `"card_number": "${s('6011930107598676')}"`);
pos('card', (s) => `paid with ${s('5412-7006-0354-9151')} exp 04/27`);
pos('card', (s) => `jcb=${s('3530699633285087')}`);
pos('card', (s) => `visa13 ${s('4924036612908')}`);
pos('card', (s) => `maestro: ${s('6759606665575480')}`);
pos('card', (s) => `unionpay card ${s('6254099565893486')}`);
pos('ipv6', (s) => `client connected from ${s('2a02:8108:1c40::8d3:6b0e')}`);
pos('ipv6', (s) => `upstream dns { server [${s('2606:4700:4700::1111')}]:53; }`);
pos('ipv6', (s) => `X-Forwarded-For: ${s('2001:470:1f0b:a3::2')}`);
pos('ipv6', (s) => `allow ${s('2a01:4f8:c17:b8f::1')}/128;`);
pos('ipv6', (s) => `peer ${s('::ffff:83.12.44.201')} disconnected`);
pos('ipv6', (s) => `inet6 ${s('FD12:3456:789A:1::5')}/64 scope global`);
pos('email', (s) => `maintainer: ${s('tomasz.wisniewski@kraków-soft.pl')}`);
pos('email', (s) => `contact ${s('ana.lima@empresa.com.br')} or ${s('o.bakare@studio.africa')}`);
pos('email', (s) => `reply-to: ${s('helga@fjord.museum')}`);
pos('email', (s) => `"owner": "${s('j.smith@corp.internal')}"`);
pos('email', (s) => `git commit --author="${s('Chen Wei')} <${s('chen.wei@acme-robotics.tech')}>"`);
pos('email', (s) => `ERROR could not deliver to ${s('mlopez@correo.gob.mx')}: mailbox full`);
pos('email', (s) => `users = [{"id": 3, "email": "${s('priya.n+ci@startup.dev')}"}]`);
pos('conn-url', (s) => `spring.datasource.url=jdbc:mysql://db01:3306/shop?user=shop&password=${s(gen(14))}&useSSL=true`);
pos('conn-url', (s) => `DATABASE_URL="postgresql://app:${s(gen(8, PUNCT).replace(/[@/#?]/g, 'x') + '@' + gen(4))}@db.acme.io:5432/app"`);
pos('conn-url', (s) => `jdbc:db2://db2host:50000/SAMPLE:user=db2inst1;password=${s(gen(12))};`);
pos('conn-url', (s) => `redis_url: redis://:${s(gen(32))}@redis-master:6379/0`);
pos('conn-url', (s) => `ldap://cn=binder,dc=acme,dc=io:${s(gen(12))}@ldap.acme.io:389`);
pos('conn-url', (s) => `Driver={ODBC Driver 18 for SQL Server};Server=sql03;Database=erp;Uid=erp_ro;Pwd={${s(gen(12, PUNCT))}};`);

// ---------------------------------------------------------------- hard negatives
neg('yaml-ref', `spring:\n  datasource:\n    password: \${SPRING_DATASOURCE_PASSWORD}\n    username: \${DB_USER:app}`);
neg(
  'k8s-ref',
  `        env:\n          - name: DB_PASSWORD\n            valueFrom:\n              secretKeyRef:\n                name: db-credentials\n                key: password`,
);
neg(
  'k8s',
  `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api@sha256:9b2c6b84f1b5d4a0f2f1a7c2e8d9b3f6a1c4e7d0b2a5f8c3e6d9a2b5c8f1e4a7`,
);
neg('ansible-ref', `mysql_root_password: "{{ vault_mysql_root_password }}"\napi_token: "{{ lookup('env', 'API_TOKEN') }}"`);
neg(
  'gha-ref',
  `      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1\n        with:\n          token: \${{ secrets.GH_PAT }}`,
);
neg('terraform-ref', `resource "aws_db_instance" "main" {\n  username = var.db_username\n  password = random_password.db.result\n}`);
neg(
  'terraform-lock',
  `provider "registry.terraform.io/hashicorp/aws" {\n  version     = "5.31.0"\n  hashes = [\n    "h1:ltxyuBWIy9cq0kIKDJH1jeWJy/y7XJLjS4QrsQK4plA=",\n    "zh:0cdb9c2083bf0902442384f7309367791e4640581652dda456f2d6d7abf0de8d",\n  ]\n}`,
);
neg(
  'lockfile',
  `"node_modules/@types/node": {\n  "version": "20.11.5",\n  "resolved": "https://registry.npmjs.org/@types/node/-/node-20.11.5.tgz",\n  "integrity": "sha512-g557vgQjUUfN76MZAN/dt1z3dzcUsimuysCI0bKc0ERg8FUg+wo6GpP+oAolq2KhDAQkH4ITsPmNGLWh8s3rXlRxf/w==",\n  "dev": true\n}`,
);
neg(
  'lockfile',
  `[[package]]\nname = "requests"\nversion = "2.31.0"\nfiles = [\n    {file = "requests-2.31.0-py3-none-any.whl", hash = "sha256:58cd2187c01e70e6e26505bca751777aa9f2ee0b7f4300988b709f44e013003f"},\n]`,
);
neg(
  'lockfile',
  `"packages": [\n  {\n    "name": "monolog/monolog",\n    "version": "3.5.0",\n    "source": { "type": "git", "url": "https://github.com/Seldaek/monolog.git", "reference": "c915e2634718dbc8a4a15c61b0e62e7a44e14448" },\n    "dist": { "shasum": "" }\n  }\n]`,
);
neg(
  'lockfile',
  `pnpm-lock: \n  /react@18.2.0:\n    resolution: {integrity: sha512-/3IjMdb2L9QbBdWiW5e3P2/npwMBaU9mHCSCUzNln0ZCYbcfTsGbTJrU/kGemdH2IWmB2ioZ+zkxtmq6g09fGQ==}`,
);
neg(
  'lockfile',
  `"_resolved": "https://registry.npmjs.org/debug/-/debug-4.3.4.tgz",\n"_shasum": "1319f6579357f2338d3337d2cdd4914bb5dcc865",\n"gitHead": "da66c86c5fd71ef570f36b5b1edfa4472149f1bc"`,
);
neg(
  'nix',
  `src = fetchFromGitHub {\n  owner = "acme";\n  repo = "tool";\n  rev = "v1.4.2";\n  sha256 = "0m4h9gy5jh2k1n3x7r8q6q1l0v9zzxy6b0k6l4m3p2f8w1c5d7e9";\n};`,
);
neg(
  'homebrew',
  `class Ripgrep < Formula\n  url "https://github.com/BurntSushi/ripgrep/archive/14.1.0.tar.gz"\n  sha256 "33c6169596a6bbfdc81415910008f26e0809422fda2d849562637996553b2ab6"\nend`,
);
neg(
  'sri',
  `<script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.2/dist/js/bootstrap.bundle.min.js" integrity="sha384-C6RzsynM9kWDrMNeT87bh95OGNyZPhcTNXj1NW7RuBCsyN/o0jlpcV8Qyq46cDfL" crossorigin="anonymous"></script>`,
);
neg(
  'git',
  `$ git show --stat\ncommit 3f1d2a9c8b7e6f5a4d3c2b1a0f9e8d7c6b5a4f3e\nAuthor: CI Bot <ci@example.com>\nDate:   Mon Apr 1 10:00:00 2024 +0000`,
);
neg(
  'git',
  `[submodule "vendor/lib"]\n\tpath = vendor/lib\n\turl = https://github.com/acme/lib.git\n# pinned at 8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b`,
);
neg('hash', `expected_md5 = "d41d8cd98f00b204e9800998ecf8427e"  # empty file`);
neg('hash', `assert hashlib.sha1(data).hexdigest() == "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"`);
neg('hash', `ETag: "33a64df551425fcc55e4d42a148795d9f25f89d4"\nCache-Control: max-age=3600`);
neg(
  'uuid',
  `{"trace_id": "4bf92f3577b34da6a3ce929d0e0e4736", "span_id": "00f067aa0ba902b7", "request_id": "a1b2c3d4-e5f6-4789-abcd-ef0123456789"}`,
);
neg('uuid', `Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Api", "Api\\Api.csproj", "{5C2B7A9E-3D4F-4A1B-8C6D-9E0F1A2B3C4D}"`);
neg('mongo-id', `db.orders.find({ _id: ObjectId("65f1c2a9e4b0a1d2c3e4f5a6") })`);
neg('image', `.logo { background-image: url(data:image/webp;base64,UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA); }`);
neg(
  'image',
  `<link rel="icon" href="data:image/x-icon;base64,AAABAAEAEBAAAAEAIABoBAAAFgAAACgAAAAQAAAAIAAAAAEAIAAAAAAAAAQAABILAAASCwAAAAAAAAAAAAA=">`,
);
neg(
  'font',
  `@font-face { font-family: "I"; src: url("data:font/woff2;base64,d09GMgABAAAAAAJcAAoAAAAABfQAAAIQAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAABmAAgkIKgUyBWgsGAAE2AiQDCAQgBYNOB0kbQwXIHpIkBQQFYPgxFMBWEHMZQBEAEMGrYPx/">`,
);
neg(
  'code-names',
  `class PasswordResetService {\n  constructor(private readonly tokenStore: TokenStore, private readonly mailer: Mailer) {}\n  async issue(userId: string): Promise<string> { return this.tokenStore.create(userId, { ttlSeconds: 900 }); }\n}`,
);
neg(
  'code-names',
  `def get_api_key(request):\n    key = request.headers.get("X-Api-Key")\n    if not key:\n        raise PermissionDenied("missing api key")\n    return key`,
);
neg(
  'code-names',
  `const secretName = \`\${env}-db-credentials\`;\nconst { SecretString } = await sm.send(new GetSecretValueCommand({ SecretId: secretName }));`,
);
neg(
  'code-names',
  `if err := bcrypt.CompareHashAndPassword(user.PasswordHash, []byte(req.Password)); err != nil {\n\treturn ErrBadCredentials\n}`,
);
neg('code-names', `password_hash = Column(String(128), nullable=False)\napi_key_prefix = Column(String(8), index=True)`);
neg('code-names', `<label for="password">Password</label>\n<input id="password" type="password" minlength="12" required>`);
neg('code-names', `token = tokenizer.next_token()\nwhile token.kind != TokenKind.EOF:\n    tokens.append(token)`);
neg(
  'code-names',
  `const keyMap = { ArrowUp: 'up', ArrowDown: 'down', Enter: 'select' };\nfor (const [key, action] of Object.entries(keyMap)) bind(key, action);`,
);
neg('i18n', `{\n  "login.password": "Password",\n  "login.forgot": "Forgot your password?",\n  "login.submit": "Sign in"\n}`);
neg('docs', `Set \`STRIPE_SECRET_KEY\` to the secret key from your dashboard (it starts with \`sk_live_\`).`);
neg('docs', `The API key is sent in the \`X-Api-Key\` header. Tokens expire after 24 hours; refresh them with \`POST /oauth/token\`.`);
neg('placeholders', `DB_PASSWORD=<your-db-password>\nAPI_KEY=replace-me\nJWT_SECRET=\${JWT_SECRET}\nSMTP_PASSWORD=********`);
neg('placeholders', `<password>\${env.NEXUS_PASSWORD}</password>\n<apiToken>\${API_TOKEN}</apiToken>`);
neg('placeholders', `password = "{{ .Values.db.password }}"\ntoken = "%(token)s"`);
neg('placeholders', `export GITHUB_TOKEN=$(gh auth token)\nexport NPM_TOKEN="$(cat ~/.npm-token)"`);
neg('config', `[mysqld]\nport = 3306\nbind-address = 127.0.0.1\nmax_connections = 200\ninnodb_buffer_pool_size = 1G`);
neg(
  'config',
  `server {\n    listen 443 ssl http2;\n    server_name acme.io;\n    ssl_certificate /etc/ssl/acme.crt;\n    ssl_certificate_key /etc/ssl/acme.key;\n}`,
);
neg(
  'config',
  `logging.level.root=INFO\nserver.port=8080\nspring.jpa.hibernate.ddl-auto=validate\nmanagement.endpoints.web.exposure.include=health,info`,
);
neg('sql', `SELECT id, email_verified, password_changed_at FROM users WHERE last_login > NOW() - INTERVAL '30 days';`);
neg('numbers', `const ORDER_IDS = [1048576, 2097152, 4194304];\nconst timeoutMs = 30000;\nconst epoch = 1712000000123;`);
neg('numbers', `ISBN 978-3-16-148410-0, published 2021-06-15, 312 pages, €24.90`);
neg('numbers', `2024-05-11 08:15:02,114 INFO pid=31337 took 1234 ms, rows=998877, version 3.12.1`);
neg('numbers', `Invoice 2024-0042 total 1,234.56 USD due 2024-06-30; ref 20240611-7781`);
neg('numbers', `"coordinates": [13.404954, 52.520008], "zoom": 12, "bbox": [13.08, 52.33, 13.76, 52.67]`);
neg('numbers', `const MAX_SAFE = 9007199254740991;\nconst CARD_TEST_INVALID = "4111 1111 1111 1112";`);
neg('numbers', `npm WARN deprecated request@2.88.2; build 20240511.3 on agent 17`);
neg('numbers', `Error 0x80070005 at 12:30:45; retry in 250 ms (attempt 3 of 5)`);
neg('ip', `listen [::]:80 default_server;\nlisten [::1]:8080;\nresolver 127.0.0.53;`);
neg('ip', `inet6 fe80::1c2b:3aff:fe4d:5e6f%en0 prefixlen 64 scopeid 0x4\ninet6 ::1 prefixlen 128`);
neg('ip', `# docs: use 2001:db8:85a3::8a2e:370:7334 in examples, and 192.0.2.10 for IPv4`);
neg('ip', `std::vector<std::string> parts; auto v = std::chrono::seconds(5); a::b::c();`);
neg('ip', `mac address 00:1A:2B:3C:4D:5E, time 10:15:30, ratio 16:9`);
neg('email', `Contact us at support@example.com; see also admin@localhost and test@test.invalid.`);
neg('email', `"peerDependencies": { "react": ">=16.8.0" }, "files": ["dist/index@2x.png", "lib/core@1.2.3.js"]`);
neg('email', `Use \`ssh git@gitlab.com\` to test, or npm install @acme/ui@latest.`);
neg('text', `The key to a good cache is a good eviction policy; the token bucket refills every second.`);
neg('text', `Jira ticket ABC-1234 tracks the token rotation; see PROJ-42 for the key rollover plan.`);
neg(
  'minified',
  `function r(e,t){for(var n=0;n<t.length;n++){var r=t[n];r.enumerable=r.enumerable||!1,r.configurable=!0,"value"in r&&(r.writable=!0),Object.defineProperty(e,r.key,r)}}var o="0123456789abcdefghijklmnopqrstuvwxyz";`,
);
neg('css', `:root { --primary: #1a73e8; --primary-dark: #0b57d0; --font: "Inter", system-ui; }\n.a1b2c3 { color: #3c4043 }`);
neg(
  'go-sum',
  `golang.org/x/crypto v0.21.0 h1:X31++rzVUdKhX5sWmSOFZxx8UW/ldWx55cbf08iNAMA=\ngolang.org/x/crypto v0.21.0/go.mod h1:0BP7YvVV9gBbVKyeTG0Gyn+gZm94bibOW5BjDEYAOMs=`,
);
neg(
  'docker',
  `FROM python:3.12-slim@sha256:2be8daddbb82756f7d1f2c7ece706aadcb284bf6ab6d769ea695cc3ed6016743\nRUN pip install --no-cache-dir -r requirements.txt`,
);
neg(
  'sourcemap',
  `{"version":3,"sources":["../src/index.ts"],"names":["main"],"mappings":"AAAA,SAASA,IAAI,GAAG;AACd,SAAO,KAAK;AACd","file":"index.js"}`,
);
neg(
  'test',
  `it("rejects an expired token", async () => {\n  const res = await request(app).get("/me").set("Authorization", "Bearer expired");\n  expect(res.status).toBe(401);\n});`,
);
neg('log', `2024-05-11T08:15:02Z INFO request_id=7f3a9c1e path=/health status=200 duration_ms=3`);
neg('log', `[INFO] Building jar: /builds/acme/api/target/api-1.4.2-SNAPSHOT.jar\n[INFO] BUILD SUCCESS\n[INFO] Total time:  42.317 s`);
neg('k8s', `resources:\n  limits:\n    cpu: 500m\n    memory: 512Mi\nnodeSelector:\n  kubernetes.io/os: linux`);
neg('shell', `for f in *.log; do gzip -9 "$f"; done\nfind . -name '*.tmp' -mtime +7 -delete`);
neg('python', `PASSWORD_MIN_LENGTH = 12\nTOKEN_TTL = timedelta(hours=1)\nSECRET_KEY_FALLBACKS = []`);
neg(
  'java',
  `@Value("\${app.jwt.secret}")\nprivate String jwtSecret;\n@Value("\${app.jwt.expiration-ms:86400000}")\nprivate long jwtExpirationMs;`,
);
neg('csharp', `var password = configuration["Smtp:Password"];\nvar apiKey = Environment.GetEnvironmentVariable("API_KEY");`);
neg('go', `token, err := jwt.ParseWithClaims(raw, &Claims{}, func(t *jwt.Token) (interface{}, error) { return signingKey, nil })`);

export const HELD_OUT_CASES: readonly RedactionCase[] = cases;
