"""The claim a sentence makes about a place mention: the clause's cue, role, claimant, modality and actor put
together (the entry points :func:`analyse_mention` and :func:`analyse_mention_all`).
"""

from __future__ import annotations

import re
from geo.rules.matcher import full_match, read_kinds, rows
from geo.rules.lookup import lookup_rows, rows_pattern
from geo.model import Action, Claimant, Report
from geo.claims.context import ClaimContext
from geo.claims.matching import _I, _NEAR_TAIL, _c, _position_before
from geo.claims.clauses import _CLAUSE_BREAK, _clause_bounds
from geo.claims.units import _find_directions_cached, _find_units_cached
from geo.claims.action import (_PRIORITY, _RELATIVE_AFTER, _clause_modality, _find_cues, _governing_cue, _hedged,
                               _modality_hits, _negation, _toward, _with_modality, parenthesis_scope)
from geo.claims.carry import Carried, carried_from
from geo.relative import find_relation
from geo.claims.claimant import (_Attr, _actor, _claim_owners, _denials, _denier, _find_attributions, _metonym_claimant,
                                 _pick_attribution, named_again)
from geo.claims.voice import report_voice, source_claimant
from geo.claims.role import _DIRECTION_AFTER, _kind_of, _role, _strip_list, along_chain

__all__ = ['analyse_mention', 'analyse_mention_all']

def analyse_mention(
    sentence: str,
    start: int,
    end: int,
    *,
    report: Report | None = None,
    context: str = "",
    kind: str = "",
    carried: Carried | None = None,
) -> ClaimContext:
    """Analyse the claim a sentence makes about the place mentioned at ``sentence[start:end]``.

    Parameters
    ----------
    sentence : str
        The sentence the mention stands in.
    start, end : int
        The mention's span inside ``sentence``.
    report : Report, optional
        The report, for the default claimant (:func:`source_claimant`); with a report, an
        unattributed claim falls back to ``Claimant.AUTHOR``.
    context : str, optional
        The text before the sentence (the paragraph so far, and a post's header line if any), for
        claimant carry-over ("..., the ministry said." then "It also ..."); its last attribution counts.
    carried : Carried, optional
        What the text before the sentence carries, read once over the report
        (:meth:`geo.claims.carry.ContextReader.at`); it stands for ``context``, which is then not read.
    kind : str, optional
        "settlement", "region", "country", "water" or "other" when the caller knows it (from the
        gazetteer); guessed from the name otherwise ("... region", "... Oblast", country names).

    Returns
    -------
    ClaimContext

    Raises
    ------
    ValueError
        When the span is not inside the sentence.

    Examples
    --------
    >>> s = "Ukrainian forces repelled two Russian assaults near Bilohorivka, the General Staff said."
    >>> c = analyse_mention(s, s.index("Bilohorivka"), s.index("Bilohorivka") + 11)
    >>> c.action.value, c.role
    ('repelled', 'event')
    >>> s = "Russian troops have not captured Kurakhove, Ukraine's General Staff said."
    >>> c = analyse_mention(s, s.index("Kurakhove"), s.index("Kurakhove") + 9)
    >>> c.action.value, c.negated, c.claimant.value
    ('other', True, 'UA-GeneralStaff')
    """
    return analyse_mention_all(sentence, start, end, report=report, context=context, kind=kind, carried=carried)[0]

_DENIAL_REACH = 60  # characters from a denial with no owner named to the cue it negates


