// UI strings live in the catalogues (en.json, sl.json; every key in both, the
// same {placeholders}: tests/web/test_catalogue.py checks it). The reader's
// language comes from navigator.languages, with a visible switch; credential
// text is picked separately from the credential's own language maps.
import en from './en.json';
import sl from './sl.json';

export const CATALOGUES = {en, sl};
export const LANGUAGES = [['en', 'English'], ['sl', 'Slovenščina']];

let current = 'en';

export function chooseLanguage(preferred = []) {
  for(const tag of preferred) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if(primary in CATALOGUES) {
      return primary;
    }
  }
  return 'en';
}

export function setLanguage(lang) {
  current = lang in CATALOGUES ? lang : 'en';
  document.documentElement.lang = current;
}

export const language = () => current;

/** Languages to pick credential text in: the page's, then the browser's. */
export function readerLanguages() {
  const nav = typeof navigator !== 'undefined' ? [...(navigator.languages || [])] : [];
  return [current, ...nav.filter(l => l && l.split('-')[0] !== current), 'en'];
}

export function t(key, params = {}) {
  let entry = CATALOGUES[current][key];
  if(entry === undefined) {
    entry = CATALOGUES.en[key];
  }
  if(entry === undefined) {
    return key;
  }
  if(typeof entry === 'object') {
    const form = new Intl.PluralRules(current).select(Number(params.n) || 0);
    entry = entry[form] ?? entry.other;
  }
  return entry.replace(/\{(\w+)\}/g, (whole, name) => name in params ? String(params[name]) : whole);
}

/** A catalogue entry if there is one (e.g. a known Open Badges achievement type), else null. */
export function known(key) {
  return key in CATALOGUES.en ? t(key) : null;
}

export function formatDate(date, {time = false} = {}) {
  if(!(date instanceof Date) || Number.isNaN(date.getTime())) {
    return '';
  }
  const options = time ? {dateStyle: 'long', timeStyle: 'short'} : {dateStyle: 'long'};
  return new Intl.DateTimeFormat(current === 'sl' ? 'sl-SI' : 'en-GB', options).format(date);
}

export function formatNumber(value) {
  return new Intl.NumberFormat(current === 'sl' ? 'sl-SI' : 'en-GB', {maximumFractionDigits: 2}).format(value);
}

export function countryName(code) {
  if(typeof code !== 'string' || !/^[A-Za-z]{2,3}$/.test(code)) {
    return code || '';
  }
  const upper = code.toUpperCase();
  // ISO alpha-3 (EU vocabularies) -> alpha-2 for the common European ones
  const alpha2 = upper.length === 3 ? ALPHA3[upper] : upper;
  if(!alpha2) {
    return upper;
  }
  try {
    const name = new Intl.DisplayNames([current], {type: 'region'}).of(alpha2 === 'EL' ? 'GR' :
      alpha2 === 'UK' ? 'GB' : alpha2);
    return name && name !== alpha2 ? name : upper;
  } catch {
    return upper;
  }
}

const ALPHA3 = {AUT: 'AT', BEL: 'BE', BGR: 'BG', HRV: 'HR', CYP: 'CY', CZE: 'CZ', DNK: 'DK', EST: 'EE',
  FIN: 'FI', FRA: 'FR', DEU: 'DE', GRC: 'GR', HUN: 'HU', IRL: 'IE', ITA: 'IT', LVA: 'LV', LTU: 'LT',
  LUX: 'LU', MLT: 'MT', NLD: 'NL', POL: 'PL', PRT: 'PT', ROU: 'RO', SVK: 'SK', SVN: 'SI', ESP: 'ES',
  SWE: 'SE', ISL: 'IS', LIE: 'LI', NOR: 'NO', CHE: 'CH', GBR: 'GB', UKR: 'UA', SRB: 'RS', BIH: 'BA',
  MNE: 'ME', MKD: 'MK', ALB: 'AL', TUR: 'TR', USA: 'US'};
