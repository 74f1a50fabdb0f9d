import assert from 'node:assert/strict';
import { createRedactor } from '../../../src/redact';

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
      gone('spring.datasource.password=p@ss w0rd;x', 'p@ss w0rd;x');
    });
    it('keeps values that read as code, prose, labels or references', () => {
      kept('password = user.password if user else None');
      kept('    token: state.tokens.length - 1,');
      kept('"password": "Mot de passe"');
      kept('password: Enter your password');
      kept('password: !vault |');
      kept('API_KEY=${API_KEY}');
      kept('TYPE_VALUE_RESET_PASSWORD = "reset_password";');
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
      assert.match(r.redact('Authorization: Api-Token 22cb987851bc5659l29114c62e60c79abd0d2c08').text, /^Authorization: Api-Token <REDACTED:/);
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
