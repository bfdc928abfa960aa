"""How often the gazetteer finds a front-line village under the forms reports write its name in.

The labelled sets are small; this measure does not depend on them. From the GeoNames dump of Ukraine (found
through ``$FRONTMAP_DATA``, as the gazetteer finds it) a seeded random sample of populated places of the oblasts
of the front (Donetsk, Luhansk, Zaporizhzhia, Kherson, Kharkiv, Dnipropetrovsk, Sumy) is drawn, and each place's
name is written in the forms reports use:

- ``uk_nom``, ``uk_gen``, ``uk_loc``, ``uk_ins``: its Ukrainian Cyrillic name (the alternate name whose KMU
  romanisation is the GeoNames name) in the nominative and in the cases of "біля X", "у X", "під X", made with
  pymorphy3's ``inflect`` word by word (an adjective agreeing with the noun after it; each capitalised part of a
  hyphenated name that declines; a first part ending in the linking -о kept);
- ``ru_nom``, ``ru_gen``, ``ru_loc``: its Russian Cyrillic spelling, where GeoNames lists one among the alternate
  names (a Cyrillic alternate with no Ukrainian letter, close to the Ukrainian name in its Latin reading, so that
  a former name is not taken for it), in the nominative and in the cases of "у X", "в X";
- ``ru_latin``: that Russian spelling romanised (the Wikipedia scheme, as English reports translated from Russian
  write it: "Otradnoe");
- ``en``: the GeoNames name (the English romanisation).

Each form is looked up with the extractor's own candidate search for a mention (``geo.resolve._candidates`` of a
mention found by the gazetteer, no context), and the benchmark records whether the right geonameid is among the
candidates (``found``) and whether no place of another name matches it better (``first``: ranked first up to its
namesakes, which only context tells apart, and up to places its form matches as well).

The Russian forms are found mostly through the alternate name GeoNames lists, which most villages lack (about
3,100 of 33,681 places carry one): the ``*_conv`` kinds say whether the Russian form reaches the Ukrainian name by
conversion alone, i.e. whether one of its query keys (``gazetteer.names.query_variants``, the ``alternation``
keys after them) is a key of the place's Ukrainian or GeoNames name.

Recall is given per form kind, overall and per name shape (one word, adjective + noun, other several words,
hyphenated; plural-only names; the endings -е/-не/-ове/-ка/-ія/-ці, and -ька apart from -ка), with the missed forms grouped by kind and
shape, a few examples each.

Run:  FRONTMAP_DATA=../shared/data python benchmarks/names_recall.py [--sample 2000] [--seed 14] [--out FILE]
Writes benchmarks/results/names_recall.json and prints a markdown table.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import iuliia  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from gazetteer import Gazetteer  # noqa: E402
from gazetteer import names as gnames  # noqa: E402
from gazetteer.dumps import iter_rows  # noqa: E402
from gazetteer.morphology import analyser  # noqa: E402
from gazetteer.sources import locate_sources  # noqa: E402
from geo.model import Mention  # noqa: E402
from geo.resolve import _candidates  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
#: GeoNames admin1 codes of the oblasts of the front: Donetsk, Luhansk, Zaporizhzhia, Kherson, Kharkiv,
#: Dnipropetrovsk, Sumy
FRONT_OBLASTS = {"05": "Donetsk", "14": "Luhansk", "26": "Zaporizhzhia", "08": "Kherson", "07": "Kharkiv",
                 "04": "Dnipropetrovsk", "21": "Sumy"}
#: the cases of each language's forms: Ukrainian "біля X" (genitive), "у X" (locative), "під X" (instrumental);
#: Russian "у X" (genitive), "в X" (prepositional)
CASES = {"uk": (("uk_gen", "gent"), ("uk_loc", "loct"), ("uk_ins", "ablt")),
         "ru": (("ru_gen", "gent"), ("ru_loc", "loct"))}
KINDS = ("uk_nom", "uk_gen", "uk_loc", "uk_ins", "ru_nom", "ru_gen", "ru_loc", "ru_latin", "en")
CONV_KINDS = ("ru_nom_conv", "ru_gen_conv", "ru_loc_conv", "ru_latin_conv")
_UK_LETTERS = set("іїєґІЇЄҐ")
_CYRILLIC = re.compile(r"^[А-Яа-яЁёІіЇїЄєҐґ'’ʼ -]+$")
# a word no Ukrainian name has: a Russian letter or adjective ending ("Пионерское" romanised as GeoNames' name)
_RUSSIAN_WORD = re.compile(r"[ыэёъЫЭЁЪ]|(?:ое|ая|ый|ой|ее|ые|ие)\b")
# Belarusian spellings among the alternate names: э inside a word, the ending -ае ("Луганскае", "Хорашэвэ")
_BELARUSIAN = re.compile(r"\Bэ|ае\b|ў")
_ENDINGS = ("ія", "ці", "ове", "не", "е", "ька", "ка")  # first that fits; -ове, -не before -е, -ька (adjectives) before -ка


def _ukrainian_name(row) -> str | None:
    """The alternate name whose KMU romanisation folds to the GeoNames name's fold (one with a Ukrainian letter first)."""
    want = gnames.fold_latin(row.name)
    hits = [a for a in row.alternatenames if _CYRILLIC.match(a) and gnames.fold_latin(gnames._uk_latin(a)) == want
            and not _RUSSIAN_WORD.search(a)]
    hits.sort(key=lambda a: not (set(a) & _UK_LETTERS or "ь" in a))
    return hits[0] if hits else None


