"""Two shortcuts in Jinja's runtime that give the same pages, faster.

Rendering is half of a national build, and two of Jinja's per-expression helpers
cost more than the work they wrap (all pages of a 58-municipality corpus: -13 %
render CPU, bench/README.md). `html.environment` installs both:

- `Context.call` runs for every call in a template (`_.date(u.date)`, each
  macro) and asks the callable up to four times whether it wants the context,
  the eval context or the environment passed in. `Context` asks once per
  function or class and remembers.
- `escape` wraps every `{{ value }}` in a new `Markup`, even a value that is
  already `Markup`. An output expression only needs the escaped text, so
  `Template` gives compiled templates `escape_output` instead.
"""
from __future__ import annotations

from types import FunctionType, MethodType

import jinja2
import jinja2.runtime
from jinja2.utils import internalcode
from markupsafe import Markup, escape

try:
    from markupsafe import _escape_inner  # what escape() calls for a str, in C
except ImportError:  # pragma: no cover - another MarkupSafe: the same text, a little slower
    def _escape_inner(text: str) -> str:
        return str(escape(text))

# What a callable wants passed in first, by function (or class of a callable object):
_PLAIN, _EVAL_CONTEXT, _ENVIRONMENT, _CONTEXT = range(4)
_passes: dict[object, int] = {}
_KINDS = {"eval_context": _EVAL_CONTEXT, "environment": _ENVIRONMENT, "context": _CONTEXT}


def _passed(obj) -> int:
    """What Jinja would pass to `obj` first: nothing, the eval context, the environment or the context.

    Jinja's own test (`_PassArg.from_obj`) looks for `jinja_pass_arg`, set by
    `pass_context` and friends, on the callable's `__call__` and on the callable.
    A macro takes the eval context (to know whether to escape).
    """
    kind = type(obj)
    key = obj if kind is FunctionType else obj.__func__ if kind is MethodType else kind
    try:
        return _passes[key]
    except KeyError:
        arg = getattr(getattr(obj, "__call__", None), "jinja_pass_arg", None) or getattr(obj, "jinja_pass_arg", None)
        passed = _passes[key] = _PLAIN if arg is None else _KINDS.get(arg.name, _CONTEXT)
        return passed


class Context(jinja2.runtime.Context):
    @internalcode
    def call(self, obj, /, *args, **kwargs):
        passed = _passed(obj)
        if passed == _CONTEXT:  # Jinja derives a context with the loop's and block's variables
            return super().call(obj, *args, **kwargs)
        if passed == _EVAL_CONTEXT:
            args = (self.eval_ctx, *args)
        elif passed == _ENVIRONMENT:
            args = (self.environment, *args)
        if kwargs:  # what the compiled code passes for pass_context callables only
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
        try:
            return obj(*args, **kwargs)
        except StopIteration:  # as Jinja does
            return self.environment.undefined("value was undefined because a callable raised a"
                                              " StopIteration exception")


def escape_output(value) -> str:
    """`markupsafe.escape` without the `Markup` around the result (same text)."""
    kind = type(value)
    if kind is str:
        return _escape_inner(value)
    if kind is Markup:
        return value
    html = getattr(value, "__html__", None)  # e.g. localize.Part
    return html() if html is not None else _escape_inner(str(value))


class Template(jinja2.Template):
    @classmethod
    def from_code(cls, environment, code, globals, uptodate=None):
        template = super().from_code(environment, code, globals, uptodate)
        # The compiled module's functions (root, blocks, macros) share these globals.
        template.root_render_func.__globals__["escape"] = escape_output
        return template
