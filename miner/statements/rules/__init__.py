"""The rules of a statement check, one module per rule, named by its code (family SC)."""
from . import sc01, sc02, sc03

RULES = (sc01, sc02, sc03)
