"""Use cases of a rep's own records: visits, deals, customers, tasks, tiers, case review, and putting
mistakes right (corrections, the bin, undo).
"""
