"""Developer tools: benchmarks and synthetic corpora. Installed in dev and test settings only."""
