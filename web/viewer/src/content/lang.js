// Multilingual values, the way VC/Open Badges (JSON-LD value objects
// {"@value","@language"}) and the European Learning Model (language maps
// {"en": "...", "sl": ["..."]}) write them, normalised to {lang: text}
// ("und" for untagged text), and picked for the reader.
const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const MAX_TEXT = 20000;

export const asList = v => v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];

export function isLangMap(value) {
  if(!value || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const keys = Object.keys(value);
  if(keys.length === 0 || (keys.length === 1 && keys[0] === 'id')) {
    return false;
  }
  return keys.every(k => LANG_TAG.test(k) && (typeof value[k] === 'string' ||
    (Array.isArray(value[k]) && value[k].every(t => typeof t === 'string'))));
}

export function langMap(value) {
  const out = {};
  const add = (lang, text) => {
    const clean = String(text).trim().slice(0, MAX_TEXT);
    if(!clean) {
      return;
    }
    if(!(lang in out)) {
      out[lang] = clean;
    } else if(!out[lang].includes(clean)) {
      out[lang] = `${out[lang]}\n\n${clean}`;
    }
  };
  for(const item of asList(value)) {
    if(typeof item === 'string') {
      add('und', item);
    } else if(typeof item === 'number' && Number.isFinite(item)) {
      add('und', String(item));
    } else if(isLangMap(item)) {
      for(const [lang, text] of Object.entries(item)) {
        for(const t of asList(text)) {
          add(lang, t);
        }
      }
    } else if(item && typeof item === 'object' && typeof item['@value'] === 'string') {
      add(typeof item['@language'] === 'string' && item['@language'] ? item['@language'] : 'und',
        item['@value']);
    }
  }
  return out;
}

export const isEmpty = map => !map || Object.keys(map).length === 0;

/**
 * The text for a reader who prefers `langs` (e.g. ["sl", "en"]): an exact
 * tag, then the same primary language, then untagged text, then English,
 * then whatever there is. Returns {text, lang} (lang "" when unknown) or null.
 */
export function pick(map, langs) {
  if(isEmpty(map)) {
    return null;
  }
  const keys = Object.keys(map);
  const primary = tag => tag.toLowerCase().split('-')[0];
  for(const want of langs) {
    const exact = keys.find(k => k.toLowerCase() === want.toLowerCase());
    if(exact) {
      return {text: map[exact], lang: exact};
    }
    const same = keys.find(k => k !== 'und' && primary(k) === primary(want));
    if(same) {
      return {text: map[same], lang: same};
    }
  }
  const fallback = ['und', 'en'].find(k => k in map) || keys[0];
  return {text: map[fallback], lang: fallback === 'und' ? '' : fallback};
}

export function mergeMaps(...maps) {
  const out = {};
  for(const map of maps) {
    for(const [lang, text] of Object.entries(map || {})) {
      out[lang] = lang in out ? `${out[lang]}; ${text}` : text;
    }
  }
  return out;
}
