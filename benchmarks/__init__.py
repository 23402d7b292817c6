"""Side-by-side benchmark of articlekit against its peers (not part of the test suite)."""
