// One credential's card: its checks in words, what it states (the Annex I
// elements in the reader's language) and technical details. Split from
// render.js, which holds the page around the cards.
import {credentialView} from './content/view.js';
import {isEmpty} from './content/lang.js';
import {countryName, formatDate, formatNumber, known, t} from './i18n/index.js';
import {code, h, mark, plain, shortId, signatureReason, text, titleOf} from './dom.js';

function checkLines(report, view) {
  const lines = [];
  const sig = report.signature;
  const issuer = view && !isEmpty(view.issuer.name) ? plain(view.issuer.name) :
    view && view.issuer.id ? shortId(view.issuer.id) : t('value.the-issuer');
  if(sig.state === 'ok') {
    const holderKey = report.keys.find(k => k.kind === 'did-document' || k.kind === 'jwt-vc-issuer');
    if(holderKey) {
      lines.push(mark('warn', t('check.signature-holder-key', {issuer,
        date: formatDate(holderKey.fetchedAt, {time: true})})));
    } else {
      lines.push(mark('ok', t('check.signature-ok', {issuer})));
    }
  } else if(sig.state === 'fail') {
    lines.push(mark('bad', `${t('check.signature-bad')} ${signatureReason(sig)}`));
  } else if(sig.reason === 'eu-seal') {
    lines.push(mark('warn', t('check.eu-seal')));
  } else {
    lines.push(mark('warn', `${t('check.signature-unchecked')} ${signatureReason(sig)}`));
  }
  // Without a verified signature the content is only the holder's word: nothing in it earns a ✓,
  // though what it says against itself (expired, revoked, someone else's) is still shown.
  const trusted = sig.state === 'ok';
  const v = report.validity;
  if(v.state === 'ok' && trusted) {
    lines.push(mark('ok', v.until ? t('check.valid-until', {date: formatDate(v.until)}) :
      t('check.valid-no-end')));
  } else if(v.state === 'expired') {
    lines.push(mark('bad', t('check.expired', {date: formatDate(v.until)})));
  } else if(v.state === 'not-yet') {
    lines.push(mark('bad', t('check.not-yet', {date: formatDate(v.from)})));
  } else if(v.state === 'bad-date') {
    lines.push(mark('bad', t('check.bad-date')));
  }
  const s = report.status;
  const asOf = s.fetchedAt ? formatDate(s.fetchedAt, {time: true}) : '';
  const listDate = s.listDate ? ` ${t('check.list-dated', {date: formatDate(s.listDate, {time: true})})}` : '';
  if(s.state === 'ok' && trusted) {
    lines.push(mark('ok', t('check.not-revoked', {date: asOf}) + listDate));
  } else if(s.state === 'revoked' || s.state === 'suspended') {
    lines.push(mark('bad', t(`check.${s.state}`, {date: asOf}) + listDate));
  } else if(s.state === 'none' && trusted) {
    lines.push(mark('info', t('check.no-status')));
  } else if(s.state === 'missing' && trusted) {
    lines.push(mark('warn', t('check.status-missing')));
  } else if(trusted && (s.state === 'fail' || (s.state === 'unchecked' && s.reason))) {
    lines.push(mark('warn', `${t('check.status-unchecked')} ${t(`why.${s.reason}`, s.params || {})}`));
  }
  const b = report.binding;
  if(b.state === 'ok' && trusted) {
    lines.push(mark('ok', t('check.belongs')));
  } else if(b.state === 'other') {
    lines.push(mark('bad', t('check.other-person')));
  } else if(b.state === 'unknown' && trusted) {
    lines.push(mark('warn', t('check.no-subject')));
  }
  return h('ul', {class: 'checks'}, lines);
}

const EQF_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8];

function achievementFields(a, dl, view) {
  const field = (label, value, {always = true} = {}) => {
    const empty = value === null || value === undefined || value === '' ||
      (Array.isArray(value) && value.length === 0);
    if(empty && !always) {
      return;
    }
    dl.append(h('dt', {text: label}),
      empty ? h('dd', {class: 'missing', text: t('value.not-stated')}) : h('dd', {}, value));
  };
  const body = a && a.awardingBody && !isEmpty(a.awardingBody.name) ? a.awardingBody : view.issuer;
  field(t('field.awarding-body'), !isEmpty(body.name) ? text(body.name) : body.id ? code(body.id) : null);
  field(t('field.country'), body.country ? countryName(body.country) : null);
  field(t('field.date'), formatDate(a && a.awardedOn || view.issued) || null);
  if(!a) {
    return;
  }
  if(!isEmpty(a.typeLabel)) {
    field(t('field.type'), text(a.typeLabel));
  } else if(a.type) {
    field(t('field.type'), known(`achievement-type.${a.type}`) || a.type);
  }
  field(t('field.outcomes'), a.outcomes.length ?
    h('ul', {class: 'outcomes'}, a.outcomes.map(o => text(o, 'li'))) :
    (!isEmpty(a.criteria) ? text(a.criteria, 'p', {class: 'pre'}) : null));
  const credits = a.credits !== null ? [
    a.creditFramework === 'ECTS' ? t('value.ects', {n: formatNumber(a.credits)}) :
      `${formatNumber(a.credits)}${a.creditFramework ? ` ${a.creditFramework}` : ''}`,
    a.creditFramework === 'ECTS' ? h('span', {class: 'hint', text: ` — ${t('explain.ects')}`}) : null
  ] : null;
  field(t('field.credits'), credits);
  if(a.hours) {
    field(t('field.workload'), t('value.hours', {n: formatNumber(a.hours)}));
  }
  field(t('field.eqf'), EQF_LEVELS.includes(a.eqf) ? [
    t('value.eqf', {n: a.eqf}),
    h('span', {class: 'hint', text: ` — ${t(`explain.eqf.${a.eqf}`)}`})
  ] : null);
  if(a.nqf) {
    field(t('field.nqf'), text(a.nqf));
  }
  field(t('field.assessment'), isEmpty(a.assessment) ? null : text(a.assessment));
  if(!isEmpty(a.grade)) {
    field(t('field.grade'), text(a.grade));
  }
  field(t('field.participation'), isEmpty(a.participation) ? null : text(a.participation));
  field(t('field.quality'), isEmpty(a.qualityAssurance) ? null : text(a.qualityAssurance));
  if(!isEmpty(a.entry)) {
    field(t('field.entry'), text(a.entry));
  }
  if(!isEmpty(a.idVerification)) {
    field(t('field.id-verification'), text(a.idVerification));
  }
  if(a.parts.length) {
    field(t('field.parts'), h('ul', {}, a.parts.map(p => text(p.title, 'li'))));
  }
}

