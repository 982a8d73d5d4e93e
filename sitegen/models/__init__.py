"""What the site is made of: scalar types, the content contract, site settings, URLs, loaded items."""
