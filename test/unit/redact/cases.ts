// Realistic redaction cases: code, configuration, shell sessions and logs with credentials and
// personal data inside, plus hard negatives that must come out unchanged. Secrets are made at
// load time from a seeded generator, in each provider's published shape, so no live-looking
// credential sits in the repository and the rules cannot be tuned to literal strings.

export interface RedactionCase {
  id: string;
  category: string;
  label: 'positive' | 'negative';
  text: string;
  /** Substrings that must not survive redaction (positives only). */
  secrets: string[];
}

let seed = 0x2f6e2b1;
function rnd(): number {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 0x100000000;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const B64 = ALNUM + '+/';
const URLSAFE = ALNUM + '-_';
function gen(n: number, alphabet = ALNUM): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  // Make sure mixed alphabets really are mixed.
  if (alphabet === ALNUM && !/\d/.test(s)) s = s.slice(0, -1) + '7';
  return s;
}
const b64url = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');

const cases: RedactionCase[] = [];
let n = 0;
function pos(category: string, make: (s: (v: string) => string) => string): void {
  const secrets: string[] = [];
  const text = make((v) => {
    secrets.push(v);
    return v;
  });
  cases.push({ id: `p${++n}`, category, label: 'positive', text, secrets });
}
function neg(category: string, text: string): void {
  cases.push({ id: `n${++n}`, category, label: 'negative', text, secrets: [] });
}

