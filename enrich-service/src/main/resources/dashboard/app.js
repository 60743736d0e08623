// The analyst's dashboard: the relations graph, a pair's page, a country's page; filters kept in the URL; live
// updates over Server-Sent Events. Every text from the data goes into the page as text (textContent, attributes set
// one by one), never as markup: articles are untrusted.
'use strict';

const QUADS = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
const QUAD_COLOURS = ['#7cc48f', '#1e8e3e', '#f0a04b', '#c5362b'];
const ROOTS = {
  '01': 'Make public statement', '02': 'Appeal', '03': 'Express intent to cooperate', '04': 'Consult',
  '05': 'Engage in diplomatic cooperation', '06': 'Engage in material cooperation', '07': 'Provide aid', '08': 'Yield',
  '09': 'Investigate', '10': 'Demand', '11': 'Disapprove', '12': 'Reject', '13': 'Threaten', '14': 'Protest',
  '15': 'Exhibit force posture', '16': 'Reduce relations', '17': 'Coerce', '18': 'Assault', '19': 'Fight',
  '20': 'Use unconventional mass violence',
};
// CAMEO names of the codes the event coder emits (enrich rules/event-cues.tsv); other codes fall back to their root.
const CODES = {
  '010': 'Make statement', '013': 'Make optimistic comment', '020': 'Make an appeal or request',
  '030': 'Express intent to cooperate', '040': 'Consult', '041': 'Discuss by telephone', '042': 'Make a visit',
  '043': 'Host a visit', '045': 'Mediate', '046': 'Engage in negotiation', '050': 'Engage in diplomatic cooperation',
  '051': 'Praise or endorse', '054': 'Grant diplomatic recognition', '057': 'Sign formal agreement',
  '061': 'Cooperate economically', '062': 'Cooperate militarily', '063': 'Engage in judicial cooperation',
  '064': 'Share intelligence or information', '070': 'Provide aid', '071': 'Provide economic aid',
  '084': 'Return, release', '085': 'Ease economic sanctions, boycott or embargo',
  '087': 'De-escalate military engagement', '090': 'Investigate', '100': 'Demand', '111': 'Criticize or denounce',
  '112': 'Accuse', '120': 'Reject', '130': 'Threaten', '140': 'Engage in political dissent',
  '150': 'Demonstrate military or police power', '160': 'Reduce relations', '163': 'Impose embargo, boycott or sanctions',
  '166': 'Expel or withdraw', '170': 'Coerce', '173': 'Arrest, detain or charge with legal action',
  '180': 'Use unconventional violence', '183': 'Conduct non-military bombing', '186': 'Assassinate',
  '190': 'Use conventional military force', '192': 'Occupy territory', '194': 'Fight with artillery and tanks',
  '195': 'Employ aerial weapons',
};
const SENTENCE_LIMIT = 280;
const SVG_NS = 'http://www.w3.org/2000/svg';
const W = 900;
const H = 560;

let countries = {};
let state = readState();
let timelineChart = null;
let freshPairs = new Set();
let loadSeq = 0;

// ---------- small DOM helpers (text only, never markup)

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, String(v));
  }
}

const $ = (id) => document.getElementById(id);
const name = (code) => (countries[code] && countries[code].name) || code;
const pairName = (pairId) => name(pairId.slice(0, 3)) + ' – ' + name(pairId.slice(4));
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const plural = (n, one, many) => n + ' ' + (n === 1 ? one : many || one + 's');
const signed = (x) => (x > 0 ? '+' : '') + fmt(x);

function eventName(code) {
  return CODES[code] || ROOTS[code.slice(0, 2)] || 'unknown code';
}

function trim(text, limit) {
  const clean = String(text || '').replace(/\s+/g, ' ').trim();
  if (clean.length <= limit) return clean;
  const cut = clean.lastIndexOf(' ', limit);
  return clean.slice(0, cut > limit * 0.6 ? cut : limit) + '…';
}

/** A link target only when it is a plain web address: no javascript: or data: from an article. */
function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

function balanceColour(balance) {
  const mix = (a, b, t) => a.map((x, i) => Math.round(x + (b[i] - x) * t));
  const mixed = [183, 163, 58];
  const rgb = balance >= 0 ? mix(mixed, [30, 142, 62], balance) : mix(mixed, [197, 54, 43], -balance);
  return 'rgb(' + rgb.join(',') + ')';
}

