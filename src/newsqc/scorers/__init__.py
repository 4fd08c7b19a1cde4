"""The four scorers, one defect each, in the order of :data:`newsqc.assessment.KINDS`."""

from newsqc.scorers.base import Finding, Scorer
from newsqc.scorers.boilerplate import Boilerplate
from newsqc.scorers.garbled import Garbled
from newsqc.scorers.offtopic import Offtopic
from newsqc.scorers.repetition import Repetition

__all__ = ["SCORERS", "Boilerplate", "Finding", "Garbled", "Offtopic", "Repetition", "Scorer"]

#: One instance of each scorer; scorers hold no state between calls.
SCORERS: tuple[Scorer, ...] = (Boilerplate(), Offtopic(), Garbled(), Repetition())
