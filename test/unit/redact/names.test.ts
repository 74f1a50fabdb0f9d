import assert from 'node:assert/strict';
import { createRedactor } from '../../../src/redact';

const r = createRedactor({ key: new Uint8Array(32).fill(7) });

/** The person-name findings of `text`, as the strings they cover. */
function names(text: string): string[] {
  return r
    .redact(text)
    .findings.filter((f) => f.kind === 'person-name')
    .map((f) => text.slice(f.start, f.end));
}

describe('person names in prose', () => {
  it('takes two capitalised words the name lists vouch for, in any culture the lists know', () => {
    assert.deepEqual(names('Patient Harold Jennings, 67, presented with shortness of breath.'), ['Harold Jennings']);
    assert.deepEqual(names('ok so Fatima Zahra Benali says the shipment never arrived'), ['Fatima Zahra Benali']);
    assert.deepEqual(names('Signed in the presence of witness Beatrice Okafor-Lindgren.'), ['Beatrice Okafor-Lindgren']);
    assert.deepEqual(names('// based on Tom Wu’s rsa.js'), ['Tom Wu']);
  });

  it('takes one word, or words the lists do not know, after a cue that introduces a person', () => {
    assert.deepEqual(names('Hi Thandiwe, thanks for the quick reply.'), ['Thandiwe']);
    assert.deepEqual(names('Prescriber: Dr. Naomi Hargrove, DEA# on file'), ['Naomi Hargrove']);
    assert.deepEqual(names('PLAT-4471 reassigned to Declan O’Sullivan (was: unassigned).'), ['Declan O’Sullivan']);
    assert.deepEqual(names('Quedo atento.\n\nUn saludo,\nJavier Ortega Villalobos\nDepartamento de Compras'), ['Javier Ortega Villalobos']);
    assert.deepEqual(names('Thanks,\nThandiwe'), ['Thandiwe']);
    assert.deepEqual(names('Passenger: Will Smith'), ['Will Smith']);
    assert.deepEqual(names('Physician: Dr Kwame Asante'), ['Kwame Asante']);
    assert.deepEqual(names('Dear Sato-san, following up'), ['Sato']);
    assert.deepEqual(names('[14:02] cliente: Soy María José Fernández Ruiz, llamo por la factura.'), ['María José Fernández Ruiz']);
  });

  it('keeps common words, places, products, calendar words and the capitalised nouns of other languages', () => {
    for (const text of [
      'Hi team, Will Power and Grace Period are both fine here.',
      '## Getting Started',
      ' * 800-899 Auth Code Flow',
      'Date:   Mon Jul 8 16:20:11 2024 +0200',
      '    name: Test on Node.js ${{ matrix.node }}',
      "const impl = { name: 'Costa Rica Tax Number' };",
      'Der Eigenschaftswert kann nur ein Zeichen sein.',
      "[272, 'La Sabana'], [580, 'San Nicolás de los Garza']",
      'Best practices for the Release Notes page',
      'Object.Keys Values and fooBar Baz',
      "I'm Sorry, this is Important",
    ])
      assert.deepEqual(names(text), [], text);
  });

  it('needs a name, not only an unknown word, after a cue that may introduce anything', () => {
    assert.deepEqual(names('owner: Zendesk'), []);
    assert.deepEqual(names('owner: Margaret'), ['Margaret']);
    assert.deepEqual(names('this is Jordan'), []);
    assert.deepEqual(names('this is Zendesk'), []);
  });

  it('reads a closing only on its own line, with the name alone on the next', () => {
    assert.deepEqual(names('Best,\nZhang Weiqiang\nProcurement Lead'), ['Zhang Weiqiang']);
    assert.deepEqual(names('All the best,\nThe Team'), []);
    assert.deepEqual(names('x = 1 # Best,\nThandiwe 2024 report'), []);
  });
});