def analyse_mention_all(
    sentence: str,
    start: int,
    end: int,
    *,
    report: Report | None = None,
    context: str = "",
    kind: str = "",
    carried: Carried | None = None,
) -> list[ClaimContext]:
    """Like :func:`analyse_mention`, plus the other claimants' claims about the same place in the sentence.

    In "Moscow said it had captured Avdiivka; Kyiv said fighting there continued" the mention gets
    two claims: the first is the mention's own clause (captured, RU-MoD), the next ones come from
    other clauses with another claimant that name the place again or refer to it ("there", "the
    city"). Two claims with different claimants mark the place as contested.

    Examples
    --------
    >>> s = "Moscow said it had captured Avdiivka; Kyiv said fighting there continued."
    >>> [(c.action.value, c.claimant.value) for c in analyse_mention_all(s, 28, 36)]
    [('captured', 'RU-MoD'), ('fighting', 'UA-official')]
    """
    if not (0 <= start < end <= len(sentence)):
        raise ValueError(f"mention span {start}:{end} is not inside a sentence of {len(sentence)} characters")
    kind = (kind or _kind_of(sentence, start, end)).casefold()
    attrs = _find_attributions(sentence)
    if carried is None and context:
        carried = carried_from(context)
    first = _analyse(sentence, start, end, attrs, report=report, carried=carried, kind=kind)
    claims = [first]
    if first.role != "event":
        return claims
    if first.modality == "denied":
        denier = _denier(sentence, attrs, first.claimant)
        # no denier named in the sentence ("The brigade's headline: … denies Russia's announcement about X" with
        # the brigade a unit, no speaker row): whoever speaks the sentence otherwise (its context, its source)
        by, said = ((denier.claimant, f"denies the claim: '{denier.text}'") if denier is not None else
                    (_analyse(sentence, start, end, [a for a in attrs if a.claimant is not first.claimant],
                              report=report, carried=carried, kind=kind, read_owner=False).claimant,
                     "denies the claim: the sentence's speaker"))
        if by is not None and by is not first.claimant:
            claims.append(ClaimContext(action=Action.OTHER, action_detail=f"denied: {first.action_detail}",
                                       claimant=by, role="event", unit=first.unit,
                                       direction=first.direction, negated=True, hedged=first.hedged,
                                       why=(said,), modality="denied"))
    lo, hi = _clause_bounds(sentence, start, end)
    if lo == 0 and hi == len(sentence):
        return claims  # a sentence of one clause: no other clause to name the place again
    name = re.escape(sentence[start:end])
    ref = re.compile(rf"\b(?:{name}|there|the\s+(?:city|town|village|settlement|area|locality))\b", _I)
    seen = {first.claimant}
    for m in ref.finditer(sentence):
        if lo <= m.start() < hi:
            continue
        clo, chi = _clause_bounds(sentence, m.start(), m.end())
        attr = _pick_attribution(attrs, m.start(), m.end(), clo, chi)
        if attr is None or not (clo <= attr.start < chi) or attr.claimant in seen:
            continue
        other = _analyse(sentence, m.start(), m.end(), attrs, report=report, carried=carried, kind=kind,
                         as_event=True)
        if other.role == "event":
            seen.add(other.claimant)
            claims.append(other)
    # "Moscow said it captured Pokrovsk; Kyiv said fighting was ongoing": a later clause with its own
    # claimant and event, naming no other place, speaks of the same place
    for clo, chi in _later_clauses(sentence, hi):
        clause = sentence[clo:chi]
        if _CAPITALISED.search(clause.strip()[1:]) and not _only_speakers(clause, attrs, clo):
            continue
        inside = [a for a in attrs if clo <= a.start and a.end <= chi and a.claimant not in seen]
        cues = [c for c in _find_cues(sentence) if clo <= c.start and c.end <= chi]
        if not inside or not cues:
            continue
        cue = next((c for c in cues if c.action in _PRIORITY), cues[-1])
        action, detail = cue.action, cue.detail
        negated, how = _negation(sentence, cue, clo)
        if negated:
            action, detail = ((Action.ATTACKED, f"failed: {cue.detail}") if how == "fail" and action in _TRIED else
                              (action, detail) if action is Action.REPELLED else (Action.OTHER, f"denied: {cue.detail}"))
        attr = inside[0]
        seen.add(attr.claimant)
        claims.append(ClaimContext(action=action, action_detail=detail, claimant=attr.claimant, role="event",
                                   unit=first.unit, direction=first.direction, negated=negated,
                                   hedged=_hedged(sentence, clo, chi),
                                   why=(f"same place, other claimant's clause: cue '{cue.text}'", f"claimant '{attr.text}'")))
    return claims


def _later_clauses(sentence: str, hi: int) -> list[tuple[int, int]]:
    """The clauses of ``sentence`` after offset ``hi``."""
    out = []
    pos = hi
    while pos < len(sentence):
        m = _CLAUSE_BREAK.search(sentence, pos)
        start = m.end() if m else len(sentence)
        if start >= len(sentence):
            break
        lo2, hi2 = _clause_bounds(sentence, start, start + 1)
        if hi2 <= start:
            break
        out.append((start, hi2))
        pos = hi2
    return out


