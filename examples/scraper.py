"""For a scraper: assess one article string right after extraction, and keep what is usable."""

from __future__ import annotations

import newsqc

extracted = (
    "Home\nSign in\n"
    "The harbour authority approved plans on Friday for a new ferry terminal that will replace the "
    "wooden pier used since the 1950s. The terminal will have room for two ships at once.\n"
    "The project will cost 18 million euros and is due to open in the summer of 2028, officials said.\n"
    "0 Comments\nBack to top"
)

# A brief of two paragraphs is a known blind spot: its last paragraph, right before the tail
# chrome, can read as a teaser (the strict xfail news-brief-between-chrome in tests/cases).
assessment = newsqc.assess(extracted, url="https://example.org/news/harbour")
print("verdict:", assessment.verdict.value, f"(quality {assessment.quality:.2f})")
for span in assessment.spans:
    print(f"  {span.reason}: {extracted[span.start : span.end]!r}")
if assessment.verdict != newsqc.Verdict.DROP:
    print("\nstore this text:\n" + assessment.cleaned_text)
