"""Patenbüro: the office application of the Patenschaftsnetzwerk Halle."""

__version__ = "0.1.0"
