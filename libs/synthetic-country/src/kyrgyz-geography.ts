/**
 * The country's shape: regions, their districts with rough resident populations (thousands, 2020s
 * estimates, rounded) that weigh precincts and citizens, and the countries where consular precincts open.
 * Region codes follow docs/civil-registry-csv.md: 01-07 the regions (numbered alphabetically here),
 * 11 Bishkek city, 12 Osh city, 99 abroad.
 */
export interface DistrictShape {
  readonly name: string;
  /** The district centre, written at the front of precinct addresses. */
  readonly town: string;
  readonly populationThousands: number;
}

export interface RegionShape {
  readonly code: string;
  readonly name: string;
  readonly districts: readonly DistrictShape[];
}

export interface ConsularCountry {
  readonly isoCode: string;
  readonly name: string;
  /** Share of the citizens registered abroad, relative to the other countries. */
  readonly weight: number;
  readonly cities: readonly ConsularCity[];
}

/** A city with a consular precinct, and its IANA zone: the precinct keeps its polling hours in it. */
export interface ConsularCity {
  readonly name: string;
  readonly timeZone: string;
}

const city = (name: string, timeZone: string): ConsularCity => ({ name, timeZone });

const district = (name: string, town: string, populationThousands: number): DistrictShape => ({
  name,
  town,
  populationThousands,
});

/** DOMAIN: precincts at home keep Asia/Bishkek hours. */
export const HOME_TIME_ZONE = 'Asia/Bishkek';

export const KYRGYZ_REGIONS: readonly RegionShape[] = [
  {
    code: '01',
    name: 'Batken region',
    districts: [
      district('Batken district', 'Batken', 130),
      district('Kadamjay district', 'Pulgon', 240),
      district('Leilek district', 'Isfana', 140),
      district('Kyzyl-Kiya city', 'Kyzyl-Kiya', 60),
    ],
  },
  {
    code: '02',
    name: 'Chuy region',
    districts: [
      district('Alamüdün district', 'Lebedinovka', 200),
      district('Chüy district', 'Chüy', 55),
      district('Jayyl district', 'Kara-Balta', 145),
      district('Kemin district', 'Kemin', 45),
      district('Moskva district', 'Belovodskoye', 95),
      district('Panfilov district', 'Kaindy', 45),
      district('Sokuluk district', 'Sokuluk', 200),
      district('Ysyk-Ata district', 'Kant', 140),
      district('Tokmok city', 'Tokmok', 75),
    ],
  },
  {
    code: '03',
    name: 'Issyk-Kul region',
    districts: [
      district('Ak-Suu district', 'Teploklyuchenka', 70),
      district('Jeti-Ögüz district', 'Kyzyl-Suu', 90),
      district('Issyk-Kul district', 'Cholpon-Ata', 85),
      district('Ton district', 'Bokonbayevo', 55),
      district('Tüp district', 'Tüp', 65),
      district('Karakol city', 'Karakol', 85),
      district('Balykchy city', 'Balykchy', 50),
    ],
  },
  {
    code: '04',
    name: 'Jalal-Abad region',
    districts: [
      district('Aksy district', 'Kerben', 130),
      district('Ala-Buka district', 'Ala-Buka', 100),
      district('Bazar-Korgon district', 'Bazar-Korgon', 180),
      district('Chatkal district', 'Kanysh-Kiya', 30),
      district('Nooken district', 'Massy', 150),
      district('Suzak district', 'Suzak', 280),
      district('Toguz-Toro district', 'Kazarman', 25),
      district('Toktogul district', 'Toktogul', 100),
      district('Jalal-Abad city', 'Jalal-Abad', 125),
      district('Tash-Kömür city', 'Tash-Kömür', 40),
    ],
  },
  {
    code: '05',
    name: 'Naryn region',
    districts: [
      district('Ak-Talaa district', 'Baetov', 40),
      district('At-Bashy district', 'At-Bashy', 60),
      district('Jumgal district', 'Chaek', 45),
      district('Kochkor district', 'Kochkor', 70),
      district('Naryn district', 'Naryn', 55),
      district('Naryn city', 'Naryn', 40),
    ],
  },
  {
    code: '06',
    name: 'Osh region',
    districts: [
      district('Alay district', 'Gülchö', 85),
      district('Aravan district', 'Aravan', 135),
      district('Chong-Alay district', 'Daroot-Korgon', 30),
      district('Kara-Kulja district', 'Kara-Kulja', 95),
      district('Kara-Suu district', 'Kara-Suu', 420),
      district('Nookat district', 'Nookat', 270),
      district('Özgön district', 'Özgön', 270),
    ],
  },
  {
    code: '07',
    name: 'Talas region',
    districts: [
      district('Bakay-Ata district', 'Bakay-Ata', 50),
      district('Kara-Buura district', 'Kyzyl-Adyr', 65),
      district('Manas district', 'Pokrovka', 40),
      district('Talas district', 'Talas', 70),
      district('Talas city', 'Talas', 40),
    ],
  },
  {
    code: '11',
    name: 'Bishkek city',
    districts: [
      district('Birinchi May district', 'Bishkek', 290),
      district('Lenin district', 'Bishkek', 340),
      district('Oktyabr district', 'Bishkek', 300),
      district('Sverdlov district', 'Bishkek', 290),
    ],
  },
  { code: '12', name: 'Osh city', districts: [district('Osh city', 'Osh', 360)] },
];

