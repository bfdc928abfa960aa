"""Bad input never breaks a batch; each bad file is named with its path and its problem.

A corpus of bad (and oddly encoded but good) inputs is generated in tmp by :func:`make_corpus`
(nothing binary is committed) and run through ``extract_files`` and the real ``frontmap
extract`` command, in process (typer's CliRunner) and as a subprocess. Exit codes (see
frontmap/cli.py): 0 all read, 1 some inputs skipped, 2 nothing could be done.

Tests run as root here, so ``chmod 000`` proves nothing about permissions: the corpus keeps
such a file (expected unreadable only when not root) and adds inputs that fail for everyone:
a broken symbolic link, a FIFO, a socket, a device, a file that vanishes mid-batch.

Also here: the gazetteer index under real processes (two builds racing, a build killed half way).
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontmap.cli import app
from frontmap.errors import ReportError
from geo.extract import extract_files
from geo.reports import MAX_REPORT_BYTES, read_text_file

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
FRONTMAP = Path(sys.executable).with_name("frontmap")

REPORT_EN = (
    "SOURCE: https://example.org/report/1 | DATE: 2024-06-02\n"
    "Russian forces captured Zvanovka, the ministry said. Fighting continues near Seversk.\n"
)
REPORT_RU = "Российские войска освободили населённый пункт Звановка. Бои идут у Северска.\n"
REPORT_FR = "Les forces russes ont attaqué près de Siversk; le ministère a déclaré la prise de Zvanivka.\n"
PAGE = (
    '<!DOCTYPE html><html><head><meta charset="windows-1251"><title>Сводка</title>'
    "<script>var x = 'Бахмут';</script></head><body><h1>Фронт</h1><p>{}</p></body></html>"
)


@dataclass(frozen=True)
class Case:
    """One input: where it is, and the problem its error must name (None: it must be read)."""

    kind: str
    path: Path
    problem: str | None
    named: bool = False  # named on the command line, not found by walking the corpus folder


def _random_bytes(n: int, seed: int, *, nul: bool) -> bytes:
    rng = random.Random(seed)
    data = rng.randbytes(n)
    return data if nul else data.replace(b"\x00", b"\x01")


def make_corpus(root: Path, *, devices: bool = False) -> list[Case]:
    """Write the bad-input corpus under ``root``: a folder to walk, and inputs named directly."""
    folder = root / "reports"
    folder.mkdir(parents=True)
    cases: list[Case] = []

    def add(kind: str, name: str, data: bytes | None, problem: str | None) -> Path:
        path = folder / name
        if data is not None:
            path.write_bytes(data)
        cases.append(Case(kind, path, problem))
        return path

    # read: text in every encoding a report comes in, pages, odd but valid content
    add("utf-8", "en.txt", REPORT_EN.encode(), None)
    add("utf-8 with BOM", "bom.txt", b"\xef\xbb\xbf" + REPORT_EN.encode(), None)
    add("UTF-16 with BOM", "u16.txt", REPORT_RU.encode("utf-16"), None)
    add("UTF-16 LE without BOM", "u16le.txt", REPORT_RU.encode("utf-16-le"), None)
    add("cp1251", "cp1251.txt", (REPORT_RU * 3).encode("cp1251"), None)
    add("koi8-r", "koi8.txt", (REPORT_RU * 3).encode("koi8_r"), None)
    add("latin-1", "fr.txt", (REPORT_FR * 3).encode("latin_1"), None)
    add("HTML in cp1251", "page.html", PAGE.format(REPORT_RU).encode("cp1251"), None)
    add("HTML sniffed in a .txt", "page_as.txt", PAGE.replace("windows-1251", "utf-8").format(REPORT_EN).encode(), None)
    add("CR and CRLF line ends", "crlf.txt", REPORT_EN.replace("\n", "\r\n").encode() + b"Kupiansk.\rSiversk.\r", None)
    add("one 300 kB line", "long_line.txt",
        (("fighting continued in the area 48 75 38 10 бои продолжаются 9 " * 5000) + ". Zvanovka.").encode(), None)
    add("Unicode oddities", "unicode.txt",
        "Zva\u200bnovka \u202eSeversk\u202c Zvanivka\u0301 \ufeff 🇺🇦 Сіверськ\u00a0— ‘Дмитров’ «Звановка»\n".encode(), None)
    add("impossible numbers", "numbers.txt",
        ("Zvanovka at 95°N 200°E; 48°61′N 38°06′E; 1e400, -0, " + "9" * 5000 + ".5, 48.75.38.10\n").encode(), None)
    add("only separators", "separators.txt", ("***\n" * 500 + "Seversk.\n" + "* * *\n" * 500).encode(), None)
    add("file name not UTF-8", os.fsdecode(b"zvanovka-\xff\xfe.txt"), REPORT_EN.encode(), None)
    add("file name with a newline", "two\nlines.txt", REPORT_EN.encode(), None)
    locked = add("chmod 000", "locked.txt", REPORT_EN.encode(), None if IS_ROOT else "permission denied")
    locked.chmod(0)

    # refused, with a reason
    add("empty", "empty.txt", b"", r"^empty file$")
    add("blank", "blank.txt", b" \n\t\r\n  \n", r"only whitespace")
    add("PNG", "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _random_bytes(2000, 1, nul=True),
        r"binary file, not text \(NUL byte at offset 8\)")
    add("random bytes", "random.txt", _random_bytes(4000, 2, nul=True), r"binary file, not text \(NUL byte")
    add("random bytes, no NUL", "random_nonul.txt", _random_bytes(4000, 3, nul=False), r"not text")
    # every byte from 0x80 up is a letter in cp1251: read as (meaningless) Cyrillic, which is fine
    add("high bytes only", "high.txt", bytes(random.Random(4).randrange(128, 256) for _ in range(4000)), None)
    add("gzip", "archive.txt", __import__("gzip").compress(REPORT_EN.encode() * 50), r"binary file|not text")
    add("text with a NUL", "nul.txt", REPORT_EN.encode() + b"\x00" + REPORT_EN.encode(),
        rf"NUL byte at offset {len(REPORT_EN.encode())}\)")
    add("broken UTF-16", "bad16.txt", b"\xff\xfe\x00\xd8 broken", r"UTF-16")
    add("HTML without text", "scripts.html", b"<html><head><script>alert(1)</script></head><body> </body></html>",
        r"HTML page whose body holds no text")
    add("metadata line only", "meta.txt", b"SOURCE: https://example.org/x | DATE: 2024-05-02\n",
        r"no text after the metadata")
    link = add("broken symlink", "dangling.txt", None, r"broken symbolic link \(to .*gone\.txt\)")
    link.symlink_to(root / "gone.txt")
    fifo = add("FIFO", "pipe.txt", None, r"not a regular file \(a FIFO\)")
    os.mkfifo(fifo)
    sock = add("socket", "sock.txt", None, r"not a regular file \(a socket\)")
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(sock))
    s.close()
    big = add("100 MiB of NUL bytes (sparse)", "huge.txt", None, r"binary file, not text \(NUL byte at offset 0\)")
    with big.open("wb") as f:
        f.truncate(100 * 2**20)
    (folder / "sub").mkdir()
    add("in a subfolder", "sub/deep.md", REPORT_EN.encode(), None)

    # named on the command line
    cases.append(Case("missing path", root / "nope.txt", r"no such file or directory", named=True))
    cases.append(Case("/dev/null", Path("/dev/null"), r"not a regular file \(a device\)", named=True))
    if devices:  # an endless device: only where a regression cannot eat the test process's memory
        cases.append(Case("/dev/zero", Path("/dev/zero"), r"not a regular file \(a device\)", named=True))
    named_fifo = root / "named-pipe"
    os.mkfifo(named_fifo)
    cases.append(Case("FIFO named", named_fifo, r"not a regular file \(a FIFO\)", named=True))
    return cases


def corpus_args(root: Path, cases: list[Case]) -> list[str]:
    return [str(root / "reports")] + [str(c.path) for c in cases if c.named]


class FifoWatch:
    """Unblocks (and records) any reader that opens a FIFO of the corpus: a hang becomes a failure."""

    def __init__(self, fifos: list[Path]) -> None:
        self.fifos, self.opened = fifos, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            for fifo in self.fifos:
                try:  # succeeds only while a reader waits on the other end
                    fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                except OSError:
                    continue
                self.opened.append(str(fifo))
                os.close(fd)

    def __enter__(self) -> FifoWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _fifos(cases: list[Case]) -> list[Path]:
    return [c.path for c in cases if "FIFO" in c.kind]


def check_errors(cases: list[Case], errors: list[tuple[str, str]]) -> None:
    """Every bad input has exactly one error naming its path and problem; good ones have none."""
    by_path: dict[str, list[str]] = {}
    for path, problem in errors:
        by_path.setdefault(path, []).append(problem)
    for case in cases:
        got = by_path.pop(str(case.path), [])
        if case.problem is None:
            assert got == [], f"{case.kind}: {case.path} was refused: {got}"
        else:
            assert len(got) == 1, f"{case.kind}: {case.path}: expected one error, got {got}"
            assert re.search(case.problem, got[0]), f"{case.kind}: {got[0]!r} !~ {case.problem!r}"
    assert by_path == {}, f"errors for inputs not in the corpus: {by_path}"


# --------------------------------------------------------------------------------------------
# the library: extract_files over the corpus


def test_extract_files_reports_each_bad_input_and_reads_the_rest(gaz, tmp_path: Path) -> None:
    cases = make_corpus(tmp_path)
    with FifoWatch(_fifos(cases)) as watch:
        result = extract_files(corpus_args(tmp_path, cases), gaz)
    assert watch.opened == [], "a FIFO was opened (and would have hung the batch)"
    assert all(isinstance(e, ReportError) for e in result.errors)
    check_errors(cases, [(e.path, e.problem) for e in result.errors])

    good = [c for c in cases if c.problem is None]
    bad = [c for c in cases if c.problem is not None]
    assert result.files == len(cases) - 1  # every file found, but the missing path
    assert len(result.errors) == len(bad)
    assert result.reports >= len(good)
    # the decoded files really were read as text: the village is found in each encoding
    zvanivka = {Path(c.source.split("#")[0]).name for c in result.claims if c.name == "Zvanivka"}
    for name in ("en.txt", "bom.txt", "u16.txt", "u16le.txt", "cp1251.txt", "koi8.txt", "fr.txt",
                 "page.html", "page_as.txt", "crlf.txt", "deep.md", "zvanovka-\\xff\\xfe.txt"):
        assert name in zvanivka, f"no Zvanivka claim from {name}"
    # a file name that is not UTF-8 is kept printable in the claims (an output can always hold it)
    assert all(c.source.encode("utf-8") for c in result.claims)


def test_a_file_that_vanishes_mid_batch(gaz, tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(REPORT_EN, encoding="utf-8")
    seen: list[str] = []

    def progress(report) -> None:  # after the first file, another process deletes the second
        seen.append(report.source)
        if len(seen) == 1:
            (tmp_path / "b.txt").unlink()

    result = extract_files([tmp_path], gaz, progress=progress)
    assert [(e.path, e.problem) for e in result.errors] == [(str(tmp_path / "b.txt"), "no such file")]
    assert result.files == 3 and result.reports == 2
    assert {Path(c.source).name for c in result.claims} == {"a.txt", "c.txt"}


def test_a_bug_on_one_report_does_not_lose_the_batch(gaz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import geo.extract as extract_mod

    real = extract_mod.extract_report

    def flaky(report, *args, **kwargs):
        if report.source.endswith("b.txt"):
            raise IndexError("list index out of range")
        return real(report, *args, **kwargs)

    monkeypatch.setattr(extract_mod, "extract_report", flaky)
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(REPORT_EN, encoding="utf-8")
    result = extract_files([tmp_path], gaz)
    (err,) = result.errors
    assert err.path == str(tmp_path / "b.txt")
    assert err.problem == "internal error while extracting (IndexError: list index out of range)"
    assert {Path(c.source).name for c in result.claims} == {"a.txt", "c.txt"}


def test_size_limit_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.txt"
    path.write_text(REPORT_EN, encoding="utf-8")
    assert read_text_file(path, max_bytes=len(REPORT_EN.encode())) == REPORT_EN
    opened: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(str(self)) or real(self))
    with pytest.raises(ReportError, match=r"too large .*split it") as info:
        read_text_file(path, max_bytes=10)
    assert info.value.path == str(path) and opened == []
    assert MAX_REPORT_BYTES == 16 * 2**20


# --------------------------------------------------------------------------------------------
# the command: messages and exit codes


def _run(args: list[str]):
    result = CliRunner().invoke(app, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def test_cli_names_every_bad_input_and_exits_1(gaz, data_dir: Path, tmp_path: Path) -> None:
    cases = make_corpus(tmp_path)
    out = tmp_path / "out.geojson"
    with FifoWatch(_fifos(cases)) as watch:
        result = _run(["extract", *corpus_args(tmp_path, cases), "-o", str(out), "--data", str(data_dir),
                       "--no-front"])
    assert watch.opened == []
    assert result.exit_code == 1, result.output
    skipped = re.findall(r"^frontmap: skipped (.*?): (.*)$", result.stderr, flags=re.MULTILINE)
    # a path holding a newline spans two lines of stderr: it is a good file, never skipped
    check_errors(cases, skipped)
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["source"] for f in features} >= {str(tmp_path / "reports" / "cp1251.txt")}
    assert re.search(rf"{len(cases) - 1} files, \d+ reports: \d+ claims", result.stderr)


def test_cli_exit_codes(gaz, data_dir: Path, tmp_path: Path) -> None:
    data = ["--data", str(data_dir), "--no-front"]
    good, empty = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text(REPORT_EN, encoding="utf-8")
    empty.write_bytes(b"")

    r = _run(["extract", str(good), "-o", str(tmp_path / "a.geojson"), *data])
    assert r.exit_code == 0, r.output
    assert "skipped" not in r.stderr and (tmp_path / "a.geojson").exists()

    r = _run(["extract", str(good), str(empty), "-o", str(tmp_path / "b.geojson"), *data])
    assert r.exit_code == 1
    assert f"frontmap: skipped {empty}: empty file" in r.stderr and (tmp_path / "b.geojson").exists()

    # nothing could be read: 2, and no (empty) output written
    r = _run(["extract", str(empty), str(tmp_path / "nope.txt"), "-o", str(tmp_path / "c.geojson"), *data])
    assert r.exit_code == 2
    assert "no input could be read (2 skipped, named above)" in r.stderr
    assert f"skipped {tmp_path / 'nope.txt'}: no such file or directory" in r.stderr
    assert not (tmp_path / "c.geojson").exists()

    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "image.png").write_bytes(b"\x89PNG")
    r = _run(["map", str(folder), "-o", str(tmp_path / "m.html"), *data])
    assert r.exit_code == 2 and "no report files found in" in r.stderr
    assert not (tmp_path / "m.html").exists()

    # no gazetteer, an output that cannot be written: 2
    r = _run(["extract", str(good), "--data", str(folder)])
    assert r.exit_code == 2 and f"frontmap: no GeoNames dump (*.zip, *.txt) in {folder}" in r.stderr
    r = _run(["extract", str(good), "-o", str(good / "x.geojson"), *data])  # under a file
    assert r.exit_code == 2 and f"frontmap: {good / 'x.geojson'}: cannot create the folder" in r.stderr
    r = _run(["map", str(good), "-o", str(good / "x.html"), *data])
    assert r.exit_code == 2 and f"frontmap: {good / 'x.html'}" in r.stderr
    r = _run(["extract", str(good), "-o", str(tmp_path / "x.txt"), *data])
    assert r.exit_code == 2 and "allowed suffixes" in r.stderr


@pytest.mark.slow
def test_real_command_over_the_corpus(gaz, data_dir: Path, tmp_path: Path) -> None:
    """The installed ``frontmap`` in a subprocess: real stderr, real exit code, devices included."""
    cases = make_corpus(tmp_path, devices=True)
    out = tmp_path / "out.geojson"
    with FifoWatch(_fifos(cases)) as watch:
        proc = subprocess.run(
            [str(FRONTMAP), "extract", *corpus_args(tmp_path, cases), "-o", str(out), "--data", str(data_dir)],
            capture_output=True, timeout=300, env=dict(os.environ, COLUMNS="200"),
        )
    stderr = os.fsdecode(proc.stderr)
    assert watch.opened == []
    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr
    skipped = re.findall(r"^frontmap: skipped (.*?): (.*)$", stderr, flags=re.MULTILINE)
    check_errors(cases, skipped)
    assert json.loads(out.read_text(encoding="utf-8"))["features"]


# --------------------------------------------------------------------------------------------
# size: a 100 MB file, a folder of thousands


PEAK_RSS = textwrap.dedent(
    """
    import resource, subprocess, sys
    proc = subprocess.run(sys.argv[1:], capture_output=True)
    sys.stdout.write(f"{proc.returncode} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n")
    sys.stdout.write(proc.stderr.decode(errors="replace"))
    """
)


def _peak_rss_mib(args: list[str]) -> tuple[int, float, str]:
    """Exit code, peak RSS (MiB) and stderr of a command run in its own process."""
    out = subprocess.run([sys.executable, "-c", PEAK_RSS, *args], capture_output=True, text=True,
                         timeout=600, check=True).stdout
    head, _, stderr = out.partition("\n")
    code, kib = head.split()
    return int(code), int(kib) / 1024, stderr


@pytest.mark.slow
def test_100_mb_file_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    line = "Russian forces captured Zvanovka and attacked near Seversk; Бои идут у Северска.\n"
    big = tmp_path / "big.txt"
    n_lines = 101 * 2**20 // len(line.encode())
    with big.open("w", encoding="utf-8") as f:
        for i in range(n_lines):
            f.write(line if i % 500 else "******\n")
    assert big.stat().st_size >= 100 * 2**20
    script = (
        "from geo.reports import iter_file_reports\n"
        f"posts = hits = 0\nfor r in iter_file_reports({str(big)!r}):\n"
        "    posts += 1; hits += r.text.count('Zvanovka')\n"
        "print(posts, hits)"
    )
    code, peak, stderr = _peak_rss_mib([sys.executable, "-c", script])
    assert code == 0, stderr
    base_code, base, _ = _peak_rss_mib([sys.executable, "-c", "import geo.reports"])
    # memory is that of the parts (4 MiB blocks), not of the file
    assert peak < base + 150, f"streaming 100 MiB peaked at {peak:.0f} MiB ({base:.0f} MiB to import)"


def test_streamed_files_go_through_the_batch(gaz, tmp_path: Path, monkeypatch) -> None:
    import functools

    import geo.extract
    from geo.extract import extract_files
    from geo.reports import iter_file_reports

    # the size limit made small, so that a small file is streamed in many parts
    monkeypatch.setattr(geo.extract, "iter_file_reports",
                        functools.partial(iter_file_reports, max_bytes=2_000, block_bytes=1_024))
    post = "Russian troops liberated the settlement of Zvanovka on November 22.\n\n"
    ok = tmp_path / "dump.txt"
    ok.write_text(post * 200, encoding="utf-8")
    result = extract_files([str(ok)], gaz)
    assert not result.errors and result.reports > 1
    assert {c.name for c in result.claims} == {"Zvanivka"}
    assert any("@" in c.source for c in result.claims)
    # bytes that are not UTF-8 half-way: the posts read before them are kept, the file is named
    bad = tmp_path / "bad.txt"
    bad.write_bytes((post * 60).encode() + b"\xff\xfe\xfa garbage\n" + (post * 60).encode())
    result = extract_files([str(bad)], gaz)
    assert result.reports >= 1 and result.claims
    assert len(result.errors) == 1 and "not valid utf-8" in str(result.errors[0]), result.errors


@pytest.mark.slow
def test_a_file_under_the_limit_is_read_whole_in_bounded_memory(tmp_path: Path) -> None:
    line = "Russian forces captured Zvanovka and attacked near Seversk; Бои идут у Северска.\n"
    # a file just under the limit is read whole: memory a small multiple of its size
    under = tmp_path / "under.txt"
    with under.open("w", encoding="utf-8") as f:
        n = (MAX_REPORT_BYTES - 1000) // len(line.encode())
        for i in range(n):
            f.write(line if i % 500 else "******\n")
    script = f"from geo.reports import read_reports; print(len(read_reports({str(under)!r})))"
    code, peak_read, stderr = _peak_rss_mib([sys.executable, "-c", script])
    assert code == 0, stderr
    size_mib = under.stat().st_size / 2**20
    assert peak_read < 150 + 12 * size_mib, f"read_reports of {size_mib:.0f} MiB peaked at {peak_read:.0f} MiB"


@pytest.mark.slow
def test_a_folder_of_thousands_of_files(gaz, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    for i in range(2000):
        sub = folder / f"d{i // 250}"
        sub.mkdir(parents=True, exist_ok=True)
        if i % 20 == 0:
            (sub / f"r{i:04}.txt").write_bytes(b"")
        else:
            (sub / f"r{i:04}.txt").write_text(f"Report {i}: fighting near Seversk.\n", encoding="utf-8")
        (sub / f"x{i:04}.json").write_text("{}")  # not a report suffix: not walked into the batch
    result = extract_files([folder], gaz)
    assert result.files == 2000 and result.reports == 1900
    assert len(result.errors) == 100 and {e.problem for e in result.errors} == {"empty file"}
    assert len({c.source for c in result.claims}) == 1900


# --------------------------------------------------------------------------------------------
# the gazetteer index under real processes


def _row(gid: int, name: str, lat: float, lon: float, alts: tuple[str, ...] = (), fclass: str = "P",
         fcode: str = "PPL", a1: str = "05", a2: str = "1402") -> str:
    return "\t".join([str(gid), name, name, ",".join(alts), str(lat), str(lon), fclass, fcode, "UA", "",
                      a1, a2, "", "", "0", "", "100", "Europe/Kyiv", "2024-01-01"])


def _small_dump(folder: Path, extra: int = 3000) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rows = [_row(709716, "Donetska Oblast", 48.05, 37.67, ("Donetsk Oblast",), "A", "ADM1", a2=""),
            _row(100001, "Zvanivka", 48.75, 38.10, ("Zvanovka", "Званівка")),
            _row(100002, "Siversk", 48.87, 38.10, ("Seversk", "Сіверськ"))]
    rows += [_row(300000 + i, f"Selo{i}", 48 + i * 1e-4, 37 + i * 1e-4) for i in range(extra)]
    path = folder / "UA.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("UA.txt", "\n".join(rows) + "\n")
    return path


BUILDER = textwrap.dedent(
    """
    import os, sys, time
    from gazetteer import Gazetteer, index as ix
    dump, cache, log, go, mode = sys.argv[1:6]
    real_build, real_pack = ix.build_index, ix._pack

    def build(*a, **k):
        with open(log, "a") as f:
            f.write(f"{os.getpid()}\\n")
        time.sleep(30 if mode == "hang" else 1.0)  # a build that takes a while: the other one waits
        return real_build(*a, **k)

    def pack(arrays):  # dies half way through writing the .idx, no clean-up (like a power cut)
        for i, chunk in enumerate(real_pack(arrays)):
            if i == 3:
                os._exit(3)
            yield chunk

    ix.build_index = build
    if mode == "die":
        ix._pack = pack
    while not os.path.exists(go):
        time.sleep(0.01)
    g = Gazetteer.from_dumps([dump], cache_dir=cache, progress=False)
    print(g.info()["digest"], [c.place.geonameid for c in g.candidates("Zvanovka")])
    """
)


def _builder(dump: Path, cache: Path, log: Path, go: Path, mode: str = "race") -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", BUILDER, str(dump), str(cache), str(log), str(go), mode],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _index_files(cache: Path) -> list[str]:
    return sorted(p.name for p in (cache / "index").iterdir()) if (cache / "index").exists() else []


@pytest.mark.slow
def test_two_processes_racing_a_build(tmp_path: Path) -> None:
    dump, cache, log, go = _small_dump(tmp_path / "data"), tmp_path / "cache", tmp_path / "log", tmp_path / "go"
    procs = [_builder(dump, cache, log, go) for _ in range(2)]
    time.sleep(1.0)  # both started, both waiting for the same moment
    go.touch()
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [e for _, e in outs]
    assert len({o for o, _ in outs}) == 1 and "[100001]" in outs[0][0]
    assert len(log.read_text().split()) == 1, "both processes built the index"
    names = _index_files(cache)
    assert [n.rsplit(".", 1)[1] for n in names] == ["idx", "json", "lock"], names


@pytest.mark.slow
def test_a_build_killed_half_way_leaves_no_index(tmp_path: Path) -> None:
    from gazetteer import Gazetteer

    dump, cache, log, go = _small_dump(tmp_path / "data"), tmp_path / "cache", tmp_path / "log", tmp_path / "go"
    go.touch()
    # 1. the process dies while writing the .idx
    proc = _builder(dump, cache, log, go, mode="die")
    proc.communicate(timeout=120)
    assert proc.returncode == 3
    assert not [n for n in _index_files(cache) if n.endswith((".idx", ".json"))], _index_files(cache)
    # 2. the process is killed (SIGKILL) while building, holding the lock
    proc = _builder(dump, cache, log, go, mode="hang")
    deadline = time.monotonic() + 60
    while len(log.read_text().split()) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert not [n for n in _index_files(cache) if n.endswith((".idx", ".json"))]
    # the next open builds a good index at once: no half index loaded, no stale lock waited on
    started = time.monotonic()
    gaz = Gazetteer.from_dumps([dump], cache_dir=cache, progress=False)
    assert time.monotonic() - started < 60
    assert [c.place.geonameid for c in gaz.candidates("Zvanovka")] == [100001]
    assert len(gaz) == 3003


def test_corrupt_and_truncated_dumps_give_a_clear_error(tmp_path: Path) -> None:
    good = _small_dump(tmp_path / "good" / "geonames", extra=10)
    data = good.read_bytes()
    for name, content in (("truncated", data[: len(data) // 2]), ("garbage", b"PK\x03\x04" + b"\x00" * 100)):
        folder = tmp_path / name / "geonames"
        folder.mkdir(parents=True)
        (folder / "UA.zip").write_bytes(content)
        r = _run(["gazetteer", "build", "--data", str(tmp_path / name)])
        assert r.exit_code == 2, r.output
        assert str(folder / "UA.zip") in r.stderr, r.stderr
        assert "Traceback" not in r.output
    # a text dump cut in the middle of a line
    folder = tmp_path / "cut" / "geonames"
    folder.mkdir(parents=True)
    with zipfile.ZipFile(good) as z:
        text = z.read("UA.txt").decode()
    (folder / "UA.txt").write_text(text[: len(text) - 40], encoding="utf-8")
    r = _run(["gazetteer", "build", "--data", str(tmp_path / "cut")])
    assert r.exit_code == 2 and re.search(r"UA\.txt, line 13\b", r.stderr), r.stderr
