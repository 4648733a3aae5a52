// The share viewer: /s/<id>#v=1&k=<key>. Reads the key from the fragment
// (never sent to the server), fetches the share's meta data, downloads the
// ciphertext — or, for a one-time share, claims it only when the reader
// clicks (link-preview bots never burn it) — decrypts and inflates it here,
// verifies everything in this browser and shows the result.
import './loader.js';
import {claimBlob, fetchBlob, fetchMeta} from './api.js';
import {detailOf, ViewerError} from './errors.js';
import {parseFragment, shareIdFrom} from './fragment.js';
import {chooseLanguage, formatDate, language, LANGUAGES, setLanguage, t} from './i18n/index.js';
import {decrypt, inflate, parsePackage} from './package.js';
import {h} from './dom.js';
import {renderResult} from './render.js';
import {verifyBundle} from './verify/bundle.js';

const state = {phase: 'loading', progress: null, error: null, meta: null, result: null, oneTime: false,
  busy: false};
let openOnce = null;

const $ = id => document.getElementById(id);

function renderStatic() {
  document.title = state.result ? `${t(`headline.${state.result.verdict.headline}`)} — ${t('page.title')}` :
    t('page.title');
  for(const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  const nav = $('lang-switch');
  nav.setAttribute('aria-label', t('lang.label'));
  nav.replaceChildren(h('ul', {}, LANGUAGES.map(([code, name]) => h('li', {},
    h('button', {type: 'button', lang: code, 'aria-pressed': String(code === language()),
      onclick: () => {
        setLanguage(code);
        render();
      }}, name)))));
}

function statusText() {
  if(state.phase === 'verifying' && state.progress) {
    return t('status.verifying', {i: state.progress[0], n: state.progress[1]});
  }
  return t(`status.${state.phase}`);
}

function renderError() {
  const error = state.error;
  const code = error instanceof ViewerError ? error.code : 'unexpected';
  const params = error instanceof ViewerError ? error.params : {};
  const detail = detailOf(error);
  return h('section', {class: 'verdict verdict-bad', 'aria-labelledby': 'verdict-title'},
    h('h1', {id: 'verdict-title'}, h('span', {class: 'mark', 'aria-hidden': 'true', text: '✗'}),
      ` ${t(`error.${code}.title`, params)}`),
    h('p', {class: 'lead', text: t(`error.${code}.text`, params)}),
    detail ? h('details', {class: 'technical'}, h('summary', {text: t('tech.title')}),
      h('p', {lang: 'en', text: detail})) : null);
}

function renderOneTime() {
  const button = h('button', {type: 'button', class: 'primary', id: 'open-once',
    disabled: state.busy ? true : null, onclick: () => openOnce()}, t('onetime.button'));
  return h('section', {class: 'verdict verdict-info', 'aria-labelledby': 'verdict-title'},
    h('h1', {id: 'verdict-title', text: t('onetime.title')}),
    h('p', {class: 'lead', text: t('onetime.text')}),
    state.meta ? h('p', {text: t('onetime.until', {date: formatDate(state.meta.expires, {time: true})})}) : null,
    h('p', {}, button));
}

function render() {
  renderStatic();
  const app = $('app');
  const status = $('status');
  const working = ['loading', 'decrypting', 'verifying'].includes(state.phase);
  status.textContent = working ? statusText() : '';
  status.hidden = !working;
  if(state.phase === 'error') {
    app.replaceChildren(renderError());
  } else if(state.phase === 'one-time') {
    app.replaceChildren(renderOneTime());
  } else if(state.phase === 'done') {
    app.replaceChildren(renderResult(state.result, state.meta, {oneTime: state.oneTime}));
  } else {
    app.replaceChildren();
  }
  document.body.dataset.phase = state.phase;
  if(state.result) {
    document.body.dataset.verdict = state.result.verdict.headline;
  }
}

function fail(error) {
  state.phase = 'error';
  state.error = error;
  render();
  $('main').focus();
}

async function openBlob(blob, key) {
  state.phase = 'decrypting';
  render();
  const plain = await inflate(await decrypt(blob, key));
  const pkg = parsePackage(plain);
  state.phase = 'verifying';
  render();
  state.result = await verifyBundle(pkg, {onProgress: (i, n) => {
    state.progress = [i, n];
    $('status').textContent = statusText();
  }});
  state.phase = 'done';
  render();
  $('main').focus();
}

async function start() {
  setLanguage(chooseLanguage(navigator.languages || [navigator.language]));
  render();
  let id;
  let key;
  try {
    id = shareIdFrom(location.pathname);
    ({key} = parseFragment(location.hash));
    state.meta = await fetchMeta(id);
    if(!state.meta.oneTime) {
      const got = await fetchBlob(id);
      if(got.blob) {
        await openBlob(got.blob, key);
        return;
      }
    }
  } catch(error) {
    fail(error);
    return;
  }
  // One-time share: claim (and so delete) it only on an explicit click.
  openOnce = async () => {
    if(state.busy) {
      return;
    }
    state.busy = true;
    render();
    try {
      const blob = await claimBlob(id);
      state.oneTime = true;
      await openBlob(blob, key);
    } catch(error) {
      fail(error);
    }
  };
  state.phase = 'one-time';
  render();
}

window.addEventListener('hashchange', () => location.reload());
start().catch(fail);
