"""Structure: find the catalog tables, their header rows, and what each column means."""
