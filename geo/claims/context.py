"""What one sentence claims about one place mention: the value type of the claims reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from geo.model import Action, Claimant

__all__ = ['ROLES', 'ClaimContext']

# --------------------------------------------------------------------------------------------
# Value type
# --------------------------------------------------------------------------------------------

#: the values of ClaimContext.role; "direction": a town named only as a sector ("in the Pokrovsk direction")
ROLES = ("event", "speaker", "venue", "background", "direction")


@dataclass(frozen=True, slots=True)
class ClaimContext:
    """What one sentence claims about one place mention.

    Attributes
    ----------
    action : Action
        The claimed event (``Action.OTHER`` when the place is not an event, or no cue is found).
    action_detail : str
        The finer cue: "liberated", "took control", "encircled", "cleared", "denied capture" ...
    claimant : Claimant or None
        Who makes the claim.
    role : str
        ``"event"``, ``"speaker"``, ``"venue"`` or ``"background"``; only events go on the map.
    unit : str
        The most specific military unit named near the mention ("36th Guards Motorized Rifle Brigade").
    direction : str
        The front direction the sentence names ("Pokrovsk axis", "Kupiansk direction").
    negated : bool
        The claim is denied or negated ("has not captured", "failed to take").
    hedged : bool
        The claim is reported, not asserted ("claimed", "reportedly", "unconfirmed", "likely").
    why : tuple of str
        The cues that decided, for the map popup and for debugging.
    modality : str
        ``done``, ``attempted`` ("tried to advance"), ``near`` ("close to capturing": the action is
        ``advancing``), ``denied`` (the claim is kept with its claimant; another denies it) or ``expected`` (a capture
        foretold, "may be liberated very soon": the action is ``fighting``).
    actor : str
        Who acted: ``RU``, ``UA`` or ``""`` ("Ukrainian forces advanced near X": UA).
    """

    action: Action = Action.OTHER
    action_detail: str = ""
    claimant: Claimant | None = None
    role: str = "background"
    unit: str = ""
    direction: str = ""
    negated: bool = False
    hedged: bool = False
    why: tuple[str, ...] = ()
    modality: str = "done"
    actor: str = ""

    @property
    def is_event(self) -> bool:
        """True when the mention is a place where the sentence puts a military event."""
        return self.role == "event"
