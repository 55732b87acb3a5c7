"""peerprep: prepare a personal statement for a meeting, in your own words."""

__version__ = "0.1.0"
