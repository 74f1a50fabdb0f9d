// The cues of names.ts: the words that introduce a person (greetings, titles, introductions,
// labels, closings) and the capitalised words that are names in the list but seldom a person's.

// Institutions, places and events in Spanish, Portuguese, Italian, French and German, which start
// the names of places the lists' English common words do not cover (`Ayuntamiento de Valencia`,
// `Revolución de Mayo`, `Buenos Aires`, `Universität Wien`), and words of organisations' names
// (`Deutsche Bahn`, `Cooperativa Agrícola …`, `Stichting …`, `Çağrı Merkezi`: a call centre,
// `Kamer van Koophandel`). A name holding one is no person's, whatever read it.
const ORGANISATION_WORDS =
  'Ayuntamiento Revolución Universidad Universidade Università Université Universität Hospital Hôpital Ospedale Krankenhaus Klinikum ' +
  'Ministerio Ministério Ministero Ministère Ministerium Gobierno Governo Gouvernement Regierung Iglesia Igreja Chiesa Église Kirche ' +
  'Museo Museu Musée Biblioteca Bibliothèque Bibliothek Estación Estação Stazione Bahnhof Praça Piazza Platz Parque Parco Parc ' +
  'Colegio Escuela Escola Scuola École Schule Gymnasium Instituto Istituto Institut Fundación Fundação Fondazione Fondation Stiftung ' +
  'Asociación Associação Associazione Verein Consejo Conselho Consiglio Conseil Tribunal Juzgado Gericht Provincia Província Provinz ' +
  'Comunidad Comunidade Comunità Communauté Gemeinde Municipio Município Comune Rathaus Landkreis Bezirk Estado Stato République ' +
  'República Repubblica Republik Catedral Cattedrale Cathédrale Palácio Palazzo Teatro Théâtre Mercato Aeropuerto ' +
  'Aeroporto Aéroport Flughafen Barrio Bairro Quartiere Distrito Departamento Región Regione Buenos Independencia ' +
  'Deutsche Deutscher Deutsches Cooperativa Cooperative Coöperatie Genossenschaft Stichting Vereniging Merkezi Handelsregister Koophandel ' +
  'Logistik Logistics Logística Logistique Consulting Beratung Immobilien Spedition Transportes Holding Kanton Kantons Canton Cantone';
export const ORGANISATION_WORD_SET = new Set(ORGANISATION_WORDS.split(' ').filter((w) => w !== ''));

// Capitalised words that are names in the list but seldom a person's in text: the calendar,
// articles of other languages (German nouns are capitalised: `Der Wert`), the first words of
// place names (`San`, `Villa`, `Puerto`), words of programs' documentation, and tools' names.
export const NOT_NAMES = new Set(
  (
    'January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun ' +
    'Der Die Das Den Dem Des Ein Eine Einen Einem Einer El La Le Les Los Las Del Il Lo Gli Un Une Una Uno Het Een ' +
    'San Santa Santo Saint Sainte St Puerto Porto Villa Ciudad Banco Casa Valle Rio Playa Monte Mount Lake Fort Port Cape Isla Sierra Nuevo Nueva Nova New North South East West Upper Lower Central ' +
    'Auth App Api Foo Bar Baz Qux Quux True False Null None Test Demo Sample Guest Pro Cloud Microsoft Apple Google Amazon Mac Intel Macintosh Windows Linux ' +
    // Tools and languages that the lists also hold as people's names (`Dev Deps`, `Apache Kafka`, `Vue Router`).
    'Dev Deps Haskell Perl Scala Lua Vue Chai Karma Jasmine Vite Babel Bower Deno Kafka Cassandra Flink Fedora Caddy Pip Sass Jaeger Argo Luigi ' +
    'Tsan Asan Msan Ubsan Cairo Pango Jansson Pino Pako Apollo Nota Ref Firma ' +
    // German weekdays and months (capitalised in any sentence), and prepositions that start one.
    'Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag Januar Februar März Juni Juli Oktober Dezember Im Zum Zur Beim Vom ' +
    ORGANISATION_WORDS
  ).split(' '),
);

