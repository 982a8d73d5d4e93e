"""Planning the site from what was loaded: timelines, indexes, views, routes, link checks."""
