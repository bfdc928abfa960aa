"""How often the full extractor finds a front-line village written into a sentence of a report's genre.

``benchmarks/names_recall.py`` asks whether the gazetteer's lookup finds a village under the forms reports write its
name in; this benchmark asks whether the mention finder hands those forms to the lookup at all. The same seeded
sample of populated places of the front oblasts is drawn (``names_recall.sample_rows``), each place's name is made
in its Ukrainian, Russian and English forms (``names_recall._forms``, plus the accusative of "захопили X",
"освободили X"), and each form is put into a few frames of the genre (sentences written for this benchmark, one per
construction: a preposition of an event, a verb of one, a list, a share of a town held; and frames that name the
nearest town of 5,000 people beside the village, as reports name a village beside its sector's town: the mention
finder takes a village whose name is a common word only near the report's other places). Each sentence is run
through the extractor (:func:`geo.extract_text` with the real gazetteer, no date, no front line), and the benchmark
records whether a claim with the place's geonameid comes out (``recall``), whether a claim of the name resolved to
the place or a namesake of it (a name key in common: one sentence without other places cannot tell namesakes apart)
comes out (``namesake``), and whether any claim came out of the name's span at all (``mentioned``). A miss of
``namesake`` is a mention the finder dropped ("not mentioned") or resolved to a place of another name ("resolved
elsewhere").

Hyphenated names are rare (about 1 in 100 places): ``--hyphenated`` more of them are drawn besides the sample.
Recall is given per frame, per form kind and per name shape: hyphenated, one word, two words, more words; and,
across those, ``common noun``: a name one of whose words, lower-cased, is a dictionary noun or adjective in pymorphy3
("Плавні", "Піски", "Гірник", "Степове", "Дачне").

Run:  FRONTMAP_DATA=../shared/data python benchmarks/mentions_recall.py [--sample 1000] [--seed 14] [--out FILE]
Writes benchmarks/results/mentions_recall.json and prints a markdown table.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import math
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gazetteer import Gazetteer  # noqa: E402
from gazetteer import names as gnames  # noqa: E402
from gazetteer.morphology import analyser  # noqa: E402
from geo.extract import extract_text  # noqa: E402
from names_recall import _forms, _place_keys, _russian_name, _ukrainian_name, inflect_name, sample_rows  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"

#: frame name → (form kind, sentence with ``{x}`` where the name goes). Written for this benchmark in the forms of
#: the genre: Ukrainian General Staff and DeepState, Russian MoD and milbloggers, English ISW-style summaries.
FRAMES: dict[str, tuple[str, str]] = {
    "uk: поблизу {gen}": ("uk_gen", "Ворог атакував поблизу {x}."),
    "uk: у {loc}": ("uk_loc", "Бої тривають у {x}."),
    "uk: під {ins}": ("uk_ins", "Запеклі бої точаться під {x}."),
    "uk: захопили {acc}": ("uk_acc", "Окупанти захопили {x} та просуваються далі."),
    "uk: list районах A, B та {gen}": ("uk_gen", "Противник наступав у районах Покровська, Торецька та {x}."),
    "uk: % {gen}": ("uk_gen", "Росіяни контролюють 20% {x}."),
    "ru: в районе {gen}": ("ru_gen", "Противник продвигается в районе {x}."),
    "ru: освободили {acc}": ("ru_acc", "Подразделения группировки освободили {x}."),
    "ru: со стороны A и {gen}": ("ru_gen", "Враг атакует со стороны Часова Яра и {x}."),
    "ru: в {loc}": ("ru_loc", "Идут бои в {x}."),
    "en: near {name}": ("en", "Russian forces attacked near {x}."),
    "en: list near A, B and {name}": ("en", "Ukrainian forces repelled assaults near Pokrovsk, Toretsk and {x}."),
    "en: liberated {ru_latin}": ("ru_latin", "Russian troops liberated {x}, the MoD claimed."),
    # with the nearest town of 5,000 people or more as the report's other place ({t}: its genitive, {tn}: its
    # GeoNames name, {tr}: its Russian genitive, where GeoNames lists a Russian spelling), as reports name a village
# beside its sector's town
    "uk: поблизу {town} та у {loc}": ("uk_loc", "Бої тривають поблизу {t} та у {x}."),
    "uk: {gen} біля {town}": ("uk_gen", "Ворог атакував поблизу {x} неподалік {t}."),
    "uk: захопили {acc} біля {town}": ("uk_acc", "Окупанти захопили {x} неподалік {t}."),
    "ru: в районе {gen} у {town}": ("ru_gen", "Противник атакует в районе {x} у {tr}."),
    "ru: освободили {acc} у {town}": ("ru_acc", "Подразделения освободили {x} у {tr}."),
    "en: near {town} and in {name}": ("en", "Fighting continues near {tn} and in {x}."),
}
#: the least population of the town a context frame names
CONTEXT_TOWN = 5000


def _common_noun(name: str, lang: str = "uk") -> bool:
    """Whether a word of ``name``, lower-cased, is a common word: pymorphy3 knows it as a noun or adjective in this
    form and it is in use (wordfreq's Ukrainian Zipf ≥ 2; pymorphy3's Ukrainian dictionary holds village names as
    lower-case nouns too: "любимівка" is known, seldom written)."""
    from wordfreq import zipf_frequency

    morph = analyser(lang)
    for word in name.replace("-", " ").split():
        low = word.lower()
        if zipf_frequency(low, lang) < 2.0:
            continue
        if any(p.is_known and p.tag.POS in ("NOUN", "ADJF") and "Surn" not in p.tag and "Name" not in p.tag
               for p in morph.parse(low)):
            return True
    return False


def name_shape(uk: str) -> list[str]:
    """The groups a name falls in: its shape (hyphenated, one word, two words, more words) and ``common noun``."""
    words = uk.split()
    kind = "hyphenated" if "-" in uk else {1: "one word", 2: "two words"}.get(len(words), "more words")
    return [f"shape: {kind}"] + (["common noun"] if _common_noun(uk) else [])


def _nearest_town(row, towns) -> tuple[str, str, str] | None:
    """The Ukrainian genitive, GeoNames name and Russian genitive ("" when GeoNames lists no Russian spelling) of the
    nearest other town of ``CONTEXT_TOWN`` people or more."""
    best = None
    for r, gen, ru_gen in towns:
        if r.geonameid == row.geonameid or r.name == row.name:
            continue
        d = (r.lat - row.lat) ** 2 + ((r.lon - row.lon) * math.cos(math.radians(row.lat))) ** 2
        if best is None or d < best[0]:
            best = (d, gen, r.name, ru_gen)
    return None if best is None else best[1:]


def forms_of(row) -> dict[str, str] | None:
    """``names_recall._forms`` with the accusatives of "захопили X" (Ukrainian) and "освободили X" (Russian)."""
    forms = _forms(row)
    if forms is None:
        return None
    uk = forms["uk_nom"]
    forms["uk_acc"] = _accusative(uk, "uk")
    ru = _russian_name(row, _ukrainian_name(row))
    if ru is not None:
        forms["ru_acc"] = _accusative(ru, "ru")
    return forms


def _accusative(name: str, lang: str) -> str:
    """A place name's accusative: a place is inanimate, so the name is its nominative unless its noun (the last word)
    changes ("Нову Олександрівку"; pymorphy3 would give an adjective before "Яр" its animate "Червоного")."""
    last = name.split()[-1]
    try:
        if (inflect_name(last, lang, "accs") or last) == last:
            return name
        return inflect_name(name, lang, "accs") or name
    except KeyError:  # a neuter adjective the analyser does not know: its accusative is its nominative
        return name


def run(seed: int, n: int, examples: int, hyphenated: int = 0) -> dict:
    gaz = Gazetteer.open()
    rows, population, _ = sample_rows(seed, n)
    if hyphenated:
        # hyphenated names are rare (about 1 in 100): the sample is topped up with a seeded draw of them
        every, _, _ = sample_rows(seed, population)
        have = {r.geonameid for r in rows}
        extra = [r for r in every if "-" in r.name and r.geonameid not in have]
        rows = rows + random.Random(seed).sample(extra, min(hyphenated, len(extra)))
    every, _, _ = sample_rows(seed, population)
    towns = []
    for r in every:
        if r.population >= CONTEXT_TOWN and (uk := _ukrainian_name(r)) is not None:
            gen = inflect_name(uk, "uk", "gent")
            ru = _russian_name(r, uk)
            if gen:
                towns.append((r, gen, (inflect_name(ru, "ru", "gent") or "") if ru else ""))
    t0 = time.process_time()
    tally: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    missed: dict[str, list] = collections.defaultdict(list)
    sentences = 0
    for row in rows:
        forms = forms_of(row)
        if forms is None:
            continue
        groups = ["all", *name_shape(forms["uk_nom"])]
        town = _nearest_town(row, towns)
        keys = _place_keys(row, forms["uk_nom"])
        for frame, (kind, template) in FRAMES.items():
            form = forms.get(kind)
            if form is None:
                continue
            if "{t" in template:
                if town is None or ("{tr}" in template and not town[2]):
                    continue
                text = template.format(x=form, t=town[0], tn=town[1], tr=town[2])
            else:
                text = template.format(x=form)
            start = text.index(form)
            end = start + len(form)
            claims = extract_text(text, gaz)
            sentences += 1
            ok = any(c.geonameid == row.geonameid for c in claims)
            on_name = [c for c in claims if c.start < end and c.end > start]
            # a namesake, or the name left unresolved among its namesakes (no other place to judge by)
            namesake = ok or any((c.name and gnames.name_keys(c.name) & keys) or (c.geonameid is None and c.place == form)
                                 for c in on_name)
            mentioned = ok or bool(on_name)
            for g in groups:
                for key in (f"frame | {frame} | {g}", f"kind | {kind} | {g}"):
                    t = tally[key]
                    t["n"] += 1
                    t["recall"] += ok
                    t["namesake"] += namesake
                    t["mentioned"] += mentioned
            if not namesake:
                why = "resolved elsewhere" if mentioned else "not mentioned"
                missed[f"{frame} | {groups[1]} | {why}"].append(f"{text} [{row.geonameid}]")
    cpu = time.process_time() - t0

    def share(t, what):
        return round(t[what] / t["n"], 4) if t["n"] else None

    table = {k: {"n": t["n"], "recall": share(t, "recall"), "namesake": share(t, "namesake"),
                 "mentioned": share(t, "mentioned")}
             for k, t in sorted(tally.items())}
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "seed": seed, "sample": len(rows), "hyphenated_added": hyphenated, "front_places": population, "sentences": sentences,
        "cpu_s": round(cpu, 1),
        "frames": {f: t for k, t in table.items() if k.startswith("frame | ") and k.endswith(" | all")
                   for f in [k.split(" | ")[1]]},
        "table": table,
        "missed": {k: {"n": len(v), "examples": v[:examples]}
                   for k, v in sorted(missed.items(), key=lambda kv: -len(kv[1]))},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sample", type=int, default=1000, help="places drawn (default 1000)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--hyphenated", type=int, default=100, help="hyphenated names added to the sample (default 100)")
    ap.add_argument("--examples", type=int, default=6, help="missed sentences kept per group")
    ap.add_argument("--out", type=Path, default=RESULTS / "mentions_recall.json")
    args = ap.parse_args(argv)
    result = run(args.seed, args.sample, args.examples, args.hyphenated)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{result['sample']} places of {result['front_places']} (seed {result['seed']}), "
          f"{result['sentences']} sentences, {result['cpu_s']} CPU s\n")
    groups = sorted({k.split(" | ")[2] for k in result["table"]})
    print("cells: found up to namesakes / right geonameid (sentences)\n")
    print("| frame | " + " | ".join(groups) + " |\n|---|" + "---|" * len(groups))
    for pre in ("frame", "kind"):
        names = sorted({k.split(" | ")[1] for k in result["table"] if k.startswith(pre + " | ")})
        for f in names:
            cells = []
            for g in groups:
                t = result["table"].get(f"{pre} | {f} | {g}")
                cells.append(f"{t['namesake']} / {t['recall']} ({t['n']})" if t else "")
            print(f"| {pre}: {f} | " + " | ".join(cells) + " |")
    print("\nmissed, largest groups:")
    for k, v in list(result["missed"].items())[:30]:
        print(f"  {v['n']:4d}  {k}: {' / '.join(v['examples'][:3])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
