"""One module per command group; each registers its sub-commands on the parser."""