function balanceBar(balance) {
  const bar = el('span', { class: 'bar', title: 'balance ' + signed(balance) + ' (−1 all conflict, +1 all cooperation)' });
  const fill = el('i');
  const half = Math.abs(balance) * 50;
  fill.style.left = (balance >= 0 ? 50 : 50 - half) + '%';
  fill.style.width = Math.max(half, 2) + '%';
  fill.style.background = balanceColour(balance);
  bar.append(fill);
  return bar;
}

// ---------- view state in the URL

function readState() {
  const p = new URLSearchParams(location.search);
  const code = (v) => (/^[A-Z]{3}$/.test(v || '') ? v : null);
  const pair = /^[A-Z]{3}-[A-Z]{3}$/.test(p.get('pair') || '') ? p.get('pair') : null;
  const view = p.get('view') === 'pair' && pair ? 'pair' : p.get('view') === 'country' && code(p.get('country')) ? 'country' : 'graph';
  return {
    view,
    pair,
    country: code(p.get('country')),
    from: p.get('from') || '',
    to: p.get('to') || '',
    cat: /^(q[1-4]|r\d\d)$/.test(p.get('cat') || '') ? p.get('cat') : '',
    min: Math.max(1, parseInt(p.get('min'), 10) || 1),
    layout: p.get('layout') === 'map' ? 'map' : 'force',
  };
}

function stateQuery(s) {
  const p = new URLSearchParams();
  if (s.view !== 'graph') p.set('view', s.view);
  if (s.view === 'pair') p.set('pair', s.pair);
  if (s.view === 'country') p.set('country', s.country);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.cat) p.set('cat', s.cat);
  if (s.min > 1) p.set('min', s.min);
  if (s.layout !== 'force') p.set('layout', s.layout);
  const q = p.toString();
  return q ? '?' + q : '/';
}

function navigate(patch, push = true) {
  state = Object.assign({}, state, patch);
  const url = stateQuery(state);
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  render(push);
}

/** The API's filter parameters for the current state; {@code withMin} for lists of pairs. */
function apiQuery(withMin) {
  const p = new URLSearchParams();
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.cat.startsWith('q')) p.set('quad', state.cat.slice(1));
  if (state.cat.startsWith('r')) p.set('root', state.cat.slice(1));
  if (withMin && state.min > 1) p.set('minEvents', state.min);
  const q = p.toString();
  return q ? '?' + q : '';
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((body && body.error) || 'HTTP ' + response.status);
  return body;
}

function linkTo(patch, text) {
  const target = Object.assign({}, state, patch);
  const a = el('a', { href: stateQuery(target) }, text);
  a.addEventListener('click', (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(patch);
  });
  return a;
}

// ---------- rendering

async function render(moveFocus) {
  const seq = ++loadSeq;
  syncFilters();
  for (const v of ['graph', 'pair', 'country']) $('view-' + v).hidden = v !== state.view;
  renderCrumbs();
  renderExport();
  const status = $('status');
  status.textContent = 'loading…';
  try {
    if (state.view === 'pair') await renderPair(seq);
    else if (state.view === 'country') await renderCountry(seq);
    else await renderGraph(seq);
    if (seq === loadSeq) document.body.dataset.rendered = state.view + ':' + seq;
  } catch (e) {
    if (seq === loadSeq) status.textContent = 'could not load: ' + e.message;
    return;
  }
  if (moveFocus) $('main').focus({ preventScroll: true });
}

function renderCrumbs() {
  const crumbs = $('crumbs');
  crumbs.replaceChildren(el('li', null, state.view === 'graph' ? 'Relations' : linkTo({ view: 'graph' }, 'Relations')));
  if (state.view === 'pair') {
    const [a, b] = state.pair.split('-');
    crumbs.append(el('li', null, linkTo({ view: 'country', country: a }, name(a))));
    crumbs.append(el('li', { 'aria-current': 'page' }, name(b)));
  } else if (state.view === 'country') {
    crumbs.append(el('li', { 'aria-current': 'page' }, name(state.country)));
  }
}