// ---------------------------------------------------------------- provider credentials in code
pos(
  'github',
  (s) => `const octokit = new Octokit({\n  auth: process.env.GH_TOKEN ?? "${s('ghp_' + gen(36))}",\n  userAgent: 'release-bot v1.2',\n});`,
);
pos('github', (s) => `$ git remote set-url origin https://${s('x-access-token:ghs_' + gen(36))}@github.com/acme/infra.git`);
pos('github', (s) => `GITHUB_TOKEN=${s('github_pat_' + gen(22) + '_' + gen(59))} npx semantic-release --dry-run`);
pos(
  'github',
  (s) =>
    `      - name: Checkout\n        uses: actions/checkout@v4\n        with:\n          token: ${s('gho_' + gen(36))}\n          fetch-depth: 0`,
);
pos(
  'gitlab',
  (s) => `curl --header "PRIVATE-TOKEN: ${s('glpat-' + gen(20, URLSAFE))}" "https://gitlab.example.com/api/v4/projects/42/pipelines"`,
);
pos('gitlab', (s) => `[runners.custom]\n  token = "${s('glrt-' + gen(20, URLSAFE))}"\n  url = "https://gitlab.internal/"`);
pos(
  'aws',
  (s) =>
    `import boto3\n\ns3 = boto3.client(\n    "s3",\n    aws_access_key_id="${s('AKIA' + gen(16, UPPER_ALNUM))}",\n    aws_secret_access_key="${s(gen(40, B64))}",\n    region_name="eu-west-1",\n)`,
);
pos(
  'aws',
  (s) =>
    `[default]\naws_access_key_id = ${s('AKIA' + gen(16, UPPER_ALNUM))}\naws_secret_access_key = ${s(gen(40, B64))}\nregion = us-east-2`,
);
pos(
  'aws',
  (s) =>
    `2024-03-01T10:22:31Z ERROR botocore: InvalidClientTokenId for key ${s('ASIA' + gen(16, UPPER_ALNUM))} (session ${s('IQoJb3JpZ2luX2VjE' + gen(60, B64))})`,
);
pos('aws', (s) => `export AWS_SESSION_TOKEN='${s('FwoGZXIvYXdzE' + gen(80, B64))}'`);
pos(
  'gcp',
  (s) => `<script src="https://maps.googleapis.com/maps/api/js?key=${s('AIza' + gen(35, URLSAFE))}&callback=initMap" async></script>`,
);
pos(
  'gcp',
  (s) =>
    `{\n  "type": "service_account",\n  "project_id": "analytics-prod-281",\n  "private_key_id": "${gen(40, HEX)}",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${s(gen(64, B64))}\\n${s(gen(64, B64))}\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "etl@analytics-prod-281.iam.gserviceaccount.com"\n}`,
);
pos('gcp', (s) => `oauth_client_secret: ${s('GOCSPX-' + gen(28, URLSAFE))}`);
pos(
  'azure',
  (s) =>
    `"ConnectionStrings": {\n  "Blob": "DefaultEndpointsProtocol=https;AccountName=acmelogs;AccountKey=${s(gen(86, B64) + '==')};EndpointSuffix=core.windows.net"\n}`,
);
pos(
  'azure',
  (s) =>
    `var cs = "Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${s(gen(43, B64) + '=')}";`,
);
pos('azure', (s) => `AZURE_CLIENT_SECRET="${s(gen(3, ALNUM) + '8Q~' + gen(34, ALNUM + '_-.'))}"`);
pos(
  'azure',
  (s) =>
    `https://acmedata.blob.core.windows.net/exports/q3.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-01-01T00:00:00Z&sig=${s(gen(43, ALNUM) + '%3D')}`,
);
pos('slack', (s) => `SLACK_BOT_TOKEN=${s('xoxb-' + gen(12, '0123456789') + '-' + gen(13, '0123456789') + '-' + gen(24))}`);
pos(
  'slack',
  (s) =>
    `requests.post("${s('https://hooks.slack.com/services/T' + gen(10, UPPER_ALNUM) + '/B' + gen(10, UPPER_ALNUM) + '/' + gen(24))}", json={"text": msg})`,
);
pos(
  'discord',
  (s) =>
    `const hook = new WebhookClient({ url: '${s('https://discord.com/api/webhooks/' + gen(18, '0123456789') + '/' + gen(68, URLSAFE))}' });`,
);
pos('stripe', (s) => `Stripe.api_key = "${s('sk_live_' + gen(99))}"`);
pos('stripe', (s) => `STRIPE_WEBHOOK_SECRET=${s('whsec_' + gen(32))}`);
pos('stripe', (s) => `  stripe:\n    secret: ${s('rk_test_' + gen(24))}\n    currency: eur`);
pos('openai', (s) => `client = OpenAI(api_key="${s('sk-proj-' + gen(74, URLSAFE) + 'T3BlbkFJ' + gen(74, URLSAFE))}")`);
pos('openai', (s) => `>>> import openai\n>>> openai.api_key = '${s('sk-' + gen(48))}'\n>>> openai.Model.list()`);
pos('anthropic', (s) => `ANTHROPIC_API_KEY=${s('sk-ant-api03-' + gen(93, URLSAFE) + 'AA')}`);
pos('huggingface', (s) => `huggingface-cli login --token ${s('hf_' + gen(34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'))}`);
pos('npm', (s) => `//registry.npmjs.org/:_authToken=${s('npm_' + gen(36))}\nalways-auth=true`);
pos('npm', (s) => `- run: echo "//npm.pkg.github.com/:_authToken=${s('ghp_' + gen(36))}" >> ~/.npmrc`);
pos('pypi', (s) => `[pypi]\n  username = __token__\n  password = ${s('pypi-AgEIcHlwaS5vcmc' + gen(120, URLSAFE))}`);
pos('twilio', (s) => `client = Client("AC${gen(32, HEX)}", "${s(gen(32, HEX))}")  # account sid, auth token`);
pos('twilio', (s) => `TWILIO_API_KEY=${s('SK' + gen(32, HEX))}`);
pos('sendgrid', (s) => `sg = SendGridAPIClient('${s('SG.' + gen(22, URLSAFE) + '.' + gen(43, URLSAFE))}')`);
pos('mailgun', (s) => `auth=("api", "${s('key-' + gen(32, HEX))}"),`);
pos('shopify', (s) => `X-Shopify-Access-Token: ${s('shpat_' + gen(32, HEX))}`);
pos('digitalocean', (s) => `doctl auth init -t ${s('dop_v1_' + gen(64, HEX))}`);
pos('telegram', (s) => `bot = telebot.TeleBot("${s(gen(10, '0123456789') + ':AA' + gen(33, URLSAFE))}")`);
pos('sentry', (s) => `SENTRY_AUTH_TOKEN=${s('sntrys_' + gen(120, B64))}`);
pos('datadog', (s) => `datadog:\n  api_key: ${s(gen(32, HEX))}\n  app_key: ${s(gen(40, HEX))}\n  site: datadoghq.eu`);
pos('heroku', (s) => `heroku config:set API_SECRET=${s(gen(40))} -a acme-staging`);
pos('vault', (s) => `export VAULT_TOKEN=${s('hvs.' + gen(90, URLSAFE))}`);
pos('docker', (s) => `echo ${s('dckr_pat_' + gen(27, URLSAFE))} | docker login -u acmebuild --password-stdin`);
pos(
  'docker',
  (s) =>
    `{\n  "auths": {\n    "registry.acme.io": {\n      "auth": "${s(Buffer.from('deploy:' + gen(24)).toString('base64'))}"\n    }\n  }\n}`,
);
pos(
  'jwt',
  (s) =>
    `Authorization: Bearer ${s(b64url({ alg: 'RS256', typ: 'JWT' }) + '.' + b64url({ sub: '1f0c2', email: 'k.ito@example.org', exp: 1767225600 }) + '.' + gen(86, URLSAFE))}`,
);
pos(
  'jwt',
  (s) =>
    `localStorage.setItem('session', '${s(b64url({ alg: 'HS256' }) + '.' + b64url({ uid: 77123, role: 'admin' }) + '.' + gen(43, URLSAFE))}');`,
);
pos(
  'jwt',
  (s) =>
    `[2024-05-02 08:00:01] DEBUG auth: refresh ok id_token=${s(b64url({ alg: 'ES256', kid: 'a1' }) + '.' + b64url({ iss: 'https://login.acme.io', aud: 'web' }) + '.' + gen(86, URLSAFE))} expires_in=3600`,
);
pos('linear', (s) => `const linear = new LinearClient({ apiKey: "${s('lin_api_' + gen(40))}" });`);
pos(
  'age',
  (s) =>
    `# created: 2024-01-01\n# public key: age1${gen(58, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l')}\n${s('AGE-SECRET-KEY-1' + gen(58, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'))}`,
);
pos('postman', (s) => `POSTMAN_API_KEY: "${s('PMAK-' + gen(24, HEX) + '-' + gen(34, HEX))}"`);
pos('grafana', (s) => `grafana:\n  token: ${s('glsa_' + gen(32) + '_' + gen(8, HEX))}`);
pos('databricks', (s) => `DATABRICKS_HOST=https://adb-123.azuredatabricks.net\nDATABRICKS_TOKEN=${s('dapi' + gen(32, HEX))}`);
pos('square', (s) => `SQUARE_ACCESS_TOKEN=${s('EAAA' + gen(60, URLSAFE))}`);
pos('newrelic', (s) => `NEW_RELIC_API_KEY=${s('NRAK-' + gen(27, UPPER_ALNUM))}`);
pos('pulumi', (s) => `pulumi login --access-token ${s('pul-' + gen(40, HEX))}`);
pos('doppler', (s) => `DOPPLER_TOKEN="${s('dp.st.prd.' + gen(40))}"`);
pos('groq', (s) => `GROQ_API_KEY=${s('gsk_' + gen(52))}`);
pos(
  'supabase',
  (s) =>
    `const supabase = createClient(url, "${s(b64url({ alg: 'HS256', typ: 'JWT' }) + '.' + b64url({ role: 'service_role', iss: 'supabase' }) + '.' + gen(43, URLSAFE))}")`,
);

