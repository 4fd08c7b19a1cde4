"""The quality benchmark: every detector and the verdict measured on real text, beside the anchors.

``python -m benchmarks.quality --help``; the documents are built by
:func:`benchmarks.quality.dataset.build`, the figures defined in :mod:`benchmarks.quality.metrics`.
"""
