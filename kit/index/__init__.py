"""The derived search index: a Chroma store rebuilt from the notebooks at will, and search over it (filters, dates, the mood series)."""