// ---------------------------------------------------------------- private keys
pos(
  'private-key',
  (s) =>
    `-----BEGIN RSA PRIVATE KEY-----\n${s(gen(64, B64))}\n${s(gen(64, B64))}\n${s(gen(64, B64))}\n${s(gen(44, B64) + '==')}\n-----END RSA PRIVATE KEY-----\n`,
);
pos(
  'private-key',
  (s) =>
    `-----BEGIN OPENSSH PRIVATE KEY-----\n${s('b3BlbnNzaC1rZXktdjEAAAAA' + gen(46, B64))}\n${s(gen(70, B64))}\n${s(gen(70, B64))}\n${s(gen(12, B64) + '=')}\n-----END OPENSSH PRIVATE KEY-----`,
);
pos(
  'private-key',
  (s) =>
    `const key = \`-----BEGIN EC PRIVATE KEY-----\n${s(gen(64, B64))}\n${s(gen(56, B64))}\n-----END EC PRIVATE KEY-----\`;\nsign(payload, key);`,
);
pos('private-key', (s) => `TLS_KEY="-----BEGIN PRIVATE KEY-----\\n${s(gen(64, B64))}\\n${s(gen(64, B64))}\\n-----END PRIVATE KEY-----"`);
pos(
  'private-key',
  (s) =>
    `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${s(gen(64, B64))}\n${s(gen(64, B64))}\n=${gen(4, B64)}\n-----END PGP PRIVATE KEY BLOCK-----`,
);

