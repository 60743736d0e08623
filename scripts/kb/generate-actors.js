#!/usr/bin/env node
// Generates three tables of the knowledge base from the PETRARCH2 / Phoenix actor dictionaries
// (../shared/reference/petrarch2, MIT, Open Event Data Alliance; format in dictionaries.rst there).
// No network, no dependencies: node generate-actors.js [path/to/petrarch2]
//
//  - kb/officials.tsv: office-holders of Phoenix.Countries.actors.txt with the date ranges in which they acted for
//    their state. Kept: the codes of a state (three letters, CAMEO codes mapped to ISO 3166-1 alpha-3) with a sector
//    that acts for it: GOV and its sub-sectors (GOVMIL, GOVBUS …), MIL, SPY, COP, JUD. Dropped: ELI (elites, which is
//    what the dictionary calls former office-holders), OPP, REB, LEG (single legislators), PTY, BUS, IGO codes and
//    country names (no person). The role column is the CAMEO sector code; Phoenix does not say which office.
//    Name variants: the primary name and its '+' synonyms written in title case, without those that carry a title or
//    a nationality ("PRESIDENT_PUTIN", "RUSSIAN_FOREIGN_MINISTER_LAVROV": the tagger reads titles from context), that
//    are a single word (a bare surname is resolved from the full name in the same article) or that are not in Latin
//    letters. Malformed dates (7, 9 or 10 digits) drop that range; six-digit years YY <= 30 are 20YY, others 19YY.
//  - kb/armed-groups.tsv: the groups of Phoenix.MilNonState.actors.txt (never a country: see RELATIONS-GUIDE.md).
//  - kb/international-orgs.tsv: the IGO entries of Phoenix.International.actors.txt (companies and NGOs are left out).
//    For both: names in title case, bracketed acronyms of at least three letters as aliases unless they are the
//    name or alias of a state's own body in kb/actors.tsv (e.g. PLA), persons (a name whose first word is a given
//    name and that has no organisation word) dropped.
// The project's own additions are in kb/officials-since-2015.tsv and kb/groups-own.tsv (written by hand).
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const SRC = process.argv[2] || path.resolve(ROOT, '../shared/reference/petrarch2');
const KB = path.join(ROOT, 'enrich-engine/src/main/resources/kb');

// CAMEO country codes that are not ISO 3166-1 alpha-3, mapped to the successor state (as kb/actors.tsv resolves
// historical names); codes not mapped and not in geo-countries.tsv (KNT, IMG, IGO …) are no state.
const CAMEO_TO_ISO = { TMP: 'TLS', KSV: 'XKX', DDR: 'DEU', USR: 'RUS', SUN: 'RUS', YUG: 'SRB', SCG: 'SRB', FRY: 'SRB',
  CSK: 'CZE', ROM: 'ROU', ZAR: 'COD' };
// sectors that act for a state (RELATIONS-GUIDE.md: government, ministers, armed forces, police, courts, intelligence)
const STATE_SECTOR = /^(GOV[A-Z]*|MIL[A-Z]*|SPY|COP|JUD)$/;
const NOT_STATE_SECTOR = /LEG/; // a single legislator ("USAGOVLEG" for a senator) is no government

