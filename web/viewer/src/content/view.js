// What a reader needs from a credential, whatever its format: who issued it
// (and from where), to whom, title, dates, and the Annex I elements of a
// micro-credential (learning outcomes, ECTS, EQF, assessment, participation,
// quality assurance...). Reads Open Badges 3.0, the generic VC 2.0
// "hasAchieved" shape, the European Learning Model (ELM v3) and SD-JWT VC
// claims, the way wallet/formats/vc_json.py and elm_fields.py do. Nothing
// here is verified: verification is verify/*.js's business.
import {asList, isEmpty, langMap, mergeMaps} from './lang.js';

const EQF_URL = /data\.europa\.eu\/snb\/eqf\/(\d)\b/;
const ECTS_URI = 'http://data.europa.eu/snb/education-credit/6fcec5c5af';
const ECTS = /\bECTS\b/i;
const DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$/;
const IMAGE = /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=\s]+$/;
const MAX_IMAGE = 512 * 1024;
const MAX_OUTCOMES = 50;

const first = v => asList(v)[0];
const obj = v => v && typeof v === 'object' && !Array.isArray(v) ? v : {};
const str = v => typeof v === 'string' && v ? v : null;
const idOf = v => typeof v === 'string' ? v : str(obj(v).id);

function num(value) {
  if(typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if(typeof value === 'string' && /^\s*\d+([.,]\d+)?\s*$/.test(value)) {
    return Number(value.replace(',', '.'));
  }
  return null;
}

function date(value) {
  if(typeof value !== 'string' || value.length > 64) {
    return null;
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function image(value) {
  const v = first(value);
  const url = typeof v === 'string' ? v : str(obj(v).id);
  return url && url.length <= MAX_IMAGE && IMAGE.test(url) ? url : null;
}

function eqfFrom(value) {
  if(typeof value === 'number' && value >= 1 && value <= 8) {
    return value;
  }
  const text = typeof value === 'string' ? value : idOf(value);
  if(typeof text === 'string') {
    const m = EQF_URL.exec(text);
    if(m) {
      return Number(m[1]);
    }
    if(/^\s*[1-8]\s*$/.test(text)) {
      return Number(text);
    }
  }
  return null;
}

function countryOf(code) {
  const text = idOf(code) || (typeof code === 'string' ? code : null);
  return text ? text.replace(/\/$/, '').split('/').pop().slice(0, 10) : null;
}

function conceptLabel(concept) {
  const c = first(concept);
  if(typeof c === 'string') {
    return {};
  }
  return langMap(obj(c).prefLabel);
}

function note(value) {
  let out = {};
  for(const item of asList(value)) {
    out = mergeMaps(out, item && typeof item === 'object' && 'noteLiteral' in item ?
      langMap(item.noteLiteral) : langMap(item));
  }
  return out;
}

function party(value) {
  if(typeof value === 'string') {
    return {id: value, name: {}, country: null, url: null, image: null};
  }
  const p = obj(value);
  const address = obj(first(p.address));
  let country = str(address.addressCountryCode) || str(address.addressCountry);
  const location = obj(first(p.location));
  if(!country && location.address) {
    country = countryOf(first(obj(first(location.address)).countryCode));
  }
  if(!country && p.registration) {
    country = countryOf(first(obj(first(p.registration)).spatial));
  }
  const homepage = first(p.homepage);
  return {
    id: idOf(p),
    name: isEmpty(langMap(p.name)) ? (isEmpty(langMap(p.legalName)) ? langMap(p.altLabel) :
      langMap(p.legalName)) : langMap(p.name),
    country,
    url: str(p.url) || str(obj(homepage).contentURL) || (typeof homepage === 'string' ? homepage : null),
    image: image(p.image) || elmImage(p.logo)
  };
}

function elmImage(media) {
  const m = obj(first(media));
  if(typeof m.content !== 'string' || m.content.length > MAX_IMAGE) {
    return null;
  }
  const kind = (countryOf(first(m.contentType)) || '').toUpperCase();
  const mime = {P: 'png', PNG: 'png', JPEG: 'jpeg', JPG: 'jpeg', GIF: 'gif'}[kind];
  return mime ? image(`data:image/${mime};base64,${m.content}`) : null;
}

function person(value) {
  const s = obj(first(value));
  const given = langMap(s.givenName);
  const family = langMap(s.familyName);
  let name = isEmpty(langMap(s.name)) ? langMap(s.fullName) : langMap(s.name);
  if(isEmpty(name) && (!isEmpty(given) || !isEmpty(family))) {
    name = {};
    for(const lang of new Set([...Object.keys(given), ...Object.keys(family)])) {
      name[lang] = [given[lang], family[lang]].filter(Boolean).join(' ');
    }
  }
  return {id: typeof first(value) === 'string' ? first(value) : idOf(s), name,
    birthDate: str(s.birthDate) || str(s.dateOfBirth)};
}

// ---------------------------------------------------------- Open Badges 3.0 / generic VC

function alignments(...nodes) {
  return nodes.flatMap(n => asList(obj(n).alignment)).filter(a => a && typeof a === 'object');
}

function eqfOf(aligns, explicit) {
  const direct = eqfFrom(explicit);
  if(direct) {
    return direct;
  }
  for(const a of aligns) {
    const m = EQF_URL.exec(String(a.targetUrl || ''));
    if(m) {
      return Number(m[1]);
    }
    const framework = String(a.targetFramework || '');
    if(/EQF|European Qualifications Framework/.test(framework) && /^\s*[1-8]\s*$/.test(String(a.targetCode))) {
      return Number(a.targetCode);
    }
  }
  return null;
}

function saysEcts(achievement, subject, aligns) {
  for(const node of [achievement, subject]) {
    for(const key of ['creditScheme', 'creditFramework', 'creditUnit']) {
      if(typeof node[key] === 'string' && ECTS.test(node[key])) {
        return true;
      }
    }
    if(asList(node.tag).some(t => typeof t === 'string' && ECTS.test(t))) {
      return true;
    }
  }
  return aligns.some(a => ECTS.test(`${a.targetFramework || ''} ${a.targetName || ''}`));
}

function outcomesOf(aligns, statements, narrative) {
  const out = [];
  for(const a of aligns) {
    if(String(a.targetUrl || '').startsWith('http://data.europa.eu/esco/')) {
      out.push(langMap(a.targetName));
    }
  }
  for(const item of asList(statements)) {
    out.push(item && typeof item === 'object' && !('@value' in item) && !Array.isArray(item) &&
      !Object.keys(item).every(k => /^[a-z]{2,3}(-|$)/.test(k)) ?
      langMap(item.title || item.name) : langMap(item));
  }
  if(out.length === 0 && !isEmpty(narrative)) {
    const [lang, body] = Object.entries(narrative)[0];
    for(const line of body.split('\n')) {
      const t = line.trim();
      if(t.startsWith('- ') || t.startsWith('* ')) {
        out.push({[lang]: t.slice(2).trim()});
      }
    }
  }
  return out.filter(o => !isEmpty(o)).slice(0, MAX_OUTCOMES);
}

function gradeOf(subject, achieved) {
  for(const r of asList(subject.result)) {
    if(r && typeof r === 'object' && r.value !== undefined && r.value !== null) {
      return {und: String(r.value).slice(0, 200)};
    }
  }
  const g = achieved.grade;
  if(g && typeof g === 'object') {
    return isEmpty(langMap(g.value)) ? note(g) : langMap(g.value);
  }
  return typeof g === 'string' || typeof g === 'number' ? {und: String(g)} : {};
}

function vcAchievement(subject, achieved, credential) {
  const aligns = alignments(achieved, ...asList(achieved.resultDescription));
  let credits = num(subject.creditsEarned);
  credits = credits ?? num(achieved.creditsEarned) ?? num(achieved.creditsAvailable);
  const criteria = achieved.criteria;
  const narrative = criteria && typeof criteria === 'object' && !Array.isArray(criteria) ?
    langMap(criteria.narrative) : langMap(criteria);
  const resultDescriptions = asList(achieved.resultDescription).map(r => langMap(obj(r).name))
    .filter(m => !isEmpty(m));
  return {
    title: isEmpty(langMap(achieved.name)) ? langMap(achieved.title) : langMap(achieved.name),
    description: langMap(achieved.description),
    type: str(achieved.achievementType) || null,
    typeLabel: {},
    credits,
    creditFramework: credits !== null && saysEcts(achieved, subject, aligns) ? 'ECTS' : null,
    hours: null,
    eqf: eqfOf(aligns, achieved.eqfLevel),
    nqf: null,
    outcomes: outcomesOf(aligns, achieved.learningOutcomes || achieved.learningOutcome, narrative),
    criteria: narrative,
    grade: gradeOf(subject, achieved),
    assessment: resultDescriptions.length ? mergeMaps(...resultDescriptions) : {},
    participation: {},
    qualityAssurance: {},
    entry: {},
    idVerification: {},
    awardingBody: achieved.creator ? party(achieved.creator) : null,
    awardedOn: date(credential.awardedDate) || date(subject.awardedDate) || date(achieved.assessmentDate),
    image: image(achieved.image),
    parts: []
  };
}

// ---------------------------------------------------------- European Learning Model v3

function elmCredits(spec, claim) {
  for(const source of [spec.creditPoint, claim.creditReceived]) {
    for(const c of asList(source)) {
      const points = num(obj(c).point);
      if(points === null) {
        continue;
      }
      const framework = first(obj(c).framework);
      const label = conceptLabel(framework).en || '';
      const ects = idOf(framework) === ECTS_URI || ECTS.test(label) || /European Credit Transfer/.test(label);
      return {credits: points, creditFramework: ects ? 'ECTS' : (label || null)};
    }
  }
  return {credits: null, creditFramework: null};
}

function hoursOf(value) {
  const m = typeof value === 'string' ? DURATION.exec(value.trim()) : null;
  if(!m || value.trim() === 'P' || value.trim() === 'PT') {
    return null;
  }
  const [, w, d, h, mi] = m.map(x => x === undefined ? 0 : Number(x));
  return w * 168 + d * 24 + h + mi / 60;
}

function accreditation(...sources) {
  let out = {};
  for(const source of sources) {
    for(const acc of asList(source)) {
      const a = obj(acc);
      let text = isEmpty(langMap(a.title)) ? conceptLabel(a.dcType) : langMap(a.title);
      const agent = a.accreditingAgent ? party(a.accreditingAgent) : null;
      if(agent && !isEmpty(agent.name)) {
        text = mergeMaps(text, agent.name);
      }
      out = mergeMaps(out, text);
    }
  }
  return out;
}

function elmAchievement(claimValue, depth = 0) {
  const claim = obj(first(claimValue));
  if(depth > 12 || Object.keys(claim).length === 0) {
    return null;
  }
  const spec = obj(first(claim.specifiedBy));
  const assessment = obj(first(claim.provenBy));
  const assessmentSpec = obj(first(assessment.specifiedBy));
  const awarded = obj(first(claim.awardedBy));
  const body = awarded.awardingBody ? party(first(awarded.awardingBody)) : null;
  const nqf = conceptLabel(spec.nqfLevel);
  return {
    title: isEmpty(langMap(claim.title)) ? langMap(spec.title) : langMap(claim.title),
    description: isEmpty(langMap(claim.description)) ? langMap(spec.description) : langMap(claim.description),
    type: null,
    typeLabel: conceptLabel(spec.dcType),
    ...elmCredits(spec, claim),
    hours: hoursOf(spec.volumeOfLearning) ?? hoursOf(claim.workload),
    eqf: eqfFrom(first(spec.eqfLevel)),
    nqf: isEmpty(nqf) ? null : nqf,
    outcomes: asList(spec.learningOutcome).map(lo => isEmpty(langMap(obj(lo).title)) ?
      langMap(obj(lo).description) : langMap(obj(lo).title)).filter(m => !isEmpty(m)).slice(0, MAX_OUTCOMES),
    criteria: note(spec.learningOutcomeSummary),
    grade: note(assessment.grade),
    assessment: isEmpty(conceptLabel(assessmentSpec.dcType)) ? conceptLabel(assessmentSpec.mode) :
      conceptLabel(assessmentSpec.dcType),
    participation: isEmpty(conceptLabel(spec.mode)) ? conceptLabel(spec.learningSetting) : conceptLabel(spec.mode),
    qualityAssurance: accreditation(spec.accreditation, obj(first(awarded.awardingBody)).accreditation),
    entry: note(spec.entryRequirement),
    idVerification: conceptLabel(assessment.idVerification),
    awardingBody: body,
    awardedOn: date(awarded.awardingDate) || date(assessment.dateIssued),
    image: null,
    parts: asList(claim.hasPart).map(p => elmAchievement(p, depth + 1)).filter(Boolean).slice(0, 50)
  };
}

// ---------------------------------------------------------- whole credentials

function vcView(c) {
  const types = asList(c.type);
  const subjects = asList(c.credentialSubject).map(obj);
  const isElm = types.includes('EuropeanDigitalCredential') || subjects.some(s => s.hasClaim);
  const achievements = [];
  for(const subject of subjects) {
    if(isElm) {
      achievements.push(...asList(subject.hasClaim).map(x => elmAchievement(x)).filter(Boolean));
    } else {
      for(const key of ['achievement', 'hasAchieved', 'hasCredential']) {
        for(const a of asList(subject[key])) {
          if(a && typeof a === 'object') {
            achievements.push(vcAchievement(subject, a, c));
          }
        }
      }
    }
  }
  let title = langMap(c.name);
  if(isEmpty(title) && achievements.length) {
    title = achievements[0].title;
  }
  return {
    kind: isElm ? 'elm' : types.includes('OpenBadgeCredential') || types.includes('AchievementCredential') ?
      'ob3' : 'vc',
    types: types.filter(t => typeof t === 'string' && t !== 'VerifiableCredential').slice(0, 5),
    title,
    description: langMap(c.description),
    issuer: party(c.issuer),
    subject: person(c.credentialSubject),
    issued: date(c.issuanceDate) || date(c.issued) || date(c.validFrom) || date(c.awardedDate),
    validFrom: date(c.validFrom) || date(c.issuanceDate),
    validUntil: date(c.validUntil) || date(c.expirationDate),
    achievements: achievements.slice(0, 50),
    image: image(c.image) || (achievements[0] && achievements[0].image) || null,
    claims: []
  };
}

const HIDDEN_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'cnf', 'status', 'vct',
  '_sd', '_sd_alg', 'vct#integrity']);

function sdJwtView(claims) {
  const shown = [];
  for(const [name, value] of Object.entries(claims)) {
    if(HIDDEN_CLAIMS.has(name) || shown.length >= 40) {
      continue;
    }
    if(['string', 'number', 'boolean'].includes(typeof value)) {
      shown.push([name.slice(0, 60), String(value).slice(0, 500)]);
    }
  }
  const nameParts = [claims.given_name, claims.family_name].filter(v => typeof v === 'string');
  return {
    kind: 'sd-jwt', types: [str(claims.vct)].filter(Boolean),
    title: langMap(claims.name || claims.title || claims.vct),
    description: {},
    issuer: {id: str(claims.iss), name: {}, country: null, url: null, image: null},
    subject: {id: str(claims.sub), name: nameParts.length ? {und: nameParts.join(' ')} : {}, birthDate:
      str(claims.birthdate)},
    issued: typeof claims.iat === 'number' ? new Date(claims.iat * 1000) : null,
    validFrom: typeof claims.nbf === 'number' ? new Date(claims.nbf * 1000) : null,
    validUntil: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null,
    achievements: [], image: null, claims: shown
  };
}

/** The display view of one credential report (see verify/credential.js). */
export function credentialView(report) {
  if(report.claims) {
    return sdJwtView(report.claims);
  }
  if(report.credential && typeof report.credential === 'object') {
    return vcView(report.credential);
  }
  return null;
}
