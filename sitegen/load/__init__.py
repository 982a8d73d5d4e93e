"""Reading the sources: YAML, site.yaml, Markdown, content files and calendars."""
