"""Use cases of running the workspace: teams and roles, holiday calendars, currencies, the pipeline's
stages, the CRM connection, one person linked across chat apps.
"""