const ISO = new Set();
const DEMONYMS = new Set(); // words of country names and demonyms, folded: "RUSSIAN_PRESIDENT_..." is a titled alias
for (const line of fs.readFileSync(path.join(KB, 'geo-countries.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const c = line.split('\t');
  ISO.add(c[0]);
  for (const n of [c[1], ...c[2].split('|'), ...c[3].split('|')]) {
    if (n && !n.includes(' ')) DEMONYMS.add(n.toUpperCase());
  }
}
ISO.add('XKX');

// titles and role words: an alias with one of them names the office, not only the person
const TITLES = new Set(`PRESIDENT PRESIDENTS PRIME MINISTER MINISTERS SECRETARY SECRETARY-GENERAL SECY SEC. GEN. GEN
  GENERAL LT. LT COL. COL MAJ. ADMIRAL ADM. AMBASSADOR AMB. SENATOR SEN. REP. REPRESENTATIVE CONGRESSMAN GOVERNOR GOV.
  MR MR. MRS MRS. MS DR DR. KING QUEEN PRINCE PRINCESS CROWN SHEIKH SHAIKH SHEIK EMIR AMIR SULTAN AYATOLLAH MULLAH
  CHANCELLOR PREMIER CHAIRMAN LEADER FOREIGN DEFENSE DEFENCE INTERIOR FINANCE MARSHAL FIELD COMMANDER CHIEF HEAD
  SPEAKER DEPUTY VICE ENVOY MAYOR JUDGE JUSTICE FORMER THE OF SIR LORD LADY HIS HER HE SHE PRESIDENT-ELECT
  MINISTRY GOVERNMENT OFFICIAL SPOKESMAN`.split(/\s+/).filter(Boolean));

// a name whose first word is one of these and that has no organisation word is a person
const GIVEN = new Set();
for (const line of fs.readFileSync(path.join(KB, 'person-names.tsv'), 'utf8').split('\n')) {
  const c = line.split('\t');
  if (c[1] === 'given') GIVEN.add(c[0].toUpperCase());
}
for (const w of ['MOHAMMED', 'MOHAMMAD', 'MUHAMMAD', 'AHMED', 'AHMAD', 'ABDUL', 'ABU', 'SHEIKH', 'MULLAH', 'ALI',
  'HASSAN', 'KHALED', 'KHALID', 'OMAR', 'OSAMA', 'AYMAN', 'SAMI', 'HAFIZ', 'ABDULLAH', 'IBRAHIM', 'YUSUF']) {
  GIVEN.add(w);
}
const ORG_WORDS = /\b(ARMY|FRONT|BRIGADES?|BATTALIONS?|MOVEMENT|GROUP|GROUPS|PARTY|ORGANI[SZ]ATION|COUNCIL|FORCES?|FACTION|LEAGUE|UNION|COMMITTEE|CELLS?|NUCLEI|NUCLEUS|COMMANDOS?|MILITIA|JIHAD|ALLIANCE|ASSOCIATION|FEDERATION|COMMISSION|BANK|FUND|AGENCY|COURT|TRIBUNAL|OFFICE|PROGRAMME|PROGRAM|SECRETARIAT|ASSEMBLY|PARLIAMENT|COMMUNITY|INSTITUTE|CENTRE|CENTER|TIGERS|REBELS|MUJAHIDEEN|MUJAHIDIN|TALIBAN|STATE|NETWORK|CONFERENCE)\b/;

// state bodies and other names the hand-written table gives a country: never a group's acronym
const STATE_NAMES = new Set();
for (const line of fs.readFileSync(path.join(KB, 'actors.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const c = line.split('\t');
  if (c[2] && c[2] !== '-') {
    for (const n of [c[4], ...(c[5] || '').split('|')]) if (n && n !== '-') STATE_NAMES.add(n.toUpperCase());
  }
}
for (const n of ISO) STATE_NAMES.add(n);

const stats = { persons: 0, personsKept: 0, terms: 0, badDates: 0, aliasesDropped: 0, groups: 0, igos: 0,
  personsAsGroup: 0, acronymsDropped: 0 };

// ---------------------------------------------------------------------------------------------------------------
// Parsing (dictionaries.rst: a primary phrase with an optional [code], '+' synonyms, tab-indented date restrictions)

function blocks(file) {
  const out = [];
  let cur = null;
  for (const raw of fs.readFileSync(file, 'latin1').split(/\r?\n/)) {
    const comment = (raw.match(/[#;](.*)$/) || [, ''])[1].trim();
    const line = raw.replace(/\s*[#;].*$/, '');
    if (!line.trim()) continue;
    if (/^\s/.test(line)) { // restrictions of the current block
      if (cur) for (const m of line.matchAll(/\[([^\]]*)\]/g)) cur.codes.push({ spec: m[1].trim(), comment });
      continue;
    }
    const inline = [...line.matchAll(/\[([^\]]*)\]/g)].map(m => ({ spec: m[1].trim(), comment }));
    const name = line.replace(/\[[^\]]*\]/g, '').trim();
    if (line.startsWith('+')) {
      if (cur) { cur.names.push(name.slice(1)); cur.codes.push(...inline); }
      continue;
    }
    cur = { names: [name], codes: inline, comment };
    out.push(cur);
  }
  return out;
}

function isoDate(s) {
  if (/^\d{6}$/.test(s)) {
    const yy = +s.slice(0, 2);
    return `${yy <= 30 ? 2000 + yy : 1900 + yy}-${s.slice(2, 4)}-${s.slice(4, 6)}`;
  }
  if (/^\d{8}$/.test(s)) return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  return null;
}

/** {code, from, to} of a restriction "CODE", "CODE a-b", "CODE >a", "CODE <b"; null when a date is malformed. */
function restriction(spec) {
  const m = spec.match(/^(\S+)\s*(.*)$/);
  if (!m) return null;
  const code = m[1];
  const d = m[2].replace(/\s+/g, '');
  if (!d) return { code, from: '-', to: '-' };
  let r;
  if ((r = d.match(/^>(\d+)$/))) return isoDate(r[1]) ? { code, from: isoDate(r[1]), to: '-' } : null;
  if ((r = d.match(/^<(\d+)$/))) return isoDate(r[1]) ? { code, from: '-', to: isoDate(r[1]) } : null;
  if ((r = d.match(/^(\d+)-(\d+)$/))) {
    const a = isoDate(r[1]);
    const b = isoDate(r[2]);
    return a && b ? { code, from: a, to: b } : null;
  }
  return null;
}

function words(name) {
  return name.replace(/_+/g, ' ').replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
}

const FUNCTION_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'du', 'des', 'la', 'le', 'el', 'al',
  'da', 'del', 'von', 'van', 'bin', 'y', 'to', 'at']);
const ENGLISH = new Set(fs.readFileSync(path.join(KB, 'english-words.txt'), 'utf8').split('\n'));

/** "APO'S_YOUTH" -> "Apo's Youth", "UN_ENVOY" -> "UN Envoy", "ARMY_OF_GOD" -> "Army of God". */
function titleCase(ws, acronyms) {
  return ws.map((w, i) => {
    const l = w.toLowerCase();
    if (i > 0 && FUNCTION_WORDS.has(l)) return l;
    if (acronyms && /^[A-Z.]{2,5}$/.test(w) && !ENGLISH.has(l) && (w.length <= 2 || w.includes('.'))) {
      return w; // "UN", "U.N.", "EU": an acronym in an organisation's name stays
    }
    return l.replace(/(^|[-.])(\p{L})/gu, (m, p, c) => p + c.toUpperCase());
  }).join(' ');
}

function latin(ws) {
  return ws.every(w => /^[A-Z\u00C0-\u024F][A-Z\u00C0-\u024F'.\-]*$/i.test(w));
}

function slug(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Office-holders

function personName(raw) {
  const ws = words(raw);
  if (ws.length < 2 || !latin(ws)) return null;
  if (ws.some(w => TITLES.has(w.toUpperCase()) || DEMONYMS.has(w.toUpperCase()))) return null;
  return titleCase(ws);
}

function officials() {
  const rows = [];
  for (const b of blocks(path.join(SRC, 'Phoenix.Countries.actors.txt'))) {
    const dated = b.codes.length > 0 && !(b.codes.length === 1 && b.names.length > 0 && /^[A-Z]{3}$/.test(b.codes[0].spec));
    if (!dated || b.codes.every(c => /^[A-Z]{3}$/.test(c.spec))) continue; // a country or place, no person
    stats.persons++;
    const terms = [];
    for (const c of b.codes) {
      const r = restriction(c.spec);
      if (!r) { stats.badDates++; continue; }
      const cc = CAMEO_TO_ISO[r.code.slice(0, 3)] || r.code.slice(0, 3);
      const sector = r.code.slice(3);
      if (!ISO.has(cc) || !STATE_SECTOR.test(sector) || NOT_STATE_SECTOR.test(sector)) continue;
      terms.push({ country: cc, role: sector, from: r.from, to: r.to, note: c.comment.replace(/\t/g, ' ') });
    }
    if (!terms.length) continue;
    const names = [];
    for (const n of b.names) {
      const p = personName(n);
      if (p && !names.includes(p)) names.push(p); else if (!p) stats.aliasesDropped++;
    }
    if (!names.length) continue;
    stats.personsKept++;
    const id = 'person:' + slug(names[0]);
    for (const t of terms) {
      stats.terms++;
      rows.push([id, names[0], names.slice(1).join('|') || '-', t.country, t.role, t.from, t.to,
        'Phoenix.Countries.actors.txt', t.note || '-'].join('\t'));
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Armed groups and international organisations

function groupNames(raw) {
  let s = raw.replace(/_+/g, ' ').replace(/\s+/g, ' ').trim();
  const acronyms = [...s.matchAll(/\(([^)]*)\)/g)].map(m => m[1].trim());
  s = s.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim().replace(/^THE /i, '');
  const out = [];
  const ws = s.split(' ').filter(Boolean);
  if (ws.length === 1 && ENGLISH.has(ws[0].toLowerCase())) return out; // "Avengers", "Provos": a word, not a name
  if (ws.length && latin(ws.map(w => w.replace(/[/&,:]/g, '')))) {
    // a lone word of at most six capitals stays an acronym ("ETA", "IAEA"); other words take title case
    out.push(ws.length === 1 && ws[0].length <= 6 ? ws[0] : titleCase(ws, true));
  }
  for (const a of acronyms) {
    if (/^[A-Z][A-Z\-.]{2,}$/.test(a) && !STATE_NAMES.has(a)) out.push(a);
    else stats.acronymsDropped++;
  }
  return out;
}

function looksLikePerson(name) {
  const ws = name.toUpperCase().split(' ');
  return ws.length >= 2 && GIVEN.has(ws[0].replace(/[^A-Z]/g, '')) && !ORG_WORDS.test(name.toUpperCase());
}

function groups(file, keep, role, strict) {
  const rows = [];
  const seen = new Set();
  for (const b of blocks(path.join(SRC, file))) {
    if (!b.codes.some(c => keep(c.spec.split(/\s/)[0]))) continue;
    const orgLike = n => ORG_WORDS.test(n.toUpperCase()) || !n.includes(' ') || /\b(UN|U\.N\.|EU|E\.U\.|UNITED NATIONS)\b/i.test(n);
    if (b.codes.some(c => /\d/.test(c.spec))) continue; // dated: a person's term (Kofi Annan, Ahmed Yassin)
    const names = [];
    for (const n of b.names) {
      for (const g of groupNames(n)) {
        if (looksLikePerson(g) || (strict && !orgLike(g))) { stats.personsAsGroup++; continue; }
        if (STATE_NAMES.has(g.toUpperCase())) continue;
        if (!names.includes(g)) names.push(g);
      }
    }
    if (!names.length) continue;
    const id = 'org:' + slug(names[0]);
    if (seen.has(id)) continue;
    seen.add(id);
    rows.push([id, names[0], names.slice(1).join('|') || '-', role, 'Phoenix.' + file.split('.')[1]].join('\t'));
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------

const LICENCE = 'MIT, see LICENSE-petrarch2.txt';
const off = officials();
fs.writeFileSync(path.join(KB, 'officials.tsv'),
  `# Office-holders acting for a state, with the dates they did (generated by scripts/kb/generate-actors.js from\n` +
  `# Phoenix.Countries.actors.txt of PETRARCH2, CountryInfo 2014-01-30, ${LICENCE}). Do not edit: later terms are in\n` +
  `# officials-since-2015.tsv. Columns: id, name, aliases (| separated or -), country (alpha-3), role (CAMEO sector\n` +
  `# code: GOV government, GOVMIL defence, MIL military, SPY intelligence, COP police, JUD courts …), from, to\n` +
  `# (ISO dates, - open), source, note (the dictionary's comment or -)\n` + off.join('\n') + '\n');

const mil = groups('Phoenix.MilNonState.actors.txt', code => code.length >= 3, 'armed group', false);
fs.writeFileSync(path.join(KB, 'armed-groups.tsv'),
  `# Armed non-state groups: never a country actor (generated by scripts/kb/generate-actors.js from\n` +
  `# Phoenix.MilNonState.actors.txt of PETRARCH2, ${LICENCE}). Own additions: groups-own.tsv.\n` +
  `# Columns: id, name, aliases (| separated or -), role, source\n` + mil.join('\n') + '\n');
stats.groups = mil.length;

const igo = groups('Phoenix.International.actors.txt', code => code.startsWith('IGO'), 'international organization', true);
fs.writeFileSync(path.join(KB, 'international-orgs.tsv'),
  `# International organisations: never a country actor (generated by scripts/kb/generate-actors.js from the IGO\n` +
  `# entries of Phoenix.International.actors.txt of PETRARCH2, ${LICENCE}). Own additions: groups-own.tsv.\n` +
  `# Columns: id, name, aliases (| separated or -), role, source\n` + igo.join('\n') + '\n');
stats.igos = igo.length;

console.log(JSON.stringify(stats));
