"""Reading report files: decoding, HTML, metadata lines, compilations (geo.reports)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from frontmap.errors import ReportDecodeError, ReportError
from geo.rules.lookup import lookup_rows
from geo.reports import html_to_text, iter_input_files, iter_reports, read_reports, read_text_file

D = dt.date
REPO = Path(__file__).resolve().parents[1]
RU = 'Подразделения группировки войск "Восток" освободили населённый пункт Отрадное. Противник отступил.'
UK = "Сили оборони відбили атаки біля Покровська та Мирнограда; бої тривають у Гуляйполі."
FR = "Le village de Zvanivka a été pris, selon Moscou. Kyiv dément : « les combats continuent »."


# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", RU),
        ("utf-8-sig", RU),
        ("utf-16", RU),  # with BOM
        ("utf-16-le", "Russian forces entered Seversk, the ministry said. " * 4),  # no BOM
        ("utf-32", UK),
        ("cp1251", RU),
        ("koi8_r", RU),
        ("cp1251", UK),
        ("koi8_u", UK),
        ("latin_1", FR),
        ("cp1252", FR),
    ],
)
def test_decoding(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    assert read_text_file(path) == text


def test_line_ends_normalised(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"First line.\r\nSecond line.\rThird.\r\n")
    assert read_text_file(path) == "First line.\nSecond line.\nThird.\n"


@pytest.mark.parametrize(
    ("data", "error", "problem"),
    [
        (b"", ReportError, "empty file"),
        (b"  \n\t\r\n ", ReportError, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", ReportDecodeError, "binary"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4, ReportDecodeError, "binary"),
        (bytes(range(1, 32)) * 40, ReportDecodeError, "binary"),
        (b"\xff\xfe\x00\xd8 broken", ReportDecodeError, "UTF-16"),
    ],
)
def test_refused_files(tmp_path: Path, data: bytes, error: type[Exception], problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(error, match=problem) as info:
        read_text_file(path)
    assert str(path) in str(info.value)
    assert info.value.path == str(path)
    with pytest.raises(error):
        read_reports(path)


def test_missing_and_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ReportError, match="no such file") as info:
        read_text_file(tmp_path / "nope.txt")
    assert isinstance(info.value, OSError) and "nope.txt" in str(info.value)
    with pytest.raises(ReportError, match="directory"):
        read_text_file(tmp_path)
    path = tmp_path / "locked.txt"
    path.write_text("text")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(ReportError, match="permission denied"):
        read_text_file(path)


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html><head><meta charset="windows-1251"><title>Russian forces &amp; Kupiansk</title>
<style>body { color: red }</style><script>var frontline = "Avdiivka";</script></head>
<body><nav>Menu</nav><h1>Kupiansk: fighting goes on</h1>
<p>Gerasimov claimed on November 20 that Kupiansk was&nbsp;taken.
   Kyiv &laquo;denied&raquo; it.</p>
<p>Coordinates: 49&deg;42&prime;36&Prime;N<br>Second line</p>
<ul><li>Vovchansk</li><li>Kupiansk-Vuzlovyi</li></ul>
</body></html>"""


def test_html_to_text() -> None:
    text = html_to_text(PAGE)
    assert "Avdiivka" not in text and "color" not in text
    assert "Kupiansk: fighting goes on\n\nGerasimov claimed" in text
    assert "was taken. Kyiv «denied» it." in text
    assert "49°42′36″N\nSecond line" in text
    assert "Vovchansk\nKupiansk-Vuzlovyi" in text


