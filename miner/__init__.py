"""miner: check the numbers in budget disclosures' prose against their own tables."""
__version__ = "0.1.0"
