"""Platform-neutral use cases: parse a message into a Command, run it, return a Reply.

Imports nothing of `bot`, slack_bolt or wechatpy.
"""
