"""`miner serve`: a local web page for checking a statement against sources (see app.py)."""
