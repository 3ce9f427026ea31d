"""The grammar: a message's words read into a typed Command (or a ParseError), declared once in `intents`.
Pure: no session, no reply text.
"""
