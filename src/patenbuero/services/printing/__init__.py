"""Print products: fill the PDF module's inputs from the database, and name the files."""
