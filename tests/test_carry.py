"""geo.claims.carry: what the text before a sentence carries over to it, read once over a report."""

from __future__ import annotations

import random
import time

from geo.claims.carry import CONTEXT_REACH, ContextReader, carried_from
from geo.claims.role import _strip_list
from geo.text import sentences


def _report(rnd: random.Random, lines: int) -> str:
    """A report of headers, attributed sentences, plain sentences, blank lines and long run-on lines."""
    pieces = [
        "Colonelcassad",
        "Message from the Russian Ministry of Defense:",
        "Summary by Marat Khairullin",
        "Units of the Yug group liberated Zvanovka, the ministry said.",
        "Russian forces attacked near Pokrovsk on the Pokrovsk direction.",
        "According to DeepState, the enemy advanced near Toretsk.",
        "Fighting continues. It added that Ukrainian troops repelled attacks near Chasiv Yar.",
        "",
        "   ",
        "Russian forces " + "advanced towards Myrnohrad and then " * 40 + "stopped.",
        "ISW assessed that Russian forces recently advanced in Siversk. Units went on.",
    ]
    return "\n".join(rnd.choice(pieces) for _ in range(lines))


def _key(attr):
    return None if attr is None else (attr.claimant, attr.text)


def test_the_reader_carries_what_the_text_before_each_sentence_carries() -> None:
    # one pass over the report gives, at every sentence, what the 6,000 characters before it give
    # read on their own (lines cut by the window's start included)
    rnd = random.Random(7)
    for _ in range(3):
        text = _report(rnd, 400)
        reader = ContextReader(text)
        for s, _e in sentences(text):
            alone = carried_from(text[max(0, s - CONTEXT_REACH):s])
            assert _key(reader.claimant(s)) == _key(alone.claimant()), s
            assert reader.direction(s) == alone.direction(), s


def test_header_and_previous_sentence() -> None:
    text = ("Colonelcassad\nThe Russian Defence Ministry said its units took Tykhe and pushed on to the outskirts "
            "of Pokrovsk.\nFighting goes on near Pokrovsk.\nIt went on.")
    reader = ContextReader(text)
    assert reader.claimant(text.index("Fighting")).text == "Russian Defence Ministry"  # the previous sentence's attribution
    assert reader.claimant(text.index("It went")).text == "Colonelcassad"  # else the nearest header line
    assert reader.claimant(0) is None


def test_a_header_out_of_reach_is_not_carried() -> None:
    text = "Colonelcassad\n" + "Fighting goes on.\n" * 400 + "Units advanced."
    reader = ContextReader(text)
    assert reader.claimant(14 + 18 * 10).text == "Colonelcassad"
    assert reader.claimant(len(text) - len("Units advanced.")) is None  # 7,200 characters back


def test_work_per_sentence_is_bounded() -> None:
    # one name per line: the context of every sentence is hundreds of short lines; the reader reads
    # each once (a report of twice the lines takes about twice the time, not four times)
    def cost(n: int) -> float:
        text = "\n".join(f"Pokrovsk{i % 97}" for i in range(n))
        starts = [s for s, _ in sentences(text)]
        t0 = time.process_time()
        reader = ContextReader(text)
        for s in starts:
            reader.claimant(s)
            reader.direction(s)
        return time.process_time() - t0

    # sizes large enough (~0.1 s and ~0.4 s of CPU) that a busy machine's noise does not reach the 2x margin
    small, large = min(cost(8000) for _ in range(3)), min(cost(32000) for _ in range(3))
    assert large < 8 * max(small, 0.01), (small, large)  # linear is 4x, quadratic 16x


def test_list_tail_reads_hyphens_one_way() -> None:
    # a hyphen that ends the text is the separator after a name; a chain of hyphenated names is read at once
    assert _strip_list("near Pokrovsk-") == "near "
    assert _strip_list("near Sosnove, Yarova, and ") == "near "
    assert _strip_list("near Sosnove - Yarova, ") == "near "
    chain = "attacked near " + "Pokrovsk-Myrnohrad-" * 300 + "x"
    t0 = time.process_time()
    assert _strip_list(chain) == chain
    assert time.process_time() - t0 < 1.0