// ---------------------------------------------------------------- passwords and generic secrets
pos(
  'password',
  (s) =>
    `DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': 'shop',\n        'USER': 'shop_app',\n        'PASSWORD': '${s('Wint3r!sComing_' + gen(4))}',\n        'HOST': 'db.internal',\n    }\n}`,
);
pos(
  'password',
  (s) =>
    `spring.datasource.url=jdbc:postgresql://db:5432/orders\nspring.datasource.username=orders\nspring.datasource.password=${s('q7#Lx92!vR')}`,
);
pos(
  'password',
  (s) => `    environment:\n      - POSTGRES_USER=app\n      - POSTGRES_PASSWORD=${s('s3cureP4ss-' + gen(6))}\n      - POSTGRES_DB=app`,
);
pos('password', (s) => `mysql -h 10.0.4.12 -u deploy -p${s('Tr0ub4dor&3x')} -e "SHOW DATABASES"`);
pos('password', (s) => `$ sshpass -p '${s('kj8#Nm2qLz')}' ssh admin@bastion-01`);
pos(
  'password',
  (s) =>
    `<connectionStrings>\n  <add name="Main" connectionString="Server=sql01;Database=Crm;User Id=crm_svc;Password=${s('Pa$$w0rdCrm2024')};" />\n</connectionStrings>`,
);
pos('password', (s) => `redis:\n  host: cache.internal\n  port: 6379\n  password: "${s(gen(24))}"`);
pos(
  'password',
  (s) =>
    `smtp_settings = { address: "smtp.mailgun.org", user_name: "postmaster@mg.acme.io", password: "${s(gen(32, HEX) + '-' + gen(8, HEX) + '-' + gen(8, HEX))}" }`,
);
pos('password', (s) => `if (user === 'admin' && pass === '${s('Adm1n!2024#prod')}') {`);
pos('password', (s) => `login(username="svc_report", password="${s('N0t-So-Secret-' + gen(5))}")`);
pos('password', (s) => `psql "postgresql://reporting:${s('x9Fq2LmZ8')}@pg-replica.internal:5432/warehouse?sslmode=require"`);
pos('password', (s) => `MONGO_URL=mongodb+srv://app-user:${s(gen(16))}@cluster0.ab1cd.mongodb.net/prod?retryWrites=true`);
pos('password', (s) => `amqp://guest-${gen(3, HEX)}:${s(gen(20))}@rabbit.internal:5672/vhost`);
pos('password', (s) => `git clone https://jdev:${s(gen(20))}@bitbucket.org/acme/legacy.git`);
pos('password', (s) => `curl -u admin:${s('Sup3rS3cr3t!')} -X POST https://jenkins.acme.io/job/deploy/build`);
pos('password', (s) => `ansible-playbook site.yml --extra-vars "ansible_become_pass=${s('R00tPw!' + gen(4))}"`);
pos('password', (s) => `  "db": { "host": "localhost", "user": "root", "pwd": "${s('hunter2-' + gen(6))}" },`);
pos('password', (s) => `kubectl create secret generic db --from-literal=password=${s(gen(18))}`);
pos('password', (s) => `docker run -e MYSQL_ROOT_PASSWORD=${s('my-' + gen(12))} -d mysql:8`);
pos('password', (s) => `WiFi config: ssid=AcmeGuest psk=${s('gr33nTea-' + gen(6))}`);
pos('generic', (s) => `const client = new ApiClient({\n  baseUrl: "https://api.partner.io",\n  apiKey: "${s(gen(32))}",\n});`);
pos('generic', (s) => `API_SECRET = os.getenv("API_SECRET", "${s(gen(40, LOWER_ALNUM))}")`);
pos('generic', (s) => `headers = {"X-API-Key": "${s(gen(40, HEX))}", "Accept": "application/json"}`);
pos('generic', (s) => `curl -H 'x-api-key: ${s(gen(40))}' https://api.example.net/v2/items`);
pos('generic', (s) => `fetch(url, { headers: { Authorization: \`Bearer ${s(gen(48, URLSAFE))}\` } })`);
pos('generic', (s) => `Authorization: Basic ${s(Buffer.from('svc:' + gen(16)).toString('base64'))}`);
pos('generic', (s) => `app.config['SECRET_KEY'] = '${s(gen(50, LOWER_ALNUM + '!@#$%^&*(-_=+)'))}'`);
pos('generic', (s) => `JWT_SECRET=${s(gen(64, HEX))}`);
pos('generic', (s) => `config.encryption_key = "${s(gen(32, B64) + '=')}"`);
pos('generic', (s) => `secret_key_base: ${s(gen(128, HEX))}`);
pos('generic', (s) => `  webhook:\n    signing_secret: "${s(gen(32))}"`);
pos('generic', (s) => `val apiToken = "${s(gen(40))}"\nval client = HttpClient(apiToken)`);
pos('generic', (s) => `let token = "${s(gen(64, HEX))}";\nlet req = Request::get(url).header("X-Auth-Token", token);`);
pos('generic', (s) => `private static final String CLIENT_SECRET = "${s(gen(40))}";`);
pos('generic', (s) => `$config['api_key'] = '${s(gen(32, HEX))}';`);
pos('generic', (s) => `ENV['CIRCLE_TOKEN'] = '${s(gen(40, HEX))}'`);
pos('generic', (s) => `export CLOUDFLARE_API_TOKEN=${s(gen(40, URLSAFE))}`);
pos('generic', (s) => `terraform apply -var "do_token=${s(gen(64, HEX))}"`);
pos('generic', (s) => `$ mycli deploy --api-key ${s(gen(32))} --region eu`);
pos('generic', (s) => `wget --header="X-Auth-Token: ${s(gen(36, HEX))}" https://files.acme.io/backup.tar.gz`);
pos('generic', (s) => `"access_token": "${s(gen(120, URLSAFE))}", "token_type": "Bearer", "expires_in": 3599`);
pos('generic', (s) => `GET /oauth/callback?code=${s(gen(40, URLSAFE))}&state=${gen(16)} HTTP/1.1`);
pos('generic', (s) => `https://api.weather.io/v1/forecast?lat=52.5&lon=13.4&appid=${gen(4)}&api_key=${s(gen(32, HEX))}`);
pos('generic', (s) => `<add key="StorageSecret" value="${s(gen(44, B64))}" />`);
pos('generic', (s) => `<password>${s('Zq8!xLm2#Pw')}</password>`);
pos('generic', (s) => `client_secret: "${s(gen(40, URLSAFE))}"\nclient_id: 1083429837`);
pos('generic', (s) => `os.environ["OPENWEATHER_KEY"] = "${s(gen(32, HEX))}"`);
pos('generic', (s) => `setx TOKEN_API ${s(gen(36))}`);
pos('generic', (s) => `auth_token: ${s(gen(32, HEX))}  # TODO move to vault`);
pos('generic', (s) => `const PUSHER_SECRET = '${s(gen(20, HEX))}'`);
pos('generic', (s) => `{"level":"debug","msg":"calling upstream","headers":{"authorization":"Token ${s(gen(40, HEX))}"}}`);

