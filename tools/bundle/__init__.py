"""An offline install bundle of peerprep for one platform: `python -m tools.bundle --help`.

See docs/ward-it.md ("Installing on computers with no network").
"""
