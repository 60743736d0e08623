#!/usr/bin/env node
// Generates enrich-service/src/main/resources/rules/cameo-cues.tsv from the PETRARCH2 CAMEO verb dictionary
// (../shared/reference/petrarch2/CAMEO.2.0.txt, MIT, Open Event Data Alliance; format in dictionaries.rst there).
// No network, no dependencies: node generate-cues.js [path/to/CAMEO.2.0.txt]
//
// What is taken:
//  - every verb of a synonym block, in all its forms ({MEETS MET MEETING}, or the regular forms), with the code of its
//    line or of its block, unless that code is the null code '---';
//  - every pattern "- PRE * POST [code]" whose words can stand as one run of tokens around the verb: braces and
//    parentheses are dropped ("- * (FOR TALKS) [036]" -> "met for talks"), synsets (&FOOD) are expanded, actor
//    placeholders ($ + % ^) at either end are cut off (the coder finds the actors itself) and a pattern with a
//    placeholder inside is dropped. A pattern is applied to the verb its comment names ("# MEET") when that verb is in
//    the block, else to every verb of the block. Codes "[a:b]" keep a (the source's act); "[:b]" and '---' are dropped.
//  - then the pruning rules below (PRUNE_*), general rules about English words, never about one article.
//
// Goldstein per code comes from rules/goldstein.tsv (code, value, source; a code not there takes its three-digit
// parent's value, then its root's). Mutual (Y: both sides act) for consult / meet / negotiate / sign / material
// cooperation codes and for symmetric "[x:x]" codes. Priority: by root (material acts above statements, 010 lowest),
// +1 for a code more specific than the root, +1 per extra token of the pattern (at most +2).
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const SRC = process.argv[2] || path.resolve(ROOT, '../shared/reference/petrarch2/CAMEO.2.0.txt');
const RULES = path.join(ROOT, 'enrich-service/src/main/resources/rules');
const OUT = path.join(RULES, 'cameo-cues.tsv');
const GOLDSTEIN = path.join(RULES, 'goldstein.tsv');
const PRUNE = !process.env.NO_PRUNE; // NO_PRUNE=1 writes the unpruned table, to measure what pruning gains

// ---------------------------------------------------------------------------------------------------------------
// Pruning rules (general; see scripts/kb/README.md)

