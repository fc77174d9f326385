"""The read cache's file format: the model as JSON, which cannot run code.

A cache file may come from anywhere (a restored CI cache, a pull request that
adds `.cache/`), so loading one must never do more than build data. JSON is
parsed by the standard library's C parser; the only objects made from it are
strings, numbers, dates and the plain data classes listed in `CLASSES` (the
content model and its errors), each built through its own constructor. A file
that names anything else, or has the wrong shape, is refused (`CacheFormatError`)
and the municipality is simply read again.

Shapes: a data class is {"@": "Name", "f": [field values in order]}, a date
{"d": "2024-05-01"}, a date-time {"t": "2024-05-01T18:00:00"}, a dict
{"m": [[key, value], …]}, a tuple a JSON list.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from operator import attrgetter

from lofte.content import errors, model


class CacheFormatError(ValueError):
    """The bytes are not a read-cache record this code wrote."""


CLASSES: dict[str, type] = {
    cls.__name__: cls
    for module in (model, errors)
    for cls in vars(module).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__
}
_FIELDS = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in CLASSES.values()}
# Each class's field values as a tuple, read in C (the encoder asks for every object of the model).
_VALUES = {cls: attrgetter(*names) if len(names) > 1 else (lambda obj, get=attrgetter(*names): (get(obj),))
           for cls, names in _FIELDS.items() if names}
_NESTED = frozenset((dict, list, tuple))  # values that may hold a dict somewhere inside


def _plain(value):
    """json.dumps' hook for what JSON has no type for."""
    kind = type(value)
    values = _VALUES.get(kind)
    if values is not None:
        return {"@": kind.__name__, "f": [_wrap_dicts(v) if type(v) in _NESTED else v for v in values(value)]}
    if kind in _FIELDS:  # a data class without fields
        return {"@": kind.__name__, "f": []}
    if kind is dt.date:
        return {"d": value.isoformat()}
    if kind is dt.datetime:
        return {"t": value.isoformat()}
    if kind is dict:
        return {"m": [[k, v] for k, v in value.items()]}
    if kind in (set, frozenset):
        return sorted(value)
    raise TypeError(f"the read cache cannot hold {kind.__name__}")


def dumps(value) -> bytes:
    """`value` (data classes of CLASSES, dates, dicts, lists, sets, str, numbers) as bytes."""
    return json.dumps(_wrap_dicts(value), default=_plain, ensure_ascii=False, separators=(",", ":"),
                      check_circular=False).encode("utf-8")


def _wrap_dicts(value):
    """Dicts tagged as {"m": …} (json writes a dict as an object without asking `_plain`)."""
    kind = type(value)
    if kind is dict:
        return {"m": [[k, _wrap_dicts(v)] for k, v in value.items()]}
    if kind is list or kind is tuple:
        for v in value:
            if type(v) in _NESTED:
                return [_wrap_dicts(v) for v in value]
    return value


def _tuples(value):
    return tuple(_tuples(v) for v in value) if type(value) is list else value


def _hook(obj: dict):
    if "@" in obj:
        cls = CLASSES.get(obj["@"])
        values = obj.get("f")
        if cls is None or type(values) is not list or len(values) != len(_FIELDS[cls]):
            raise CacheFormatError(f"unknown record {obj.get('@')!r}")
        return cls(*[_tuples(v) for v in values])
    if "d" in obj:
        return dt.date.fromisoformat(obj["d"])
    if "t" in obj:
        return dt.datetime.fromisoformat(obj["t"])
    if "m" in obj:
        return {k: _tuples(v) for k, v in obj["m"]}
    raise CacheFormatError("an object without a type")


def loads(data: bytes):
    """The value `dumps` wrote; CacheFormatError for anything else."""
    try:
        return json.loads(data, object_hook=_hook)
    except CacheFormatError:
        raise
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        raise CacheFormatError(str(exc)) from None
