"""newsqc: what is wrong with a crawled news article, and where.

>>> import newsqc
>>> a = newsqc.assess("Officials met in Geneva on Monday to discuss the plan.\\n0 Comments")
>>> [s.reason for s in a.spans]
['boilerplate:counter']
"""

from newsqc.api import assess, clean
from newsqc.article import Article, Segment
from newsqc.assessment import KINDS, Assessment, Span, Verdict
from newsqc.batch import assess_many
from newsqc.scorers.boilerplate import SiteChrome

__all__ = [
    "KINDS",
    "Article",
    "Assessment",
    "Segment",
    "SiteChrome",
    "Span",
    "Verdict",
    "__version__",
    "assess",
    "assess_many",
    "clean",
]

__version__ = "0.1.0"
