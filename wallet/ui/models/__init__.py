"""Qt item models over plain values from the core (credentials, checks, targets, import results, trust)."""