function renderExport() {
  const box = $('export');
  const onPair = state.view === 'pair';
  const base = onPair ? '/pairs/' + state.pair + '/events' : null;
  const csv = onPair ? base + '.csv' + apiQuery(false) : '/pairs.csv' + apiQuery(true);
  const json = onPair ? base + apiQuery(false) : '/relations' + apiQuery(true);
  const what = onPair ? 'events' : 'pairs';
  box.replaceChildren(
    'Export ' + what + ':',
    el('a', { href: csv, download: onPair ? state.pair + '-events.csv' : 'pairs.csv', 'aria-label': 'Export ' + what + ' as CSV' }, 'CSV'),
    el('a', { href: json, download: onPair ? state.pair + '-events.json' : 'pairs.json', 'aria-label': 'Export ' + what + ' as JSON' }, 'JSON'));
}

function describe(filtersOnly) {
  const parts = [];
  if (state.from || state.to) parts.push((state.from || '…') + ' to ' + (state.to || '…'));
  if (state.cat.startsWith('q')) parts.push(QUADS[+state.cat[1] - 1]);
  if (state.cat.startsWith('r')) parts.push(ROOTS[state.cat.slice(1)] + ' (' + state.cat.slice(1) + ')');
  if (!filtersOnly && state.min > 1) parts.push('at least ' + state.min + ' events');
  return parts.length ? ' · ' + parts.join(' · ') : '';
}

// ----- the graph

async function renderGraph(seq) {
  const relations = await getJson('/relations' + apiQuery(true));
  if (seq !== loadSeq) return;
  const byCountry = new Map();
  for (const r of relations) {
    for (const c of [r.countryA, r.countryB]) {
      const n = byCountry.get(c) || { id: c, events: 0, partners: 0 };
      n.events += r.events;
      n.partners += 1;
      byCountry.set(c, n);
    }
  }
  const nodes = [...byCountry.values()].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id));
  const links = relations.map((r) => ({ source: r.countryA, target: r.countryB, r }));
  for (const n of nodes) n.radius = Math.min(40, 9 + 4.5 * Math.sqrt(n.events));
  if (state.layout === 'map') {
    await loadLand();
    if (seq !== loadSeq) return;
    mapLayout(nodes, links);
  }
  else forceLayout(nodes, links);
  drawGraph(nodes, links);
  drawPairTable(relations);
  const events = relations.reduce((s, r) => s + r.events, 0);
  $('status').textContent = relations.length
    ? plural(relations.length, 'pair') + ', ' + plural(nodes.length, 'country', 'countries') + ', ' + plural(events, 'event') + describe(false)
    : 'No pairs' + describe(false) + '.';
  freshPairs = new Set();
}

function forceLayout(nodes, links) {
  const sim = d3.forceSimulation(nodes)
    .force('link', d3.forceLink(links).id((d) => d.id).distance((l) => 90 + l.source.radius + l.target.radius))
    .force('charge', d3.forceManyBody().strength(-420))
    .force('collide', d3.forceCollide((d) => d.radius + 22))
    .force('x', d3.forceX(0).strength(0.04))
    .force('y', d3.forceY(0).strength(0.06))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick(); // laid out once, without animation: the picture is stable
  fit(nodes, (n) => n.x, (n) => n.y, 70, 2);
}

function mapLayout(nodes, links) {
  for (const n of nodes) {
    const c = countries[n.id];
    n.lon = c ? c.lon : 0;
    n.lat = c ? c.lat : 0;
  }
  // the countries shown and some of their surroundings, at least 40° by 25°, filling the drawing
  const lon = nodes.length ? nodes.map((n) => n.lon) : [-170, 170];
  const lat = nodes.length ? nodes.map((n) => n.lat) : [-55, 75];
  const cx = (Math.min(...lon) + Math.max(...lon)) / 2;
  const cy = (Math.min(...lat) + Math.max(...lat)) / 2;
  const spanX = Math.max(40, Math.max(...lon) - Math.min(...lon) + 24);
  const spanY = Math.max(25, Math.max(...lat) - Math.min(...lat) + 16);
  const k = Math.min(W / spanX, H / spanY);
  const project = (lo, la) => [W / 2 + k * (lo - cx), H / 2 - k * (la - cy)];
  const box = { x0: cx - W / 2 / k, x1: cx + W / 2 / k, y0: cy - H / 2 / k, y1: cy + H / 2 / k };
  for (const n of nodes) {
    [n.gx, n.gy] = project(n.lon, n.lat);
    n.x = n.gx;
    n.y = n.gy;
  }
  // each country at its centroid, nudged apart only as much as the circles and their names need
  const sim = d3.forceSimulation(nodes)
    .force('x', d3.forceX((d) => d.gx).strength(0.6))
    .force('y', d3.forceY((d) => d.gy).strength(0.6))
    .force('collide', d3.forceCollide((d) => d.radius + 20))
    .force('link', d3.forceLink(links).id((d) => d.id).strength(0))
    .stop();
  for (let i = 0; i < 120; i++) sim.tick();
  const span = box.x1 - box.x0;
  state.grid = { box, project, step: span > 180 ? 30 : span > 60 ? 10 : 5 };
}

