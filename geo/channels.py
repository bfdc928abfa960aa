"""Known channels and outlets: who speaks in a post when its text names no one.

The table is data, ``geo/data/channels.csv``: one row per channel or outlet, with its key (a
Telegram username, or a web host such as ``understandingwar.org``), the display names a
Telegram Desktop export gives it (exports carry the channel's name, not its username), its
claimant and a note. It is read and checked once; a bad row is a
:class:`~frontmap.errors.ChannelTableError` naming the file and the line.

A report from a known channel carries its claimant as ``Report.claimant_hint``
(:mod:`geo.telegram` for exports, :mod:`geo.reports` for the ``SOURCE:`` of plain files).

Examples
--------
>>> table = known_channels()
>>> table.by_username("MOD_RUSSIA").claimant.value
'RU-MoD'
>>> table.by_name("Генеральний штаб ЗСУ").key
'GeneralStaffZSU'
>>> table.by_url("https://t.me/DeepStateUA/21007").claimant.value
'DeepState'
>>> table.by_url("https://www.understandingwar.org/backgrounder/x").claimant.value
'ISW'
>>> table.by_source("Rybar").claimant.value
'RU-milblogger'
>>> table.by_url("https://example.com/a") is None
True
"""

from __future__ import annotations

import csv
import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from frontmap.errors import ChannelTableError
from geo.model import Claimant

__all__ = ["CHANNELS_FILE", "Channel", "ChannelTable", "known_channels", "load_channels", "telegram_username"]

#: The table of known channels shipped with frontmap.
CHANNELS_FILE = Path(__file__).with_name("data") / "channels.csv"

_HEADER = ("key", "names", "claimant", "note")
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")
_HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+")
_TME = re.compile(r"^(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me)/(?:s/)?(?P<user>[A-Za-z][A-Za-z0-9_]{3,31})(?:[/?#]|$)")


@dataclass(frozen=True, slots=True)
class Channel:
    """One known channel or outlet."""

    key: str  #: a Telegram username (no ``@``) or a web host
    names: tuple[str, ...]  #: display names in Telegram exports
    claimant: Claimant
    note: str
    line: int = 0  #: the line of the table it was read from

    @property
    def is_telegram(self) -> bool:
        """True for a Telegram channel (its key is a username, not a host)."""
        return "." not in self.key


def _fold(name: str) -> str:
    return " ".join(name.casefold().replace("ё", "е").split())


def telegram_username(url: str) -> str:
    """The channel's username in a ``t.me`` link, or ``""``.

    Examples
    --------
    >>> telegram_username("https://t.me/s/rybar/5521"), telegram_username("https://example.com")
    ('rybar', '')
    """
    m = _TME.match(url.strip())
    return m.group("user") if m else ""


class ChannelTable:
    """The known channels, looked up by username, display name, URL or a ``SOURCE:`` value."""

    def __init__(self, channels: list[Channel]) -> None:
        self.channels = tuple(channels)
        self._keys = {c.key.casefold(): c for c in channels}
        self._names = {_fold(n): c for c in channels for n in c.names}

    def __len__(self) -> int:
        return len(self.channels)

    def by_username(self, username: str) -> Channel | None:
        """The Telegram channel of that username (``@`` and case ignored)."""
        c = self._keys.get(username.strip().lstrip("@").casefold())
        return c if c is not None and c.is_telegram else None

    def by_name(self, name: str) -> Channel | None:
        """The channel whose display name (or username) this is."""
        folded = _fold(name)
        return self._names.get(folded) or self.by_username(folded) if folded else None

    def by_url(self, url: str) -> Channel | None:
        """The channel of a ``t.me`` link, or the outlet of a web address (its host or a parent domain)."""
        user = telegram_username(url)
        if user:
            return self.by_username(user)
        if "://" not in url:
            return None
        host = (urlparse(url).hostname or "").casefold()
        parts = host.split(".")
        for i in range(len(parts) - 1):
            c = self._keys.get(".".join(parts[i:]))
            if c is not None and not c.is_telegram:
                return c
        return None

    def by_source(self, value: str) -> Channel | None:
        """The channel a plain file's ``SOURCE:`` names: a URL, a host, ``@username`` or a display name."""
        value = value.strip()
        if not value:
            return None
        if "://" in value or value.startswith(("t.me/", "www.")):
            return self.by_url(value if "://" in value else "https://" + value)
        if _HOST.fullmatch(value.casefold()):
            return self.by_url("https://" + value)
        return self.by_name(value)


def load_channels(path: str | os.PathLike[str]) -> ChannelTable:
    """Read and check a channels table (CSV with the header ``key,names,claimant,note``; ``#`` lines are comments).

    Raises
    ------
    frontmap.errors.ChannelTableError
        The file cannot be read, its header is not the expected one, or a row is bad (a key that
        is neither a username nor a host, a repeated key or name, an unknown claimant, no note);
        the message names the file and the line.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ChannelTableError(f"{path}: cannot be read ({exc})") from None
    channels: list[Channel] = []
    seen_keys: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    header_seen = False
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = next(csv.reader([line]))
        where = f"{path}, line {lineno}"
        if not header_seen:
            if tuple(c.strip() for c in row) != _HEADER:
                raise ChannelTableError(f"{where}: expected the header {','.join(_HEADER)}, found {line!r}")
            header_seen = True
            continue
        if len(row) != len(_HEADER):
            raise ChannelTableError(f"{where}: expected {len(_HEADER)} fields ({', '.join(_HEADER)}), found {len(row)}")
        key, names, claimant, note = (c.strip() for c in row)
        if not (_USERNAME.fullmatch(key) or _HOST.fullmatch(key)):
            raise ChannelTableError(f"{where}: key {key!r} is neither a Telegram username nor a web host")
        try:
            who = Claimant(claimant)
        except ValueError as exc:
            raise ChannelTableError(f"{where}: {exc}") from None
        if not note:
            raise ChannelTableError(f"{where}: no note (say what the channel is)")
        if key.casefold() in seen_keys:
            raise ChannelTableError(f"{where}: key {key!r} repeats line {seen_keys[key.casefold()]}")
        seen_keys[key.casefold()] = lineno
        display = tuple(n.strip() for n in names.split("|") if n.strip())
        for n in display:
            if _fold(n) in seen_names:
                raise ChannelTableError(f"{where}: name {n!r} repeats line {seen_names[_fold(n)]}")
            seen_names[_fold(n)] = lineno
        channels.append(Channel(key=key, names=display, claimant=who, note=note, line=lineno))
    if not header_seen:
        raise ChannelTableError(f"{path}: no header line ({','.join(_HEADER)})")
    return ChannelTable(channels)


@functools.lru_cache(maxsize=1)
def known_channels() -> ChannelTable:
    """The table shipped with frontmap (:data:`CHANNELS_FILE`), read once."""
    return load_channels(CHANNELS_FILE)
