"""benchmarks/names_recall.py: the forms it writes a village's name in, and the shapes it sorts names by."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("names_recall", REPO / "benchmarks" / "names_recall.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("name, lang, forms", [
    ("Вільне", "uk", ("Вільного", "Вільному", "Вільним")),  # біля, у, під
    ("Велика Новосілка", "uk", ("Великої Новосілки", "Великій Новосілці", "Великою Новосілкою")),
    ("Сухі Яли", "uk", ("Сухих Ялів", "Сухих Ялах", "Сухими Ялами")),
    ("Кам'янка-Дніпровська", "uk", ("Кам'янки-Дніпровської", "Кам'янці-Дніпровській", "Кам'янкою-Дніпровською")),
    ("Рай-Олександрівка", "uk", ("Рай-Олександрівки", "Рай-Олександрівці", "Рай-Олександрівкою")),
    ("Олександро-Шультине", "uk", ("Олександро-Шультиного", "Олександро-Шультиному", "Олександро-Шультиним")),
    ("Отрадное", "ru", ("Отрадного", "Отрадном")),
])
def test_a_name_in_the_cases_reports_use(bench, name, lang, forms):
    cases = ("gent", "loct", "ablt")[: len(forms)]
    assert tuple(bench.inflect_name(name, lang, c) for c in cases) == forms


@pytest.mark.parametrize("name, shape, plural, ending", [
    ("Вільне", "one word", False, "-не"),
    ("Плавні", "one word", True, "other"),
    ("Філія", "one word", False, "-ія"),
    ("Велика Новосілка", "adjective + noun", False, "-ка"),
    ("Кам'янка-Дніпровська", "hyphenated", False, "-ька"),
    ("Степове", "one word", False, "-ове"),
])
def test_shape(bench, name, shape, plural, ending):
    assert bench.shape(name) == {"shape": shape, "plural": plural, "ending": ending}
