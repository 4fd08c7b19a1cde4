"""Benchmarks of newsqc: quality (benchmarks.quality) and throughput."""
