"""The `yiwang` command line: the composition root of the product."""