@pytest.mark.parametrize("suffix", [".html", ".txt"])  # by suffix, or sniffed
def test_html_report(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_bytes(PAGE.encode("cp1251", errors="xmlcharrefreplace"))
    (report,) = read_reports(path)
    assert report.title == "Russian forces & Kupiansk"
    assert "<p>" not in report.text and "Kyiv «denied» it." in report.text
    assert report.source == str(path)


# --------------------------------------------------------------------------- files


def test_iter_input_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.TEXT", "d.htm", ".hidden.txt", ".git/x.txt", "img.png", "README.md", "sub/e.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    got = [p.relative_to(tmp_path).as_posix() for p in iter_input_files([tmp_path])]
    assert got == ["a.md", "b.txt", "c.TEXT", "d.htm", "sub/e.html"]
    # a file named explicitly is taken whatever its name, in the order given
    explicit = [tmp_path / "img.png", str(tmp_path / "b.txt")]
    assert list(iter_input_files(explicit)) == [tmp_path / "img.png", tmp_path / "b.txt"]
    with pytest.raises(ReportError, match="no such file") as info:
        list(iter_input_files([tmp_path / "b.txt", tmp_path / "missing"]))
    assert "missing" in str(info.value)


def test_own_seeds_all_read() -> None:
    reports = list(iter_reports([REPO / "seeds"]))
    sources = [r.source for r in reports]
    assert not any("README" in s for s in sources)
    assert len({s.split("#")[0] for s in sources}) == len(list((REPO / "seeds").glob("*.txt"))) >= 5
    assert all(r.date is not None and D(2025, 11, 1) <= r.date <= D(2025, 12, 31) for r in reports)


# --------------------------------------------------------------------------- metadata


@pytest.mark.parametrize(
    ("name", "date", "url_start", "text_start"),
    [
        ("mod_sputnik_20240914_zhelannoe_pervoe.txt", D(2024, 9, 14), "https://sputnikglobe.com/20240914/", "Russian Forces Take"),
        ("deepstate_euromaidan_20240426_soloviove_semenivka.txt", D(2024, 4, 26), "https://euromaidanpress.com/", "Eng"),
        ("isw_excerpt_strategicstudyindia_20240216_avdiivka.txt", D(2024, 2, 16), "https://strategicstudyindia.com/", "Pages"),
        ("isw_gwara_202402_kupiansk_sector.txt", D(2024, 2, 2), "https://gwaramedia.com/", "The main objective"),
        ("mod_ru24_undated_chigari.txt", None, "https://m.ru24.pro/", "Russian Forces Liberate Chigari"),
        ("mt_wtat_202511_kupyansk_volchansk.txt", None, "https://wtat.news/", "The front lines"),
        ("news_elethos_202407_progres_yevgenivka.txt", None, "https://www.elethos.eu/", "Russia said on Sunday"),
        ("non_english/ru_mod_24newnews_202511_kupyansk.txt", D(2025, 11, 21), "https://24newnews.ru/", "Министерство"),
    ],
)
def test_metadata_line_on_real_reports(
    shared_dir: Path, name: str, date: dt.date | None, url_start: str, text_start: str
) -> None:
    path = shared_dir / "eval" / "reports" / name
    (report,) = read_reports(path)
    assert report.date == date
    assert report.url.startswith(url_start)
    assert report.text.startswith(text_start)
    assert "SOURCE:" not in report.text and "| VIA:" not in report.text
    assert report.source == str(path)


def test_every_eval_report_loses_its_metadata_line(shared_dir: Path) -> None:
    paths = list(iter_input_files([shared_dir / "eval" / "reports"]))
    assert len(paths) >= 20
    for path in paths:
        first_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
        reports = read_reports(path)
        assert len(reports) == 1, path.name
        assert first_line not in reports[0].text
        assert reports[0].url and reports[0].url in first_line
        if "| DATE: 20" in first_line and first_line.split("| DATE: ")[1][7:8] == "-":
            assert reports[0].date is not None and reports[0].date.isoformat() in first_line


def test_front_matter_after_metadata(shared_dir: Path) -> None:
    (report,) = read_reports(shared_dir / "eval" / "reports" / "isw_full_20260221_criticalthreats.txt")
    assert report.date == D(2026, 2, 21)
    assert report.title.startswith("Russian Offensive Campaign Assessment, February 21, 2026")
    assert not report.text.startswith("---") and "word_count:" not in report.text[:500]


def test_metadata_partial_date_dates_only_by_text_in_that_month(tmp_path: Path) -> None:
    path = tmp_path / "partial.txt"
    path.write_text("SOURCE: https://example.org/x | DATE: 2025-11 (undated page)\nReport\nNovember 21\n\nText.\n")
    assert read_reports(path)[0].date == D(2025, 11, 21)
    path.write_text("SOURCE: https://example.org/x | DATE: 2025-11 (undated page)\nReport\n3 October 2025\n\nText.\n")
    assert read_reports(path)[0].date is None


def test_a_dash_inside_a_word_is_read_as_a_hyphen(tmp_path: Path) -> None:
    path = tmp_path / "dash.txt"
    path.write_text("Ворог обстріляв Рай\u2013Олександрівку. Бої 2024\u20132025 років \u2013 запеклі.\n", encoding="utf-8")
    (report,) = read_reports(path)
    assert "Рай-Олександрівку" in report.text
    assert "2024\u20132025" in report.text and " \u2013 запеклі" in report.text


def test_not_a_metadata_line(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Source: the ministry said Seversk fell.\nSecond line.\n")
    (report,) = read_reports(path, source="my-source")
    assert report.text.startswith("Source: the ministry")
    assert report.source == "my-source" and report.url == ""


# --------------------------------------------------------------------------- compilations


def test_real_compilation_seed_001(shared_dir: Path) -> None:
    path = shared_dir / "seeds" / "001_5038a288d9bf8bc4.txt"
    posts = read_reports(path)
    assert len(posts) == 9  # eight separator lines of 3, 5 or 6 asterisks
    assert [p.source for p in posts] == [str(path)] + [f"{path}#{i}" for i in range(2, 10)]
    assert posts[0].text.startswith("Published by @nsanzo ⋅ 25/11/2025")
    assert [p.date for p in posts] == [
        D(2025, 11, 25),
        D(2025, 11, 25),  # undated posts take the compilation's (latest) date
        D(2025, 11, 25),
        D(2025, 11, 25),
        D(2025, 11, 23),  # "Brief Frontline Report – November 23rd, 2025"
        D(2025, 11, 24),  # "Posted by b on November 24, 2025 at 16:21 UTC" at its end
        D(2025, 11, 24),  # "Posted on November 24, 2025 by Yves Smith"
        D(2025, 11, 25),
        D(2025, 11, 25),  # "November 25, 1:06 PM": year from the compilation
    ]
    assert posts[0].author == "@nsanzo"
    assert posts[4].author == "Marat Khairullin and Mikhail Popov"
    assert posts[5].author == "b" and posts[6].author == "Yves Smith"
    assert posts[5].url.startswith("https://www.moonofalabama.org/")
    assert posts[3].url == "https://t.me/s/boris_rozhin"
    assert "Zvanovka" in posts[4].text and "Zvanovka" not in posts[3].text
    assert all("\n***" not in p.text and not p.text.startswith("*") for p in posts)


@pytest.mark.parametrize("name", ["000_fb35ba53c81eb480.txt", "003_47a77cb9cd5e9aa2.txt", "004_8486256e7e29eb59.txt"])
def test_real_plain_articles_are_one_report(shared_dir: Path, name: str) -> None:
    path = shared_dir / "seeds" / name
    (report,) = read_reports(path)
    assert report.source == str(path)
    assert report.text == path.read_text(encoding="utf-8").strip("\n")


def test_own_compilation_seed() -> None:
    path = REPO / "seeds" / "2025-11-25_compilation_geneva_huliaipole.txt"
    first, second = read_reports(path)
    assert (first.source, second.source) == (str(path), f"{path}#2")
    assert (first.date, second.date) == (D(2025, 11, 24), D(2025, 11, 25))
    assert (first.author, second.author) == ("@sample_digest", "frontline_notes")
    assert first.url.startswith("https://example.org/") and second.url == ""
    assert "Geneva" in first.text and "Huliaipole" in second.text and "Geneva" not in second.text


def test_own_mod_bulletin_seed() -> None:
    (report,) = read_reports(REPO / "seeds" / "2025-11-23_mod_bulletin_otradnoye_tikhoye.txt")
    assert report.date == D(2025, 11, 23)
    assert report.url == ""  # its SOURCE is not a URL
    assert report.title.startswith("Russian MoD Says Troops Took Otradnoye")
    assert report.text.startswith("Russian MoD Says")


def test_compilation_offsets_and_inheritance(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text(
        "SOURCE: https://example.org/digest | DATE: 2025-12-02 | NOTE: test\n"
        "Colonelcassad\nIn Seversk fighting continues.\n* * *\n"
        "Posted on December 1, 2025 by Someone\nPokrovsk: claimed.\nhttps://t.me/s/other/5\n*****\n\n"
    )
    a, b = read_reports(path)
    assert a.text == "Colonelcassad\nIn Seversk fighting continues."
    assert (a.date, a.url, a.author) == (D(2025, 12, 2), "https://example.org/digest", "")
    assert (b.date, b.url, b.author) == (D(2025, 12, 1), "https://t.me/s/other/5", "Someone")


def test_large_file(tmp_path: Path) -> None:
    post = "Published by @x ⋅ 25/11/2025\n" + "Russian forces attacked near Pokrovsk on Monday. Mr. Ivanov said so.\n" * 50
    path = tmp_path / "big.txt"
    path.write_text(("\n******\n".join([post] * 800)))
    assert os.path.getsize(path) > 2_500_000
    posts = read_reports(path)
    assert len(posts) == 800
    assert posts[-1].source == f"{path}#800" and posts[-1].date == D(2025, 11, 25)


# --------------------------------------------------------------------------- posts cut at bylines

_PARA = "Russian forces attacked near Lyman and Siversk, and fighting went on through the night. " * 4


def test_bylines_cut_a_compilation_without_separators(tmp_path: Path) -> None:
    text = (
        f"Published by @writer ⋅ 25/11/2025\n\n{_PARA}\nhttps://blog.example/2025/11/25/a\n"
        f"Second headline of the day\nPosted on November 24, 2025 by Jane Roe\n{_PARA}\n"
        f"{_PARA}\nPosted by b on November 23, 2025 at 16:21 UTC | Permalink\nhttps://moa.example/2025/11/c.html\n"
        f"Third post without a byline of its own.\n{_PARA}\n"
    )
    p = tmp_path / "compilation.txt"
    p.write_text(text, encoding="utf-8")
    posts = read_reports(p)
    assert len(posts) == 3
    assert [r.author for r in posts] == ["@writer", "Jane Roe", ""]
    assert [r.date for r in posts] == [D(2025, 11, 25), D(2025, 11, 24), D(2025, 11, 25)]
    assert posts[1].text.startswith("Second headline of the day\nPosted on")  # the headline goes with its post
    assert posts[1].text.rstrip().endswith("https://moa.example/2025/11/c.html")  # the footer closes its post
    assert posts[1].url == "https://moa.example/2025/11/c.html"


def test_a_byline_at_the_start_or_end_cuts_nothing(tmp_path: Path) -> None:
    p = tmp_path / "one.txt"
    p.write_text(f"Posted on November 24, 2025 by Jane Roe\n{_PARA}\nPosted by b on November 24, 2025 at 16:21 UTC\n",
                 encoding="utf-8")
    (report,) = read_reports(p)
    assert report.author == "Jane Roe" and report.date == D(2025, 11, 24)


def test_real_compilation_seed_001_without_separator_lines(shared_dir: Path, tmp_path: Path) -> None:
    import re

    text = (shared_dir / "seeds" / "001_5038a288d9bf8bc4.txt").read_text(encoding="utf-8")
    p = tmp_path / "001_no_separators.txt"
    p.write_text(re.sub(r"(?m)^[ \t]*\*(?:[ \t]*\*){2,}[ \t]*\n", "", text), encoding="utf-8")
    posts = read_reports(p)
    # the posts that have bylines still come apart: the footer "Posted by b on …" closes one, and
    # "Posted on November 24, 2025 by Yves Smith" (under its headline) opens the next
    assert len(posts) == 2
    assert posts[0].author == "@nsanzo" and posts[0].date == D(2025, 11, 25)
    assert posts[1].author == "Yves Smith" and posts[1].date == D(2025, 11, 24)
    assert posts[0].url.startswith("https://www.moonofalabama.org/")
    assert posts[1].text.startswith("The Poison Pill")


@pytest.mark.parametrize("name", sorted(["000_fb35ba53c81eb480.txt", "002_1796fb2bc10320de.txt",
                                         "003_47a77cb9cd5e9aa2.txt", "004_8486256e7e29eb59.txt"]))
def test_real_seed_articles_are_not_cut_at_bylines(shared_dir: Path, name: str) -> None:
    assert len(read_reports(shared_dir / "seeds" / name)) == 1


@pytest.mark.parametrize("body, sentence", [
    # a video page: the headline, then the body opening with it again and running on with no full stop
    ("Kupiansk Burns, Lyman Holds, Siversk Next\n\nKupiansk Burns, Lyman Holds, Siversk Next Our units advanced "
     "north of Torske overnight.", "Our units advanced north of Torske overnight."),
    # a reposted news page: the repeat runs into a photo caption
    ("Russian army pushes toward Siversk; defenders hold the line\n\nRussian army pushes toward Siversk; defenders "
     "hold the line The front near Siversk is under pressure (photo: archive)",
     "The front near Siversk is under pressure (photo: archive)"),
])
def test_an_echoed_headline_is_a_sentence_of_its_own(tmp_path: Path, body: str, sentence: str) -> None:
    """A headline repeated as the body's first words, with no full stop after it, is cut off the body's first
    sentence by a line break; the text keeps its length, so offsets stay those of the file."""
    from geo.text import sentences

    path = tmp_path / "page.txt"
    path.write_text("SOURCE: https://example.org/v/1 | DATE: 2025-11-20\n" + body + "\n", encoding="utf-8")
    (report,) = read_reports(path)
    assert len(report.text) == len(body)
    assert sentence in [report.text[a:b] for a, b in sentences(report.text)]


def test_a_headline_not_echoed_or_ended_stays_as_written(tmp_path: Path) -> None:
    body = ("Kupiansk Burns, Lyman Holds, Siversk Next\n\nKupiansk Burns, Lyman Holds, Siversk Next. Our units "
            "advanced.\nKupiansk Burns, Lyman Holds, Siversk Next")
    path = tmp_path / "page.txt"
    path.write_text("SOURCE: https://example.org/v/1 | DATE: 2025-11-20\n" + body + "\n", encoding="utf-8")
    (report,) = read_reports(path)
    assert report.text == body


@pytest.mark.parametrize("row", [r for r in lookup_rows("bylines") if r.cls == "byline"], ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_byline_row_names_the_posts_author(row) -> None:
    # "Published by Jane Doe | 25 November 2025": the byline rows of geo/rules/bylines.jsonl, on the post's first
    # line or a later one
    from geo.reports import _author

    body = "Russian forces advanced near Tykhe and attacked towards Lyman, the ministry said."
    assert _author(f"{row.example}\n\n{body}") == "Jane Doe", row.example
    assert _author(f"A headline about the front\n{row.example}\n\n{body}") == "Jane Doe", row.example
    # the row's word is what opens the byline: another word before "by" names no author
    assert _author(f"{row.example.replace(row.example.split()[0], 'Shelled', 1)}\n\n{body}") == ""