let land = null;

/** The land outlines (Natural Earth 1:110m via world-atlas), fetched the first time the map layout is shown. */
async function loadLand() {
  if (!land) {
    const topology = await getJson('/assets/vendor/land-110m.json');
    land = topojson.feature(topology, topology.objects.land);
  }
  return land;
}

/** Scales positions into the drawing with a margin, enlarging at most {@code maxScale} times. */
function fit(nodes, x, y, margin, maxScale) {
  state.grid = null;
  if (!nodes.length) return;
  const xs = nodes.map(x);
  const ys = nodes.map(y);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const k = Math.min(maxScale, (W - 2 * margin) / Math.max(1, x1 - x0), (H - 2 * margin) / Math.max(1, y1 - y0));
  for (const n of nodes) {
    n.x = W / 2 + (x(n) - (x0 + x1) / 2) * k;
    n.y = H / 2 + (y(n) - (y0 + y1) / 2) * k;
  }
}

function drawGraph(nodes, links) {
  const root = $('graph');
  root.replaceChildren();
  if (state.layout === 'map' && state.grid) drawGrid(root, state.grid);
  const edgeLayer = svg('g', { class: 'edges' });
  const nodeLayer = svg('g', { class: 'nodes' });
  root.append(edgeLayer, nodeLayer);
  for (const l of links) {
    const r = l.r;
    const g = svg('g', {
      class: 'pair' + (freshPairs.has(r.pairId) ? ' fresh' : ''), tabindex: 0, role: 'link', 'data-pair': r.pairId,
      'aria-label': pairName(r.pairId) + ': ' + plural(r.events, 'event') + ', ' + r.cooperation + ' cooperation, ' + r.conflict + ' conflict',
    });
    const coords = { x1: l.source.x, y1: l.source.y, x2: l.target.x, y2: l.target.y };
    g.append(
      svg('line', Object.assign({ class: 'edge', stroke: balanceColour(r.balance), 'stroke-width': Math.min(18, 2 + 2.2 * Math.sqrt(r.events)) }, coords)),
      svg('line', Object.assign({ class: 'hit' }, coords)));
    const mid = () => [(l.source.x + l.target.x) / 2, (l.source.y + l.target.y) / 2];
    hoverable(g, () => pairTip(r), mid);
    activate(g, () => navigate({ view: 'pair', pair: r.pairId }));
    edgeLayer.append(g);
  }
  for (const n of nodes) {
    const g = svg('g', {
      class: 'node', tabindex: 0, role: 'link', 'data-country': n.id, transform: 'translate(' + n.x.toFixed(1) + ',' + n.y.toFixed(1) + ')',
      'aria-label': name(n.id) + ': ' + plural(n.events, 'event') + ' with ' + plural(n.partners, 'partner'),
    });
    g.append(
      svg('circle', { r: n.radius.toFixed(1) }),
      svg('text', { class: 'code', text: n.id }),
      svg('text', { class: 'label', y: (n.radius + 14).toFixed(1), 'text-anchor': 'middle', text: name(n.id) }));
    hoverable(g, () => [name(n.id), plural(n.events, 'event') + ' · ' + plural(n.partners, 'partner')], () => [n.x, n.y - n.radius]);
    activate(g, () => navigate({ view: 'country', country: n.id }));
    nodeLayer.append(g);
  }
}