// 1. Light verbs. Single words are cues only when they are not among these: auxiliaries, light verbs and the
// commonest English verbs whose everyday senses ("face a problem", "run a company", "hold a stake", "address the
// crowd", "call it", "died") are far more frequent in news than the political one the dictionary's synonym blocks give
// them; verbs of thought without a partner ("traders weigh tensions", "mulled"), "sworn in", the verbs of games
// ("beat Iran 2-1"), the present of the verbs of struggle, which news uses for problems and as nouns ("the fight
// against terrorism", "combat drug trafficking": the past "fought" stays), idioms ("kicked off") and "demonstrates"
// (shows). Their phrases ("hold talks", "call for", "put on trial") stay: the phrase carries the sense.
const LIGHT_VERBS = `
  be is are was were been being am have has had having do does did done doing will would shall should can could may
  might must get gets got gotten getting go goes went gone going come comes came coming make makes made making take
  takes took taken taking give gives gave given giving put puts putting set sets setting keep keeps kept keeping let
  lets letting see sees saw seen seeing look looks looked looking show shows showed shown showing turn turns turned
  turning bring brings brought bringing hold holds held holding run runs ran running face faces faced facing call
  calls called calling move moves moved moving play plays played playing stand stands stood standing leave leaves
  left leaving work works worked working use uses used using find finds found finding seem seems seemed appear
  appears appeared appearing become becomes became becoming begin begins began begun beginning start starts started
  starting end ends ended ending open opens opened opening close closes closed closing pass passes passed passing
  carry carries carried carrying pull pulls pulled pulling push pushes pushed pushing drop drops dropped dropping
  fall falls fell fallen falling rise rises rose risen rising raise raises raised raising cut cuts cutting hit hits
  hitting lose loses lost losing win wins won winning post posts posted posting place places placed placing base
  bases based basing position positions positioned stage stages staged station stations stationed address
  addresses addressed addressing follow follows followed following note notes noted noting point points pointed
  pointing mark marks marked marking change changes changed changing add adds added adding touch touches touched
  touching reach reaches reached reaching return returns returned returning send sends sent sending receive
  receives receiving report reports reported reporting continue continues continued continuing remain remains
  remained remaining expect expects expected expecting consider considers considered considering include includes
  included including involve involves involved involving engage engages engaged engaging contact contacts
  contacted contacting tell tells told telling ask asks asked asking want wants wanted wanting need needs needed
  needing try tries tried trying help helps helped helping offer offers offering act acts acted acting serve serves
  served serving lead leads led leading express expresses expressing view views viewed order orders ordered ordering
  charge charges charged charging claim claims claimed claiming issue issues issued issuing present presents
  presented presenting state states stated stating share shares shared sharing check checks checked checking test
  tests tested testing press presses pressed pressing die dies died dying live lives lived living approach
  approaches approached hear hears heard learn learns learned learnt think thinks thought mean means meant
  swear swears swore sworn
  weigh weighs weighed ponder ponders pondered mull mulls mulled muse muses mused meditate meditates meditated
  contemplate contemplates contemplated ruminate ruminates ruminated reconsider reconsiders reconsidered
  beat beats beaten defeat defeats defeated
  fight fights combat combats counter counters battle battles tackle tackles
  kick kicks kicked demonstrate demonstrates demonstrated
`;

// 2. Common in business news: the single words and phrases of the unpruned table that occur in more than 1% of the
// articles of a business-news sample (the Reuters-21578 development files, ../shared/data/reuters-dev, counted once;
// only these word counts are kept). A word that common in economic news ("stock", "exchange", "march", "target",
// "ruling", "according to") has a non-political sense first. The own table still has the political ones it wants.
const COMMON_IN_BUSINESS_NEWS = `
  accord according add added adding affect affected agree agreed aid aimed allow allowed announced approved asked
  benefit best better bid bill bills boost bought buy buying buys call called calls charge charges cited clear
  combined comment concern concession consider considered considering control controls deal decided declared decline
  declined demand details direct disclosed discuss dispute estimate estimated estimates exchange excludes expand
  expect expected expects face failed figure figures finance financing force found free fund funding funds gave give
  given giving go going granted guaranteed head help hit hope impact import imports improve improved increase
  increased increases increasing institute intends introduced involved issue issued issues issuing lead leading led
  left lending loan loans march means measures meet meeting met mining need needed needs note noted notes offer
  offered offering offers order orders paid pay paying plan planned planning plans predicted preferred prepared
  press pressure proposed provide provided purchase purchased purchases quoted reason related released request
  research risk rules ruling said say saying says see seek seeking seeks seen sees speaking state states stock
  stocks strike study supply support take taken taking talks target tax taxes telephone tender think told took total
  totalled trade traded trading underwriting united value valued view vote want wanted wants yield
`;
const COMMON_PHRASES_IN_BUSINESS_NEWS = ['called for', 'calls for', 'going to', 'talks with'];

const PRUNE_SINGLE = new Set((LIGHT_VERBS + ' ' + COMMON_IN_BUSINESS_NEWS).split(/\s+/).filter(Boolean));
const PRUNE_PHRASES = new Set(COMMON_PHRASES_IN_BUSINESS_NEWS);

