"""Name keys: how any spelling of a place name is folded to the Latin key the index holds.

Contract (used by the index builder and by every lookup; change KEY_VERSION when keys change,
so that indexes built with the old keys are rebuilt):

- ``fold(text) -> str``: one normalised Latin key.
- ``name_keys(name) -> set[str]``: the keys to index for one gazetteer name or alternate name.
- ``query_variants(mention) -> list[tuple[str, str]]``: keys to look a mention up by, best first,
  each with the rule that produced it ("exact", "fold", "translit", "ru-uk", ...).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["KEY_VERSION", "fold", "name_keys", "query_variants"]

KEY_VERSION = "0"

_APOSTROPHES = "'’ʼ`´ʹ‘"
_SPACE = re.compile(r"[\s\-‐‑–—_/.]+")


def fold(text: str) -> str:
    """Fold a name to its Latin key.

    Examples
    --------
    >>> fold("Huliaipole")
    'huliaipole'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    for a in _APOSTROPHES:
        text = text.replace(a, "")
    return _SPACE.sub(" ", text).strip()


def name_keys(name: str) -> set[str]:
    """The keys to index for one gazetteer name."""
    key = fold(name)
    return {key} if key else set()


def query_variants(mention: str) -> list[tuple[str, str]]:
    """The keys to look a mention up by, best first."""
    key = fold(mention)
    return [(key, "fold")] if key else []
