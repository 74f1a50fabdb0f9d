// Credentials recognisable by their published shape: a fixed prefix and a bounded body.
// Every pattern starts with a literal (so the regex engine skips ahead quickly), uses only
// bounded or final greedy quantifiers over one class, and is only run when one of its
// lowercase prefilter strings occurs in the text.
import { encodedSettings, wl } from './text';

export interface PatternRule {
  kind: string;
  re: RegExp;
  /** Lowercase substrings; the rule runs only if the lowercased text holds one of them. */
  pre: readonly string[];
  /** Require no letter or digit right before and after the match (default true). */
  boundary?: boolean;
  /** Redact only this capture group (needs the `d` flag). */
  group?: number;
  /** Minimum distinct characters in the match, to skip `xxxx` / `1111` stand-ins (default 6). */
  minDistinct?: number;
  /**
   * The match does not start with one of `pre`: run the regex over the whole text (only when a
   * `pre` string occurs in it). Otherwise the regex is tried only where a `pre` string starts.
   */
  scan?: boolean;
  /**
   * The service's shape is judged by the rule alone, not by the stand-in tests of one character's
   * share and of short parts (B2's key ids hold runs of zeros; a meeting's number, groups of digits).
   */
  shaped?: boolean;
  /** Extra test on the match; false drops it. */
  check?: (text: string, start: number, end: number) => boolean;
}

const B64 = 'A-Za-z0-9+/';
const URLSAFE = 'A-Za-z0-9_\\-';

const r = (s: string, flags = 'g'): RegExp => new RegExp(s, flags);

/** The text from `lines` lines above `start` to `lines` lines below `end` (at most 400 characters each way). */
function nearLines(text: string, start: number, end: number, lines: number): string {
  let from = start,
    n = 0;
  while (from > 0 && start - from < 400 && !(text.charCodeAt(from - 1) === 10 && ++n > lines)) from--;
  let to = end;
  n = 0;
  while (to < text.length && to - end < 400 && !(text.charCodeAt(to) === 10 && ++n > lines)) to++;
  return text.slice(from, to);
}
const B2_KEY_NEAR = /(?<![A-Za-z0-9+/])K00[A-Za-z0-9+/]{28}(?![A-Za-z0-9+/])/;

