"""Where a team's posts go, as each platform names it. A platform declares its `Place` in its own
plugin (`bot/<platform>/plugin.py`); `team create NAME VALUE`, `team set NAME WORD VALUE|here|off`
and `teams` read them here, so that the grammar and the handlers name no platform and no address
format.

    >>> declare(Place("demo", frozenset({"room", "房间"}), ("Demo", "演示"), ("a room: #name", "房间：#名称"),
    ...               address=lambda v: Address("demo", "", "channel", v) if v.startswith("#") else None,
    ...               shown=lambda address: address.id))
    >>> [p.platform for p in taking("room")], taking("room")[0].address("#east").target
    (['demo'], 'channel:#east')
    >>> forget("demo")
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from storage.address import Address


def _no_address(_value: str) -> Address | None:
    return None


def _as_is(address: Address) -> str:
    return address.target


@dataclass(frozen=True)
class Place:
    """One platform's place for team posts."""

    platform: str  # the platform's word, stored with the address
    words: frozenset[str]  # the setting's words in `team set NAME WORD VALUE` (lower case, both languages)
    names: tuple[str, str]  # the platform as people call it (English, Chinese)
    hint: tuple[str, str]  # what a value looks like (English, Chinese), said when one is not
    #: A typed value as an address (of no workspace: a team's place is on every workspace of the
    #: platform its tenant is on), None when it is none (a platform whose places can't be typed
    #: only takes `here`, said in the place itself).
    address: Callable[[str], Address | None] = _no_address
    shown: Callable[[Address], str] = _as_is  # an address as people read it
    #: The place every team has on it with no setting, from the team's name (the console's room
    #: named after the team), None when a team has none until one is set.
    room: Callable[[str], Address | None] = _no_address
    #: The setting as typed after `team set NAME` (English, Chinese), for help: `channel #east-sales`.
    example: tuple[str, str] = ("", "")
    #: Whether people chat on it and so link it to another app (`link`): not the operator's console.
    linked: bool = True

    def name(self, locale: str) -> str:
        return self.names[locale == "zh"]


_PLACES: dict[str, Place] = {}


def declare(place: Place) -> None:
    _PLACES[place.platform] = place


def forget(platform: str) -> None:
    _PLACES.pop(platform, None)


def words() -> frozenset[str]:
    """Every word that names a place in `team set`."""
    return frozenset().union(*(place.words for place in _PLACES.values()))


def taking(word: str, here: str = "") -> list[Place]:
    """The places `word` names, the one of the platform it is said on (`here`) first: `channel`
    said in Teams is the Teams channel, said elsewhere Slack's."""
    found = [place for place in _PLACES.values() if word.lower() in place.words]
    return sorted(found, key=lambda place: place.platform != here)


def typed(value: str, here: str = "") -> tuple[Place, Address] | None:
    """The place and address a typed value names with no word before it (`team create East
    #east-sales`), or None."""
    for place in sorted(_PLACES.values(), key=lambda place: place.platform != here):
        if (address := place.address(value)) is not None:
            return place, address
    return None


def examples(locale: str) -> list[str]:
    """Each platform's setting as typed after `team set NAME`, for help."""
    return [example for place in _PLACES.values() if (example := place.example[locale == "zh"])]


def rooms(team: str, platforms) -> list[Address]:
    """The places a team has with no setting, on these platforms."""
    return [address for p in platforms if p in _PLACES and (address := _PLACES[p].room(team))]


def names(locale: str, but: str = "") -> list[str]:
    """The name of every platform people link (`Place.linked`) as they call it, but the one named `but`."""
    return [place.name(locale) for place in _PLACES.values() if place.platform != but and place.linked]


def name(platform: str, locale: str) -> str:
    """The platform as people call it."""
    place = _PLACES.get(platform)
    return place.name(locale) if place else platform


def shown(address: Address, locale: str) -> str:
    """An address as people read it, with its platform: `Slack #east-sales`, `企业微信 chat:X`."""
    place = _PLACES.get(address.platform)
    return f"{place.name(locale)} {place.shown(address)}" if place else f"{address.platform} {address.target}"
