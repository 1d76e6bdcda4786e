"""Normalize: from raw cell text to clean, typed field values (pure functions)."""
