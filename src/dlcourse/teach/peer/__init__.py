"""Peer review of lab reports: who reviews whom each week, checked, exported and counted.

`dlcourse.teach.peer.cli` holds the command line (`dlcourse peer ...`) and its usage text;
`dlcourse.teach.peer.reviews.reviews_done` is what the course status reads.
"""
