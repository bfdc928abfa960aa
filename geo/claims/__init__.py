"""The claim around a place mention: what is claimed there, by whom, with which unit, on which direction.

A package of small modules, read in this order: :mod:`~geo.claims.context` (the value type),
:mod:`~geo.claims.matching` and :mod:`~geo.claims.clauses` (helpers), :mod:`~geo.claims.action` (cues,
negation, modality), :mod:`~geo.claims.claimant` (who says so, who acted), :mod:`~geo.claims.units`,
:mod:`~geo.claims.carry` (what the text before a sentence carries to it),
:mod:`~geo.claims.voice` (the report's own voice), :mod:`~geo.claims.role` and
:mod:`~geo.claims.analyse` (the decision that puts them together). The vocabularies of Russian and
Ukrainian cues, modality, actors, directions and not-places are the rule tables of :mod:`geo.rules`.

Pure text analysis of one sentence (plus, for the claimant, the sentences before it and the report's
source): no gazetteer, no maps. The extraction pipeline calls :func:`analyse_mention` (or
:func:`analyse_mention_all`, which also returns the other side's claim about the same place in the
same sentence) once per place mention.

How it decides
--------------
- **Role.** A mention followed by a speech verb ("Moscow said", "Kyiv, conversely, reported") or a
  seat of power used without an attack on it ("the Kremlin", "Washington") is a ``speaker``; a
  place after a meeting word ("talks in Geneva", "a summit in Anchorage") is a ``venue``; a region or
  country that only contains the event ("the village of X in the Y region"), a reference point
  ("north of X City toward Y", "the road to X") or a place in a sentence without a military event
  cue is ``background``; everything else near an event cue is an ``event``.
- **Action.** The event cues of the mention's clause (verb phrases such as "took control of",
  "broke into", "fighting continues in", "advanced near", "repelled") are found; the nearest one
  before the mention wins ("captured X and advanced near Y": X captured, Y advancing), else the
  nearest one after it ("X was liberated"). A "repelled" cue in the clause wins over the attack it
  repelled. A negated capture ("has not captured", "denied capturing") is not a capture: the action
  becomes ``other`` (``attacked`` for "failed to capture") with ``negated`` set; "claimed",
  "reportedly" and the like set ``hedged``.
- **Claimant.** The attribution nearest the mention in its own clause ("the Russian Defense
  Ministry said", "according to DeepState", "ISW assesses", "a Russian milblogger claimed"; generic
  phrases such as "Ukrainian military" only with a speech verb), else, from ``context``, the
  previous sentence's attribution or the nearest header line of a post ("Colonelcassad",
  "Summary by Marat Khairullin"), else :func:`source_claimant` of the report, else ``author`` when
  a report is given (an unattributed statement is the author's), else None.
- **Kind.** Regions and countries (passed by the caller, or guessed from "... Oblast", "... region"
  and a short list of countries) are events only when a cue governs them directly ("attack on
  Crimea"); "the village of X in the Y region" leaves Y as background.

Examples
--------
>>> c = analyse_mention("Russian troops captured Dolynka and advanced near Ozerne, the ministry said.", 23, 30)
>>> c.role, c.action.value, c.claimant.value
('event', 'captured', 'RU-MoD')
>>> s = "Russian troops captured Dolynka and advanced near Ozerne, the ministry said."
>>> analyse_mention(s, s.index("Ozerne"), s.index("Ozerne") + 6).action.value
'advancing'
>>> s = "Moscow said it had taken Lisne."
>>> analyse_mention(s, 0, 6).role
'speaker'
"""

from __future__ import annotations

from geo.claims import action, analyse, carry, claimant, clauses, context, matching, role, units, voice
from geo.claims.analyse import analyse_mention, analyse_mention_all
from geo.claims.context import ROLES, ClaimContext
from geo.claims.units import find_directions, find_units
from geo.claims.voice import report_voice, source_claimant
from geo.model import Action, Claimant

__all__ = [
    "ROLES",
    "ClaimContext",
    "analyse_mention",
    "analyse_mention_all",
    "cue_at",
    "find_attributions",
    "find_directions",
    "find_units",
    "is_caption",
    "report_voice",
    "source_claimant",
]

# the modules' own names, private ones included, readable as ``geo.claims.<name>`` (the tests read the
# tables and helpers this way); each name still lives in one module, where it is changed
for _module in (context, matching, clauses, units, action, claimant, carry, voice, role, analyse):
    globals().update({k: v for k, v in vars(_module).items() if not k.startswith("__") and k not in globals()})
del _module

# the sentence reading the report-level pass (geo.discourse) builds on: a sentence's named speakers, the
# cue that governs what it lists
find_attributions, cue_at, is_caption = claimant._attributions, action.cue_at, claimant._is_caption
Attribution, claiming = claimant._Attr, claimant._claiming
reporting_speakers = claimant.reporting_speakers  # a speaker named in a reporting clause after what was said
office_after = role._office_hit  # the office seated at a place named as a speaker ("the Kharkiv regional governor")
