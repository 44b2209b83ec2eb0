// The demo category tree (~50 categories, three levels) and, per top-level category, the words
// product names are built from, their units and price range. Fixed: only products vary by seed.

export interface CategorySeed {
  readonly id: number;
  readonly name: string;
  readonly parentId: number | null;
}

export interface ProductFamily {
  readonly nouns: readonly string[];
  readonly sizes: readonly string[];
  readonly finishes: readonly string[];
  readonly units: readonly string[];
  /** list price range in cents */
  readonly cents: readonly [number, number];
}

const TREE: ReadonlyArray<readonly [string, ReadonlyArray<string | readonly [string, readonly string[]]>]> = [
  ['Befestigungstechnik', [['Schrauben', ['Holzschrauben', 'Maschinenschrauben', 'Spanplattenschrauben']], 'Dübel', 'Nägel & Stifte', 'Muttern & Scheiben', 'Anker & Bolzen']],
  ['Elektroinstallation', ['Kabel & Leitungen', 'Schalter & Steckdosen', 'Leuchten', 'Sicherungen', 'Kabelkanäle']],
  ['Werkzeuge', ['Handwerkzeuge', ['Elektrowerkzeuge', ['Akku-Bohrschrauber', 'Winkelschleifer']], 'Messwerkzeuge', 'Werkzeugaufbewahrung', 'Sägeblätter & Bohrer']],
  ['Sanitär & Heizung', ['Armaturen', 'Rohre & Fittings', 'Heizkörper', 'Pumpen', 'Dichtungen']],
  ['Arbeitsschutz', ['Handschuhe', 'Schutzbrillen', 'Gehörschutz', 'Sicherheitsschuhe', 'Warnkleidung']],
  ['Farben & Lacke', ['Wandfarben', 'Lacke & Lasuren', 'Pinsel & Rollen', 'Spachtelmassen']],
  ['Bürobedarf', ['Papier & Etiketten', 'Schreibgeräte', 'Ordner & Ablage', 'Druckerzubehör']],
  ['Baustoffe', ['Zement & Mörtel', 'Dämmstoffe', 'Holz & Platten', 'Silikone & Kleber']],
];

export const FAMILIES: readonly ProductFamily[] = [
  // Export articles carry an English trade name, as many enventa catalogues do (and bench W3 searches 'bolt').
  { nouns: ['Holzschraube', 'Sechskantschraube (hex bolt)', 'Spanplattenschraube', 'Dübel', 'Drahtstift', 'Sechskantmutter', 'Schwerlastanker (anchor bolt)', 'Schrauben- & Dübel-Set'], sizes: ['M6×30', 'M8×40', '4×35 mm', '5×60 mm', '6×80 mm', 'Ø 8 mm', 'Ø 10 mm'], finishes: ['verzinkt', 'Edelstahl A2', 'Edelstahl A4', 'feuerverzinkt', 'gelb chromatiert'], units: ['PCE', 'PAK'], cents: [4, 4_999] },
  { nouns: ['Mantelleitung NYM-J', 'Schuko-Steckdose', 'Wechselschalter', 'LED-Panel', 'Leitungsschutzschalter', 'Kabelkanal', 'Verlängerungskabel'], sizes: ['3×1,5 mm²', '5×2,5 mm²', '16 A', 'B16', '230 V', '60×60 cm', '25 m'], finishes: ['reinweiß', 'anthrazit', 'IP44', 'IP65', '"Komfort"'], units: ['PCE', 'M'], cents: [89, 24_900] },
  { nouns: ['Schlosserhammer', 'Schraubendreher-Satz', 'Akku-Bohrschrauber', 'Winkelschleifer', 'Wasserwaage', 'Gliedermaßstab', 'Werkzeugkoffer', 'HSS-Bohrer'], sizes: ['18 V', '125 mm', '600 mm', '2 m', '6-tlg.', '12-tlg.', 'Ø 6 mm'], finishes: ['Profi', 'mit Koffer', 'inkl. 2 Akkus & Ladegerät', '"Heavy Duty"'], units: ['PCE', 'SET'], cents: [299, 89_900] },
  { nouns: ['Einhebelmischer', 'Kupferrohr', 'Pressfitting', 'Kugelhahn', 'Heizkörperventil', 'Umwälzpumpe', 'Flachdichtung'], sizes: ['½"', '¾"', '1"', '15 mm', '22 mm', 'DN 20'], finishes: ['verchromt', 'Messing', 'Rotguss', 'thermostatisch'], units: ['PCE', 'M'], cents: [49, 59_900] },
  { nouns: ['Arbeitshandschuh', 'Schutzbrille', 'Gehörschutzstöpsel', 'Sicherheitsschuh S3', 'Warnweste', 'Atemschutzmaske FFP2'], sizes: ['Gr. 8', 'Gr. 9', 'Gr. 10', 'Gr. 42', 'Gr. 44', 'XL', 'Einheitsgröße'], finishes: ['Nitril', 'Leder', 'klar', 'getönt', 'EN 388', 'orange'], units: ['PCE', 'PAA'], cents: [99, 14_900] },
  { nouns: ['Dispersionsfarbe', 'Acryllack', 'Holzlasur', 'Flachpinsel', 'Farbroller', 'Spachtelmasse'], sizes: ['2,5 l', '5 l', '10 l', '750 ml', '50 mm', '25 cm'], finishes: ['weiß matt', 'seidenglänzend', 'Eiche hell', 'für Innen & Außen'], units: ['PCE', 'L'], cents: [199, 12_900] },
  { nouns: ['Kopierpapier', 'Etiketten', 'Kugelschreiber', 'Ordner', 'Toner', 'Haftnotizen'], sizes: ['A4 80 g/m²', '500 Blatt', '70×37 mm', '8 cm', '76×76 mm'], finishes: ['blau', 'schwarz', 'recycelt', '10er-Pack'], units: ['PCE', 'PAK'], cents: [49, 9_900] },
  { nouns: ['Zement CEM II', 'Fliesenkleber', 'Mineralwolle', 'OSB-Platte', 'Sanitär-Silikon', 'Montagekleber'], sizes: ['25 kg', '310 ml', '2500×1250×18 mm', '100 mm', 'WLG 035'], finishes: ['grau', 'transparent', 'schimmelresistent', 'flexibel "S1"'], units: ['PCE', 'KG', 'M2'], cents: [299, 4_999] },
];

function flatten(): { categories: CategorySeed[]; leaves: Array<{ id: number; family: number }> } {
  const categories: CategorySeed[] = [];
  const leaves: Array<{ id: number; family: number }> = [];
  const add = (name: string, parentId: number | null, family: number, children: ReadonlyArray<string | readonly [string, readonly string[]]>) => {
    const id = categories.length + 1;
    categories.push({ id, name, parentId });
    if (children.length === 0) leaves.push({ id, family });
    for (const c of children) {
      if (typeof c === 'string') add(c, id, family, []);
      else add(c[0], id, family, c[1]);
    }
  };
  TREE.forEach(([name, children], family) => add(name, null, family, children));
  return { categories, leaves };
}

const BUILT = flatten();
/** Categories in insertion order: every parent precedes its children (foreign key). */
export const CATEGORIES: readonly CategorySeed[] = BUILT.categories;
/** Leaf categories products are placed in, with the family that names them. */
export const LEAF_CATEGORIES: ReadonlyArray<{ readonly id: number; readonly family: number }> = BUILT.leaves;
