"""The front sector a place is listed under: "На Сіверському напрямку … Федорівки", "in the Kupiansk direction".

General Staff summaries, MoD bulletins and ISW reports are written by sector: a paragraph opens with
the direction ("On the Siversk direction", "На Покровском направлении") and lists the villages fought
over on it. The town a direction is named after is evidence for where its villages lie — the
Fedorivka listed under the Siversk direction is the one near Siversk, not the one a village of the
next paragraph would pull towards. A sector counts for the text from the start of the sentence that
names it to the next sector named, and never past the end of its paragraph.

The direction words are a rule table (``geo/rules/sectors.jsonl``); the town comes from the word
before it: an English name ("Kupiansk direction") or a Russian or Ukrainian adjective in any case
("Сіверському", "Покровском"), put in the nominative by :mod:`gazetteer.morphology` and turned
into the town's name by the adjective-forming suffixes -ськ-/-цьк-/-ск-/-цк- (Сіверський → Сіверськ,
Новопавлівський → Новопавлівка, Кураховский → Курахово). Of the places a name may be, the
largest settlement of Ukraine is the town a front direction is named after.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gazetteer.model import Place
from gazetteer.morphology import word_nominatives
from gazetteer.names import fold, query_variants
from geo.rules import load_table

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = ["Sector", "find_sectors", "sector_town"]

_UPPER = "A-ZА-ЯЁІЇЄҐ"
_WORD = r"[\w'’ʼ]+"


@dataclass(frozen=True)
class Sector:
    """A front direction named in a report, and the stretch of text it holds for.

    Attributes
    ----------
    text : str
        The phrase as written ("Сіверському напрямку").
    town : Place
        The town the direction is named after.
    start, end : int
        The text it holds for (from the start of its sentence to the next sector or its
        paragraph's end).
    at : int
        Where the phrase itself is written.
    """

    text: str
    town: Place
    start: int
    end: int
    at: int = -1  #: where the phrase is written (its first word)


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = []
    for row in load_table("sectors", classes={"sector"}):
        stem = re.escape(row.key)
        words.append(stem + (r"\w*" if row.match == "prefix" else r"s?\b"))
    return re.compile(
        rf"\b(?P<name>[{_UPPER}]{_WORD}(?:[-–][{_UPPER}]{_WORD})?)\s+(?:(?:tactical|operational)\s+)?"
        rf"(?P<word>{'|'.join(words)})",
        re.IGNORECASE,
    )


_ADJECTIVE = re.compile(r"(?:ськ|цьк|ск|цк)(?:ий|ій|ой|ая|а|е|ое)$")
_FORMS_OF_ROOT = ("", "ка", "е", "о", "а", "я", "ове", "ово")
_LATIN_ADJECTIVE = re.compile(r"(ts?k|sk)(?:iy|yi|yy|ij|y|e|oye|oe|a|aya)$", re.IGNORECASE)
_LATIN_FORMS_OF_ROOT = ("", "ka", "e", "o", "a", "ove", "ovo")
# Russian "Ореховское направление" comes out of English copy and machine translation as "the Orekhovo
# direction": the adjective of a town in -ов/-ев/-ин (Орехов, Орехів) cut to a neuter -ovo/-evo/-ino,
# which names the town once its -o is dropped (Orekhov → Orikhiv), or a village in -ove (Kurakhovo).
_LATIN_NEUTER = re.compile(r"(?:[oe]v|[iy]n)o$", re.IGNORECASE)


def _town_names(name: str) -> list[str]:
    """The names a direction's town may have, from the word before the direction word."""
    out: list[str] = []
    parts = [name] + ([name.replace("–", "-").split("-")[0]] if re.search("[-–]", name) else [])
    for part in parts:
        if part.isascii():
            out.append(part)
            # an adjective romanised ("Siverskiy", "Pokrovske", "Vremivske" direction): the town
            # it is formed from, by the same suffixes as in Cyrillic
            m = _LATIN_ADJECTIVE.search(part)
            if m:
                root = part[: m.start()]
                out.append(root + m.group(1))
                out.extend(root + end for end in _LATIN_FORMS_OF_ROOT)
            if _LATIN_NEUTER.search(part):
                out.append(part[:-1])
            continue
        for form in word_nominatives(part):
            m = _ADJECTIVE.search(form)
            if not m:
                continue
            suffix = m.group(0)
            root = form[: m.start()]
            base = root + suffix[: 3 if suffix.startswith(("ськ", "цьк")) else 2]  # Сіверськ, Покровск
            out.append(base)
            out.extend(root + end for end in _FORMS_OF_ROOT)
    return list(dict.fromkeys(n for n in out if len(n) >= 3))


@functools.lru_cache(maxsize=4096)
def _spelling_of(form: str, name: str) -> bool:
    """Whether ``form`` is another spelling of the current name ``name`` by the rules of
    :func:`gazetteer.names.query_variants` ("Gulyaypole" of Huliaipole, "Avdeyevka" of Avdiivka),
    not a former name of the place."""
    return fold(name) in {k for k, _ in query_variants(form)}


def sector_town(name: str, gaz: Gazetteer) -> Place | None:
    """The town a direction named ``name`` ("Kupiansk", "Сіверському") is named after, or None.

    The most populous settlement of Ukraine whose current name one of its forms is (no fuzzy
    matching); when GeoNames gives none of them a population, the one such settlement there is
    ("Vremivske direction": Vremivka, the only place of that name), else None.
    """
    best: Place | None = None
    found: set[int] = set()
    for form in _town_names(name):
        for c in gaz.candidates(form, fuzzy=False):
            p = c.place
            # a direction is named after a town's current name, not a former one (Олександрівськ
            # was Zaporizhzhia), and after a real form of the word, not a case form of it
            if (p.country != "UA" or p.feature_class != "P" or c.rule in ("case", "renamed")
                    or not (fold(c.matched) == fold(p.name) or _spelling_of(form, p.name))):
                continue
            found.add(p.geonameid)
            if best is None or p.population > best.population:
                best = p
    return best if best is not None and (best.population > 0 or len(found) == 1) else None


def find_sectors(
    text: str, gaz: Gazetteer, sentence_of: Callable[[int], tuple[int, int]] | None = None
) -> list[Sector]:
    """The front directions named in a report, each with the stretch of text it holds for.

    "На Сіверському напрямку бої біля Федорівки." gives one sector, Siversk, holding for the
    whole sentence (tests/test_sectors.py).
    """
    found: list[tuple[int, int, str, Place]] = []
    for m in _pattern().finditer(text):
        town = sector_town(m.group("name"), gaz)
        if town is None:
            continue
        start = sentence_of(m.start())[0] if sentence_of is not None else m.start()
        found.append((start, m.start(), m.group(0), town))
    out: list[Sector] = []
    for k, (start, at, phrase, town) in enumerate(found):
        para_end = text.find("\n", at)
        end = len(text) if para_end < 0 else para_end
        # the next sector named (in another sentence) closes this one
        for start2, at2, _, town2 in found[k + 1:]:
            if start2 > start:
                end = min(end, start2)
                break
        out.append(Sector(phrase, town, start, end, at))
    return out