function drawGrid(root, grid) {
  const layer = svg('g', { class: 'grid-layer', 'aria-hidden': 'true' });
  const { box, project, step } = grid;
  if (land) {
    let d = '';
    for (const feature of land.features) {
      const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
      for (const ring of polygons.flat()) {
        // a ring that crosses the antimeridian jumps from +180 to -180: keep it continuous (past 180°) instead of
        // drawing a line across the whole map, then move it back by 360° if most of it left the map
        let shift = 0;
        let last = ring[0][0];
        const lons = ring.map(([lo]) => {
          if (lo - last > 180) shift -= 360;
          else if (last - lo > 180) shift += 360;
          last = lo;
          return lo + shift;
        });
        const middle = (Math.min(...lons) + Math.max(...lons)) / 2;
        const back = middle > 180 ? -360 : middle < -180 ? 360 : 0;
        d += 'M' + ring.map(([, la], i) => project(lons[i] + back, la).map((v) => v.toFixed(1)).join(',')).join('L') + 'Z';
      }
    }
    layer.append(svg('path', { class: 'land', d }));
  }
  for (let lo = Math.ceil(Math.max(-180, box.x0) / step) * step; lo <= Math.min(180, box.x1); lo += step) {
    const [x1, y1] = project(lo, box.y1);
    const [x2, y2] = project(lo, box.y0);
    layer.append(svg('line', { class: 'grid', x1, y1, x2, y2 }),
      svg('text', { class: 'grid-label', x: x1 + 3, y: y2 - 4, text: Math.abs(lo) + '°' + (lo < 0 ? 'W' : lo > 0 ? 'E' : '') }));
  }
  for (let la = Math.ceil(Math.max(-90, box.y0) / step) * step; la <= Math.min(90, box.y1); la += step) {
    const [x1, y1] = project(box.x0, la);
    const [x2, y2] = project(box.x1, la);
    layer.append(svg('line', { class: 'grid', x1, y1, x2, y2 }),
      svg('text', { class: 'grid-label', x: x1 + 3, y: y1 - 3, text: Math.abs(la) + '°' + (la < 0 ? 'S' : la > 0 ? 'N' : '') }));
  }
  root.append(layer);
}

function pairTip(r) {
  return [
    pairName(r.pairId),
    plural(r.events, 'event') + ' (' + r.cooperation + ' cooperation, ' + r.conflict + ' conflict) · ' + plural(r.articles, 'article'),
    'avg. Goldstein ' + signed(r.goldsteinAverage) + ' · balance ' + signed(r.balance),
    r.firstDate === r.lastDate ? r.lastDate : r.firstDate + ' to ' + r.lastDate,
  ];
}

function hoverable(target, lines, anchor) {
  const tip = $('tooltip');
  const show = (x, y) => {
    const [title, ...rest] = lines();
    tip.replaceChildren(el('strong', null, title), ...rest.flatMap((line, i) => (i ? [el('br'), line] : [line])));
    tip.hidden = false;
    const box = $('graph').getBoundingClientRect();
    const frame = tip.parentElement.getBoundingClientRect();
    const left = Math.min(x, box.width - tip.offsetWidth - 8);
    tip.style.left = Math.max(4, left) + 'px';
    tip.style.top = Math.max(4, y - tip.offsetHeight - 12 + (box.top - frame.top)) + 'px';
  };
  const fromSvg = () => {
    const [x, y] = anchor();
    const box = $('graph').getBoundingClientRect();
    const k = Math.min(box.width / W, box.height / H);
    return [(box.width - W * k) / 2 + x * k, (box.height - H * k) / 2 + y * k];
  };
  target.addEventListener('mousemove', (e) => {
    const box = $('graph').getBoundingClientRect();
    show(e.clientX - box.left + 12, e.clientY - box.top);
  });
  target.addEventListener('focus', () => show(...fromSvg()));
  for (const type of ['mouseleave', 'blur']) target.addEventListener(type, () => { tip.hidden = true; });
}

function activate(target, action) {
  target.addEventListener('click', action);
  target.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      action();
    }
  });
}

function drawPairTable(relations) {
  const body = $('pairs-body');
  body.replaceChildren();
  if (!relations.length) body.append(el('tr', null, el('td', { colspan: 4, class: 'empty' }, 'no pairs for these filters')));
  for (const r of relations) {
    body.append(el('tr', { class: freshPairs.has(r.pairId) ? 'fresh' : null, 'data-pair': r.pairId },
      el('td', null, linkTo({ view: 'pair', pair: r.pairId }, pairName(r.pairId))),
      el('td', { class: 'num' }, r.events),
      el('td', { class: 'num' }, r.articles),
      el('td', null, balanceBar(r.balance))));
  }
}

