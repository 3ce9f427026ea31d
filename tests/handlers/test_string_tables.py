"""The string table is several tables, one per area (`handlers/text/tables/`), merged into one
`MESSAGES`: a key said twice, in one table or in two, would silently lose one of its texts."""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

from handlers.text import strings
from handlers.text.strings import MESSAGES, TABLES, t

TEXT = Path(strings.__file__).parent
SOURCES = [TEXT / "strings.py", *sorted((TEXT / "tables").glob("*.py"))]


#: the tables' names, as strings.py holds them (`TABLES`): a new table is read without a word here
_TABLE_NAMES = tuple(name for name, value in vars(strings).items()
                     if name.isupper() and any(value is table for table in TABLES))


def _keys_as_written(path: Path) -> list[str]:
    """The keys of every dict literal assigned to an upper-case name (the tables), as written."""
    keys = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.AnnAssign | ast.Assign) and isinstance(node.value, ast.Dict):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(target, ast.Name) and target.id in _TABLE_NAMES for target in targets):
                keys += [key.value for key in node.value.keys if isinstance(key, ast.Constant)]
    return keys


def test_no_key_is_defined_twice_in_the_tables():
    written = Counter(key for path in SOURCES for key in _keys_as_written(path))
    assert sum(written.values()) > 500  # the tables were all read
    assert [key for key, times in written.items() if times > 1] == []
    assert sum(len(table) for table in TABLES) == len(MESSAGES) == len(written)


def test_t_reads_every_area_in_both_languages():
    assert t("en", "unknown") == "Sorry, I didn't get that. Try one of these:"  # general
    said = t("zh", "did_you_mean", text="vist", fixed="visit")  # asking
    assert said == "没认出“vist”这个命令。你是想说：visit"
    assert t("en", "trash_empty", days=30) == "The bin is empty (deletions stay 30 days)."  # sales
    assert t("zh", "leaderboard_empty") == "本期暂无数据。"  # team
    assert t("zh", "team_created", name="East") == "团队East已创建。"  # workspace
