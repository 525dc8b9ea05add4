import { apportion } from './apportion';
import type { PrecinctRow } from './country-rows';
import {
  HOME_TIME_ZONE,
  type ConsularCity,
  ABROAD_REGION,
  CONSULAR_COUNTRIES,
  KYRGYZ_REGIONS,
  POLLING_PLACES,
  STREETS,
  type ConsularCountry,
} from './kyrgyz-geography';
import type { SeededRandom } from './seeded-random';

/** Real precincts serve about 1,600 people each; the roll scales its precincts the same way. */
export const CITIZENS_PER_PRECINCT = 1_600;
export const MIN_PRECINCTS = 20;
/** The smallest roll that still gives every precinct a commission of adult residents. */
export const MIN_CITIZENS = 1_000;
/** Above this the biggest district (Kara-Suu) would need more than 999 precincts: NNN runs out. */
export const MAX_CITIZENS = 25_000_000;
/** Kyrgyzstan opens about 100 of its 2,500 precincts abroad; they are smaller than those at home. */
export const ABROAD_PRECINCT_SHARE = 0.04;
export const ABROAD_CITIZEN_SHARE = 0.02;
const MAX_PRECINCTS_PER_DISTRICT = 999;
/** Every precinct gets at least this many residents, the first few of them commission material. */
export const MIN_RESIDENTS_PER_PRECINCT = 10;
// precinct sizes vary about ±35% around their district's mean (rural stations are small, city ones big)
const SIZE_SPREAD = 0.35;

/** A precinct and how many residents the roll registers there. */
export interface PlannedPrecinct extends PrecinctRow {
  readonly residents: number;
}

export function precinctCountFor(citizens: number): number {
  return Math.max(MIN_PRECINCTS, Math.round(citizens / CITIZENS_PER_PRECINCT));
}

/** Every precinct of a roll of `citizens`, at home by region and district, then abroad. */
export function planPrecincts(citizens: number, random: SeededRandom): readonly PlannedPrecinct[] {
  if (!Number.isSafeInteger(citizens) || citizens < MIN_CITIZENS || citizens > MAX_CITIZENS) {
    throw new RangeError(`citizens must be a whole number from ${MIN_CITIZENS} to ${MAX_CITIZENS}`);
  }
  const total = precinctCountFor(citizens);
  const abroadCount = Math.min(
    MAX_PRECINCTS_PER_DISTRICT,
    Math.max(2, Math.round(total * ABROAD_PRECINCT_SHARE)),
  );
  const abroadCitizens = Math.max(
    Math.round(citizens * ABROAD_CITIZEN_SHARE),
    abroadCount * MIN_RESIDENTS_PER_PRECINCT,
  );
  const home = homePrecincts(total - abroadCount, random);
  const abroad = abroadPrecincts(abroadCount, random);
  const homeResidents = apportion(
    citizens - abroadCitizens,
    home.map((precinct) => precinct.weight),
    MIN_RESIDENTS_PER_PRECINCT,
  );
  const abroadResidents = apportion(
    abroadCitizens,
    abroad.map((precinct) => precinct.weight),
    MIN_RESIDENTS_PER_PRECINCT,
  );
  return [
    ...home.map(({ row }, index) => ({ ...row, residents: homeResidents[index] as number })),
    ...abroad.map(({ row }, index) => ({ ...row, residents: abroadResidents[index] as number })),
  ];
}

interface WeightedPrecinct {
  readonly row: PrecinctRow;
  readonly weight: number;
}

function homePrecincts(count: number, random: SeededRandom): WeightedPrecinct[] {
  const regionPopulation = KYRGYZ_REGIONS.map((region) =>
    region.districts.reduce((sum, district) => sum + district.populationThousands, 0),
  );
  // every region has precincts, however small the roll
  const perRegion = apportion(count, regionPopulation, 1);
  return KYRGYZ_REGIONS.flatMap((region, regionIndex) => {
    const perDistrict = apportion(
      perRegion[regionIndex] as number,
      region.districts.map((district) => district.populationThousands),
    );
    return region.districts.flatMap((district, districtIndex) => {
      const precincts = perDistrict[districtIndex] as number;
      const districtCode = `${region.code}${String(districtIndex + 1).padStart(2, '0')}`;
      if (precincts > MAX_PRECINCTS_PER_DISTRICT) {
        throw new RangeError(`${district.name} would need ${precincts} precincts; NNN allows 999`);
      }
      const meanWeight = district.populationThousands / precincts;
      return Array.from({ length: precincts }, (_, index) => ({
        row: {
          precinctCode: `${districtCode}-${String(index + 1).padStart(3, '0')}`,
          regionCode: region.code,
          regionName: region.name,
          districtCode,
          districtName: district.name,
          abroad: false,
          country: 'KG',
          address: homeAddress(district.town, index + 1, random),
          timeZone: HOME_TIME_ZONE,
        },
        weight: meanWeight * Math.exp(SIZE_SPREAD * random.roughNormal()),
      }));
    });
  });
}

function abroadPrecincts(count: number, random: SeededRandom): WeightedPrecinct[] {
  const perCountry = apportion(
    count,
    CONSULAR_COUNTRIES.map((country) => country.weight),
  );
  let number = 0;
  return CONSULAR_COUNTRIES.flatMap((country, countryIndex) => {
    const precincts = perCountry[countryIndex] as number;
    return Array.from({ length: precincts }, (_, index) => {
      number += 1;
      return {
        row: {
          precinctCode: `${ABROAD_REGION.districtCode}-${String(number).padStart(3, '0')}`,
          regionCode: ABROAD_REGION.code,
          regionName: ABROAD_REGION.name,
          districtCode: ABROAD_REGION.districtCode,
          districtName: ABROAD_REGION.districtName,
          abroad: true,
          country: country.isoCode,
          address: consularAddress(country, index),
          timeZone: consularCity(country, index).timeZone,
        },
        weight: (country.weight / precincts) * Math.exp(SIZE_SPREAD * random.roughNormal()),
      };
    });
  });
}

function homeAddress(town: string, precinctNumber: number, random: SeededRandom): string {
  const street = random.pick(STREETS);
  const house = random.integerBetween(1, 180);
  const place = random.pick(POLLING_PLACES);
  return `${town}, ${street} st. ${house}, ${place}${random.integerBetween(1, 40 + precinctNumber)}`;
}

// a country's precincts go round its cities: the first in its capital or largest diaspora city
const consularCity = (country: ConsularCountry, index: number): ConsularCity =>
  country.cities[index % country.cities.length] as ConsularCity;

function consularAddress(country: ConsularCountry, index: number): string {
  const city = consularCity(country, index).name;
  const station = Math.floor(index / country.cities.length) + 1;
  const host = station === 1 ? 'mission of the Kyrgyz Republic' : `polling station No. ${station}`;
  return `${city}, ${country.name}, ${host}`;
}
