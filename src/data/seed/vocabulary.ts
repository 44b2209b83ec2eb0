// Static vocabulary for demo data: German, Austrian and Swiss names, places and firms, with the
// umlauts, ß, quotes and `&` that real ERP data carries (and that break naive encoders).

export interface City {
  readonly name: string;
  readonly country: 'DE' | 'AT' | 'CH';
  /** postal code range (inclusive) and its width */
  readonly zip: readonly [number, number];
  readonly phone: string;
}

const de = (name: string, from: number, to: number, phone: string): City => ({ name, country: 'DE', zip: [from, to], phone: `+49 ${phone}` });
const at = (name: string, from: number, to: number, phone: string): City => ({ name, country: 'AT', zip: [from, to], phone: `+43 ${phone}` });
const ch = (name: string, from: number, to: number, phone: string): City => ({ name, country: 'CH', zip: [from, to], phone: `+41 ${phone}` });

export const CITIES: readonly City[] = [
  de('Berlin', 10115, 14199, '30'), de('Hamburg', 20095, 22769, '40'), de('München', 80331, 81929, '89'),
  de('Köln', 50667, 51149, '221'), de('Frankfurt am Main', 60306, 60599, '69'), de('Stuttgart', 70173, 70629, '711'),
  de('Düsseldorf', 40210, 40629, '211'), de('Leipzig', 4103, 4357, '341'), de('Dresden', 1067, 1328, '351'),
  de('Nürnberg', 90402, 90491, '911'), de('Hannover', 30159, 30659, '511'), de('Bremen', 28195, 28779, '421'),
  de('Essen', 45127, 45359, '201'), de('Münster', 48143, 48167, '251'), de('Freiburg im Breisgau', 79098, 79117, '761'),
  de('Würzburg', 97070, 97084, '931'), de('Lübeck', 23552, 23570, '451'),
  at('Wien', 1010, 1230, '1'), at('Graz', 8010, 8055, '316'), at('Linz', 4020, 4040, '732'),
  at('Salzburg', 5020, 5071, '662'), at('Innsbruck', 6020, 6080, '512'), at('Klagenfurt am Wörthersee', 9020, 9073, '463'),
  ch('Zürich', 8001, 8064, '44'), ch('Basel', 4001, 4059, '61'), ch('Bern', 3001, 3030, '31'),
  ch('Luzern', 6002, 6015, '41'), ch('St. Gallen', 9000, 9016, '71'), ch('Winterthur', 8400, 8411, '52'),
];

/** The big cities come up more often, as they would in a real customer base. */
export const WEIGHTED_CITIES: readonly City[] = CITIES.flatMap((c) =>
  Array.from({ length: ['Berlin', 'Hamburg', 'München', 'Wien', 'Zürich'].includes(c.name) ? 3 : 1 }, () => c),
);

export const STREETS_DE_AT = [
  'Hauptstraße', 'Bahnhofstraße', 'Schillerstraße', 'Goethestraße', 'Lindenstraße', 'Gartenstraße', 'Industriestraße',
  'Am Marktplatz', 'Friedrich-Ebert-Straße', 'Mühlenweg', 'Schloßallee', 'Kirchgasse', 'Gewerbepark Süd', 'Äußere Ringstraße',
  'Gewerbehof "Am Kanal"', 'Römerweg', 'Daimlerstraße', 'Lessingstraße',
] as const;
export const STREETS_CH = ['Bahnhofstrasse', 'Hauptstrasse', 'Industriestrasse', 'Seestrasse', 'Dorfstrasse', 'Kirchgasse', 'Zürcherstrasse', 'Gewerbestrasse'] as const;

export const FIRST_NAMES = [
  'Anna', 'Maria', 'Lena', 'Sophie', 'Julia', 'Laura', 'Katharina', 'Sabine', 'Petra', 'Claudia', 'Ursula', 'Brigitte',
  'Renate', 'Marie-Luise', 'Zoë', 'Chloé', 'Jürgen', 'Thomas', 'Michael', 'Andreas', 'Stefan', 'Jörg', 'Björn', 'Lukas',
  'Felix', 'Maximilian', 'Sebastian', 'Tobias', 'Günther', 'Uwe', 'Matthias', 'Karl-Heinz', 'Hans-Peter', 'René', 'André',
  'Ömer', 'Elif', 'Niklas', 'Jonas', 'Lea',
] as const;

export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer',
  'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger',
  'Hartmann', 'Lange', 'Werner', 'Krause', 'Lehmann', 'Huber', 'Gruber', 'Steiner', 'Moser', 'Brunner', 'Egger',
  'Keller', 'Frei', 'Gerber', 'Baumann', 'Graf', 'von Arx', "O'Neill", "D'Angelo", 'Großmann', 'Weiß', 'Fuß', 'Özdemir',
] as const;

export const TRADES = [
  'Haustechnik', 'Elektro', 'Sanitär', 'Metallbau', 'Holzbau', 'Baustoffe', 'Werkzeughandel', 'Industriebedarf',
  'Gebäudetechnik', 'Dachdeckerei', 'Schreinerei', 'Malerbetrieb', 'Landtechnik', 'Kfz-Teile', 'Heizung & Lüftung',
] as const;

export const LEGAL_FORMS: Readonly<Record<City['country'], readonly string[]>> = {
  DE: ['GmbH', 'GmbH & Co. KG', 'KG', 'OHG', 'AG', 'e.K.'],
  AT: ['GmbH', 'GesmbH', 'KG', 'OG'],
  CH: ['AG', 'GmbH'],
};

export const NAME2 = ['z. Hd. Einkauf', 'Niederlassung Süd', 'Zweigwerk Nord', 'Abt. Beschaffung', 'c/o Lager "West"', 'Filiale Innenstadt'] as const;
export const PRICE_GROUPS = ['A', 'B', 'C', 'VIP', 'HANDWERK', 'INDUSTRIE'] as const;
export const MAILBOXES = ['info', 'einkauf', 'bestellung', 'office', 'buchhaltung'] as const;

const TRANSLIT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/** ASCII form for e-mail addresses and domains: German umlaut rules, then accents stripped. */
export function asciiSlug(text: string, separator: string): string {
  return text
    .replace(/[äöüßÄÖÜ]/g, (c) => TRANSLIT[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
}