// 4. Mostly a noun: a verb whose lemma is tagged more often as a noun or adjective than as a verb in WordNet's sense
// counts (cntlist.rev, SemCor; Debian package wordnet-base) is no cue in its bare or -s form ("conflict", "doubt",
// "damage", "host"); its past form still is ("damaged"). Needs /usr/share/wordnet (apt-get install wordnet-base).
const WORDNET_COUNTS = process.env.WORDNET_COUNTS || '/usr/share/wordnet/cntlist.rev';
const posCounts = new Map(); // lemma -> [noun or adjective, verb]
for (const l of fs.readFileSync(WORDNET_COUNTS, 'utf8').split(/\n/)) {
    const m = /^([^%\s]+)%(\d):\S*\s+\d+\s+(\d+)/.exec(l);
    if (!m) continue;
    const c = posCounts.get(m[1]) || [0, 0];
    c[m[2] === '2' ? 1 : 0] += +m[3];
    posCounts.set(m[1], c);
}
function mostlyNoun(lemma) {
    const c = posCounts.get(lemma.replace(/ /g, '_'));
    return c !== undefined && c[0] > c[1];
}
function isBareOrS(form, base) {
    const stem = base.replace(/y$/, 'i');
    return form === base || form === base + 's' || form === base + 'es' || form === stem + 'es';
}

// 3. A lone -ing form ("meeting", "ruling", "approaching", "voting") is a noun, an adjective or a background clause
// far more often than the report of an act: a single-word cue must be a finite or past form. The own table keeps the
// few it wants ("inking", "signing").

// A pattern whose synsets expand to more than this many word sequences (&WEAPON has 115 members) is dropped, and so
// is a pattern of more than MAX_TOKENS tokens: the coder matches a run of tokens, and long runs never recur verbatim
// (over the 12,895 texts of the Reuters, Wikinews and own development sets, 6 of 10,466 four-token patterns matched,
// "gave no further details" the commonest; 67 of 22,350 three-token ones; 713 of 29,634 two-token ones).
const MAX_EXPANSIONS = +(process.env.MAX_EXPANSIONS || 24);
const MAX_TOKENS = +(process.env.MAX_TOKENS || 3);

// Words that are never a pattern by themselves: articles, prepositions, pronouns and the like, and the "verbs" the
// dictionary's synonym blocks carry that are really nouns or adjectives in English news.
const STOP = new Set(`
  a an the of to in on at by for with from into onto upon over under about as and or but not no it its this that
  these those he she they we you i his her their our my your them him us me who whom which what up down out off
  back away again also just so than then there here now very
`.split(/\s+/).filter(Boolean));

// ---------------------------------------------------------------------------------------------------------------

const lines = fs.readFileSync(SRC, 'utf8').split(/\r?\n/);

// Synsets: &LABEL then +PHRASE lines. Plurals are generated (S, IES after a consonant + Y, ES after SS) unless the
// label or the phrase ends with '_'.
const synsets = new Map();
let inVerbs = false;
for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^#+\s*VERB PATTERNS/.test(line)) {
        inVerbs = true;
        break;
    }
    const m = /^&(\S+)/.exec(line);
    if (!m) continue;
    const label = m[1];
    const noPlural = label.endsWith('_');
    const phrases = [];
    for (i++; i < lines.length && !/^\s*$/.test(lines[i]) && !lines[i].startsWith('&'); i++) {
        const l = stripComment(lines[i]).trim();
        if (!l.startsWith('+')) continue;
        let p = l.slice(1).trim();
        const keepSingular = noPlural || p.endsWith('_');
        p = p.replace(/_+$/, '').replace(/_/g, ' ').toLowerCase();
        if (!p) continue;
        phrases.push(p);
        if (!keepSingular) phrases.push(plural(p));
    }
    i--;
    synsets.set('&' + label.replace(/_$/, ''), [...new Set(phrases)]);
    synsets.set('&' + label, synsets.get('&' + label.replace(/_$/, '')));
}

function plural(p) {
    const words = p.split(' ');
    const w = words[words.length - 1];
    let pw;
    if (/[^aeiou]y$/.test(w)) pw = w.slice(0, -1) + 'ies';
    else if (/(ss|sh|ch|x)$/.test(w)) pw = w + 'es';
    else if (/s$/.test(w)) pw = w;
    else pw = w + 's';
    words[words.length - 1] = pw;
    return words.join(' ');
}