// ----- a pair's page

async function renderPair(seq) {
  const pair = state.pair;
  const events = await getJson('/pairs/' + pair + '/events' + apiQuery(false));
  if (seq !== loadSeq) return;
  $('pair-title').textContent = pairName(pair);
  const coop = events.filter((e) => e.quadClass <= 2).length;
  const outlets = new Set(events.flatMap((e) => e.sources.map((s) => s.outlet || s.articleId)));
  const dates = events.map((e) => e.date).sort();
  figures($('pair-figures'), [
    ['events', events.length],
    ['articles', events.reduce((s, e) => s + e.numArticles, 0)],
    ['sources', outlets.size],
    ['cooperation', coop],
    ['conflict', events.length - coop],
    ['avg. Goldstein', events.length ? signed(events.reduce((s, e) => s + e.goldstein, 0) / events.length) : '–'],
    ['period', dates.length ? (dates[0] === dates[dates.length - 1] ? dates[0] : dates[0] + ' – ' + dates[dates.length - 1]) : '–'],
  ]);
  drawTimeline(events);
  const list = $('events');
  list.replaceChildren(...events.map(eventItem));
  if (!events.length) list.append(el('li', { class: 'empty' }, 'No events for these filters.'));
  $('events-title').textContent = 'Events (' + events.length + ', newest first)';
  $('status').textContent = plural(events.length, 'event') + describe(true);
}

function figures(dl, rows) {
  dl.replaceChildren(...rows.map(([k, v]) => el('div', null, el('dt', null, k), el('dd', null, v))));
}

function eventItem(e) {
  const arrow = e.directed ? ' → ' : ' ↔ ';
  const sentence = trim(e.sentence, SENTENCE_LIMIT);
  const item = el('li', { class: 'event', 'data-quad': e.quadClass, 'data-event': e.eventId },
    el('header', null,
      el('time', { datetime: e.date }, e.date),
      el('span', null, el('span', { class: 'code' }, e.eventCode), ' ', eventName(e.eventCode)),
      el('span', { class: 'who' }, name(e.actor1Country) + arrow + name(e.actor2Country)),
      el('span', { class: 'quad' }, QUADS[e.quadClass - 1] + ', Goldstein ' + signed(e.goldstein)),
      el('span', { class: 'counts' }, plural(e.numArticles, 'article') + ' · ' + plural(e.numSources, 'source'))),
    el('p', { class: 'sentence', title: sentence.length < (e.sentence || '').length ? e.sentence : null }, sentence));
  const sources = el('ul', { class: 'sources', 'aria-label': 'Sources' });
  for (const s of e.sources) sources.append(el('li', null, sourceLink(s), s.published ? ' · ' + when(s.published) : ''));
  item.append(sources);
  const history = el('ol');
  e.sources.forEach((s, i) => history.append(el('li', null,
    (i === 0 ? 'first report: ' : 'joined: ') + (s.outlet || 'unknown outlet') + ' (article ' + s.articleId.slice(0, 12) + ')'
      + (s.published ? ', published ' + when(s.published) : ''))));
  item.append(el('details', null,
    el('summary', null, 'Merge history: ' + e.sources.length + (e.sources.length === 1 ? ' report' : ' reports')
      + ', version ' + e.version),
    el('p', null, 'First seen ' + when(e.firstSeen) + ', last updated ' + when(e.lastUpdated) + '.'), history));
  return item;
}

