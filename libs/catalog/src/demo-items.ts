/** Codes of the demo catalog's items (libs/catalog/data/demo), for tests and examples. Not official codes. */
export const DEMO_ITEMS = {
  /** 旅行社业务经营许可 — licence, region (2), promised, 3 steps. */
  travelAgencyLicence: '11150000DEM000001X2DEM000000001',
  /** 不动产转移登记 — confirmation, city (3), promised, 3 steps, fee, courier. */
  realEstateTransfer: '11150100DEM000002X3DEM000000002',
  /** 社会保障卡申领 — public service, city (3), on the spot. */
  socialSecurityCard: '11150100DEM000003X3DEM000000003',
  /** 食品经营许可（新办） — licence, banner/district (4), promised, 3 steps, 容缺, versions 1–2. */
  foodBusinessLicence: '11150102DEM000004X4DEM000000004',
  /** 个体工商户设立登记 — licence, district (4), promised, 1 step, 容缺. */
  individualBusinessRegistration: '11150102DEM000004X4DEM000000005',
  /** 城乡居民最低生活保障审核确认 — confirmation, district (4), promised, 3 steps over 2 departments, versions 1–2. */
  minimumLivingAllowance: '11150102DEM000005X4DEM000000006',
  /** 残疾人证核发（新办） — public service, district (4), promised, 3 steps, intermediary material. */
  disabilityCertificate: '11150102DEM000006X4DEM000000007',
  /** 困难残疾人生活补贴和重度残疾人护理补贴 — benefit, district (4), promised, 3 steps over 3 departments. */
  disabilityAllowances: '11150102DEM000005X4DEM000000008',
  /** 高龄津贴申领 — benefit, township (5), promised, 1 step. */
  oldAgeAllowance: '11150102DEM000007X5DEM000000009',
  /** 城乡居民基本养老保险参保登记 — public service, township (5), on the spot. */
  residentPensionEnrolment: '11150102DEM000007X5DEM000000010',
  /** 失业登记 — public service, district (4), on the spot. */
  unemploymentRegistration: '11150102DEM000008X4DEM000000011',
} as const;

export const DEMO_HALLS = {
  region: 'hall-150000',
  hohhot: 'hall-150100',
  xincheng: 'hall-150102',
  baoheshao: 'hall-150102-baoheshao',
  baoheshaoAgentPoint: 'hall-150102-baoheshao-agent',
} as const;

export const DEMO_DEPARTMENTS = {
  regionCultureTourism: '150000-culture-tourism',
  hohhotRealEstateRegistration: '150100-real-estate-registration',
  hohhotHumanResources: '150100-human-resources-social-security',
  xinchengMarketRegulation: '150102-market-regulation',
  xinchengCivilAffairs: '150102-civil-affairs',
  xinchengDisabledPersonsFederation: '150102-disabled-persons-federation',
  xinchengHumanResources: '150102-human-resources-social-security',
  baoheshaoTown: '150102-baoheshao-town',
} as const;
