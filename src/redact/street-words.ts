// The words that wake the street finders of addresses.ts: index.ts looks for them in its one pass
// over the text (a module of their own, so that the finders stay out of the capture side's bundle).

/** A street type written before the name (Spanish, Portuguese, Italian, French, Catalan). */
export const STREET_PREFIXES = [
  'Calle ',
  'Avenida ',
  'Rua ',
  'Via ',
  'Viale ',
  'Rue ',
  'Chemin ',
  'Piazza ',
  'Carrer ',
  'Paseo ',
  'Travessa ',
  'Largo ',
];

/** German street words glued to the name, in ASCII (`straße` is looked for on its own). */
export const STREET_SUFFIXES = ['strasse ', 'str. ', 'weg ', 'gasse ', 'platz ', 'allee ', 'damm ', 'ufer '];

/** Street types written in lower case after the number (`18 rue des Tanneurs`, `5 via della Spiga`). */
export const STREET_NUMBER_FIRST_WORDS = [
  'rue ',
  'avenue ',
  'boulevard ',
  'chemin ',
  'impasse ',
  'quai ',
  'cours ',
  'corso ',
  'via ',
  'viale ',
  'calle ',
  'carrer ',
  'rua ',
];
