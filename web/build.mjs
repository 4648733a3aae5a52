// Builds the share viewer: web/viewer/ -> resources/viewer/ (index.html +
// assets/viewer-<hash>.js + assets/viewer-<hash>.css), byte-for-byte the same
// on every run with the same package-lock.json:
//  * esbuild bundles src/main.js with every dependency (no CDN, no runtime
//    fetch of code or contexts);
//  * the JSON-LD contexts are the wallet's own pinned copies
//    (resources/contexts/index.json); each file's SHA-256 is checked here, so
//    the page and the Python verifier read exactly the same contexts;
//  * file names carry a hash of the content, and index.html pins both files
//    with Subresource Integrity (sha384).
// Usage: node build.mjs [--out DIR] [--contexts DIR]
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : fallback;
}

const outDir = arg('--out', path.join(root, 'resources', 'viewer'));
const contextsDir = arg('--contexts', path.join(root, 'resources', 'contexts'));
const viewerDir = path.join(here, 'viewer');

// virtual:contexts -> a module exporting [[url, document], ...] sorted by URL
function contextsPlugin() {
  return {
    name: 'pinned-contexts',
    setup(build) {
      build.onResolve({filter: /^virtual:contexts$/}, () => ({
        path: 'contexts', namespace: 'pinned-contexts'
      }));
      build.onLoad({filter: /.*/, namespace: 'pinned-contexts'}, () => {
        const index = JSON.parse(
          fs.readFileSync(path.join(contextsDir, 'index.json'), 'utf8'));
        const entries = [];
        for(const url of Object.keys(index).sort()) {
          const {file, sha256} = index[url];
          const bytes = fs.readFileSync(path.join(contextsDir, file));
          const digest = crypto.createHash('sha256').update(bytes).digest('hex');
          if(digest !== sha256) {
            throw new Error(`context ${url} (${file}) does not match its pin`);
          }
          entries.push([url, JSON.parse(bytes.toString('utf8'))]);
        }
        return {contents: `export default ${JSON.stringify(entries)};`,
          loader: 'js'};
      });
    }
  };
}

// jsonld's network document loaders are replaced by one that always throws:
// the page has no code path that fetches a context or a DID document.
function noNetworkLoadersPlugin() {
  const stub = path.join(viewerDir, 'src', 'no-network-loader.cjs');
  return {
    name: 'no-network-loaders',
    setup(build) {
      build.onResolve({filter: /documentLoaders\/(xhr|node)(\.js)?$/},
        () => ({path: stub}));
    }
  };
}

const common = {
  bundle: true,
  minify: true,
  write: false,
  charset: 'utf8',
  legalComments: 'eof',
  target: ['chrome110', 'firefox113', 'safari16.4'],
  absWorkingDir: here,
  logLevel: 'warning'
};

const js = await esbuild.build({
  ...common,
  entryPoints: [path.join(viewerDir, 'src', 'main.js')],
  format: 'esm',
  platform: 'browser',
  mainFields: ['browser', 'module', 'main'],
  define: {'process.env.NODE_ENV': '"production"'},
  // esbuild applies a package's "browser" map to files inside it, but not to
  // an entry point reached through "exports"; this one needs it (its Node
  // entry uses Buffer).
  alias: {'base64url-universal': './node_modules/base64url-universal/lib/browser.js'},
  plugins: [contextsPlugin(), noNetworkLoadersPlugin()]
});
const css = await esbuild.build({
  ...common,
  entryPoints: [path.join(viewerDir, 'viewer.css')],
  loader: {'.css': 'css'}
});

function asset(result, ext) {
  const bytes = Buffer.from(result.outputFiles[0].contents);
  const name = 'viewer-' +
    crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16) + ext;
  const sri = 'sha384-' +
    crypto.createHash('sha384').update(bytes).digest('base64');
  return {bytes, name, sri};
}

const script = asset(js, '.js');
const style = asset(css, '.css');
let html = fs.readFileSync(path.join(viewerDir, 'index.html'), 'utf8');
const replacements = {
  '%VIEWER_JS%': `/assets/${script.name}`,
  '%VIEWER_JS_SRI%': script.sri,
  '%VIEWER_CSS%': `/assets/${style.name}`,
  '%VIEWER_CSS_SRI%': style.sri
};
for(const [token, value] of Object.entries(replacements)) {
  if(!html.includes(token)) {
    throw new Error(`index.html lacks ${token}`);
  }
  html = html.split(token).join(value);
}

const assetsDir = path.join(outDir, 'assets');
fs.mkdirSync(assetsDir, {recursive: true});
for(const old of fs.readdirSync(assetsDir)) {
  if(/^viewer-[0-9a-f]{16}\.(js|css)$/.test(old)) {
    fs.unlinkSync(path.join(assetsDir, old));
  }
}
fs.writeFileSync(path.join(assetsDir, script.name), script.bytes);
fs.writeFileSync(path.join(assetsDir, style.name), style.bytes);
fs.writeFileSync(path.join(outDir, 'index.html'), html);
console.log(JSON.stringify({
  out: path.relative(root, outDir) || '.',
  js: {file: script.name, bytes: script.bytes.length, integrity: script.sri},
  css: {file: style.name, bytes: style.bytes.length, integrity: style.sri}
}));
