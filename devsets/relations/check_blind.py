"""Format check for a blind relation set (blind2, blind3, blind4): valid JSON, sorted pairs, every pair has an event,
every event is on one of its item's pairs, evidence at most 20 words and present verbatim in title or body."""
import json, re, sys, datetime
import os
D = os.path.dirname(os.path.abspath(__file__)) + "/"
# each set's files with the body word counts its items must have
SETS = {
    "blind2": [("blind2/articles-blind2.jsonl", 300, 700), ("blind2/headlines-blind2.jsonl", 0, 80)],
    "blind3": [("blind3/articles-blind3-a.jsonl", 250, 900), ("blind3/articles-blind3-b.jsonl", 250, 900)],
    "blind4": [("blind4/articles-blind4-a.jsonl", 300, 750), ("blind4/articles-blind4-b.jsonl", 300, 750)],
}
ok = True
def bad(*a):
    global ok; ok = False; print("ERR", *a)
stats = {}
for name, lo, hi in SETS[sys.argv[1] if len(sys.argv) > 1 else "blind2"]:
    items = [json.loads(l) for l in open(D + name, encoding="utf-8")]
    ids = set()
    npairs = nneg = namb_ev = namb_it = nev = 0
    for d in items:
        assert d["id"] not in ids; ids.add(d["id"])
        for k in ["id","title","body","published","language","pairs","events","ambiguous","note"]:
            if k not in d: bad(d["id"], "missing", k)
        datetime.datetime.strptime(d["published"], "%Y-%m-%dT%H:%M:%SZ")
        text = d["title"] + "\n" + d["body"]
        wc = len(d["body"].split())
        if not (lo <= wc <= hi): bad(d["id"], "words", wc)
        pairs = [tuple(p) for p in d["pairs"]]
        if pairs != sorted(pairs): bad(d["id"], "pairs not sorted")
        for p in pairs:
            if p[0] >= p[1]: bad(d["id"], "pair order", p)
            if not all(re.fullmatch("[A-Z]{3}", x) for x in p): bad(d["id"], "code", p)
            if not any(tuple(sorted((e["actor1"], e["actor2"]))) == p for e in d["events"]): bad(d["id"], "no event", p)
        for e in d["events"]:
            if tuple(sorted((e["actor1"], e["actor2"]))) not in pairs: bad(d["id"], "event not in pairs", e)
            if not re.fullmatch(r"(0[1-9]|1[0-9]|20)", e["category"]): bad(d["id"], "cat", e)
            ev = e["evidence"]
            if len(ev.split()) > 20: bad(d["id"], "evidence long", len(ev.split()), ev)
            if ev not in text: bad(d["id"], "evidence not in text", ev)
            if e["actor1"] == e["actor2"]: bad(d["id"], "self", e)
            nev += 1; namb_ev += e["ambiguous"]
        npairs += len(pairs); nneg += (len(pairs) == 0); namb_it += d["ambiguous"]
    stats[name] = dict(items=len(items), pairs=npairs, events=nev, negatives=nneg, amb_events=namb_ev, amb_items=namb_it)
    if os.path.basename(name).startswith("art"):
        print("word counts:", sorted(len(d["body"].split()) for d in items))
print(json.dumps(stats, indent=1))
print("OK" if ok else "FAILED")
