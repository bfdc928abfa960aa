"""geo.claims.claimant: who claims, in sentences written for these tests in the genres' form (real names and
places, invented events)."""

from __future__ import annotations

import pytest

from geo.claims import analyse_mention
from geo.discourse import read_report
from geo.model import Claimant


def _claimant(sentence: str, name: str, context: str = "") -> Claimant | None:
    start = sentence.index(name)
    return analyse_mention(sentence, start, start + len(name), context=context).claimant


@pytest.mark.parametrize("sentence, name, claimant", [
    # two levels of reported speech: the outlet relays a side's speaker, who claims
    ("The Moscow-installed governor Vladimir Saldo said Russian troops had entered Dniprovske, the state news "
     "agency TASS reported.", "Dniprovske", Claimant.RU_OFFICIAL),
    ("Reuters, citing the Russian Defence Ministry, said Russian troops had taken Tykhe.", "Tykhe", Claimant.RU_MOD),
    ("Ukraine's General Staff said its forces repelled an assault near Torske, the Kyiv Independent reported.",
     "Torske", Claimant.UA_GENERALSTAFF),
    # an outlet alone claims what it reports
    ("Russian troops took Tykhe, Reuters reported.", "Tykhe", Claimant.MEDIA),
])
def test_an_outlet_relaying_a_side_is_not_the_claimant(sentence: str, name: str, claimant: Claimant) -> None:
    assert _claimant(sentence, name) is claimant


def test_the_report_speaker_is_the_relayed_side_not_the_outlet() -> None:
    text = ("Denis Pushilin said Russian forces had raised a flag in Hirnyk, the news agency RIA Novosti reported.\n"
            "Fighting went on near Kurakhove.")
    assert [s.speaker.claimant for s in read_report(text)] == [Claimant.RU_OFFICIAL, Claimant.RU_OFFICIAL]
