"""The table of known channels (geo/data/channels.csv) and where it is used."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontmap.errors import ChannelTableError
from geo.channels import CHANNELS_FILE, known_channels, load_channels
from geo.claims import source_claimant
from geo.model import Claimant, Report
from geo.reports import read_reports

HEADER = "key,names,claimant,note\n"


def test_shipped_table_loads_and_covers_the_claimants() -> None:
    table = known_channels()
    assert len(table) >= 15
    assert {c.claimant for c in table.channels} >= {
        Claimant.RU_MOD, Claimant.UA_GENERALSTAFF, Claimant.DEEPSTATE, Claimant.RU_MILBLOGGER, Claimant.ISW}
    assert all(c.note for c in table.channels)
    assert table.by_username("@GeneralStaffZSU").claimant is Claimant.UA_GENERALSTAFF
    assert table.by_url("https://deepstatemap.live/en#10/48.3/37.2").claimant is Claimant.DEEPSTATE
    assert table.by_username("understandingwar.org") is None  # a host is not a username


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        ("mod_russia,,RU-MoD,the ministry\nmod_russia,,RU-MoD,again\n", "line 3: key 'mod_russia' repeats line 2"),
        ("a b,,RU-MoD,x\n", "line 2: key 'a b' is neither"),
        ("rybar,,RU-blogger,x\n", "line 2: 'RU-blogger' is not a valid Claimant"),
        ("rybar,Рыбарь,RU-milblogger,\n", "line 2: no note"),
        ("rybar,Рыбарь,RU-milblogger\n", "line 2: expected 4 fields"),
        ("rybar,Рыбарь,RU-milblogger,x\ndva_majors,рыбарь,RU-milblogger,y\n", "line 3: name 'рыбарь' repeats line 2"),
    ],
)
def test_bad_rows_are_named_by_file_and_line(tmp_path: Path, rows: str, problem: str) -> None:
    path = tmp_path / "channels.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(ChannelTableError) as err:
        load_channels(path)
    assert str(path) in str(err.value) and problem in str(err.value)


def test_comments_and_header_checked(tmp_path: Path) -> None:
    path = tmp_path / "channels.csv"
    path.write_text("# a comment\nkey,claimant\n", encoding="utf-8")
    with pytest.raises(ChannelTableError, match="line 2: expected the header"):
        load_channels(path)
    assert CHANNELS_FILE.is_file()


def test_plain_file_source_gives_the_hint(tmp_path: Path) -> None:
    p = tmp_path / "post.txt"
    p.write_text("SOURCE: https://t.me/rybar/71234 | DATE: 2025-11-24\nOur troops advanced near Siversk.\n", encoding="utf-8")
    r, = read_reports(p)
    assert r.claimant_hint is Claimant.RU_MILBLOGGER and r.url == "https://t.me/rybar/71234"
    assert source_claimant(r) is Claimant.RU_MILBLOGGER
    p.write_text("SOURCE: DeepState | DATE: 2025-11-24\nThe enemy advanced near Siversk.\n", encoding="utf-8")
    r, = read_reports(p)
    assert r.claimant_hint is Claimant.DEEPSTATE and r.url == ""
    p.write_text("SOURCE: https://example.org/a | DATE: 2025-11-24\nFighting near Siversk.\n", encoding="utf-8")
    r, = read_reports(p)
    assert r.claimant_hint is None
    assert source_claimant(Report("x", claimant_hint=Claimant.UA_GENERALSTAFF)) is Claimant.UA_GENERALSTAFF
