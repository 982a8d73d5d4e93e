"""Putting the site on disk: the output folder, the search index and the form editor."""
