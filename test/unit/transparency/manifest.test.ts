// The manifest entries for transparency: every command the adapter registers is contributed,
// and every walkthrough step's media ships with the extension.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(__dirname, '../../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
    walkthroughs: {
      id: string;
      steps: { id: string; description: string; media: { image?: string; altText?: string; markdown?: string } }[];
    }[];
  };
};

describe('transparency in package.json', () => {
  it('contributes every command the adapter registers, in the Codetrail category, internal ones hidden', () => {
    const src = readFileSync(join(root, 'src/transparency/transparency.vscode.ts'), 'utf8');
    const block = src.slice(src.indexOf('TRANSPARENCY_COMMANDS = {'), src.indexOf('} as const;'));
    const ids = [...block.matchAll(/'(codetrail\.[A-Za-z.]+)'/g)].map((m) => m[1]);
    assert.equal(ids.length, 5);
    for (const id of ids) {
      const c = pkg.contributes.commands.find((x) => x.command === id);
      assert.ok(c, `${id} is contributed`);
      assert.equal(c.category, 'Codetrail');
      if (id.includes('.internal.'))
        assert.ok(
          pkg.contributes.menus.commandPalette.some((m) => m.command === id && m.when === 'false'),
          `${id} is hidden`,
        );
    }
  });

  it('the walkthrough covers capture, pausing, exemptions and seeing what is sent, with shipped media', () => {
    const w = pkg.contributes.walkthroughs.find((x) => x.id === 'codetrail.welcome');
    assert.ok(w);
    assert.deepEqual(
      w.steps.map((s) => s.id),
      ['captured', 'pause', 'exemption', 'see-sent'],
    );
    for (const s of w.steps) {
      const file = s.media.image ?? s.media.markdown;
      assert.ok(file && file.startsWith('media/walkthrough/'), `${s.id} has media under media/walkthrough`);
      assert.ok(existsSync(join(root, file)), `${file} exists`);
      if (s.media.image) assert.ok((s.media.altText ?? '').length > 20, `${s.id} image has alt text`);
      if (s.media.markdown) {
        for (const m of readFileSync(join(root, file), 'utf8').matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)) {
          assert.ok(existsSync(join(root, dirname(file), m[1])), `${m[1]} referenced by ${file} exists`);
        }
      }
      assert.match(s.description, /\]\(command:codetrail\.[A-Za-z]+\)/, `${s.id} offers its action as a command link`);
    }
  });
});
