"""Scale: parallel extraction on one machine (a process pool) and across machines (Dask)."""
