"""The public page of reach and results: the whole city, a procedure, a district, a format."""
