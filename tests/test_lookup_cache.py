"""What the gazetteer remembers answers as it would afresh."""

from __future__ import annotations

import pytest

NAMES = ["Donetsk Oblast", "Zaporozhye region", "DPR", "Pokrovsk raion", "Днепропетровской области",
         "Kharkiv", "Nowhere Oblast", "", "Марганецька громада", "Pokrovska hromada"]


@pytest.mark.parametrize("name", NAMES)
def test_a_remembered_region_is_the_region_afresh(gaz, name) -> None:
    first = gaz.region(name)
    assert gaz.region(name) is first
    assert gaz._region(name, frozenset()) == first
    gaz.cache_clear()
    assert gaz.region(name) == first
