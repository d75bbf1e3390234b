"""The rules of the product, in pure Python: no Qt, no clock (``now`` is an argument)."""
