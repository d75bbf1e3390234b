"""Presentation: stored facts turned into words for a reader (screen, messages, CLI,
exports). Above the store and the domain, below the views: no Qt here."""
