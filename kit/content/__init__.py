"""Curated content shipped with the kit: the glossary of terms, the prompt, values, activity and feelings banks, readability figures, and the one loader that reads their data files."""