def _russian_name(row, uk: str) -> str | None:
    """A Cyrillic alternate with no Ukrainian letter, not the Ukrainian name, close to it in its Latin reading."""
    uk_key = gnames.fold_latin(gnames._uk_latin(uk))
    for a in row.alternatenames:
        if not _CYRILLIC.match(a) or set(a) & _UK_LETTERS or a == uk or "'" in a or "’" in a or _BELARUSIAN.search(a):
            continue
        if fuzz.ratio(gnames.fold_latin(gnames._ru_latin(a)), uk_key) >= 70:
            return a
    return None


def _nominative_parse(word: str, lang: str, *, last: bool, plural: bool | None):
    """The parse of a nominative word a name is made of: a noun for the name's last word (plural-only first), an
    adjective before it; None when the analyser has no nominative reading of the word as written."""
    low = word.lower()
    parses = [p for p in analyser(lang).parse(low) if p.tag.case == "nomn" and p.word in (low, low.replace("ё", "е"))]
    parses = [p for p in parses if "Surn" not in p.tag and "Name" not in p.tag and "Patr" not in p.tag] or parses
    if plural is not None:
        parses = [p for p in parses if (p.tag.number == "plur") == plural] or parses
    if not parses:
        return None

    def rank(p) -> tuple[int, int]:
        pos = p.tag.POS
        if last:
            return (0 if "Pltm" in p.tag else 1, 0 if pos == "NOUN" else 1 if pos == "ADJF" else 2)
        return (0, 0 if pos == "ADJF" else 1)

    return min(parses, key=rank)


def _inflect_word(word: str, lang: str, case: str, *, last: bool, agree=None):
    """``word`` (a nominative) in ``case``, written in its case; None when it cannot be made."""
    parse = _nominative_parse(word, lang, last=last, plural=None if agree is None else agree.tag.number == "plur")
    if parse is None:
        return None, None
    want = {case}
    if agree is not None and parse.tag.POS == "ADJF":
        want |= {"plur"} if agree.tag.number == "plur" else {agree.tag.gender} if agree.tag.gender else set()
    form = parse.inflect(want)
    if form is None:
        return None, parse
    out = form.word
    return "-".join(p[:1].upper() + p[1:] for p in out.split("-")) if word[:1].isupper() else out, parse


# the endings of a neuter place name declined as an adjective ("Шультине" → "Шультиного", "Шультиному",
# "Шультиним"), for the words the analyser has no nominative reading of (it predicts a vocative for most such names)
_NEUTER_ADJECTIVE = re.compile(r"(?<=[бвгджзклмнпрстфхцчшщь'’])е$")
_NEUTER_CASES = {"gent": "ого", "loct": "ому", "ablt": "им"}
_VOWELS = "аеиоуіїєюяыэё"


def _inflect_part(part: str, lang: str, case: str, *, last: bool, agree=None):
    """One capitalised word in ``case``: pymorphy3's inflection, a locative adjective in -ому (the form reports
    write: "у Вільному", not "у Вільнім"), the neuter adjective's endings where the analyser has no reading."""
    form, parse = _inflect_word(part, lang, case, last=last, agree=agree)
    if form is not None and lang == "uk" and case == "loct" and form.endswith("ім") and parse.tag.number != "plur" \
            and (parse.tag.POS == "ADJF" or part.endswith(("е", "є", "ий"))):
        form = form[:-2] + "ому"
    if form is None and parse is None and lang == "uk" and _NEUTER_ADJECTIVE.search(part):
        form = part[:-1] + _NEUTER_CASES[case]
    return form, parse