/** What a cue says of the capitalised words after it. */
export enum Cue {
  /** `Hi`, `Dear`: a greeting. */
  Greeting,
  /** `Dr.`, `Frau`: a title. */
  Title,
  /** `my name is`, `patient`. */
  Introduction,
  /** `Passenger:`, `Child's name:`: a field that holds a person's name. */
  PersonLabel,
  /** `assigned to`, `this is`: a name is likely, not certain. */
  Phrase,
  /** `Name:`, `Owner:`: a field that may hold a name or anything else. */
  Label,
  /** `Best regards,` on the line above. */
  Closing,
}

const GREETINGS = [
  'hi',
  'hello',
  'hey',
  'dear',
  'thanks',
  'thank you',
  'cheers',
  'good morning',
  'good afternoon',
  'good evening',
  'hola',
  'hallo',
  'liebe',
  'lieber',
  'sehr geehrte',
  'sehr geehrter',
  'bonjour',
  'ciao',
  'salut',
  'olá',
  'estimado',
  'estimada',
  'querido',
  'querida',
  'hei',
  'hej',
  'moi',
  'ahoj',
  'cześć',
  'szia',
  'merhaba',
  'halo',
  'hoi',
  'moin',
  'servus',
  'tere',
  'sveiki',
  'zdravo',
  'beste',
  'caro',
  'cara',
  'gentile',
  'szanowny',
  'szanowna',
  'kære',
  'kära',
  'hyvä',
  'tisztelt',
  'sayın',
  'buongiorno',
  'guten morgen',
  'guten tag',
  'bom dia',
  'buenos días',
];
const TITLES = [
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'dame',
  'frau',
  'herr',
  'sr',
  'sra',
  'srta',
  'señor',
  'señora',
  'mme',
  'mlle',
  'monsieur',
  'madame',
  'shri',
  'smt',
  'signor',
  'signora',
  'signorina',
  'senhor',
  'senhora',
  'meneer',
  // (`de heer Jansen`: Dutch writes Mr so.)
  'heer',
  'mevrouw',
  'dhr',
  'mevr',
  'pani',
  'pana',
  'panu',
  'panem',
  'panią',
  'paní',
  'chị',
  'ông',
  'bà',
  'pt',
  'khun',
  'bapak',
];
/** Phrases that introduce a person: one unknown word after them will do. */
const INTRODUCTIONS = [
  'my name is',
  'his name is',
  'her name is',
  'name is',
  'account name',
  'name on account',
  'name on the account',
  'name on card',
  'name on the card',
  "my name's",
  'soy',
  'me llamo',
  'mi nombre es',
  'ich bin',
  'ich heiße',
  "je m'appelle",
  'mi chiamo',
  'meu nome é',
  'patient',
  'witness',
];
/** Phrases after which a name is likely, but not only a name: the words must hold one. */
const PHRASES = [
  'i am',
  "i'm",
  'this is',
  'je suis',
  'assigned to',
  'reassigned to',
  'loop in',
  'ask for',
  'talk to',
  'speak to',
  'speak with',
  'signed by',
  'approved by',
  'reported by',
  'submitted by',
  'named',
  // A relative, named after the word for the relation (`Our daughter Isla was born …`).
  'daughter',
  'son',
  'wife',
  'husband',
  'mother',
  'father',
  'brother',
  'sister',
  'grandson',
  'granddaughter',
  'nephew',
  'niece',
  'fiancé',
  'fiancée',
  // In whose name (`a nome Colombo-Ferri`, `t.n.v. de Wit`, `a nombre de Rocío Vidal`, `au nom de …`).
  'a nome',
  'a nome di',
  'intestato a',
  'intestata a',
  'a nombre de',
  'em nome de',
  'au nom de',
  'im namen von',
  'ten name van',
  't.n.v.',
  // Whose word a sentence reports (`Según Inmaculada Ferrándiz, …`, `Laut Jürgen Habicht ist …`).
  'according to',
  'según',
  'segun',
  'laut',
  'selon',
  'secondo',
  'segundo',
  'volgens',
  'według',
  'enligt',
  'ifølge',
];
/** Labels of a field that holds a person's name. */
const PERSON_LABELS = [
  'full name',
  "child's name",
  'patient',
  'patient name',
  'passenger',
  'employee',
  'guardian',
  'parent/guardian',
  'prescriber',
  'physician',
  'doctor',
  'cliente',
  'nombre',
  'nom',
  'attn',
  'witness',
  'cardholder',
  'account holder',
  'beneficiary',
  'tenant',
  'applicant',
  'emergency contact',
  'next of kin',
  'spouse',
  // Holders and drivers in Spanish, Portuguese and French (`Titular da linha:`, `conducteur habituel :`).
  'titular',
  'titular da linha',
  'titular da conta',
  'titular de la cuenta',
  'conducteur',
  'conducteur habituel',
  'paciente',
];
/** Labels of a field that may hold a person's name or anything else: the words must hold one. */
const LABELS = [
  'name',
  // German nouns are capitalised: after these, only a name the lists hold will do (`Kunde: Bestellung 4411`).
  'mitarbeiter',
  'kunde',
  'customer',
  'client',
  'contact',
  'parent',
  'attention',
  'signed',
  'signature',
  // A signature's label in other languages (not `Firma:`, a firm's too in German and Polish).
  'firmado',
  'firmato',
  'sinadura',
  'assinatura',
  'assinado',
  'unterschrift',
  'unterzeichnet',
  'handtekening',
  'ondertekend',
  'podpis',
  'allekirjoitus',
  'underskrift',
  'namnteckning',
  'signatur',
  'aláírás',
  'semnătura',
  'semnătură',
  'imza',
  'signé',
  'author',
  'assignee',
  'reporter',
  'requester',
  'owner',
  'recipient',
  'sender',
  'deliver to',
  'ship to',
  'bill to',
  // Who money goes to, as forms and invoices label them (`Bond refund to: Mereana Walker`).
  'refund to',
  'pay to',
  'payable to',
  'remit to',
  'transfer to',
  'paid to',
  'payee',
];
const CLOSINGS = [
  'best',
  'best regards',
  'kind regards',
  'warm regards',
  'regards',
  'thanks',
  'thank you',
  'many thanks',
  'cheers',
  'sincerely',
  'yours sincerely',
  'yours truly',
  'yours',
  'all the best',
  'best wishes',
  'un saludo',
  'saludos',
  'atentamente',
  'mit freundlichen grüßen',
  'viele grüße',
  'beste grüße',
  'grüße',
  'cordialement',
  'bien à vous',
  'cordiali saluti',
  'distinti saluti',
  'atenciosamente',
  'met vriendelijke groet',
  'met vriendelijke groeten',
  'groet',
  'groeten',
  'hartelijke groeten',
  'liebe grüße',
  'pozdrawiam',
  'z poważaniem',
  's pozdravem',
  's pozdravom',
  'pozdrav',
  'üdvözlettel',
  'terveisin',
  'ystävällisin terveisin',
  'hälsningar',
  'med vänlig hälsning',
  'vänliga hälsningar',
  'med venlig hilsen',
  'venlig hilsen',
  'med vennlig hilsen',
  'hilsen',
  'abraços',
  'um abraço',
  'abrazos',
  'un abrazo',
  'un saluto',
  'saygılarımla',
  'hormat saya',
  'salam',
  'trân trọng',
  'с уважением',
  'з повагою',
];
export const CLOSING_SET = new Set(CLOSINGS);
/** Cue phrases (lower case, single spaces) and what each says. */
export const CUES = new Map<string, Cue>();
for (const [list, cue] of [
  [GREETINGS, Cue.Greeting],
  [TITLES, Cue.Title],
  [INTRODUCTIONS, Cue.Introduction],
  [PERSON_LABELS, Cue.PersonLabel],
  [PHRASES, Cue.Phrase],
  [LABELS, Cue.Label],
  [CLOSINGS, Cue.Closing],
] as const)
  for (const w of list) if (!CUES.has(w)) CUES.set(w, cue);
/** `Dr`, `Frau`, `Hola`, `Soy`: a title, greeting or introduction of one word is not part of the name after it. */
export const TITLE_WORDS = new Set(
  [...TITLES, ...GREETINGS, ...INTRODUCTIONS].filter((c) => !c.includes(' ')).map((t) => t[0].toUpperCase() + t.slice(1)),
);