// ---------------------------------------------------------------- personal data
pos('email', (s) => `Author: ${s('Mara Lindqvist')} <${s('mara.lindqvist@fjordsoft.se')}>\nDate:   Tue Mar 5 10:12:44 2024 +0100`);
pos('email', (s) => `# Maintainer: ${s('d.okafor@lagos-dev.ng')}\nFROM python:3.12-slim`);
pos(
  'email',
  (s) => `ERROR 2024-01-07 12:01:33 failed to send invoice to ${s('rafael.gomez+billing@correo-ejemplo.es')}: 550 mailbox unavailable`,
);
pos('email', (s) => `const admins = ["${s('li.wei@shop-cn.com')}", "${s('t.nakamura@acme.co.jp')}"];`);
pos('email', (s) => `"author": "${s('Ines Moreau')} <${s('ines@moreau-dev.fr')}> (https://moreau-dev.fr)",`);
pos('phone', (s) => `Call the on-call engineer at ${s('+1 415-867-2173')} if the pager fails.`);
pos('phone', (s) => `contact: { name: "Support", phone: "${s('+44 20 7183 0958')}" }`);
pos('phone', (s) => `customer.phone = '${s('(212) 639-0147')}'`);
pos('phone', (s) => `sms.send(to="${s('+4915129837461')}", body=code)`);
pos('ip', (s) => `Jan 12 03:14:07 web-01 sshd[2231]: Failed password for invalid user oracle from ${s('185.220.101.47')} port 52144 ssh2`);
pos('ip', (s) => `ALLOWED_HOSTS = ["${s('52.14.118.9')}", "localhost"]`);
pos('ip', (s) => `ssh -i ~/.ssh/deploy ubuntu@${s('34.201.77.140')}`);
pos('ip', (s) => `inet6 ${s('2a02:8108:1c40:2e00:8d3:5c1f:aa21:6b0e')}/64 scope global dynamic`);
pos('ip', (s) => `upstream backend { server ${s('10.12.4.31')}:8080; server ${s('10.12.4.32')}:8080; }`);
pos('card', (s) => `test('charges the card', () => charge({ number: '${s('4539 1488 0343 6467')}', cvc: '123' }))`);
pos('card', (s) => `2024-02-11 WARN payment declined card=${s('5425233430109903')} reason=insufficient_funds`);
pos('card', (s) => `"pan": "${s('3763-061468-39524')}"`);
pos(
  'home',
  (s) => `Traceback (most recent call last):\n  File "/home/${s('kpatel')}/projects/etl/run.py", line 12, in <module>\n    main()`,
);
pos('home', (s) => `error TS2307: Cannot find module './x' in /Users/${s('sofia.rossi')}/code/web/src/app.ts`);
pos('home', (s) => `at Object.<anonymous> (C:\\Users\\${s('MNguyen')}\\source\\repos\\Api\\Program.cs:line 42)`);
pos('home', (s) => `"cwd": "C:\\\\Users\\\\${s('jbauer')}\\\\Documents\\\\proj"`);
pos('home', (s) => `export PATH="/home/${s('olamide')}/.local/bin:$PATH"`);