def inflect_name(name: str, lang: str, case: str) -> str | None:
    """A place name in ``case``: the last word (the noun) first, the words before it agreeing with it as
    adjectives. Of a hyphenated word the last part declines, a part before it when it is an adjective or the last
    part is one ("Кам'янки-Дніпровської", "Рай-Олександрівки"), never a part ending in the linking -о/-е
    ("Олександро-Шультиного"). None when a word has no reading to inflect."""
    words = name.split()
    out: list[str] = [""] * len(words)
    head = None
    for i in range(len(words) - 1, -1, -1):
        parts = words[i].split("-")
        done: list[str] = []
        last_adjective = False
        for j in range(len(parts) - 1, -1, -1):
            part = parts[j]
            final = j == len(parts) - 1
            linking = not final and part[-1:] in "оеОЕ"
            if linking or not part[:1].isupper() or len(part) < 2:
                done.insert(0, part)
                continue
            if not final:
                p = _nominative_parse(part, lang, last=False, plural=None)
                if p is None or (p.tag.POS != "ADJF" and not last_adjective):
                    done.insert(0, part)
                    continue
            form, parse = _inflect_part(part, lang, case, last=i == len(words) - 1 and final, agree=head)
            if form is None:
                return None
            done.insert(0, form)
            if final:
                last_adjective = parse is not None and parse.tag.POS == "ADJF"
                if i == len(words) - 1:
                    head = parse
        out[i] = "-".join(done)
    return " ".join(out)


def shape(uk: str) -> dict[str, str | bool]:
    """The name's shape: one word, adjective + noun, several words, hyphenated; plural-only; its ending."""
    words = uk.split()
    if "-" in uk:
        kind = "hyphenated"
    elif len(words) == 1:
        kind = "one word"
    elif len(words) == 2 and (p := _nominative_parse(words[0], "uk", last=False, plural=None)) is not None \
            and p.tag.POS == "ADJF":
        kind = "adjective + noun"
    else:
        kind = "several words"
    last = _nominative_parse(words[-1].split("-")[-1], "uk", last=True, plural=None)
    plural = last is not None and last.tag.number == "plur"
    low = uk.lower()
    ending = next((f"-{e}" for e in _ENDINGS if low.endswith(e)), "other")
    return {"shape": kind, "plural": plural, "ending": ending}


def _forms(row) -> dict[str, str] | None:
    """The forms of one place's name by kind (None: no Ukrainian Cyrillic name)."""
    uk = _ukrainian_name(row)
    if uk is None:
        return None
    forms = {"uk_nom": uk, "en": row.name}
    for kind, case in CASES["uk"]:
        form = inflect_name(uk, "uk", case)
        if form is not None and form != uk:
            forms[kind] = form
    ru = _russian_name(row, uk)
    if ru is not None:
        forms["ru_nom"] = ru
        forms["ru_latin"] = iuliia.WIKIPEDIA.translate(ru)
        for kind, case in CASES["ru"]:
            form = inflect_name(ru, "ru", case)
            if form is not None and form != ru:
                forms[kind] = form
    return forms


def _place_keys(row, uk: str) -> set[str]:
    return gnames.name_keys(uk) | gnames.name_keys(row.name)


def _conversion_found(form: str, keys: set[str]) -> bool:
    """Whether a Russian form reaches the place's Ukrainian keys by the name rules alone (no alternate name)."""
    variants = [k for k, rule in gnames.query_variants(form) if rule not in ("exact",)]
    if any(k in keys for k in variants):
        return True
    return any(k in keys for k, _ in gnames.alternation_variants(form))


def sample_rows(seed: int, n: int) -> list:
    """A seeded random sample of the populated places of the front oblasts (the UA dump's order, then shuffled)."""
    sources = locate_sources(progress=False)
    dump = next((s.path for s in sources.items if s.kind == "dump" and s.path.name.upper().startswith("UA")), None)
    if dump is None:
        sys.exit("no UA dump among the gazetteer's sources: set FRONTMAP_DATA to the data folder (geonames/UA.zip)")
    rows = [r for r in iter_rows(dump) if r.feature_class == "P" and r.admin1_code in FRONT_OBLASTS]
    rng = random.Random(seed)
    return rng.sample(rows, min(n, len(rows))), len(rows), str(dump)


