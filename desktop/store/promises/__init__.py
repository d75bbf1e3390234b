"""Every kind of promise the ladder follows, one module each (docs/ARCHITECTURE.md, "Where
a new kind of promise goes"). Importing the package registers them, in this order."""

# The order of loading: the influencers' promises first, then the shop's own.
from desktop.store.promises import deliverables, parcels, replies, custom_orders, gifts, agreements  # noqa: F401  (they register)
from desktop.store.promises.registry import ACTIVE_COLLABS, HORIZON, KINDS, Kind, Scan, register

__all__ = ["ACTIVE_COLLABS", "HORIZON", "KINDS", "Kind", "Scan", "register"]
