"""What the kit makes from a journal for a person to keep or share: the weekly review, plots, and the export to markdown, HTML and PDF."""
