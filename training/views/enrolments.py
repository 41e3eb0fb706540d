"""Registering, cancelling and confirming a place, also from the signed links of the mails."""
