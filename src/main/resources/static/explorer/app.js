// The explorer's shell: hash routes, the language switch and the optional key.
import { applyLabels, lang, setLang, t } from './i18n.js';
import { apiKey, setApiKey } from './gql.js';
import { disposeCharts, el } from './ui.js';
import { mapView } from './views/map.js';
import { parkView } from './views/park.js';
import { traceView } from './views/trace.js';
import { compensationView } from './views/compensation.js';
import { roadmapView } from './views/roadmap.js';
import { calculatorView } from './views/calculator.js';

const VIEWS = { map: mapView, park: parkView, trace: traceView, compensation: compensationView, roadmap: roadmapView,
  calculator: calculatorView };

/** "#/trace/fi:x/2024?direction=DOWNSTREAM" → {name: 'trace', args: ['fi:x', '2024'], query} */
export function parseRoute(hash) {
  const [path, search] = (hash.replace(/^#\/?/, '') || 'map').split('?');
  const [name, ...args] = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { name: VIEWS[name] ? name : 'map', args, query: new URLSearchParams(search ?? '') };
}

export function go(name, args = [], query = {}) {
  const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  location.hash = `#/${[name, ...args].map(encodeURIComponent).join('/')}${q.size ? `?${q}` : ''}`;
}

/** Renders the current route again (after a view saved something: the same hash fires no hashchange). */
export function refresh() { return render(); }

let rendering = 0;
async function render() {
  const route = parseRoute(location.hash);
  const ticket = ++rendering;
  const main = document.getElementById('view');
  disposeCharts();
  document.querySelectorAll('#nav a[data-route]').forEach((a) => {
    if (a.dataset.route === route.name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  main.replaceChildren(el('p', { class: 'loading', 'data-state': 'loading' }, t('loading')));
  main.removeAttribute('data-view');
  try {
    const content = el('div', { class: 'view' });
    // a view builds its whole content before it is shown, so a stale route never flashes in
    const finish = await VIEWS[route.name](route, content);
    if (ticket !== rendering) return;
    main.replaceChildren(content);
    finish?.();
    main.setAttribute('data-view', route.name);
    document.title = `${content.querySelector('h1, h2')?.textContent ?? ''} · ${t('title')}`;
  } catch (error) {
    if (ticket !== rendering) return;
    main.replaceChildren(el('p', { class: 'error', role: 'alert', 'data-state': 'error' }, `${t('error')}: ${error.message}`));
    main.setAttribute('data-view', 'error');
  }
}

function setUpSettings() {
  const langSelect = document.getElementById('lang');
  langSelect.value = lang();
  langSelect.addEventListener('change', () => { setLang(langSelect.value); applyLabels(); render(); });
  const keyInput = document.getElementById('key');
  const keyState = document.getElementById('key-state');
  const showKey = () => { keyState.textContent = apiKey() ? t('key.set') : t('key.none'); };
  document.getElementById('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    setApiKey(keyInput.value.trim());
    keyInput.value = '';
    showKey();
    render();
  });
  document.getElementById('skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    document.getElementById('view').focus();
  });
  showKey();
  return showKey;
}

const showKey = setUpSettings();
applyLabels();
window.addEventListener('hashchange', render);
document.addEventListener('kb:lang', showKey);
render();