function sourceLink(s) {
  const label = s.outlet || 'article ' + s.articleId.slice(0, 12);
  const href = safeUrl(s.url);
  return href ? el('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, label) : el('span', null, label);
}

function when(iso) {
  return String(iso).replace('T', ' ').slice(0, 16) + (String(iso).length > 10 ? ' UTC' : '');
}

function drawTimeline(events) {
  const days = new Map();
  for (const e of events) {
    const d = days.get(e.date) || { q: [0, 0, 0, 0], g: 0, n: 0 };
    d.q[e.quadClass - 1]++;
    d.g += e.goldstein;
    d.n++;
    days.set(e.date, d);
  }
  let labels = [...days.keys()].sort();
  if (labels.length) { // every day of the period and one either side, so gaps show, unless that is over a year of bars
    const all = [];
    const last = Date.parse(labels[labels.length - 1]) + 86400000;
    for (let t = Date.parse(labels[0]) - 86400000; t <= last && all.length <= 368; t += 86400000) {
      all.push(new Date(t).toISOString().slice(0, 10));
    }
    if (all.length <= 368) labels = all;
  }
  const datasets = QUADS.map((label, i) => ({
    type: 'bar', label, data: labels.map((d) => (days.get(d) ? days.get(d).q[i] : 0)),
    backgroundColor: QUAD_COLOURS[i], stack: 'events', yAxisID: 'y', order: 2, maxBarThickness: 40,
  }));
  datasets.push({
    type: 'line', label: 'avg. Goldstein', data: labels.map((d) => (days.get(d) ? +(days.get(d).g / days.get(d).n).toFixed(2) : null)),
    borderColor: '#1f3a5f', backgroundColor: '#1f3a5f', yAxisID: 'g', spanGaps: true, tension: 0.2, order: 1, pointRadius: 3,
  });
  if (timelineChart) timelineChart.destroy();
  timelineChart = new Chart($('timeline'), {
    data: { labels, datasets },
    options: {
      animation: false, maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
      scales: {
        x: { stacked: true, ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 12 } },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'events' } },
        g: { position: 'right', min: -10, max: 10, grid: { drawOnChartArea: false }, title: { display: true, text: 'Goldstein' } },
      },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
    },
  });
}

// ----- a country's page

async function renderCountry(seq) {
  const code = state.country;
  const relations = await getJson('/relations' + apiQuery(true));
  if (seq !== loadSeq) return;
  const mine = relations.filter((r) => r.countryA === code || r.countryB === code);
  const c = countries[code];
  $('country-title').textContent = name(code) + ' (' + code + ')';
  $('country-aliases').textContent = c && c.aliases.length ? 'Also: ' + c.aliases.join(' · ') : '';
  const sum = (f) => mine.reduce((s, r) => s + f(r), 0);
  const events = sum((r) => r.events);
  figures($('country-figures'), [
    ['partners', mine.length], ['events', events], ['articles', sum((r) => r.articles)],
    ['cooperation', sum((r) => r.cooperation)], ['conflict', sum((r) => r.conflict)],
    ['avg. Goldstein', events ? signed(sum((r) => r.goldsteinAverage * r.events) / events) : '–'],
  ]);
  const body = $('partners-body');
  body.replaceChildren();
  mine.forEach((r, i) => {
    const partner = r.countryA === code ? r.countryB : r.countryA;
    body.append(el('tr', { 'data-pair': r.pairId, class: freshPairs.has(r.pairId) ? 'fresh' : null },
      el('td', { class: 'num' }, i + 1),
      el('td', null, linkTo({ view: 'pair', pair: r.pairId }, name(partner))),
      el('td', { class: 'num' }, r.events), el('td', { class: 'num' }, r.articles),
      el('td', { class: 'num' }, r.cooperation), el('td', { class: 'num' }, r.conflict),
      el('td', { class: 'num' }, signed(r.goldsteinAverage)), el('td', null, balanceBar(r.balance)),
      el('td', null, r.lastDate)));
  });
  if (!mine.length) body.append(el('tr', null, el('td', { colspan: 9, class: 'empty' }, 'No partners for these filters.')));
  $('status').textContent = plural(mine.length, 'partner') + ', most events first' + describe(false);
  freshPairs = new Set();
}

// ---------- filters

function syncFilters() {
  $('f-from').value = state.from;
  $('f-to').value = state.to;
  $('f-cat').value = state.cat;
  $('f-min').value = state.min;
  $('f-layout').value = state.layout;
  $('f-layout').disabled = state.view !== 'graph';
}

function initFilters() {
  const roots = $('f-roots');
  for (const [code, label] of Object.entries(ROOTS)) roots.append(el('option', { value: 'r' + code }, code + ' ' + label));
  const apply = () => navigate({
    from: $('f-from').value, to: $('f-to').value, cat: $('f-cat').value,
    min: Math.max(1, parseInt($('f-min').value, 10) || 1), layout: $('f-layout').value,
  }, false);
  $('filters').addEventListener('change', apply);
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  $('f-reset').addEventListener('click', () => navigate({ from: '', to: '', cat: '', min: 1, layout: 'force' }, false));
}

