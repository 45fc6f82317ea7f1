"""The grading desk: intake of hand-ins, autograding through nbgrader, course rules, tables, reports, clusters.

`desk.py` holds the operations as plain functions; `cli.py` parses and prints; the rest are their parts.
"""
