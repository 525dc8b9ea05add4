import type { SeededRandom } from './seeded-random';

/**
 * Kyrgyz-looking names in Latin transliteration. Common, invented-for-test combinations: full-name
 * namesakes are frequent (as in the real registry), so nothing may identify a citizen by name.
 */
export const MALE_GIVEN_NAMES: readonly string[] = [
  'Adilet',
  'Aibek',
  'Aiymbek',
  'Almaz',
  'Asan',
  'Azamat',
  'Bakyt',
  'Beksultan',
  'Bektur',
  'Bolot',
  'Chyngyz',
  'Daniyar',
  'Eldiyar',
  'Emil',
  'Erlan',
  'Ermek',
  'Islam',
  'Kairat',
  'Kanat',
  'Kubanychbek',
  'Maksat',
  'Marat',
  'Melis',
  'Nurbek',
  'Nurlan',
  'Ruslan',
  'Sanjar',
  'Talant',
  'Temirlan',
  'Tilek',
  'Ulan',
  'Urmat',
  'Usen',
  'Zhyrgalbek',
];

export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'Aida',
  'Aidana',
  'Aigul',
  'Ainura',
  'Aizada',
  'Aizhan',
  'Altynai',
  'Aruuke',
  'Asel',
  'Baktygul',
  'Begimai',
  'Burul',
  'Cholpon',
  'Chynara',
  'Dinara',
  'Elmira',
  'Elnura',
  'Gulnara',
  'Gulzat',
  'Jibek',
  'Kanykei',
  'Kyial',
  'Meerim',
  'Mirgul',
  'Nazgul',
  'Nurgul',
  'Nurjan',
  'Saltanat',
  'Tolgonai',
  'Umut',
  'Zarina',
  'Zhyldyz',
];

// masculine forms; the feminine adds -a (Asanov, Asanova)
const SURNAME_STEMS: readonly string[] = [
  'Abdyldaev',
  'Alymkulov',
  'Asanov',
  'Baitikov',
  'Beishenaliev',
  'Chotonov',
  'Isakov',
  'Kadyrov',
  'Kasymov',
  'Kenjebaev',
  'Mamatov',
  'Moldokulov',
  'Musaev',
  'Nurmatov',
  'Omurzakov',
  'Orozbaev',
  'Osmonov',
  'Sadykov',
  'Sultanov',
  'Sydykov',
  'Temirov',
  'Toktosunov',
  'Turdubaev',
  'Usenov',
  'Usubaliev',
  'Zhumabaev',
  'Abdrakhmanov',
  'Toktogulov',
  'Jusupov',
  'Ibraimov',
];

export type Sex = 'F' | 'M';

export interface PersonName {
  readonly surname: string;
  readonly givenName: string;
  /** Empty for the traditional form, where "<father> uulu/kyzy" stands in the surname. */
  readonly patronymic: string;
}

// a minority writes the traditional form instead of a Russian-style surname and patronymic
const TRADITIONAL_FORM_SHARE = 0.08;

export function kyrgyzName(sex: Sex, random: SeededRandom): PersonName {
  const givenName = random.pick(sex === 'M' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
  const father = random.pick(MALE_GIVEN_NAMES);
  if (random.chance(TRADITIONAL_FORM_SHARE)) {
    return { surname: `${father} ${sex === 'M' ? 'uulu' : 'kyzy'}`, givenName, patronymic: '' };
  }
  const stem = random.pick(SURNAME_STEMS);
  return {
    surname: sex === 'M' ? stem : `${stem}a`,
    givenName,
    patronymic: `${father}${sex === 'M' ? 'ovich' : 'ovna'}`,
  };
}