export const ABROAD_REGION = {
  code: '99',
  name: 'Abroad',
  districtCode: '9999',
  districtName: 'Consular precincts',
};

// labour migration dominates: Russia first, then Kazakhstan, Turkey, Korea, the Gulf, Europe, America
export const CONSULAR_COUNTRIES: readonly ConsularCountry[] = [
  {
    isoCode: 'RU',
    name: 'Russia',
    weight: 55,
    cities: [
      city('Moscow', 'Europe/Moscow'),
      city('Saint Petersburg', 'Europe/Moscow'),
      city('Yekaterinburg', 'Asia/Yekaterinburg'),
      city('Novosibirsk', 'Asia/Novosibirsk'),
      city('Kazan', 'Europe/Moscow'),
      city('Samara', 'Europe/Samara'),
      city('Krasnoyarsk', 'Asia/Krasnoyarsk'),
    ],
  },
  {
    isoCode: 'KZ',
    name: 'Kazakhstan',
    weight: 12,
    cities: [city('Astana', 'Asia/Almaty'), city('Almaty', 'Asia/Almaty')],
  },
  {
    isoCode: 'TR',
    name: 'Turkey',
    weight: 9,
    cities: [city('Ankara', 'Europe/Istanbul'), city('Istanbul', 'Europe/Istanbul')],
  },
  {
    isoCode: 'KR',
    name: 'South Korea',
    weight: 7,
    cities: [city('Seoul', 'Asia/Seoul'), city('Ansan', 'Asia/Seoul')],
  },
  {
    isoCode: 'US',
    name: 'United States',
    weight: 5,
    cities: [
      city('Washington', 'America/New_York'),
      city('New York', 'America/New_York'),
      city('Chicago', 'America/Chicago'),
    ],
  },
  {
    isoCode: 'AE',
    name: 'United Arab Emirates',
    weight: 3,
    cities: [city('Dubai', 'Asia/Dubai'), city('Abu Dhabi', 'Asia/Dubai')],
  },
  {
    isoCode: 'DE',
    name: 'Germany',
    weight: 3,
    cities: [city('Berlin', 'Europe/Berlin'), city('Munich', 'Europe/Berlin')],
  },
  { isoCode: 'GB', name: 'United Kingdom', weight: 2, cities: [city('London', 'Europe/London')] },
  // China keeps one zone, Beijing's, in Urumqi too
  {
    isoCode: 'CN',
    name: 'China',
    weight: 2,
    cities: [city('Beijing', 'Asia/Shanghai'), city('Urumqi', 'Asia/Shanghai')],
  },
  { isoCode: 'UZ', name: 'Uzbekistan', weight: 2, cities: [city('Tashkent', 'Asia/Tashkent')] },
];

export const STREETS: readonly string[] = [
  'Manas',
  'Chüy',
  'Toktogul',
  'Jibek Jolu',
  'Aitmatov',
  'Kurmanjan Datka',
  'Lenin',
  'Sovetskaya',
  'Abdrakhmanov',
  'Ibraimov',
  'Isanov',
  'Frunze',
  'Kalyk Akiev',
  'Togolok Moldo',
  'Moskovskaya',
  'Ala-Too',
];

// polling stations sit in schools and houses of culture; school names are often quoted proper names
export const POLLING_PLACES: readonly string[] = [
  'secondary school No. ',
  'gymnasium No. ',
  'school "Ala-Too" No. ',
  'school "Manas-Ata" No. ',
  'lyceum "Bilim" No. ',
  'house of culture No. ',
  'village club No. ',
];