function stripComment(l) {
    const h = l.indexOf('#');
    const s = l.indexOf(';');
    let cut = l.length;
    if (h >= 0) cut = Math.min(cut, h);
    if (s >= 0) cut = Math.min(cut, s);
    return l.slice(0, cut);
}

// Regular verb forms (what PETRARCH generates when no {...} is given).
function regularForms(v) {
    const forms = [v];
    if (/[^aeiou]y$/.test(v)) forms.push(v.slice(0, -1) + 'ies', v.slice(0, -1) + 'ied', v + 'ing');
    else if (/(s|sh|ch|x|z)$/.test(v)) forms.push(v + 'es', v + 'ed', v + 'ing');
    else if (/ee$/.test(v)) forms.push(v + 's', v + 'd', v + 'ing');
    else if (/e$/.test(v)) forms.push(v + 's', v + 'd', v.slice(0, -1) + 'ing');
    else forms.push(v + 's', v + 'ed', v + 'ing');
    return forms;
}

// A verb line: WORD, +MULTI_WORD or PRE_+WORD, then {FORMS}, then [CODE].
function parseVerb(raw) {
    const l = stripComment(raw).trim();
    const m = /^([A-Z0-9'+_-]+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/i.exec(l);
    if (!m) return null;
    const word = m[1];
    const code = m[3] ? m[3].slice(1, -1).trim() : null;
    let forms;
    const clean = (w) => w.replace(/\+/g, '').replace(/_/g, ' ').toLowerCase().trim();
    if (m[2]) {
        forms = [clean(word), ...m[2].slice(1, -1).trim().split(/\s+/).filter(Boolean).map(clean)];
    } else if (word.includes('+')) {
        const parts = word.split('_');
        const k = parts.findIndex((p) => p.startsWith('+'));
        const verb = parts[k].slice(1).toLowerCase();
        forms = regularForms(verb).map((f) => {
            const ps = parts.map((p) => p.toLowerCase());
            ps[k] = f;
            return ps.join(' ');
        });
    } else {
        forms = regularForms(word.toLowerCase());
    }
    const base = clean(word);
    return { base, forms: [...new Set(forms.filter(Boolean))], code };
}

// A pattern's words as slots (each a list of alternatives), split at the verb ('*').
function parsePattern(text) {
    const toks = text.replace(/[{}()]/g, ' ').trim().split(/\s+/).filter(Boolean);
    const pre = [];
    const post = [];
    let side = pre;
    for (const t of toks) {
        if (t === '*') {
            side = post;
            continue;
        }
        if (/^[$+%^]$/.test(t)) {
            side.push(null); // placeholder
            continue;
        }
        if (t.startsWith('&')) {
            const s = synsets.get(t) || synsets.get(t.replace(/_$/, ''));
            if (!s) return null; // undefined synset: PETRARCH ignores the pattern too
            side.push(s);
            continue;
        }
        if (/[$+%^&]/.test(t)) return null;
        side.push(t.split('/').map((w) => w.replace(/_/g, ' ').toLowerCase()));
    }
    if (side === pre) return null; // no verb position
    // placeholders at the outer ends are the actors: cut them; one inside cannot be a run of tokens
    while (pre.length && pre[0] === null) pre.shift();
    while (post.length && post[post.length - 1] === null) post.pop();
    if (pre.includes(null) || post.includes(null)) return null;
    return { pre, post };
}

function product(slots) {
    let out = [''];
    for (const s of slots) {
        const next = [];
        for (const o of out) for (const w of s) next.push(o ? o + ' ' + w : w);
        out = next;
        if (out.length > MAX_EXPANSIONS) return null;
    }
    return out;
}

// Codes: "042:043" -> 042; ":173" and "---" -> none.
function parseCode(c) {
    if (c == null) return { code: null, symmetric: false };
    const [a, b] = c.split(':').map((x) => (x || '').trim());
    if (!a || a.startsWith('-') || !/^\d{2,4}$/.test(a)) return { code: null, symmetric: false };
    return { code: a, symmetric: b !== undefined && b === a };
}

// Goldstein table
const goldstein = new Map();
for (const l of fs.readFileSync(GOLDSTEIN, 'utf8').split(/\r?\n/)) {
    if (!l.trim() || l.startsWith('#')) continue;
    const c = l.split('\t');
    goldstein.set(c[0], parseFloat(c[1]));
}
function goldsteinOf(code) {
    for (const k of [code, code.slice(0, 3), code.slice(0, 2) + '0']) {
        if (goldstein.has(k)) return goldstein.get(k);
    }
    throw new Error('goldstein.tsv: no value for ' + code + ' nor its root');
}

const MUTUAL = /^(036|040|044|046|057|06)/;
function isMutual(code, symmetric) {
    return MUTUAL.test(code) || symmetric;
}

// root -> base priority, in step with event-cues.tsv: statements low, consult and cooperation middle, material
// conflict highest.
const ROOT_PRIORITY = {
    '01': 1, '02': 4, '03': 4, '04': 7, '05': 8, '06': 9, '07': 7, '08': 6, '09': 5, '10': 8,
    '11': 10, '12': 10, '13': 11, '14': 11, '15': 11, '16': 11, '17': 10, '18': 12, '19': 13, '20': 13,
};
// PRIORITY_OFFSET=-1 ranks every generated cue one below the own cues of its class (measured: no better overall)
const PRIORITY_OFFSET = +(process.env.PRIORITY_OFFSET || 0);
function priorityOf(code, pattern) {
    if (code === '010') return 0;
    const specific = code.length > 3 || code[2] !== '0' ? 1 : 0;
    const extra = Math.min(2, pattern.split(' ').length - 1);
    return Math.max(1, ROOT_PRIORITY[code.slice(0, 2)] + specific + extra + PRIORITY_OFFSET);
}

// ---------------------------------------------------------------------------------------------------------------
// Blocks

const cues = new Map(); // pattern -> {code, symmetric, rank}
const stats = { verbs: 0, patterns: 0, droppedNull: 0, droppedPlaceholder: 0, prunedSingle: 0, prunedStop: 0, tooLong: 0, prunedIng: 0, prunedNoun: 0 };

function offer(pattern, code, symmetric, rank) {
    pattern = pattern.replace(/\s+/g, ' ').trim();
    if (!pattern) return;
    const words = pattern.split(' ');
    if (words.length > MAX_TOKENS) {
        stats.tooLong++;
        return;
    }
    if (words.every((w) => STOP.has(w))) {
        stats.prunedStop++;
        return;
    }
    if (PRUNE && ((words.length === 1 && PRUNE_SINGLE.has(pattern)) || PRUNE_PHRASES.has(pattern))) {
        stats.prunedSingle++;
        return;
    }
    if (PRUNE && words.length === 1 && pattern.endsWith('ing')) {
        stats.prunedIng++;
        return;
    }
    if (!/^[a-z0-9' -]+$/.test(pattern)) return;
    const old = cues.get(pattern);
    // several sources for one pattern: the one bound to its own verb, then the more specific code, then the first
    if (!old || rank > old.rank || (rank === old.rank && code.length > old.code.length)) {
        cues.set(pattern, { code, symmetric, rank });
    }
}

let i = lines.findIndex((l) => /^#+\s*VERB PATTERNS/.test(l)) + 1;
while (i < lines.length) {
    const h = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(lines[i]);
    if (!h) {
        i++;
        continue;
    }
    const blockCode = h[2].trim();
    const verbs = [];
    const patterns = [];
    for (i++; i < lines.length && !/^---\s/.test(lines[i]); i++) {
        const l = lines[i];
        if (/^\s*$/.test(l) || l.startsWith('#') || l.startsWith('~')) continue;
        if (l.startsWith('-')) {
            const m = /^-\s*(.*?)\s*\[([^\]]*)\]\s*(?:#\s*(.*))?$/.exec(l);
            if (m) patterns.push({ text: m[1], code: m[2], comment: (m[3] || '').trim() });
            continue;
        }
        const v = parseVerb(l);
        if (v) verbs.push(v);
    }
    for (const v of verbs) {
        stats.verbs++;
        const { code, symmetric } = parseCode(v.code ?? blockCode);
        if (!code) {
            stats.droppedNull++;
            continue;
        }
        for (const f of v.forms) {
            if (PRUNE && !f.includes(' ') && isBareOrS(f, v.base) && mostlyNoun(v.base)) {
                stats.prunedNoun++;
                continue;
            }
            offer(f, code, symmetric, v.code ? 2 : 1);
        }
    }
    for (const p of patterns) {
        stats.patterns++;
        const { code, symmetric } = parseCode(p.code);
        if (!code) {
            stats.droppedNull++;
            continue;
        }
        const parsed = parsePattern(p.text);
        if (!parsed) {
            stats.droppedPlaceholder++;
            continue;
        }
        const named = p.comment.split(/[\s,]+/).map((w) => w.replace(/_/g, ' ').toLowerCase());
        let targets = verbs.filter((v) => named.includes(v.base));
        const own = targets.length > 0;
        if (!own) targets = process.env.ORIGIN_ONLY ? [] : verbs;
        const pre = product(parsed.pre);
        const post = product(parsed.post);
        if (!pre || !post) {
            stats.droppedPlaceholder++;
            continue;
        }
        for (const v of targets) {
            for (const f of v.forms) {
                for (const a of pre) for (const b of post) offer([a, f, b].join(' '), code, symmetric, own ? 4 : 3);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------

const rows = [...cues.entries()]
    .map(([pattern, c]) => ({
        pattern,
        code: c.code,
        goldstein: goldsteinOf(c.code),
        mutual: isMutual(c.code, c.symmetric) ? 'Y' : 'N',
        priority: priorityOf(c.code, pattern),
    }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0));

const header = [
    '# GENERATED by scripts/kb/generate-cues.js: do not edit; hand-written cues go in event-cues.tsv (which wins',
    '# where both have a pattern). Source: the PETRARCH2 CAMEO verb dictionary CAMEO.2.0.txt (Open Event Data',
    '# Alliance 2015, openeventdata/petrarch2 commit 676801cd), MIT licence in LICENSE-petrarch2.txt beside this file.',
    '# Verbs of each synonym block in all their forms, and the patterns that form one run of tokens with the verb',
    '# ("- * (FOR TALKS) [036]" -> "met for talks"); Goldstein from goldstein.tsv; pruned as the script says.',
    '# Columns as in event-cues.tsv: pattern, CAMEO code, Goldstein, mutual (Y/N), priority.',
    `# ${rows.length} patterns.`,
];
const body = rows.map((r) => [r.pattern, r.code, r.goldstein.toFixed(1), r.mutual, r.priority].join('\t'));
fs.writeFileSync(OUT, header.concat(body).join('\n') + '\n');
process.stderr.write(
    `cameo-cues.tsv: ${rows.length} patterns (${stats.verbs} verbs, ${stats.patterns} patterns read; ` +
        `${stats.droppedNull} null or target-only codes, ${stats.droppedPlaceholder} patterns with inner placeholders ` +
        `or too many expansions, ${stats.prunedSingle} light verbs or common in business news, ${stats.prunedIng} lone -ing forms, ${stats.prunedNoun} bare forms of mostly-noun verbs, ${stats.prunedStop} stop-word-only, ${stats.tooLong} longer than ${MAX_TOKENS} tokens)\n`,
);
