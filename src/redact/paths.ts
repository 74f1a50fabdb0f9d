// Files that are never captured at all. Globs without a slash match the file name at any
// depth; a leading `!` re-includes. Matching ignores case (fail closed on case-insensitive disks).
import { join } from 'node:path';

let globs: typeof import('./globs') | undefined;
/** picomatch, from its own bundle (see globs.ts). */
function matcher(patterns: string[], options: { dot: boolean; nocase: boolean }): (path: string) => boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on purpose when first needed
  globs ??= require(join(__dirname, 'globs.js')) as typeof import('./globs');
  return globs.picomatch(patterns, options);
}

/** The default exclusion list; the extension's setting starts from this. */
export const DEFAULT_EXCLUDED_GLOBS: readonly string[] = Object.freeze([
  // environment files, but not the committed templates
  '.env',
  '.env.*',
  '*.env',
  '!.env.example',
  '!.env.sample',
  '!.env.template',
  '!.env.dist',
  '!*.env.example',
  // keys, certificates with keys, keystores, password databases
  '*.pem',
  '*.key',
  '*.p12',
  '*.pfx',
  '*.jks',
  '*.keystore',
  '*.bks',
  '*.p8',
  '*.ppk',
  '*.kdbx',
  '*.kdb',
  '*.agekey',
  '*.gpg',
  '*.pgp',
  '*.asc',
  '*.keychain',
  '*.keychain-db',
  '*.mobileprovision',
  // SSH keys and config
  'id_rsa*',
  'id_dsa*',
  'id_ecdsa*',
  'id_ed25519*',
  'id_xmss*',
  '*_rsa',
  '*_ed25519',
  '*_ecdsa',
  'ssh_host_*_key*',
  'known_hosts',
  'authorized_keys',
  '**/.ssh/**',
  // Terraform state and variable files
  '*.tfstate',
  '*.tfstate.*',
  '*.tfvars',
  '*.tfvars.json',
  '.terraformrc',
  'terraform.rc',
  'credentials.tfrc.json',
  // package-registry and network credentials
  '.npmrc',
  '.yarnrc.yml',
  '.pypirc',
  '.netrc',
  '_netrc',
  '.git-credentials',
  '.gem/credentials',
  '**/.gem/credentials',
  '.pgpass',
  '.my.cnf',
  '.dockercfg',
  '**/.docker/config.json',
  '.vault-token',
  '.htpasswd',
  '.boto',
  '.s3cfg',
  // cloud credential files
  '**/.aws/credentials',
  '**/.aws/config',
  '**/.azure/**',
  '**/gcloud/**',
  'application_default_credentials.json',
  '**/.oci/config',
  '**/.config/doctl/config.yaml',
  '**/.config/gh/hosts.yml',
  '**/.kube/config',
  'kubeconfig',
  '*.kubeconfig',
  'kubeconfig.*',
  '*credentials*.json',
  'client_secret*.json',
  'service-account*.json',
  '*-sa-key.json',
  // secrets files
  'secrets.y*ml',
  '*.secrets.y*ml',
  'secrets.json',
  '*.secret',
  '*.secrets',
  'credentials',
  '.credentials',
]);

/** Compiles a glob list into a predicate over workspace-relative paths. */
export function compileExclusions(globs: readonly string[]): (relPath: string) => boolean {
  const include: string[] = [];
  const reinclude: string[] = [];
  for (const g of globs) {
    const t = g.trim();
    if (!t || t.startsWith('#')) continue;
    if (t.startsWith('!')) reinclude.push(t.slice(1));
    else include.push(t);
  }
  const opts = { dot: true, nocase: true };
  const toMatcher = (list: string[]): ((p: string) => boolean) => {
    const withSlash = list.filter((g) => g.includes('/'));
    const baseOnly = list.filter((g) => !g.includes('/'));
    const full = withSlash.length ? matcher(withSlash, opts) : () => false;
    const base = baseOnly.length ? matcher(baseOnly, opts) : () => false;
    return (p) => full(p) || base(p.slice(p.lastIndexOf('/') + 1));
  };
  const isIn = toMatcher(include);
  const isBack = toMatcher(reinclude);
  return (relPath) => {
    const p = relPath.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
    return isIn(p) && !isBack(p);
  };
}
