"""Rules that are pure functions of their arguments: working days and pace, the team's job schedule, what
the database bounds, whether two customer names are one.
"""
