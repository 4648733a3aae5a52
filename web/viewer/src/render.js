// Builds the page around the credential cards (render-credential.js): the
// verdict, who shared it, how it was checked. Every credential value goes in
// as text (textContent), never as HTML; images only as data: URLs (the CSP
// allows nothing else). Headings, lists and description lists carry the
// structure for screen readers; state is always said in words, never by
// colour alone.
import {credentialView} from './content/view.js';
import {isEmpty} from './content/lang.js';
import {code, h, MARK, mark, signatureReason, titleOf} from './dom.js';
import {formatDate, t} from './i18n/index.js';
import {renderCredential} from './render-credential.js';

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