export const PROVIDER_RULES: readonly PatternRule[] = [
  // Cloud providers
  { kind: 'aws-access-key', re: r('(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}'), pre: wl('akia|asia|abia|acca|a3t') },
  // The secret written beside its key id (`AKIA…:…`, `AKIA…,…` in a credentials CSV, an SES SMTP
  // password of 44 after its user): whatever it is named.
  {
    kind: 'aws-secret-key',
    re: r('(?:AKIA|ASIA)[A-Z0-9]{16}[ \\t]*[:;,|][ \\t]*([A-Za-z0-9/+]{40}(?:[A-Za-z0-9/+]{3}[A-Za-z0-9/+=])?)', 'gd'),
    pre: ['akia', 'asia'],
    group: 1,
  },
  {
    kind: 'aws-session-token',
    re: r(`(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE)[${B64}]{40,2000}={0,2}`),
    pre: ['iqojb3jpz2lux2vj', 'fwogzxivyxdze'],
  },
  { kind: 'aws-bedrock-key', re: r(`ABSK[${B64}]{40,400}={0,2}`), pre: ['absk'] },
  { kind: 'aws-bedrock-key', re: r(`bedrock-api-key-[${B64}]{20,2000}={0,2}`), pre: ['bedrock-api-key-'] },
  { kind: 'gcp-api-key', re: r(`AIza[${URLSAFE}]{35}`), pre: ['aiza'] },
  { kind: 'gcp-oauth-secret', re: r(`GOCSPX-[${URLSAFE}]{28}`), pre: ['gocspx-'] },
  // eBay's Cert ID, the client secret of a keyset (`certid: PRD-e01a9dd50a33-1e98-d678-c144-93d1`).
  { kind: 'ebay-cert-id', re: r('(?:PRD|SBX)-[0-9a-f]{12}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}'), pre: ['prd-', 'sbx-'] },
  // Firebase Cloud Messaging's legacy server key (`AAAA…:APA91b…`): sends pushes as the app.
  // Mercado Pago's production access tokens (`APP_USR-<16 digits>-<6 digits>-<32 hex>-<9 digits>`).
  { kind: 'mercadopago-access-token', re: r('APP_USR-\\d{13,19}-\\d{6}-[0-9a-f]{32}-\\d{6,12}'), pre: ['app_usr-'] },
  // Roblox's session cookie, which opens the account: its warning, then the session's hex.
  {
    kind: 'roblox-session-cookie',
    re: r('_\\|WARNING:-DO-NOT-SHARE-THIS\\.[^|\\n]{0,200}\\|_[0-9A-F]{100,2000}'),
    pre: ['_|warning:-do-not-share-this'],
  },
  { kind: 'fcm-server-key', re: r(`AAAA[${URLSAFE}]{7}:APA91b[${URLSAFE}]{100,200}`), pre: ['aaaa'] },
  { kind: 'gcp-oauth-token', re: r(`ya29\\.[${URLSAFE}]{30,2000}`), pre: ['ya29.'] },
  // Google's OAuth authorization code and refresh token (`code=4/0AwZSQ…`, `1//0gT…`): exchanged for access.
  { kind: 'gcp-oauth-token', re: r(`4/0A[${URLSAFE}]{40,200}`), pre: ['4/0a'] },
  { kind: 'gcp-oauth-token', re: r(`1//0[${URLSAFE}]{40,300}`), pre: ['1//0'] },
  // A password given to IRC's NickServ (`/msg NickServ IDENTIFY [account] …`, `REGISTER … email`).
  {
    kind: 'password',
    re: r(
      `(?<=(?:NickServ|nickserv|NICKSERV)[ \\t]+(?:IDENTIFY|identify|REGISTER|register)[ \\t]+(?:[^\\s]{1,40}[ \\t]+)?)[^\\s@]{4,64}(?=[ \\t]|\\r?$)`,
      'gm',
    ),
    pre: ['nickserv'],
    scan: true,
    check: (text, start, end) => /\d|[^A-Za-z]/.test(text.slice(start, end)) && !/^(?:<|\[|\$|\{)/.test(text.slice(start, end)),
  },
  // A password typed into a user name's field, as failed logins log it (`login failed user="Pulsar$5270Lm"`):
  // both cases, a digit and a symbol no user name holds. Logs' `key=value` only (a configuration's
  // `user:` holds user names, and reading every one cost a tenth of a second a megabyte).
  {
    kind: 'password',
    re: r(`(?:user(?:name)?|login)=["']?([^\\s"',;]{8,40})`, 'gid'),
    pre: wl('user=|username=|login='),
    group: 1,
    check: (text, start, end) => typedPassword(text.slice(start, end)),
  },
  { kind: 'azure-client-secret', re: r('(?<![A-Za-z0-9_~.])[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.\\-]{31,34}'), pre: ['q~'], scan: true },
  { kind: 'alibaba-access-key', re: r('LTAI[A-Za-z0-9]{20}'), pre: ['ltai'] },
  { kind: 'digitalocean-token', re: r('do[opr]_v1_[a-f0-9]{64}'), pre: wl('dop_v1_|doo_v1_|dor_v1_') },
  { kind: 'heroku-api-key', re: r(`HRKU-(?:AA)?[${URLSAFE}]{58,60}`), pre: ['hrku-'] },
  {
    kind: 'yandex-key',
    re: r(`(?:YC[${URLSAFE}]{38}|AQVN[${URLSAFE}]{35,38}|t1\\.[A-Z0-9a-z_\\-]{20,400}=*\\.[A-Z0-9a-z_\\-]{86}=*)`),
    pre: wl('yc|aqvn|t1.'),
  },
  { kind: 'flyio-token', re: r(`(?:fo1_[${URLSAFE}]{43}|fm[12][ar]?_[${B64}]{40,2000}={0,3})`), pre: wl('fo1_|fm1|fm2') },
  { kind: 'ibm-cloud-key', re: r(`crn:v1:bluemix:[^\\s"']{10,200}`), pre: ['crn:v1:bluemix'], minDistinct: 0 },
  // Version control and CI
  { kind: 'github-token', re: r('gh[pousr]_[A-Za-z0-9]{36,255}'), pre: wl('ghp_|gho_|ghu_|ghs_|ghr_') },
  { kind: 'github-token', re: r('github_pat_[A-Za-z0-9_]{60,255}'), pre: ['github_pat_'] },
  {
    kind: 'gitlab-token',
    re: r(`(?:glpat|glptt|gldt|glrt|glcbt|gloas|glimt|glft|glsoat|glagent|glffct|glwt)-[${URLSAFE}.]{20,300}`),
    pre: wl('glpat-|glptt-|gldt-|glrt-|glcbt-|gloas-|glimt-|glft-|glsoat-|glagent-|glffct-|glwt-'),
  },
  { kind: 'gitlab-token', re: r(`GR1348941[${URLSAFE}]{20}`), pre: ['gr1348941'] },
  { kind: 'gitlab-session', re: r('_gitlab_session=[0-9a-z]{32}'), pre: ['_gitlab_session='] },
  { kind: 'bitbucket-token', re: r(`ATBB[A-Za-z0-9_=.\\-]{28,}`), pre: ['atbb'] },
  { kind: 'atlassian-token', re: r(`ATATT3[A-Za-z0-9_\\-=]{150,300}`), pre: ['atatt3'] },
  { kind: 'atlassian-token', re: r(`ATCTT3[A-Za-z0-9_\\-=]{150,300}`), pre: ['atctt3'] },
  { kind: 'droneci-token', re: r('drone_(?:token|secret)[=:]\\s*[A-Za-z0-9]{32}'), pre: ['drone_'] },
  // Chat and messaging
  {
    kind: 'slack-token',
    re: r('xox[abposrecd]-(?:\\d+-)?[A-Za-z0-9-]{10,250}'),
    pre: ['xox'],
    check: (t, s, e) => /\d/.test(t.slice(s + 5, e)) && e - s >= 24,
  },
  { kind: 'slack-token', re: r('xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{100,300}'), pre: ['xoxe.'] },
  // A Slack session's `d` cookie, URL-encoded as the browser keeps it.
  { kind: 'slack-token', re: r('xoxd-[A-Za-z0-9%/+=-]{20,400}'), pre: ['xoxd-'] },
  { kind: 'slack-token', re: r('xoxe-\\d-[A-Za-z0-9]{100,300}'), pre: ['xoxe-'] },
  { kind: 'slack-token', re: r('xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+'), pre: ['xapp-'] },
  {
    kind: 'slack-webhook',
    re: r('hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_\\-]{20,200}'),
    pre: ['hooks.slack.com'],
    minDistinct: 8,
    boundary: false,
  },
  // Bitrix24's inbound webhook: the portal's user and a key in the path (`…bitrix24.ru/rest/1/i4qttj00vx4v1ztc/`).
  {
    kind: 'webhook-token',
    re: r('\\.bitrix24\\.[a-z.]{2,8}/rest/\\d{1,9}/([a-z0-9]{16})(?![a-z0-9])', 'gd'),
    pre: ['.bitrix24.'],
    group: 1,
    boundary: false,
  },
  {
    kind: 'discord-webhook',
    re: r(`discord(?:app)?\\.com/api/webhooks/\\d{5,30}/[${URLSAFE}]{20,200}`),
    pre: ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'],
    boundary: false,
  },
  {
    kind: 'teams-webhook',
    re: r('\\.webhook\\.office\\.com/webhookb2/[^\\s"\'<>]{20,400}'),
    pre: ['.webhook.office.com'],
    boundary: false,
  },
  {
    kind: 'teams-webhook',
    re: r('logic\\.azure\\.com[:/][^\\s"\'<>]{0,200}sig=[A-Za-z0-9_%\\-]{20,}'),
    pre: ['logic.azure.com'],
    boundary: false,
  },
  // Tokens that are [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}s where a service's address or format puts them: a Healthchecks ping URL
  // (`https://hc-ping.com/<uuid>`), Loggly's customer token in a syslog line's structured data
  // (`[<uuid>@41058 tag="web"]`) or in its HTTP inputs' path (`/bulk/<uuid>/tag/…`, on a host of Loggly's).
  {
    kind: 'healthcheck-ping-token',
    re: r(`(?:hc-ping\\.com|hchk\\.io)/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})`, 'gid'),
    pre: ['hc-ping.com/', 'hchk.io/'],
    group: 1,
    boundary: false,
  },
  {
    kind: 'loggly-token',
    re: r(`(?<=\\[)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=@41058)`, 'gi'),
    pre: ['@41058'],
    scan: true,
    boundary: false,
  },
  {
    kind: 'loggly-token',
    re: r(`/(?:bulk|inputs)/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])`, 'gid'),
    pre: ['/bulk/', '/inputs/'],
    group: 1,
    boundary: false,
    check: (t, s, e) => t.startsWith('/tag/', e) || /loggly/i.test(nearLines(t, s, e, 2)),
  },
  // A Zoom meeting's number where its passcode stands with it (`zoom.us/j/89192…?pwd=…`, `Meeting ID: 891 9242
  // 855` within two lines of `Passcode:`): the two together let anyone in.
  {
    kind: 'meeting-id',
    re: r('zoom\\.us/[jw]/(\\d{9,11})(?=\\?pwd=)', 'gd'),
    pre: ['zoom.us/j/', 'zoom.us/w/'],
    group: 1,
    boundary: false,
  },
  {
    kind: 'meeting-id',
    re: r('meeting[ _-]?id[ \\t]*[:#]?[ \\t]*(\\d{3}[ ]?\\d{3,4}[ ]?\\d{3,4})(?![\\d])', 'gid'),
    pre: wl('meeting id|meeting-id|meeting_id|meetingid'),
    group: 1,
    shaped: true,
    // (After an escaped line break too: `…\\nMeeting ID: …` in a calendar's description.)
    boundary: false,
    check: (t, s, e) => /pwd=|pass(?:code|word)/i.test(nearLines(t, s, e, 2)),
  },
  // A [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12} or an API key's id given as a user name where a password or a token stands within two lines
  // (`MAIL_USERNAME=<uuid>` ⏎ `MAIL_PASSWORD=…`, `sasl.username=A1RZOUNMTM2B8M6U` ⏎ `sasl.password=…`,
  // Plivo's `auth_id=`): an API token the service takes as its login (Postmark's SMTP, Confluent's Kafka).
  // A person's login is neither; a user's id in a record has no password beside it.
  {
    kind: 'secret',
    re: r(
      `(?:user(?:name)?|USER(?:NAME)?|User(?:name)?|login|LOGIN|auth_?id|AUTH_?ID)["']?[ \\t]*(?:[:=]|=>)[ \\t]*["']?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Z0-9]{16,32})(?![0-9A-Za-z-])`,
      'gd',
    ),
    pre: wl('user|login|auth_id|authid'),
    group: 1,
    boundary: false,
    check: (t, s, e) =>
      (t.charCodeAt(s + 8) === 45 || (t.slice(s, e).match(/[A-Z]\d|\d[A-Z]/g) ?? []).length >= 3) &&
      /pass(?:word|wd)?|secret|token/i.test(nearLines(t, s, e, 2).replace(t.slice(s, e), '')),
  },
  // Honeycomb's key in its own header (`x-honeycomb-team: …`), which names no credential.
  {
    kind: 'honeycomb-key',
    re: r(`x-honeycomb-team["']?[ \\t]*[:=][ \\t]*["']?([A-Za-z0-9_]{20,64})`, 'gid'),
    pre: ['x-honeycomb-team'],
    group: 1,
  },
  // A phone's advertising id under its name (`"idfa": "2BF24B13-…"`, `gaid=…`): it follows one person across apps.
  {
    kind: 'device-id',
    re: r(
      `(?:idfa|IDFA|gaid|GAID|aaid|AAID|adid|advertising_?[Ii]d|advertisingIdentifier)["']?[ \\t]*[:=][ \\t]*["']?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})`,
      'gd',
    ),
    pre: wl('idfa|gaid|aaid|adid|advertising'),
    group: 1,
    boundary: false,
  },
  // A Twilio account's SID where Twilio is named (`AC` and 32 hex digits): with its auth token, a login.
  { kind: 'twilio-account-sid', re: r('AC[0-9a-f]{32}'), pre: ['twilio'], scan: true },
  // Backblaze B2's application key (`K005…`, 31 characters), and its key's id beside it (`b2 account
  // authorize 005e2f…  K005…`, `account = 002fbc…0001` ⏎ `key = K00…`): a hex id that B2 shapes (`00` and
  // the account, or the account and a counter), within two lines of a key.
  {
    kind: 'backblaze-key',
    re: r('K00[A-Za-z0-9+/]{28}'),
    pre: ['k00'],
    check: (t, s, e) => /[a-z]/.test(t.slice(s + 3, e)) && /[A-Z]/.test(t.slice(s + 3, e)),
  },
  {
    kind: 'backblaze-key-id',
    re: r('(?<![0-9a-f])(?:00[0-9a-f]{20,23}|[0-9a-f]{12}0{6,9}[1-9][0-9]{0,2})(?![0-9A-Za-z])'),
    pre: ['k00'],
    scan: true,
    shaped: true,
    check: (t, s, e) => B2_KEY_NEAR.test(nearLines(t, s, e, 2)),
  },
  { kind: 'telegram-bot-token', re: r(`(?<!\\d)\\d{5,16}:A[${URLSAFE}]{34}`), pre: [':a'], scan: true },
  // In the Bot API's path (`https://api.telegram.org/bot<token>/sendMessage`), glued to `bot`.
  {
    kind: 'telegram-bot-token',
    re: r(`(?<=/bot)\\d{5,16}:[${URLSAFE}]{35}(?![${URLSAFE}])`),
    pre: ['/bot'],
    boundary: false,
    scan: true,
  },
  // Where the text speaks of Telegram or a bot, a token whose secret part does not start with `A`.
  {
    kind: 'telegram-bot-token',
    re: r(`(?<![\\d:])\\d{8,10}:[${URLSAFE}]{35}(?![${URLSAFE}])`),
    pre: wl('telegram|tgram://|bot_token|bottoken|bot token'),
    scan: true,
  },
  {
    kind: 'discord-bot-token',
    re: r(`(?<![${URLSAFE}])[MNO][A-Za-z0-9_\\-]{23,25}\\.[A-Za-z0-9_\\-]{6}\\.[A-Za-z0-9_\\-]{27,38}`),
    pre: ['.'],
    scan: true,
  },
  { kind: 'twilio-key', re: r('SK[0-9a-fA-F]{32}'), pre: ['sk'] },
  { kind: 'sendgrid-key', re: r(`SG\\.[${URLSAFE}]{22}\\.[${URLSAFE}]{43}`), pre: ['sg.'] },
  { kind: 'mailgun-key', re: r('key-[0-9a-zA-Z]{32}'), pre: ['key-'] },
  {
    kind: 'mailchimp-key',
    re: r('(?<![0-9a-f])[0-9a-f]{32}-us\\d{1,2}'),
    pre: wl('-us0|-us1|-us2|-us3|-us4|-us5|-us6|-us7|-us8|-us9'),
    scan: true,
  },
  { kind: 'sendinblue-key', re: r('xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}'), pre: ['xkeysib-'] },
  { kind: 'mattermost-token', re: r('mmauthtoken=[a-z0-9]{26}'), pre: ['mmauthtoken'] },
  // Salesforce session and access tokens: the organisation's id (00D…, 15 characters), `!`, then the session part.
  { kind: 'salesforce-token', re: r('00D[A-Za-z0-9]{12}![A-Za-z0-9._]{30,400}'), pre: ['00d'] },
  // Payments and commerce
  {
    kind: 'stripe-key',
    re: r('(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,247}'),
    pre: wl('sk_live_|sk_test_|rk_live_|rk_test_|sk_prod_|rk_prod_'),
  },
  { kind: 'stripe-webhook-secret', re: r('whsec_[A-Za-z0-9+/=]{24,}'), pre: ['whsec_'] },
  // DeepL authentication keys: a UUID, `:fx` for the free API.
  { kind: 'deepl-key', re: r('[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:fx'), pre: [':fx'], scan: true },
  // Ably API keys: `appId.keyId:secret`, where its client is used or its key named (`ably` alone is in `probably`).
  {
    kind: 'ably-key',
    re: r('(?<![A-Za-z0-9_.-])[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{6}:[A-Za-z0-9_-]{40,43}(?![A-Za-z0-9_-])'),
    pre: wl('ably.realtime|ably.rest|ably_key|ably_api_key|ably-key|ablyrealtime|ablyrest'),
    scan: true,
  },
  // Keys in the path of blockchain RPC endpoints: Alchemy (`…alchemy.com/v2/KEY`), Infura (`…infura.io/v3/KEY`).
  {
    kind: 'rpc-key',
    re: r('alchemy(?:api)?\\.(?:com|io)/v2/([A-Za-z0-9_-]{32})', 'gd'),
    group: 1,
    pre: ['alchemy'],
    scan: true,
    boundary: false,
  },
  { kind: 'rpc-key', re: r('infura\\.io/v3/([0-9a-f]{32})', 'gd'), group: 1, pre: ['infura.io/v3/'], scan: true, boundary: false },
  // Webhooks in Slack's path format at any host (`/services/T…/B…/…`, Slack-compatible relays, Mattermost imports).
  {
    kind: 'slack-webhook',
    re: r('/services/(T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24})', 'gd'),
    group: 1,
    pre: ['/services/t'],
    scan: true,
    boundary: false,
  },
  // LaunchDarkly SDK, mobile and API access keys: a kind prefix and a UUID.
  {
    kind: 'launchdarkly-key',
    re: r('(?:sdk|mob|api)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
    pre: wl('sdk-|mob-|api-'),
  },
  { kind: 'square-token', re: r(`(?:EAAA|sq0atp-|sq0csp-)[${URLSAFE}]{22,80}`), pre: wl('eaaa|sq0atp-|sq0csp-') },
  { kind: 'braintree-token', re: r('access_token\\$(?:production|sandbox)\\$[a-z0-9]{16}\\$[a-f0-9]{32}'), pre: ['access_token$'] },
  { kind: 'shopify-token', re: r('shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}'), pre: wl('shpat_|shpca_|shppa_|shpss_') },
  { kind: 'flutterwave-key', re: r('FLW(?:SECK|PUBK)_TEST-[a-hA-H0-9]{32}-X'), pre: ['flwseck_', 'flwpubk_'] },
  { kind: 'flutterwave-key', re: r('FLWSECK_TEST-?[a-hA-H0-9]{12}'), pre: ['flwseck_test'] },
  {
    kind: 'plaid-token',
    re: r('access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
    pre: wl('access-sandbox-|access-development-|access-production-'),
  },
  { kind: 'razorpay-key', re: r('rzp_(?:live|test)_[A-Za-z0-9]{14}'), pre: ['rzp_'] },
  { kind: 'shippo-token', re: r('shippo_(?:live|test)_[a-fA-F0-9]{40}'), pre: ['shippo_'] },
  { kind: 'duffel-token', re: r(`duffel_(?:test|live)_[${URLSAFE}=]{43}`), pre: ['duffel_'] },
  { kind: 'easypost-key', re: r('EZ[AT]K[A-Za-z0-9]{54}'), pre: ['ezak', 'eztk'] },
  { kind: 'lob-key', re: r('(?:live|test)_(?:pub_)?[a-f0-9]{31,35}'), pre: ['live_', 'test_'] },
  { kind: 'gocardless-token', re: r(`live_[${URLSAFE}=]{40}`), pre: ['live_'] },
  // AI providers
  { kind: 'anthropic-key', re: r(`sk-ant-(?:api|admin|sid|oat)\\d{2}-[${URLSAFE}]{40,200}`), pre: ['sk-ant-'] },
  { kind: 'openai-key', re: r(`sk-(?:proj-|svcacct-|admin-|None-|or-v1-)?[${URLSAFE}]{20,250}`), pre: ['sk-'] },
  {
    kind: 'huggingface-token',
    re: r('(?:hf_|api_org_)[A-Za-z0-9]{30,40}'),
    pre: ['hf_', 'api_org_'],
    check: (t, s, e) => /[A-Z]/.test(t.slice(s + 3, e)) && /[a-z]/.test(t.slice(s + 3, e)),
  },
  { kind: 'groq-key', re: r('gsk_[A-Za-z0-9]{48,56}'), pre: ['gsk_'] },
  { kind: 'replicate-token', re: r('r8_[A-Za-z0-9]{37}'), pre: ['r8_'] },
  { kind: 'perplexity-key', re: r('pplx-[A-Za-z0-9]{40,56}'), pre: ['pplx-'] },
  { kind: 'xai-key', re: r('xai-[A-Za-z0-9]{70,90}'), pre: ['xai-'] },
  { kind: 'langsmith-key', re: r('lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}'), pre: ['lsv2_'] },
  { kind: 'pinecone-key', re: r(`pcsk_[${URLSAFE}]{40,120}`), pre: ['pcsk_'] },
  // Package registries and developer platforms
  { kind: 'npm-token', re: r('npm_[A-Za-z0-9]{36}'), pre: ['npm_'] },
  { kind: 'pypi-token', re: r(`pypi-AgEIcHlwaS5vcmc[${URLSAFE}]{50,400}`), pre: ['pypi-ageichlwas5vcmc'] },
  { kind: 'nuget-key', re: r('oy2[a-z0-9]{43}'), pre: ['oy2'] },
  { kind: 'rubygems-key', re: r('rubygems_[a-f0-9]{48}'), pre: ['rubygems_'] },
  { kind: 'dockerhub-token', re: r(`dckr_(?:pat|oat)_[${URLSAFE}]{27,40}`), pre: ['dckr_'] },
  { kind: 'clojars-token', re: r('CLOJARS_[a-z0-9]{60}'), pre: ['clojars_'] },
  { kind: 'artifactory-key', re: r('AKCp[A-Za-z0-9]{69}'), pre: ['akcp'] },
  { kind: 'artifactory-key', re: r('cmVmd[A-Za-z0-9]{59}'), pre: ['cmvmd'] },
  { kind: 'cargo-token', re: r('cio[A-Za-z0-9]{32}'), pre: ['cio'] },
  { kind: 'sonar-token', re: r('sq[pau]_[a-f0-9]{40}'), pre: wl('sqp_|sqa_|squ_') },
  { kind: 'terraform-token', re: r(`(?<![a-z0-9])[a-z0-9]{14}\\.atlasv1\\.[${URLSAFE}=]{60,70}`), pre: ['.atlasv1.'], scan: true },
  { kind: 'vault-token', re: r(`hv[sb]\\.[${URLSAFE}]{24,300}`), pre: ['hvs.', 'hvb.'] },
  { kind: 'doppler-token', re: r('dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44}'), pre: ['dp.'] },
  { kind: 'pulumi-token', re: r('pul-[a-f0-9]{40}'), pre: ['pul-'] },
  { kind: 'postman-key', re: r('PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}'), pre: ['pmak-'] },
  { kind: 'linear-key', re: r('lin_(?:api|oauth)_[A-Za-z0-9]{40}'), pre: ['lin_api_', 'lin_oauth_'] },
  { kind: 'notion-token', re: r('(?:secret_[A-Za-z0-9]{43}|ntn_\\d{11}[A-Za-z0-9]{32,35})'), pre: ['secret_', 'ntn_'] },
  { kind: 'grafana-token', re: r(`glc_[${B64}]{32,400}={0,2}`), pre: ['glc_'] },
  { kind: 'grafana-token', re: r('glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}'), pre: ['glsa_'] },
  { kind: 'grafana-token', re: r('eyJrIjoi[A-Za-z0-9]{60,400}={0,2}'), pre: ['eyjrijoi'] },
  { kind: 'sentry-token', re: r(`sntry[su]_[${B64}=_]{40,300}`), pre: ['sntrys_', 'sntryu_'] },
  { kind: 'newrelic-key', re: r('NR(?:AK|JS|II|AA|SP)-[A-Za-z0-9]{19,40}'), pre: wl('nrak-|nrjs-|nrii-|nraa-|nrsp-') },
  { kind: 'dynatrace-token', re: r('dt0[a-z]\\d{2}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}'), pre: ['dt0'] },
  { kind: 'age-secret-key', re: r('AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}'), pre: ['age-secret-key-1'] },
  { kind: 'planetscale-token', re: r(`pscale_(?:tkn|oauth|pw)_[${URLSAFE}=.]{32,64}`), pre: ['pscale_'] },
  { kind: 'prefect-token', re: r('pnu_[A-Za-z0-9]{36}'), pre: ['pnu_'] },
  { kind: 'readme-token', re: r('rdme_[a-z0-9]{70}'), pre: ['rdme_'] },
  { kind: 'scalingo-token', re: r(`tk-us-[${URLSAFE}]{48}`), pre: ['tk-us-'] },
  { kind: 'settlemint-token', re: r('sm_(?:pat|aat|sat)_[A-Za-z0-9]{16}'), pre: wl('sm_pat_|sm_aat_|sm_sat_') },
  { kind: 'sourcegraph-token', re: r('sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40}'), pre: ['sgp_'] },
  { kind: 'typeform-token', re: r(`tfp_[${URLSAFE}.=]{59}`), pre: ['tfp_'] },
  { kind: 'onepassword-token', re: r(`ops_eyJ[${B64}]{200,2000}={0,3}`), pre: ['ops_eyj'] },
  {
    kind: 'onepassword-secret-key',
    re: r('A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}'),
    pre: ['a3-'],
  },
  { kind: 'adobe-secret', re: r('p8e-[A-Za-z0-9]{32}'), pre: ['p8e-'] },
  { kind: 'airtable-token', re: r('pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}'), pre: ['pat'] },
  { kind: 'beamer-key', re: r(`b_[${URLSAFE}=]{44}`), pre: ['b_'] },
  { kind: 'dropbox-token', re: r(`sl\\.(?:u\\.)?[${URLSAFE}=]{130,1400}`), pre: ['sl.'] },
  { kind: 'frameio-token', re: r(`fio-u-[${URLSAFE}=]{64}`), pre: ['fio-u-'] },
  { kind: 'infracost-token', re: r('ico-[A-Za-z0-9]{32}'), pre: ['ico-'] },
  { kind: 'harness-token', re: r(`(?:pat|sat)\\.[${URLSAFE}]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}`), pre: ['pat.', 'sat.'] },
  { kind: 'intra42-secret', re: r('s-s4t2(?:ud|af)-[a-f0-9]{64}'), pre: ['s-s4t2'] },
  { kind: 'mapbox-token', re: r(`(?:sk|tk)\\.eyJ[${URLSAFE}]{20,400}\\.[${URLSAFE}]{20,100}`), pre: ['sk.eyj', 'tk.eyj'] },
  { kind: 'octopus-key', re: r('API-[A-Z0-9]{26}'), pre: ['api-'] },
  { kind: 'openshift-token', re: r(`sha256~[${URLSAFE}]{43}`), pre: ['sha256~'] },
  { kind: 'clickhouse-key', re: r('4b1d[A-Za-z0-9]{38}'), pre: ['4b1d'] },
  { kind: 'databricks-token', re: r('dapi[a-f0-9]{32}(?:-\\d)?'), pre: ['dapi'] },
  { kind: 'defined-networking-token', re: r(`dnkey-[a-z0-9=_\\-]{26}-[a-z0-9=_\\-]{52}`), pre: ['dnkey-'] },
  {
    kind: 'authress-key',
    re: r('(?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\\.[a-z0-9]{4,6}\\.acc[_\\-][a-z0-9\\-]{10,32}\\.[a-z0-9+/_=\\-]{30,120}'),
    pre: wl('sc_|ext_|scauth_|authress_'),
  },
  { kind: 'facebook-token', re: r('EAA[MC][A-Za-z0-9]{80,400}'), pre: ['eaam', 'eaac'] },
  { kind: 'twitter-token', re: r('AAAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{30,200}'), pre: ['aaaaaaaaaaaaaaaaaaaaa'], minDistinct: 10 },
  { kind: 'contentful-token', re: r(`CFPAT-[${URLSAFE}]{43}`), pre: ['cfpat-'] },
  { kind: 'fastly-token', re: r('fastly_[A-Za-z0-9_\\-]{32}'), pre: ['fastly_'] },
  { kind: 'supabase-key', re: r('sbp_[a-f0-9]{40}'), pre: ['sbp_'] },
  { kind: 'supabase-key', re: r(`sb_secret_[${URLSAFE}]{20,80}`), pre: ['sb_secret_'] },
  { kind: 'vercel-token', re: r('vc[pkia]_[A-Za-z0-9]{56}'), pre: wl('vcp_|vck_|vci_|vca_') },
  { kind: 'netlify-token', re: r(`nfp_[A-Za-z0-9]{36,40}`), pre: ['nfp_'] },
  { kind: 'render-key', re: r('rnd_[A-Za-z0-9]{32}'), pre: ['rnd_'] },
  { kind: 'tailscale-key', re: r(`tskey-(?:api|auth|client|scim|webhook)-[${URLSAFE}]{10,100}`), pre: ['tskey-'] },
  { kind: 'ngrok-token', re: r('(?<![A-Za-z0-9])\\d[A-Za-z0-9]{26}_[A-Za-z0-9]{21}'), pre: ['ngrok'], scan: true },
  { kind: 'hashicorp-token', re: r('hvs\\.CAES[A-Za-z0-9_\\-]{60,}'), pre: ['hvs.caes'] },
];

/** Rules for structural secrets: JWTs, private-key markers, URL credentials and the like. */
// Password hashes in crypt(3) and PHC formats (`$2b$12$…`, `$6$salt$…`, `$argon2id$v=19$…`, Kerberos
// AS-REP roasting output): whoever holds one can guess the password offline.
const CRYPT_IDS = wl(
  '1|2a|2b|2x|2y|5|6|7|8|9|y|gy|apr1|md5|sha1|argon2id|argon2i|argon2d|pbkdf2|pbkdf2-sha256|pbkdf2-sha512|scrypt|krb5asrep|krb5tgs',
);

export const STRUCTURAL_RULES: readonly PatternRule[] = [
  {
    kind: 'password-hash',
    re: r(`\\$(?:${CRYPT_IDS.join('|')})\\$[A-Za-z0-9./+=,$-]{16,4000}`),
    pre: CRYPT_IDS.map((id) => `$${id}$`),
    minDistinct: 8,
  },
  // PostgreSQL's stored verifiers (pg_authid, PgBouncer's userlist): SCRAM's, and MD5's `md5` and 32 hex.
  {
    kind: 'password-hash',
    re: r('SCRAM-SHA-256\\$\\d{1,7}:[A-Za-z0-9+/=]{16,64}\\$[A-Za-z0-9+/=]{40,64}:[A-Za-z0-9+/=]{40,64}'),
    pre: ['scram-sha-256$'],
  },
  { kind: 'password-hash', re: r('(?<=["\'])md5[0-9a-f]{32}(?=["\'])'), pre: ['md5'] },
  { kind: 'jwt', re: r(`eyJ[${URLSAFE}]{8,3000}\\.eyJ[${URLSAFE}]{4,6000}\\.[${URLSAFE}]{0,1000}`), pre: ['eyj'] },
  // A base64-encoded JSON object (`{"`), long: docker configs, service-account keys, tokens.
  {
    kind: 'encoded-json',
    re: r(`eyJ[${B64}]{60,20000}={0,2}`),
    pre: ['eyj'],
    minDistinct: 12,
    check: (text, start, end) => !/base64,$/i.test(text.slice(Math.max(0, start - 7), start)) && !encodedSettings(text.slice(start, end)),
  },
  // Azure storage/service-bus connection-string parts.
  {
    kind: 'azure-key',
    re: r(`(?:AccountKey|SharedAccessKey|SharedAccessSignature)=([${B64}%=\\-_&.:]{20,400})`, 'gd'),
    pre: wl('accountkey=|sharedaccesskey=|sharedaccesssignature='),
    group: 1,
    boundary: false,
  },
];

/** A user name's value that is a password typed in the wrong field: both cases, a digit and a symbol, no address, path or query. */
function typedPassword(v: string): boolean {
  return (
    /[A-Z]/.test(v) &&
    /[a-z]/.test(v) &&
    /\d/.test(v) &&
    /[!$%^*#+=?~]/.test(v) &&
    !/[@/\\(){}<>[\]|:.&]|%[0-9A-Fa-f]{2}/.test(v) &&
    !/^[$%]/.test(v)
  );
}
