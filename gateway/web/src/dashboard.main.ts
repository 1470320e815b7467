import { Graph, describeErrors } from './dashboard.graph.js';
import { renderMinistry } from './dashboard.ministry.js';
import { disposeCharts } from './dashboard.panel.js';
import type { Claims } from './dashboard.session.js';
import { claimsOf, forgetToken, readsEveryUnit, storeToken, storedToken } from './dashboard.session.js';
import { renderUnit } from './dashboard.unit.js';

/** The page: sign-in with a token, then the unit or ministry view the address (#/unit/CODE/YEAR, #/ministry/YEAR) names. */

interface Start {
  units: { code: string; name: string }[];
  latest: { year: number | null }[];
}

// Which units exist, and the latest year with budget figures the token may read (the view opens on it).
const START = `query DashboardStart {
  units { code name }
  latest: budgetStats(groupBy: [YEAR], orderBy: [{ field: YEAR, direction: DESC }], first: 1) { year }
}`;

/** Years offered in the year picker, back from the latest one with figures. */
const YEARS_BACK = 5;

type Route = { view: 'unit'; unit: string; year: number } | { view: 'ministry'; year: number };

const byId = <T extends HTMLElement>(id: string, type: new () => T): T => {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`the page has no #${id} of type ${type.name}`);
  return node;
};

const signInForm = byId('sign-in', HTMLFormElement);
const tokenInput = byId('token', HTMLTextAreaElement);
const signInError = byId('sign-in-error', HTMLParagraphElement);
const nav = byId('nav', HTMLElement);
const who = byId('who', HTMLSpanElement);
const ministryLink = byId('to-ministry', HTMLAnchorElement);
const unitSelect = byId('unit', HTMLSelectElement);
const yearSelect = byId('year', HTMLSelectElement);
const view = byId('view', HTMLElement);
const viewTitle = byId('view-title', HTMLHeadingElement);
const grid = byId('grid', HTMLDivElement);

let session: { graph: Graph; claims: Claims; start: Start; latestYear: number } | null = null;
/** Counts views drawn, so an answer for a view already left is not shown on the next one. */
let drawn = 0;

const parseRoute = (hash: string): Route | null => {
  const unit = /^#\/unit\/([A-Za-z0-9-]+)\/(\d{4})$/.exec(hash);
  if (unit) return { view: 'unit', unit: unit[1], year: Number(unit[2]) };
  const ministry = /^#\/ministry\/(\d{4})$/.exec(hash);
  if (ministry) return { view: 'ministry', year: Number(ministry[1]) };
  return null;
};
const hashOf = (route: Route): string =>
  route.view === 'unit' ? `#/unit/${route.unit}/${route.year}` : `#/ministry/${route.year}`;

function defaultRoute(): Route {
  const { claims, start, latestYear } = session!;
  if (readsEveryUnit(claims)) return { view: 'ministry', year: latestYear };
  return { view: 'unit', unit: claims.unit ?? start.units[0]?.code ?? '', year: latestYear };
}

function showSignIn(message = ''): void {
  disposeCharts();
  // Nothing of the last token's figures stays in the page, nor a view marked ready.
  drawn++;
  grid.replaceChildren();
  view.removeAttribute('data-state');
  view.removeAttribute('data-view');
  view.removeAttribute('data-route');
  session = null;
  nav.hidden = true;
  view.hidden = true;
  signInForm.hidden = false;
  signInError.textContent = message;
  tokenInput.focus();
}

