"""factdb: who claimed what, and with what stance, across news articles."""
__version__ = "0.1.0"
