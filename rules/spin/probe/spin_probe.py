#!/usr/bin/env python3
"""Spin clean articles with a thesaurus the spin rule does not use, to probe its recall.

usage: spin_probe.py generate --source DIR --out DIR --thesaurus mythes|aiksaurus
                              [--rate R] [--files N] [--seed S] [--whole P]
       spin_probe.py score --out DIR --report SPUN.json --report CLEAN.json

generate writes N source articles (a seeded sample) twice into OUT: spun/<name> (spun) and
clean/<name> (unchanged), and OUT/labels.jsonl naming each spun file's spun paragraphs by line.
An article is spun end to end with probability P (--whole), otherwise one to three of its
paragraphs are. In a spun paragraph each lower-case content word that is a headword of the
thesaurus is replaced with probability R (--rate) by one of its entries chosen at random,
without regard to sense or context, as cheap article spinners do; multi-word entries are kept
("English hawthorn" for "may"). The output is a probe: write it to a temporary folder, never
into the repository, and never build statistics or tune a model from it.

Thesauri (Debian packages, installed with apt-get; neither is used by the spin rule):
  mythes     mythes-en-us: LibreOffice's English thesaurus (/usr/share/mythes/th_en_US_v2.dat),
             derived from WordNet, with its "generic term" and "related term" entries.
  aiksaurus  libaiksaurus-1.2-data: Aiksaurus's thesaurus (/usr/share/aiksaurus), from the
             Moby Thesaurus, a broad dictionary unrelated to WordNet.

score reads textaudit JSON reports of OUT/spun and OUT/clean, audited apart (in one run the
cross-file spin.aligned-copy rule would pair each spun file with its source), and prints paragraph recall (spun
paragraphs overlapped by a spin finding, at any severity and at warning or above), file
recall (spun files with a spin warning) and clean files with a spin finding.
"""
import argparse
import json
import os
import random
import re
import sys

# Function words and the most common verbs are left alone: spinners' dictionaries skip them.
STOP = set("""a an the this that these those and or but nor so yet for of in on at by to from with
without into onto over under about above below after before between among through during
since until till than then as if because while although though whether not no is are was were
be been being am do does did done have has had having will would shall should can could may
might must i me my you your he him his she her it its we us our they them their who whom whose
which what when where why how all any both each few more most other some such only own same
too very just also said says say mr mrs ms one two three four five six seven eight nine ten
there here up down out off again further once""".split())

WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def load_mythes(path="/usr/share/mythes/th_en_US_v2.dat"):
    th = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        f.readline()  # encoding line
        while True:
            head = f.readline()
            if not head:
                break
            word, _, n = head.rstrip("\n").rpartition("|")
            entries = []
            for _ in range(int(n)):
                parts = f.readline().rstrip("\n").split("|")[1:]
                for p in parts:
                    p = re.sub(r"\s*\((generic|related|similar) term\)|\s*\(antonym\)", "", p).strip()
                    if p and p.lower() != word.lower():
                        entries.append(p)
            if entries and word.islower() and word.isalpha():
                th[word] = sorted(set(entries))
    return th


def load_aiksaurus(d="/usr/share/aiksaurus"):
    """words.dat: NUL-ended words ('_' or ':' for spaces), each followed by big-endian uint16
    meaning ids ended by 0xFFFF; meanings.dat: lists of uint16 word ids ended by 0xFFFF."""
    raw = open(os.path.join(d, "words.dat"), "rb").read()
    words, wmeans = [], []
    i = 0
    while i < len(raw):
        j = raw.index(b"\0", i)
        words.append(raw[i:j].decode("latin-1").replace(":", " ").replace("_", " "))
        i = j + 1
        ms = []
        while raw[i:i + 2] != b"\xff\xff":
            ms.append(int.from_bytes(raw[i:i + 2], "big"))
            i += 2
        i += 2
        wmeans.append(ms)
    raw = open(os.path.join(d, "meanings.dat"), "rb").read()
    meanings, cur = [], []
    for k in range(0, len(raw) - 1, 2):
        v = int.from_bytes(raw[k:k + 2], "big")
        if v == 0xFFFF:
            meanings.append(cur)
            cur = []
        else:
            cur.append(v)
    th = {}
    for w, ms in zip(words, wmeans):
        if not (w.islower() and w.isalpha()):
            continue
        entries = set()
        for m in ms:
            if m < len(meanings):
                entries.update(words[x] for x in meanings[m] if x < len(words))
        entries.discard(w)
        if entries:
            th[w] = sorted(entries)
    return th


