"""RSS and Atom feeds: one report per entry, with its date and link (parsed by ``feedparser``).

A feed file (``.rss``, ``.atom``, or an ``.xml`` file whose root is ``<rss>``, ``<feed>`` or
``<rdf:RDF>``) gives one :class:`~geo.model.Report` per entry: its title and its content (or
summary) as text, HTML taken out; ``date`` the entry's published (else updated) date in UTC;
``url`` its link; ``source`` ``<feed>#<entry id>`` (the entry's id or link: stable when the feed
adds entries); ``author`` the entry's author, else the feed's title. The feed's link, or its own
address, names the outlet in the table of known channels (:mod:`geo.channels`), whose claimant
becomes ``Report.claimant_hint``. With ``--online`` a feed's URL is read the same way.

Examples
--------
>>> rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Example wire</title>'
...        b'<link>https://www.understandingwar.org/</link><item><title>Update</title>'
...        b'<link>https://www.understandingwar.org/backgrounder/a</link><guid>a-1</guid>'
...        b'<pubDate>Sun, 23 Nov 2025 21:30:00 +0000</pubDate>'
...        b'<description>&lt;p&gt;Russian forces advanced near Pokrovsk.&lt;/p&gt;</description></item></channel></rss>')
>>> r, = feed_reports(rss, "wire.rss")
>>> r.source, r.date.isoformat(), r.url, r.claimant_hint.value
('wire.rss#a-1', '2025-11-23', 'https://www.understandingwar.org/backgrounder/a', 'ISW')
>>> r.text
'Update\\n\\nRussian forces advanced near Pokrovsk.'
"""

from __future__ import annotations

import calendar
import datetime as _dt
import os
import re
from pathlib import Path

from frontmap.errors import ReportError
from geo.channels import known_channels
from geo.model import Report

__all__ = ["FEED_SUFFIXES", "looks_like_feed", "is_feed_file", "feed_reports", "read_feed", "read_feed_url"]

#: Suffixes of feed files taken when walking a folder (``.xml`` files are read when named, if they are feeds).
FEED_SUFFIXES = frozenset({".rss", ".atom"})
_FEED_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)


def looks_like_feed(head: bytes) -> bool:
    """Whether bytes start like an RSS or Atom document.

    Examples
    --------
    >>> looks_like_feed(b'<?xml version="1.0"?>\\n<feed xmlns="http://www.w3.org/2005/Atom">'), looks_like_feed(b"<html>")
    (True, False)
    """
    return _FEED_ROOT.match(head.lstrip(b"\xef\xbb\xbf")) is not None


def is_feed_file(path: str | os.PathLike[str]) -> bool:
    """A ``.rss``/``.atom`` file, or an ``.xml`` file that starts like a feed."""
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix in FEED_SUFFIXES:
        return True
    if suffix != ".xml":
        return False
    try:
        with open(path, "rb") as fh:
            return looks_like_feed(fh.read(4096))
    except OSError:
        return False


def _entry_date(entry) -> _dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return _dt.datetime.fromtimestamp(calendar.timegm(t), tz=_dt.timezone.utc).date()
    return None


def feed_reports(data: bytes | str, src: str, *, location: str = "") -> list[Report]:
    """The entries of a feed document as reports (``src``: the name its sources start with).

    Raises
    ------
    frontmap.errors.ReportError
        The document is not a feed feedparser can read, or has no entries.
    """
    import feedparser

    from geo.reports import html_to_text

    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise ReportError(location or src, f"not an RSS or Atom feed with entries{problem}")
    feed = parsed.feed
    table = known_channels()
    outlet = table.by_url(feed.get("link", "")) or (table.by_url(location) if "://" in location else None)
    reports = []
    for i, entry in enumerate(parsed.entries, 1):
        body = ""
        if entry.get("content"):
            body = "\n\n".join(c.get("value", "") for c in entry.content)
        body = body or entry.get("summary", "")
        text = html_to_text(body) if "<" in body else body
        title = " ".join(entry.get("title", "").split())
        full = "\n\n".join(p for p in (title, text.strip()) if p)
        if not full.strip():
            continue
        link = entry.get("link", "")
        key = entry.get("id") or link or str(i)
        channel = table.by_url(link) if link else None
        channel = channel or outlet
        reports.append(
            Report(
                text=full,
                source=f"{src}#{key}",
                url=link if link.startswith(("http://", "https://")) else "",
                author=entry.get("author", "") or feed.get("title", ""),
                date=_entry_date(entry),
                title=title,
                claimant_hint=channel.claimant if channel is not None else None,
                uid=f"feed:{key}" if entry.get("id") or link else "",
            )
        )
    return reports


def read_feed(path: str | os.PathLike[str], *, source: str | None = None) -> list[Report]:
    """The entries of a feed file (see :func:`feed_reports`)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ReportError(path, "no such file") from None
    except OSError as exc:
        raise ReportError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise ReportError(path, "empty file")
    return feed_reports(data, str(path) if source is None else source, location=str(path))


def read_feed_url(url: str, *, timeout: float = 30.0) -> list[Report]:
    """The entries of a feed on the web (``--online``), fetched with the standard library.

    Raises
    ------
    frontmap.errors.ReportError
        The feed cannot be fetched or is not a feed.
    """
    import urllib.error
    import urllib.request

    from frontmap import __version__

    request = urllib.request.Request(url, headers={"User-Agent": f"frontmap/{__version__} (feed reader)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, checked by the caller
            data = response.read()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise ReportError(url, f"cannot be fetched ({getattr(exc, 'reason', exc)})") from None
    return feed_reports(data, url, location=url)