def _only_speakers(clause: str, attrs: list[_Attr], offset: int) -> bool:
    """True when every capitalised word of the clause belongs to an attribution ("Kyiv", "the General Staff")."""
    spans = [(a.start - offset, a.end - offset) for a in attrs]
    for m in re.finditer(r"\b[A-Z][\w'’-]+", clause):
        if m.start() == len(clause) - len(clause.lstrip()):
            continue  # the clause's first word
        if not any(a <= m.start() < b for a, b in spans):
            return False
    return True


# what may stand between a part's row and the place: "on one of the buildings in the town of Hirnyk", "большую часть
# города Часов Яр", "більшу частину села Роботине" (the settlement noun in the genitive): an article and a place's
# kind, the place-kind rows of geo/rules/bearings.jsonl (one vocabulary with "north of the village of X")
_PART_REST = _c(r"\s*(?:the\s+)?(?:" + rows_pattern(r for r in lookup_rows("bearings") if r.cls == "place-kind")
                + r"\s+)?")


# "announced the capture of another village near Kurakhove, Sontsivka": one place taken (a singular determiner and an
# English place-kind row of geo/rules/bearings.jsonl, one vocabulary with "the village of X"), a near row with its
# anchor, then the place itself named after a comma: the anchor is where it lies, the name after it is what was taken
_ONE_PLACE_NOUN = "|".join(re.escape(r.key[:-3]) for r in lookup_rows("bearings")
                           if r.cls == "place-kind" and r.key.endswith(" of"))
_NAMED_AFTER_ANCHOR = _c(r"(?<!\s)\s*(?:of\s+)?(?:an?|another|one(?:\s+more)?|the)\s+(?:[a-z]+\s+){0,2}?(?:" + _ONE_PLACE_NOUN
                         + r")\s(?!of\s)[^,;]{0,80}?(?-i:[A-Z])[\w'’-]*(?:[\s-](?-i:[A-Z])[\w'’-]*){0,2},\s+")
_LIST_GOES_ON = _c(r"(?<!\s)\s*(?:,\s*|\s(?:and|or)\s+)(?-i:[A-Z])")  # "near Pokrovsk, Tykhe and Lyman": anchors all


_OWNER_WORDS = 2  # words between a denied claim's owner and its cue ("заяви Кремля про встановлення контролю")


def _part_of(sentence: str, lo: int, start: int) -> bool:
    """Whether what a capture took, between its cue (ending at ``lo``) and the place at ``start``, is a part of the
    place: a ``part`` row of ``geo/rules/actions.jsonl`` ("outskirts of", "part of", "building in") right before it,
    or before a list of names that ends with it ("parts of Kurakhove and Dachne")."""
    gap_end = lo + len(_strip_list(sentence[lo:start]))
    return any(lo <= h.start and h.end <= gap_end and _PART_REST.fullmatch(sentence, h.end, gap_end)
               for h in read_kinds(sentence).get(("actions", "part"), ()))


def _named_as_part(sentence: str, start: int, end: int) -> bool:
    """Whether the place at ``start:end`` is named as a part of itself: a ``part`` relation of :func:`geo.relative.find_relation`
    right before it, a bearing and a part noun of ``geo/rules/town_parts.jsonl`` ("the eastern part of X", "the northern
    half of the settlement of X", "в восточной части X", "північну частину села X"; not its outskirts)."""
    relation = find_relation(sentence, start, end)
    return relation is not None and relation.kind == "part"


# what a failed try at it makes an attack: "failed to break through", "still trying to encircle X", "attempts to
# dislodge our units … failed"
# the detail of the rows of geo/rules/actions.jsonl that call a try unsuccessful ("безуспешн", "остаются
# безуспешными", "unsuccessfully"): the place it was headed for is where it was held off, not one it reached
_UNSUCCESSFUL = "unsuccessful"
_TRIED = frozenset({Action.CAPTURED, Action.ENTERED, Action.ADVANCING, Action.FIGHTING, Action.ATTACKED})
# the strike words that say no more than a strike (the sector "fighting" rows of geo/rules/actions.jsonl)
_BARE_STRIKES = frozenset(r.key for r in rows("actions") if r.get("sector") == "fighting")


