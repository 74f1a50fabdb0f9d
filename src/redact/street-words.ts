// The words that wake the street finders of addresses.ts: index.ts looks for them in its one pass
// over the text (a module of their own, so that the finders stay out of the capture side's bundle).

/** A street type written before the name (Spanish, Portuguese, Italian, French, Catalan, Dutch, Polish). */
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
  'Laan ',
  'ul. ',
  'Jl. ',
  'Jalan ',
  'Str. ',
  'Strada ',
  'Calea ',
  // Abbreviations and other types of Spanish- and Portuguese-speaking countries (`Av. Corrientes 4521`).
  'Av. ',
  'Avda. ',
  'Alameda ',
  'Estrada ',
  'Rodovia ',
  'Carrera ',
  'Camino ',
  'Praça ',
];

/** Street words glued to the name, in ASCII (`straße` is looked for on its own). */
export const STREET_SUFFIXES = [
  'strasse ',
  'str. ',
  'weg ',
  'gasse ',
  'platz ',
  'allee ',
  'damm ',
  'ufer ',
  // Nordic, Dutch and Finnish words, glued the same way (`Götgatan 12`, `Oosterstraat 501`, `Mannerheimintie 5`).
  'gatan ',
  'gata ',
  'gaten ',
  'gade ',
  'vej ',
  'vegen ',
  'veien ',
  'straat ',
  'laan ',
  'gracht ',
  'kade ',
  'plein ',
  'singel ',
  'katu ',
  'tie ',
];

/** Korean roads romanised (`308 Haeundaehaebyeon-ro`). */
export const ROAD_WORDS = ['-ro ', '-ro,', '-gil ', '-gil,', '-daero'];

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

/** Turkey's street types, written after the name (`Bağdat Cad. No:214`, `Gül Sokak No 5`). */
export const TURKISH_STREET_WORDS = ['cad. ', 'cd. ', 'caddesi', 'sokak', 'sok. ', 'sk. ', 'bulvarı', 'blv. '];
