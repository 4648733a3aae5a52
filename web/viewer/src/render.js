// Builds the page from a verification result. Every credential value goes in
// as text (textContent), never as HTML; images only as data: URLs (the CSP
// allows nothing else). Headings, lists and description lists carry the
// structure for screen readers; state is always said in words, never by
// colour alone.
import {credentialView} from './content/view.js';
import {isEmpty, pick} from './content/lang.js';
import {countryName, formatDate, formatNumber, known, readerLanguages, t} from './i18n/index.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for(const [name, value] of Object.entries(attrs)) {
    if(value === null || value === undefined || value === false) {
      continue;
    }
    if(name === 'class') {
      el.className = value;
    } else if(name === 'text') {
      el.textContent = value;
    } else if(name.startsWith('on')) {
      el.addEventListener(name.slice(2), value);
    } else {
      el.setAttribute(name, value === true ? '' : value);
    }
  }
  for(const child of children.flat()) {
    if(child === null || child === undefined || child === false) {
      continue;
    }
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** Credential text in the reader's language, with its own lang attribute. */
function text(map, tag = 'span', attrs = {}) {
  const picked = pick(map, readerLanguages());
  if(!picked) {
    return null;
  }
  return h(tag, {...attrs, lang: picked.lang || null, text: picked.text});
}

const plain = map => {
  const picked = pick(map, readerLanguages());
  return picked ? picked.text : '';
};

function shortId(id) {
  if(typeof id !== 'string') {
    return '';
  }
  return id.length > 48 ? `${id.slice(0, 28)}…${id.slice(-12)}` : id;
}

function code(id) {
  return h('code', {class: 'id', title: id, text: shortId(id)});
}

const MARK = {ok: '✓', bad: '✗', warn: '!', info: 'i'};

function mark(kind, label) {
  return h('li', {class: `check check-${kind}`},
    h('span', {class: 'mark', 'aria-hidden': 'true', text: MARK[kind]}),
    h('span', {class: 'visually-hidden', text: `${t(`mark.${kind}`)}: `}),
    ...[].concat(label));
}

function titleOf(report, view) {
  if(view && !isEmpty(view.title)) {
    return plain(view.title);
  }
  return t('credential.untitled', {n: report.index + 1});
}

// ------------------------------------------------------------------ verdict

function reasonText(reason, result) {
  if(reason.n === undefined) {
    const params = {};
    if(result.presentation.expiry.until) {
      params.date = formatDate(result.presentation.expiry.until, {time: true});
    }
    return t(reason.key, params);
  }
  const report = result.credentials[reason.n - 1];
  return t(reason.key, {n: reason.n, title: titleOf(report, credentialView(report))});
}

export function renderVerdict(result) {
  const {headline, bad, partial} = result.verdict;
  const kind = headline === 'ok' ? 'ok' : headline === 'bad' ? 'bad' : 'warn';
  const n = result.credentials.length;
  const section = h('section', {class: `verdict verdict-${kind}`, 'aria-labelledby': 'verdict-title'},
    h('h1', {id: 'verdict-title'},
      h('span', {class: 'mark', 'aria-hidden': 'true', text: MARK[kind]}),
      ` ${t(`headline.${headline}`)}`),
    h('p', {class: 'lead', text: t('headline.summary', {n,
      date: formatDate(result.presentation.proof && result.presentation.proof.created || result.created)})}));
  if(bad.length) {
    section.append(h('ul', {class: 'reasons reasons-bad'},
      bad.map(r => mark('bad', reasonText(r, result)))));
  }
  if(partial.length) {
    section.append(h('p', {class: 'reasons-title', text: t('headline.not-checked')}),
      h('ul', {class: 'reasons reasons-warn'}, partial.map(r => mark('warn', reasonText(r, result)))));
  }
  if(headline === 'ok') {
    section.append(h('p', {text: t('headline.ok-detail')}));
  }
  return section;
}

// ------------------------------------------------------------------ presenter

function signatureReason(sig) {
  if(!sig.reason) {
    return '';
  }
  return t(`why.${sig.reason}`, sig.params || {});
}

export function renderPresenter(result, meta) {
  const p = result.presentation;
  const rows = [];
  const row = (label, ...value) => rows.push(h('dt', {text: label}), h('dd', {}, ...value));
  row(t('presenter.holder'), p.holder ? code(p.holder) : t('value.not-stated'));
  const sigOk = p.signature.state === 'ok';
  row(t('presenter.signature'), h('ul', {class: 'checks'},
    mark(sigOk ? 'ok' : 'bad', sigOk ? t('presenter.signature-ok') :
      `${t('presenter.signature-bad')} ${signatureReason(p.signature)}`)));
  if(p.proof && p.proof.created) {
    row(t('presenter.created'), formatDate(p.proof.created, {time: true}));
  }
  if(p.expiry.state === 'ok') {
    row(t('presenter.expires'), t('presenter.expires-ok', {date: formatDate(p.expiry.until, {time: true})}));
  } else if(p.expiry.state === 'expired') {
    row(t('presenter.expires'), h('ul', {class: 'checks'},
      mark('bad', t('presenter.expired', {date: formatDate(p.expiry.until, {time: true})}))));
  } else if(p.expiry.state === 'none') {
    row(t('presenter.expires'), t('presenter.no-expiry'));
  }
  if(meta) {
    row(t('presenter.link-until'), formatDate(meta.expires, {time: true}));
  }
  if(p.proof && p.proof.challenge) {
    row(t('presenter.challenge'), h('code', {text: p.proof.challenge}),
      h('span', {class: 'hint', text: ` — ${t('presenter.challenge-hint')}`}));
  } else if(p.proof) {
    row(t('presenter.challenge'), t('presenter.no-challenge'));
  }
  if(p.proof && p.proof.domain) {
    row(t('presenter.domain'), h('code', {text: p.proof.domain}));
  }
  return h('section', {class: 'presenter', 'aria-labelledby': 'presenter-title'},
    h('h2', {id: 'presenter-title', text: t('presenter.title')}),
    h('dl', {class: 'fields'}, rows));
}

// ------------------------------------------------------------------ one credential

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

// ------------------------------------------------------------------ method

export function renderMethod(result) {
  const checked = [t('method.presenter'), t('method.signatures'), t('method.dates', {
    date: formatDate(result.checkedAt, {time: true})}), t('method.binding')];
  if(result.credentials.some(c => c.status.fetchedAt)) {
    checked.push(t('method.status-signatures'));
  }
  const taken = [];
  const usedLists = new Set(result.credentials.flatMap(c => (c.status.entries || [c.status])
    .map(e => e.url).filter(Boolean)));
  for(const item of result.evidence) {
    if((item.kind === 'status-list' || item.kind === 'token-status-list') && usedLists.has(item.url)) {
      taken.push(h('li', {}, t('method.taken-status', {date: formatDate(item.fetchedAt, {time: true})}), ' ',
        h('code', {text: item.url})));
    }
  }
  const keys = new Map();
  for(const c of result.credentials) {
    for(const k of c.keys) {
      keys.set(k.url, k);
    }
  }
  for(const k of keys.values()) {
    taken.push(h('li', {}, t('method.taken-key', {date: formatDate(k.fetchedAt, {time: true})}), ' ',
      h('code', {text: k.url})));
  }
  if(taken.length) {
    taken.push(h('li', {text: t('method.as-of')}));
  }
  const missing = [h('li', {text: t('method.identity')})];
  for(const c of result.credentials) {
    const title = titleOf(c, credentialView(c));
    if(c.signature.reason === 'eu-seal') {
      missing.push(h('li', {text: `${title}: ${t('check.eu-seal')}`}));
    } else if(c.signature.state === 'unchecked') {
      missing.push(h('li', {text: `${title}: ${t('check.signature-unchecked')} ${signatureReason(c.signature)}`}));
    }
    if(c.status.state === 'missing' && c.signature.state === 'ok') {
      missing.push(h('li', {text: `${title}: ${t('check.status-missing')}`}));
    }
  }
  if(result.ignoredEvidence.length) {
    missing.push(h('li', {text: t('method.ignored-evidence', {n: result.ignoredEvidence.length})}));
  }
  return h('section', {class: 'method', 'aria-labelledby': 'method-title'},
    h('h2', {id: 'method-title', text: t('method.title')}),
    h('h3', {text: t('method.checked')}), h('ul', {}, checked.map(x => h('li', {text: x}))),
    taken.length ? h('h3', {text: t('method.taken')}) : null,
    taken.length ? h('ul', {}, taken) : null,
    h('h3', {text: t('method.missing')}), h('ul', {}, missing));
}

export function renderResult(result, meta, {oneTime = false} = {}) {
  const frag = document.createDocumentFragment();
  frag.append(renderVerdict(result));
  if(oneTime) {
    frag.append(h('p', {class: 'notice', role: 'note', text: t('onetime.used')}));
  }
  const list = h('section', {class: 'credentials', 'aria-labelledby': 'credentials-title'},
    h('h2', {id: 'credentials-title', text: t('credentials.title', {n: result.credentials.length})}),
    result.credentials.map(renderCredential));
  frag.append(renderPresenter(result, meta), list, renderMethod(result),
    h('p', {class: 'actions'}, h('button', {type: 'button', onclick: () => window.print()}, t('page.print'))));
  return frag;
}