async function signIn(token: string): Promise<void> {
  const graph = new Graph(token);
  const answer = await graph.run<Start>({ operationName: 'DashboardStart', query: START, variables: {} });
  if (!answer.data) {
    forgetToken();
    showSignIn(`Token ditolak: ${describeErrors(answer.errors)}`);
    return;
  }
  storeToken(token);
  const claims = claimsOf(token);
  const latestYear = answer.data.latest[0]?.year ?? new Date().getFullYear() - 1;
  session = { graph, claims, start: answer.data, latestYear };
  const choose = document.createElement('option');
  choose.value = '';
  choose.textContent = '— pilih unit —';
  // A unit's staff are offered their own unit; another's address still reaches the graph, which refuses it.
  const offered = readsEveryUnit(claims) ? answer.data.units : answer.data.units.filter((u) => u.code === claims.unit);
  unitSelect.replaceChildren(
    choose,
    ...offered.map((u) => {
      const option = document.createElement('option');
      option.value = u.code;
      option.textContent = u.code;
      option.title = u.name;
      return option;
    }),
  );
  yearSelect.replaceChildren(
    ...Array.from({ length: YEARS_BACK + 1 }, (_, i) => {
      const option = document.createElement('option');
      option.value = option.textContent = String(latestYear - i);
      return option;
    }),
  );
  who.textContent = `${claims.sub ?? 'pengguna'} (${claims.role ?? '?'}${claims.unit ? `, ${claims.unit}` : ''})`;
  ministryLink.hidden = !readsEveryUnit(claims);
  signInForm.hidden = true;
  nav.hidden = false;
  view.hidden = false;
  const route = parseRoute(location.hash);
  if (route) await draw(route);
  else location.hash = hashOf(defaultRoute());
}

async function draw(route: Route): Promise<void> {
  if (!session) return;
  const mine = ++drawn;
  disposeCharts();
  grid.replaceChildren();
  view.setAttribute('data-view', route.view);
  view.setAttribute('data-state', 'loading');
  view.removeAttribute('data-route');
  if (![...yearSelect.options].some((o) => o.value === String(route.year))) {
    const option = document.createElement('option');
    option.value = option.textContent = String(route.year);
    yearSelect.append(option);
  }
  yearSelect.value = String(route.year);
  ministryLink.href = `#/ministry/${route.year}`;
  if (route.view === 'unit') {
    unitSelect.value = route.unit;
    const name = session.start.units.find((u) => u.code === route.unit)?.name ?? route.unit;
    viewTitle.textContent = `${name}: tahun ${route.year}`;
    document.title = `${route.unit} ${route.year} · Dasbor Kesos`;
    await renderUnit(grid, session.graph, route.unit, route.year);
  } else {
    unitSelect.value = '';
    viewTitle.textContent = `Kementerian Sosial: seluruh unit, tahun ${route.year}`;
    document.title = `Kementerian ${route.year} · Dasbor Kesos`;
    await renderMinistry(grid, session.graph, route.year, (unit) => {
      location.hash = hashOf({ view: 'unit', unit, year: route.year });
    });
  }
  // The address the finished view shows: a test (or a person) can tell it from the view before.
  if (mine === drawn) {
    view.setAttribute('data-route', hashOf(route));
    view.setAttribute('data-state', 'ready');
  }
}

signInForm.addEventListener('submit', (event) => {
  event.preventDefault();
  // A token pasted with its "Bearer " prefix is the same token.
  const token = tokenInput.value.trim().replace(/^Bearer\s+/i, '');
  if (!token) {
    signInError.textContent = 'Tempelkan token terlebih dahulu.';
    return;
  }
  void signIn(token);
});
byId('sign-out', HTMLButtonElement).addEventListener('click', () => {
  forgetToken();
  tokenInput.value = '';
  history.replaceState(null, '', location.pathname);
  showSignIn();
});
unitSelect.addEventListener('change', () => {
  if (!unitSelect.value) return;
  location.hash = hashOf({ view: 'unit', unit: unitSelect.value, year: Number(yearSelect.value) });
});
yearSelect.addEventListener('change', () => {
  const route = parseRoute(location.hash) ?? defaultRoute();
  location.hash = hashOf({ ...route, year: Number(yearSelect.value) });
});
window.addEventListener('hashchange', () => {
  const route = parseRoute(location.hash);
  if (route) void draw(route);
});

const saved = storedToken();
if (saved) void signIn(saved);
else showSignIn();