const FORMAT_KEYS = {ldp: 'format.ldp', 'vc-jose': 'format.vc-jose', 'vc-jwt': 'format.vc-jwt',
  'sd-jwt': 'format.sd-jwt', 'edc-jades': 'format.edc-jades', 'edci-xml': 'format.edci-xml',
  unknown: 'format.unknown'};

function technical(report, view) {
  const rows = [];
  const row = (label, value) => value && rows.push(h('dt', {text: label}), h('dd', {}, value));
  row(t('tech.format'), t(FORMAT_KEYS[report.format] || 'format.unknown',
    {kind: (report.signature.proofs || []).join(', ') || report.mediaType || ''}));
  row(t('tech.issuer-id'), view && view.issuer.id ? code(view.issuer.id) : null);
  row(t('tech.subject-id'), view && view.subject.id ? code(view.subject.id) : null);
  row(t('tech.credential-id'), report.credential && typeof report.credential.id === 'string' ?
    code(report.credential.id) : null);
  for(const k of report.keys) {
    row(t('tech.key-from-holder'), t('tech.key-source', {id: shortId(k.id), url: k.url,
      date: formatDate(k.fetchedAt, {time: true})}));
  }
  if(report.status.url) {
    row(t('tech.status-list'), h('code', {text: report.status.url}));
  }
  const details = [report.signature.detail, report.status.detail].filter(Boolean);
  if(details.length) {
    row(t('tech.library-message'), h('span', {lang: 'en', text: details.join(' — ')}));
  }
  return h('details', {class: 'technical'}, h('summary', {text: t('tech.title')}),
    h('dl', {class: 'fields'}, rows));
}

export function renderCredential(report) {
  const view = credentialView(report);
  const n = report.index + 1;
  const titleId = `credential-${n}-title`;
  const article = h('article', {class: 'credential', 'aria-labelledby': titleId});
  const header = h('header', {class: 'credential-head'});
  if(view && view.image) {
    header.append(h('img', {class: 'badge-image', src: view.image, alt: ''}));
  }
  const title = view && !isEmpty(view.title) ? text(view.title) : h('span', {text: titleOf(report, view)});
  header.append(h('h3', {id: titleId}, h('span', {class: 'number', text: `${n}. `}), title));
  if(view) {
    const issuer = !isEmpty(view.issuer.name) ? text(view.issuer.name) : code(view.issuer.id || '?');
    const subject = !isEmpty(view.subject.name) ? text(view.subject.name) :
      view.subject.id ? code(view.subject.id) : h('span', {text: t('value.not-stated')});
    header.append(h('p', {class: 'parties'},
      h('span', {text: `${t('credential.issued-by')} `}), issuer,
      view.issuer.country ? h('span', {text: ` (${countryName(view.issuer.country)})`}) : null,
      h('span', {text: ` · ${t('credential.issued-to')} `}), subject));
  }
  article.append(header);
  if(report.signature.state !== 'ok' && view) {
    article.append(h('p', {class: 'caution', text: t('credential.content-unverified')}));
  }
  article.append(h('h4', {class: 'visually-hidden', text: t('credential.checks')}), checkLines(report, view));
  if(view) {
    if(!isEmpty(view.description)) {
      article.append(text(view.description, 'p', {class: 'description'}));
    }
    const dl = h('dl', {class: 'fields'});
    const achievements = view.achievements.length ? view.achievements : [null];
    achievements.forEach((a, i) => {
      if(achievements.length > 1 && a) {
        dl.append(h('dt', {class: 'part-title', text: t('field.achievement', {n: i + 1})}),
          h('dd', {class: 'part-title'}, text(a.title) || ''));
      }
      achievementFields(a, dl, view);
    });
    for(const [name, value] of view.claims) {
      dl.append(h('dt', {text: name}), h('dd', {text: value}));
    }
    article.append(h('h4', {class: 'visually-hidden', text: t('credential.content')}), dl);
  } else if(report.format === 'edci-xml') {
    article.append(h('p', {text: t('credential.xml-not-shown')}));
  }
  article.append(technical(report, view));
  return article;
}