def _weapon_named(sentence: str, cue, lo: int, hi: int) -> bool:
    """Whether a strike on a sector is one: its cue says more than a bare "strikes" ("air strike", "shelled") or
    its clause names a weapon (a ``means`` row: "artillery … targeted positions in the Vasylivka direction").
    Russian military prose in English calls ground thrusts along a direction "strikes" ("alternating
    multidirectional strikes on the Zaporizhzhia direction"): those are fighting there."""
    if cue.text.casefold() not in _BARE_STRIKES:
        return True
    return any(lo <= h.start and h.end <= hi for h in read_kinds(sentence).get(("actions", "means"), ()))
_CAPITALISED = re.compile(r"(?<!^)(?<![.;:]\s)\b[A-Z][a-z]{2,}")  # a name inside a clause (not its first word)


def _sideless(speaker: str) -> bool:
    """A generic report noun of ``geo/rules/speakers.jsonl`` (``speech: needed``) that names no side: "the
    bulletin", "a statement" (not "the Ukrainian military", "Russia's ministry")."""
    row = full_match(re.sub(r"^(?:the|a|an)\s+", "", speaker.strip(), flags=re.IGNORECASE), "speakers")
    return row is not None and row.get("speech") == "needed" and not read_kinds(speaker).get(("speakers", "actor"))


def _outlet_background(sentence: str, end: int, lo: int, hi: int, cue, report: Report | None) -> str:
    """For an event, the span phrase (a ``background`` row of ``geo/rules/speech.jsonl``: "for months", "in recent
    months") that makes the mention's clause, or the relative clause after it whose cue governs it, a news page's own
    background ("…the city of Pokrovsk, where its forces have been advancing for weeks"; "Russian forces have been
    inching towards Pokrovsk for months"): wire copy sums up a campaign in its own words between the claims it
    attributes. Empty unless the report is a news page's (its source is ``media``), the clause names no speaker and no
    speech word after the clause's start says it ("…for months, the General Staff said")."""
    if report is None or source_claimant(report) is not Claimant.MEDIA:
        return ""
    if cue is not None and end <= cue.start < hi and _RELATIVE_AFTER.match(sentence[end:hi]):
        lo = end  # the relative clause after the name, whose cue governs it ("Pokrovsk, where its forces …")
    elif cue is not None and not (lo <= cue.start < hi):
        lo, hi = _clause_bounds(sentence, cue.start, cue.end)
    kinds = read_kinds(sentence)
    spans = [h for h in kinds.get(("speech", "background"), ()) if lo <= h.start and h.end <= hi]
    said = kinds.get(("speech", "speech"), ()) + kinds.get(("speech", "attribution"), ())
    if not spans or any(h.start >= lo for h in said):
        return ""
    if any(lo <= a.start and a.end <= hi for a in _find_attributions(sentence)):
        return ""
    return spans[0].text


