"""The derived search index: a Chroma store and a word index rebuilt from the notebooks at will, and search over
them (fusion of meaning and words, filters, dates, the recorded mood)."""
