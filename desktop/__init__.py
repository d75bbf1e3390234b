"""Afspraak: a ledger of promises between a small webshop, its influencers and its customers."""

__version__ = "0.1.0"
APP_NAME = "Afspraak"
APP_ID = "nl.afspraak.Afspraak"
