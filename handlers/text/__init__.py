"""What the bot says: the string table in both languages (`strings.t`), the platform-neutral `Reply`,
numbers and days in the reader's terms, help.
"""