def _analyse(
    sentence: str,
    start: int,
    end: int,
    attrs: list[_Attr],
    *,
    report: Report | None,
    carried: Carried | None,
    kind: str,
    as_event: bool = False,
    read_owner: bool = True,
) -> ClaimContext:
    lo, hi = _clause_bounds(sentence, start, end)
    why: list[str] = []
    cues = _find_cues(sentence, skip=(start, end))
    # a parenthesis with a verb and places of its own is a clause of its own: its speaker too speaks only there
    lo, hi, cues, closed = parenthesis_scope(sentence, start, end, lo, hi, cues)
    if closed:
        attrs = [a for a in attrs if not any(o <= a.start and a.end <= c for o, c in closed)]
    cue, role_lo = _governing_cue(cues, start, end, lo, hi, sentence)
    role, reason = ("", "") if as_event else _role(sentence, start, end, kind, cue, role_lo, hi)
    if not role:
        role, reason = ("event", f"cue '{cue.text}'") if cue else ("background", "no event cue in the clause")
    why.append(reason)

    # claimant: the mention's clause, the sentence, the context, the source, the author
    claimant: Claimant | None = None
    name = sentence[start:end]
    if role == "speaker":
        claimant = _metonym_claimant(name)
    said_by = None
    if claimant is None:
        attr = _pick_attribution(attrs, start, end, lo, hi, sentence)
        earlier = carried.claimant() if attr is not None and carried is not None and named_again(sentence, attr) \
            else None
        if earlier is not None and earlier.claimant is not Claimant.MEDIA:
            # "…," the statement said: the statement of the speaker named before (read as the context's, which the
            # report's speaker may correct)
            claimant, said_by = earlier.claimant, earlier
            why.append(f"claimant from context '{earlier.text}': '{attr.text}' named again")
        elif attr is not None:
            claimant, said_by = attr.claimant, attr
            why.append(f"claimant '{attr.text}'")
    if role == "event" and (aside := _outlet_background(sentence, end, lo, hi, cue, report)):
        if said_by is not None:
            why.pop()  # the speaker of another clause ("Russia said …, where its forces …")
        claimant, said_by = Claimant.MEDIA, None
        why.append(f"claimant: the outlet's background '{aside}'")
    voice = None
    source = source_claimant(report) if report is not None and claimant is None else None
    # a known source (the MoD's agency, ISW, DeepState) speaks for itself: its voice is not read
    if report is not None and claimant is None and source in (None, Claimant.MEDIA):
        voice = report_voice(report.text)
    if claimant is None and voice is not None:
        # an own-voice narrative: its unattributed sentences are the channel's, not the last speaker's
        claimant = voice
        why.append(f"claimant: the text's own voice ({voice.value})")
    if claimant is None and carried is not None:
        found = carried.claimant()
        if found is not None:
            claimant = found.claimant
            why.append(f"claimant from context '{found.text}'")
    if claimant is None and report is not None:
        claimant = source
        if claimant is not None:
            why.append("claimant from source")
        else:
            claimant = Claimant.AUTHOR
            why.append("claimant: author (unattributed)")

    # action, negation, hedging
    action, detail, negated = Action.OTHER, "", False
    hedged = _hedged(sentence)
    modality = "done"
    if role in ("event", "direction") and cue is not None:
        action, detail = cue.action, cue.detail
        modality = _clause_modality(sentence, cue, cues, lo)  # the row's own, else a mark before the cue
        denied = _modality_hits(sentence, lo, cue.start, ("denied",))
        denial = next((h for h in reversed(_denials(sentence)) if lo <= h.start and h.end <= cue.start), None)
        owners = _claim_owners(sentence, denial, cue.start) if denial is not None and read_owner else []
        if not owners and cue.end <= start and read_owner:
            # the denial after the claim it denies ("заяви Кремля про захоплення X не відповідають дійсності"):
            # the claim's owner named right before its cue, the denial word after the place
            after = [h for h in _modality_hits(sentence, end, len(sentence), ("denied",))]
            owners = [h for h in read_kinds(sentence).get(("speakers", "claimant"), ())
                      if h.end <= cue.start and len(sentence[h.end:cue.start].split()) <= _OWNER_WORDS] if after else []
            denied = after if owners else denied
            denial = after[-1] if owners else denial
        if owners:
            # "Kyiv denied Russian claims that Russian forces had seized X": the denied claim is kept
            # with its owner; the denier's is another claim (analyse_mention_all). Without an owner
            # named ("Kyiv denied that Russia had seized X") it is a plain negation.
            modality, claimant = "denied", Claimant(owners[0].get("claimant"))
            why.append(f"denied: '{denial.text}', the claim of '{owners[0].text}'")
        action, detail = _with_modality(action, detail, modality)
        toward = _toward(sentence, lo, start) if action in (Action.REPELLED, Action.FIGHTING) and cue.end <= start \
            and cue.detail != _UNSUCCESSFUL else ""
        if toward:
            # the attacks were headed there; so were the clashes ("бої точилися поблизу A та в напрямку B"); a try the
            # text calls unsuccessful was held off on its way there ("безуспешно атаковали в сторону X": X repelled)
            action, detail = Action.ATTACKED, f"{toward}: {detail}"
        # "occupied two villages near X": a near row of geo/rules/positions.jsonl before the place (or its list);
        # "закрепились на подступах к X": a near row of geo/rules/modality.jsonl between the cue and the place
        if action in (Action.CAPTURED, Action.ENTERED) and cue.end <= start and (_position_before(
                sentence, "near", cue.end, cue.end + len(_strip_list(sentence[cue.end:start])), _NEAR_TAIL)
                or _modality_hits(sentence, cue.end, start, ("near",))) \
                and not (_NAMED_AFTER_ANCHOR.fullmatch(sentence, cue.end, start) and not _LIST_GOES_ON.match(sentence, end)):
            action, detail = Action.ADVANCING, f"{detail} nearby"
        elif action is Action.FIGHTING and cue.end <= start and any(
                h.get("approach") == "yes" for h in _modality_hits(sentence, cue.end, start, ("near",))):
            # "the fighting brought Russian troops closer to X": a near row of approach between the fight and the
            # place (geo/rules/modality.jsonl) says a movement toward it, an advance there
            action, detail = Action.ADVANCING, f"{detail}: closer"
        elif action is Action.CAPTURED and _part_of(sentence, cue.end, start):
            action, detail = Action.ENTERED, f"{detail}: a part"  # "seized the outskirts of X"
        elif action is Action.CAPTURED and _named_as_part(sentence, start, end):
            # "the eastern part of X has come under Russian control": a part of the place held, named as such before it
            # whatever the capture wording and wherever the verb stands, is a step into the place, no capture of it;
            # troops that got into a part of it or dig in there ("ДРГ в северной части X", "закріплюються у південній
            # частині X") stay an entry
            action, detail = Action.ADVANCING, f"{detail}: a part"
        negated, how = _negation(sentence, cue, lo) if modality != "denied" else (False, "")
        if not negated and modality != "denied" and any(cue.start - h.end <= _DENIAL_REACH for h in denied):
            # a denial with no owner named: a plain negation ("спростовують інформацію про начебто просування
            # ворога у районах X": no advance at X)
            negated, how = True, "neg"
        if negated:
            if how == "fail" and modality == "attempted" and action is Action.ATTACKED:
                pass  # "tried to break through": already read as an attempt
            elif how == "fail" and cue.tried_same:
                pass  # a row whose try is the thing itself ("attempting to complete the seizure of X": fighting)
            elif how == "fail" and action in _TRIED:
                action, detail = Action.ATTACKED, f"failed: {cue.detail}"
            elif action is not Action.REPELLED:
                action, detail = Action.OTHER, f"denied: {cue.detail}"
            why.append("negated")
        if _DIRECTION_AFTER.match(sentence[end:hi]) and not along_chain(sentence, start, end):
            # the place names a direction: a capture on the direction is not a capture of the town, attacks
            # along it are fighting there; attacks repelled and strikes in the sector stay what they were
            if action in (Action.CAPTURED, Action.ENTERED, Action.ADVANCING):
                action = Action.ADVANCING
            elif not (action is Action.REPELLED or (action is Action.STRUCK and _weapon_named(sentence, cue, lo, hi))):
                action = Action.FIGHTING
            detail = f"direction: {detail}"
    if hedged:
        why.append("hedged")

    # unit and direction
    unit = ""
    units = _find_units_cached(sentence)  # read only: the kept list itself
    if units:
        near = [u for u in units if lo <= u[1] < hi] or units
        unit = min(near, key=lambda u: (u[3], abs(u[1] - start)))[0]
    direction = ""
    named = _find_directions_cached(sentence)  # read only, as the units
    dirs = [d for d in named if not (d[1] <= start < d[2])] or named
    if dirs:
        prior = [d for d in dirs if d[1] <= start]
        direction = prior[-1][0] if prior else dirs[0][0]
    elif carried is not None:
        direction = carried.direction()
    actor = _actor(sentence, cue, lo, hi, claimant) if role in ("event", "direction") else ""
    if actor == "UA" and action is Action.REPELLED and claimant is Claimant.RU_MOD and said_by is not None \
            and _sideless(said_by.text):
        # wire copy: "a late evening military bulletin said Ukrainian forces had repelled attacks near X" — a
        # report noun that names no side ("bulletin", "statement") is the side whose defence it reports
        claimant = Claimant.UA_GENERALSTAFF
        why.append(f"claimant: '{said_by.text}' reports Ukraine's defence")
    return ClaimContext(
        action=action,
        action_detail=detail,
        claimant=claimant,
        role=role,
        unit=unit,
        direction=direction,
        negated=negated,
        hedged=hedged,
        why=tuple(why),
        modality=modality,
        actor=actor,
    )