def run(seed: int, n: int, examples: int) -> dict:
    gaz = Gazetteer.open()
    rows, population, dump = sample_rows(seed, n)
    t0 = time.process_time()
    tally: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    missed: dict[str, list] = collections.defaultdict(list)
    skipped = collections.Counter()
    lookups = 0
    for row in rows:
        forms = _forms(row)
        if forms is None:
            skipped["no Ukrainian Cyrillic name"] += 1
            continue
        uk = forms["uk_nom"]
        sh = shape(uk)
        groups = [f"shape: {sh['shape']}", f"ending: {sh['ending']}"] + (["plural-only"] if sh["plural"] else [])
        keys = _place_keys(row, uk)
        for kind in KINDS:
            form = forms.get(kind)
            if form is None:
                skipped[kind] += 1
                continue
            cands = _candidates(Mention(form, 0, len(form), trigger="gazetteer"), gaz)
            lookups += 1
            ids = [c.place.geonameid for c in cands]
            found = row.geonameid in ids
            # first: no place of another name matches better (its namesakes are context's to rank, and GeoNames
            # lists a spelling as an alternate name of one namesake and not of another)
            first = found and all(c.score <= cands[ids.index(row.geonameid)].score or c.place.name == row.name
                                  for c in cands)
            for g in ("all", *groups):
                t = tally[f"{kind} | {g}"]
                t["n"] += 1
                t["found"] += found
                t["first"] += first
            if not found:
                missed[f"{kind} | {sh['shape']}{' | plural' if sh['plural'] else ''} | {sh['ending']}"].append(
                    f"{form} ({uk}, {row.geonameid})")
        for kind in CONV_KINDS:
            form = forms.get(kind.removesuffix("_conv"))
            if form is None:
                continue
            ok = _conversion_found(form, keys)
            for g in ("all", *groups):
                t = tally[f"{kind} | {g}"]
                t["n"] += 1
                t["found"] += ok
            if not ok:
                missed[f"{kind} | {sh['shape']}{' | plural' if sh['plural'] else ''} | {sh['ending']}"].append(
                    f"{form} ({uk}, {row.geonameid})")
    cpu = time.process_time() - t0

    def share(t: collections.Counter, what: str) -> float | None:
        return round(t[what] / t["n"], 4) if t["n"] else None

    table = {k: {"n": t["n"], "found": share(t, "found"), **({"first": share(t, "first")} if "_conv" not in k else {})}
             for k, t in sorted(tally.items())}
    overall = collections.Counter()
    for kind in KINDS:
        for what in ("n", "found", "first"):
            overall[what] += tally[f"{kind} | all"][what]
    failures = {k: {"n": len(v), "examples": v[:examples]}
                for k, v in sorted(missed.items(), key=lambda kv: -len(kv[1]))}
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "dump": Path(dump).name, "seed": seed, "sample": len(rows), "front_places": population,
        "oblasts": sorted(FRONT_OBLASTS.values()),
        "overall": {"n": overall["n"], "found": share(overall, "found"), "first": share(overall, "first")},
        "by_kind": {k: table[f"{k} | all"] for k in (*KINDS, *CONV_KINDS) if f"{k} | all" in table},
        "by_kind_and_group": table,
        "skipped": dict(skipped),
        "lookups": lookups, "cpu_s": round(cpu, 2),
        "missed": failures,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sample", type=int, default=2000, help="places drawn (default 2000)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--examples", type=int, default=8, help="missed forms kept per failure group")
    ap.add_argument("--out", type=Path, default=RESULTS / "names_recall.json")
    args = ap.parse_args(argv)
    result = run(args.seed, args.sample, args.examples)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{result['sample']} places of {result['front_places']} (seed {result['seed']}), "
          f"{result['lookups']} lookups, {result['cpu_s']} CPU s\n")
    print("| form | n | found | first (up to namesakes) |\n|---|---|---|---|")
    for kind, t in result["by_kind"].items():
        print(f"| {kind} | {t['n']} | {t['found']} | {t.get('first', '')} |")
    o = result["overall"]
    print(f"| all lookups | {o['n']} | {o['found']} | {o['first']} |")
    print("\nmissed, largest groups:")
    for k, v in list(result["missed"].items())[:25]:
        print(f"  {v['n']:4d}  {k}: {', '.join(v['examples'][:4])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