// ---------------------------------------------------------------- hard negatives
neg(
  'lockfile',
  `"node_modules/lodash": {\n  "version": "4.17.21",\n  "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",\n  "integrity": "sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg=="\n},`,
);
neg(
  'lockfile',
  `"@babel/core@^7.23.0":\n  version "7.23.9"\n  resolved "https://registry.yarnpkg.com/@babel/core/-/core-7.23.9.tgz#b028820718000f267870822fec434820e9b1e4d1"\n  integrity sha512-5q0175NOjddqpvvzU+kDiSOAk4PfdO6FvwCWoQ6RO7rTzEe8vlo+4HVfcnAREhD4npMs0e9uZypjTwzZPCf/cw==`,
);
neg(
  'lockfile',
  `github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=\ngithub.com/google/uuid v1.6.0/go.mod h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo=`,
);
neg(
  'lockfile',
  `[[package]]\nname = "serde"\nversion = "1.0.197"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "3fb1c873e1b9b056a4dc4c0c198b24c3ffa059243875552b2bd0933b1aee4ce2"`,
);
neg(
  'lockfile',
  `certifi==2024.2.2 \\\n    --hash=sha256:0569859f95fc761b18b45ef421b1290a0f65f147e92a1e5eb3e635f9a5e4e66f \\\n    --hash=sha256:dc383c07b76109f368f6106eee2b593b04a011ea4d55f652c6ca24a754d1cdd1`,
);
neg('uuid', `const REQUEST_ID = "3f2b8c1e-9d4a-4f6b-8e2a-7c1d5b9e0a34";\nlogger.info({ requestId: REQUEST_ID }, "start");`);
neg('uuid', `<ProjectGuid>{8E6F2A31-4C9B-4F0E-9B7D-2A1C3E5F7D90}</ProjectGuid>`);
neg('git', `commit 9fceb02d0ae598e95dc970b74767f19372d61af8\nMerge: 1a2b3c4 5d6e7f8\n\n    Fix flaky retry test (#812)`);
neg('git', `$ git log --oneline\n4e1f0a2 (HEAD -> main) Bump deps\nb73c9d1 Refactor outbox`);
neg('git', `SRCREV = "0c8ee1a4b5d24c8e3b9f7a6e5d4c3b2a1f0e9d8c"`);
neg('hash', `const EXPECTED_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";`);
neg('hash', `assert.equal(md5(buf), "9e107d9d372bb6826bd81d3542a419d6");`);
neg(
  'image',
  `background: url("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==") no-repeat;`,
);
neg(
  'image',
  `<img alt="logo" src="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAxMCAxMCI+PC9zdmc+"/>`,
);
neg('placeholder', `OPENAI_API_KEY=your-api-key-here\nANTHROPIC_API_KEY=<your-anthropic-key>\nGITHUB_TOKEN=\${GITHUB_TOKEN}`);
neg('placeholder', `const apiKey = process.env.STRIPE_SECRET_KEY;\nif (!apiKey) throw new Error("STRIPE_SECRET_KEY is not set");`);
neg('placeholder', `password: \${{ secrets.DOCKERHUB_PASSWORD }}\nusername: \${{ vars.DOCKERHUB_USER }}`);
neg('placeholder', `token = os.environ["GITHUB_TOKEN"]\nheaders = {"Authorization": f"Bearer {token}"}`);
neg('placeholder', `# Set your key:\n#   export AWS_SECRET_ACCESS_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`);
neg('placeholder', `curl -H "Authorization: Bearer $TOKEN" https://api.github.com/user`);
neg('placeholder', `DB_PASSWORD=changeme\nDB_USER=postgres`);
neg('placeholder', `"apiKey": "YOUR_API_KEY",`);
neg('placeholder', `psql postgres://user:password@localhost:5432/app`);
neg('placeholder', `aws_secret_access_key = <REDACTED>`);
neg('code', `function validatePassword(password: string): boolean {\n  return password.length >= 12 && /[A-Z]/.test(password);\n}`);
neg('code', `const token = await getAccessToken(scopes);\nconst secret = config.get<string>('secret');`);
neg('code', `def tokenize(text: str) -> list[str]:\n    tokens = text.split()\n    return [t.lower() for t in tokens]`);
neg('code', `if (e.key === "Enter" && passwordInput.value.length > 0) submit();`);
neg('code', `type Credentials = { username: string; password: string; apiKey?: string };`);
neg('code', `private readonly tokenCache = new Map<string, TokenEntry>();\nconst maxTokens = 4096;`);
neg('code', `const { data: { session } } = await supabase.auth.getSession();`);
neg('code', `kms_key_id = aws_kms_key.main.arn\npassword_length = 32\nkey_name = "deploy-2024"`);
neg('code', `<input type="password" name="password" placeholder="Password" autocomplete="current-password" />`);
neg('code', `for key, value in sorted(settings.items()):\n    print(f"{key}={value}")`);
neg('code', `SECRET_KEY = env("DJANGO_SECRET_KEY")\nDEBUG = env.bool("DEBUG", default=False)`);
neg('code', `public String getPassword() { return this.password; }`);
neg('code', `export const TOKEN_EXPIRY_SECONDS = 3600;\nexport const AUTH_HEADER = "Authorization";`);
neg('code', `static const char *keys[] = { "alpha", "beta", "gamma" };`);
neg('code', `"scripts": { "build": "tsc -p .", "test": "mocha", "lint": "eslint ." }`);
neg('code', `import jwt from 'jsonwebtoken';\nconst decoded = jwt.verify(token, publicKey, { algorithms: ['RS256'] });`);
neg(
  'code',
  `exports.isKeyCredential = isKeyCredential;\nconst openingBraceToken = secondTokenAfterArrow;\ntokensToBeRemoved = homeIdTokenMap;`,
);
neg('code', `export const AcquireTokenBySilentIframe = "acquireTokenBySilentIframe";\nexport const PassThrough = Stream.PassThrough;`);
neg(
  'code',
  `const reasons = ["basic_action", "user_password_expired", "consent_required", "bad_token"];\nonce(event: "pass", listener: (test: Test) => void): this;`,
);
neg('code', `readonly STENCIL_BACK_PASS_DEPTH_FAIL: 0x8802;\nownKeys = Object.getOwnPropertyNames || function (o) { return []; };`);
neg('docs', `const options = new URL('https://abc:xyz@example.com');\n// Prints https://abc:123@example.com/`);
neg('config', `server:\n  port: 8080\n  host: 0.0.0.0\nlogging:\n  level: info`);
neg('config', `[tool.poetry.dependencies]\npython = "^3.11"\nrequests = "^2.31.0"`);
neg('config', `listen 127.0.0.1:8080;\nproxy_pass http://127.0.0.1:3000;`);
neg('config', `version: "3.9"\nservices:\n  web:\n    image: nginx:1.25.3\n    ports: ["80:80"]`);
neg('config', `AssemblyVersion("1.0.0.0")\nAssemblyFileVersion("2.4.1.0")`);
neg('docs', `See RFC 5737: addresses in 192.0.2.0/24 are for documentation, like 192.0.2.15.`);
neg('docs', `Contact support@example.com or john.doe@example.org for help.`);
neg('docs', `Clone with git@github.com:acme/widgets.git and run npm install.`);
neg('docs', `Phone numbers look like +1 555 0100 in our examples.`);
neg('docs', `The build took 12.345 seconds on 2024-03-01 at 10:22:31.`);
neg('test', `it('rejects a short password', () => {\n  expect(validate('abc')).toBe(false);\n});`);
neg('test', `const fakeToken = 'fake-token-for-tests';\nconst mockSecret = 'mock-secret';`);
neg('test', `assert.strictEqual(redact("AKIAIOSFODNN7EXAMPLE"), "AKIAIOSFODNN7EXAMPLE");`);
neg('test', `const user = { id: 42, name: "Test User", email: "test@example.com" };`);
neg('numbers', `const primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47];\nconst big = 1234567890123;`);
neg('numbers', `timestamp_ms=1709290951123 duration=0.532 bytes=10485760`);
neg('numbers', `Version 10.0.19045.3930 (Build 19045)`);
neg('paths', `/usr/local/lib/node_modules/npm/bin/npm-cli.js\n/home/runner/work/acme/acme/src/index.ts`);
neg('paths', `C:\\Program Files\\nodejs\\node.exe\nC:\\Users\\Public\\Documents`);
neg('paths', `const outDir = path.join(os.homedir(), '.cache', 'acme');`);
neg(
  'minified',
  `!function(e,t){"object"==typeof exports&&"undefined"!=typeof module?module.exports=t():"function"==typeof define&&define.amd?define(t):(e=e||self).Vue=t()}(this,function(){"use strict";var e=Object.freeze({});function t(e){return null==e}function n(e){return null!=e}`,
);
neg('css', `.btn-primary{color:#fff;background-color:#0d6efd;border-color:#0d6efd}.btn-primary:hover{background-color:#0b5ed7}`);
neg('html', `<meta name="csrf-token" content="{{ csrf_token() }}">\n<link rel="stylesheet" href="/static/app.3f9c2b1a.css">`);
neg(
  'sourcemap',
  `//# sourceMappingURL=data:application/json;base64,eyJ2ZXJzaW9uIjozLCJmaWxlIjoiYXBwLmpzIiwic291cmNlcyI6WyJhcHAudHMiXSwibmFtZXMiOltdLCJtYXBwaW5ncyI6IkFBQUEifQ==`,
);
neg('public-key', `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl deploy`);
neg('prose', `Remember to rotate the API key every 90 days and never commit your password.`);
neg('prose', `The token bucket refills at 10 tokens per second; each key maps to one bucket.`);
neg('log', `2024-03-01 12:00:00,123 INFO [main] o.s.b.w.e.tomcat.TomcatWebServer: Tomcat started on port(s): 8080 (http)`);
neg('log', `GET /api/v1/users/42?page=2&limit=50 200 12.3ms`);

export const REALISTIC_CASES: readonly RedactionCase[] = cases;