// ---------- country search (the names the engine reads: common, official, other spellings, demonyms)

function fold(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function search(query) {
  const q = fold(query.trim());
  if (!q) return [];
  const scored = [];
  for (const [code, c] of Object.entries(countries)) {
    const n = fold(c.name);
    let score = code.toLowerCase() === q ? 0 : n.startsWith(q) ? 1 : n.includes(q) ? 2 : -1;
    let via = null;
    if (score < 0) {
      via = c.aliases.find((a) => fold(a).includes(q));
      score = via ? 3 : -1;
    }
    if (score >= 0) scored.push({ code, score, via });
  }
  return scored.sort((a, b) => a.score - b.score || name(a.code).localeCompare(name(b.code))).slice(0, 10);
}

function initSearch() {
  const input = $('country-search');
  const list = $('search-results');
  let active = -1;
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
  const open = (code) => { close(); input.value = ''; navigate({ view: 'country', country: code }); };
  const mark = () => {
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', i === active ? 'true' : 'false'));
    if (active >= 0) input.setAttribute('aria-activedescendant', list.children[active].id);
  };
  input.addEventListener('input', () => {
    const found = search(input.value);
    list.replaceChildren(...found.map((f, i) => {
      const li = el('li', { id: 'search-' + i, role: 'option', 'data-country': f.code, 'aria-selected': 'false' },
        name(f.code), el('small', null, f.code + (f.via ? ' · ' + f.via : '')));
      li.addEventListener('mousedown', (e) => { e.preventDefault(); open(f.code); });
      return li;
    }));
    if (!found.length && input.value.trim()) list.append(el('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, 'no country of that name'));
    active = found.length ? 0 : -1;
    list.hidden = !input.value.trim();
    input.setAttribute('aria-expanded', String(!list.hidden));
    mark();
  });
  input.addEventListener('keydown', (e) => {
    const n = list.querySelectorAll('[data-country]').length;
    if (e.key === 'ArrowDown' && n) { active = (active + 1) % n; mark(); e.preventDefault(); }
    else if (e.key === 'ArrowUp' && n) { active = (active - 1 + n) % n; mark(); e.preventDefault(); }
    else if (e.key === 'Enter' && active >= 0 && n) { e.preventDefault(); open(list.children[active].dataset.country); }
    else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', close);
}

// ---------- live updates over Server-Sent Events

function initLive() {
  const badge = $('live');
  const text = $('live-text');
  let source = null;
  let retry = 1000;
  let timer = null;
  let updates = 0;
  let missed = false;
  const set = (s, label) => { badge.dataset.state = s; text.textContent = label; };
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => render(false), 300);
  };
  const connect = () => {
    set(updates ? 'reconnecting' : 'connecting', updates ? 'reconnecting…' : 'connecting…');
    source = new EventSource('/events/stream');
    source.onopen = () => {
      retry = 1000;
      set('live', 'live' + (updates ? ' · ' + plural(updates, 'update') : ''));
      if (missed) refreshSoon(); // whatever committed while the stream was down
      missed = false;
    };
    source.addEventListener('relationship-event', (m) => {
      updates++;
      set('live', 'live · ' + plural(updates, 'update') + ', last ' + new Date().toLocaleTimeString());
      let pairId = null;
      try {
        pairId = JSON.parse(m.data).pairId;
      } catch (e) {
        console.warn('unreadable event', e);
      }
      if (pairId) freshPairs.add(pairId);
      // a pair's or a country's page only changes with its own events
      if (state.view === 'graph' || !pairId || pairId === state.pair || (state.view === 'country' && pairId.includes(state.country))) {
        refreshSoon();
      }
    });
    source.onerror = () => {
      missed = true;
      set('reconnecting', 'reconnecting…');
      if (source.readyState === EventSource.CLOSED) { // the browser gave up (e.g. a 503): try again, more slowly each time
        setTimeout(connect, retry);
        retry = Math.min(retry * 2, 30000);
      }
    };
  };
  connect();
}

// ---------- start

async function start() {
  initFilters();
  initSearch();
  window.addEventListener('popstate', () => { state = readState(); render(false); });
  try {
    countries = await getJson('/assets/vendor/countries.json');
  } catch (e) {
    $('status').textContent = 'country names unavailable: ' + e.message;
  }
  await render(false);
  initLive();
}

start();
