"""Check characters of Chinese national standards, shared by the domain and the drivers.

A leaf: standard library only, imports nothing of ours (an import-linter
contract keeps it so). ``intake`` (the domain) and ``devices`` (the ID card
driver) may not import each other, yet both must compute the same GB 11643
check character; this is the one place it lives.
"""