def spin_paragraph(text, th, rate, rng):
    def repl(m):
        w = m.group(0)
        if w.lower() != w or w in STOP or len(w) < 3 or w not in th or rng.random() >= rate:
            return w
        return rng.choice(th[w])
    return WORD.sub(repl, text)


def generate(a):
    th = load_mythes() if a.thesaurus == "mythes" else load_aiksaurus()
    rng = random.Random(a.seed)
    names = sorted(os.listdir(a.source))
    names = sorted(rng.sample(names, min(a.files, len(names))))
    os.makedirs(os.path.join(a.out, "spun"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "clean"), exist_ok=True)
    with open(os.path.join(a.out, "labels.jsonl"), "w") as lab:
        for name in names:
            text = open(os.path.join(a.source, name), encoding="utf-8", errors="replace").read()
            open(os.path.join(a.out, "clean", name), "w").write(text)
            lines = text.split("\n")
            # paragraphs: runs of non-blank lines; the first (the headline) is never spun
            pars, start = [], None
            for k, l in enumerate(lines + [""]):
                if l.strip() and start is None:
                    start = k
                elif not l.strip() and start is not None:
                    pars.append((start, k - 1))
                    start = None
            body = pars[1:]
            if not body:
                continue
            if rng.random() < a.whole:
                chosen = body
            else:
                chosen = rng.sample(body, min(len(body), rng.randint(1, 3)))
            spun = []
            for s, e in chosen:
                before = "\n".join(lines[s:e + 1])
                after = spin_paragraph(before, th, a.rate, rng)
                if after != before:
                    lines[s:e + 1] = after.split("\n")
                    spun.append([s + 1, e + 1])
            open(os.path.join(a.out, "spun", name), "w").write("\n".join(lines))
            lab.write(json.dumps({"file": name, "spun": sorted(spun)}) + "\n")
    print("wrote %d articles to %s (thesaurus %s, %d headwords, rate %.2f)" % (len(names), a.out, a.thesaurus, len(th), a.rate))


def score(a):
    labels = {}
    for l in open(os.path.join(a.out, "labels.jsonl")):
        r = json.loads(l)
        labels[r["file"]] = r["spun"]
    sev = {"info": 0, "warning": 1, "error": 2}
    files_ = [f for r in a.report for f in json.load(open(r))["files"]]
    pars = found = found_w = files = files_w = clean = clean_any = clean_w = 0
    for f in files_:
        name = os.path.basename(f["path"])
        kind = os.path.basename(os.path.dirname(f["path"]))
        fs = [x for x in f.get("findings") or [] if x["category"] == "spin"]
        if kind == "clean":
            clean += 1
            clean_any += bool(fs)
            clean_w += any(sev[x["severity"]] >= 1 for x in fs)
            continue
        spun = labels.get(name, [])
        if not spun:
            continue
        files += 1
        files_w += any(sev[x["severity"]] >= 1 for x in fs)
        for s, e in spun:
            pars += 1
            hit = [x for x in fs if x["line"] <= e and x.get("end_line", x["line"]) >= s]
            found += bool(hit)
            found_w += any(sev[x["severity"]] >= 1 for x in hit)
    print("spun paragraphs %d: found %.3f (at warning %.3f); spun files %d: warned %.3f; "
          "clean files %d: any finding %d, warned %d" % (pars, found / max(1, pars), found_w / max(1, pars),
                                                         files, files_w / max(1, files), clean, clean_any, clean_w))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--source", required=True)
    g.add_argument("--out", required=True)
    g.add_argument("--thesaurus", choices=["mythes", "aiksaurus"], required=True)
    g.add_argument("--rate", type=float, default=0.3)
    g.add_argument("--files", type=int, default=200)
    g.add_argument("--seed", type=int, default=14)
    g.add_argument("--whole", type=float, default=0.5)
    s = sub.add_parser("score")
    s.add_argument("--out", required=True)
    s.add_argument("--report", required=True, action="append",
                   help="a report of OUT/spun or OUT/clean (repeat: audit the two apart, so cross-file rules do not pair a spun file with its source)")
    a = p.parse_args()
    generate(a) if a.cmd == "generate" else score(a)


if __name__ == "__main__":
    sys.exit(main())
