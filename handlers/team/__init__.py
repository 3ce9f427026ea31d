"""Use cases of a team: targets, reports, scorecards, contests, the digest, the schedule, and the posts the
team's channels get (after a fact, on a schedule).
"""
