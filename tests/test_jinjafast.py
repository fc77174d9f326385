"""The Jinja shortcuts give the same output as stock Jinja, and still pass the context in."""
import jinja2
import pytest
from markupsafe import Markup

from lofte.outputs import jinjafast


class Html:
    def __html__(self):
        return "<b>trusted</b>"


class Greeter:
    def __call__(self, name):
        return f"Hej {name} & välkommen"


@jinja2.pass_context
def whose_page(context, suffix=""):
    return context["page"] + suffix


@jinja2.pass_environment
def env_name(environment):
    return type(environment).__name__


class ContextAware:
    @jinja2.pass_context
    def __call__(self, context):
        return context["page"].upper()


SOURCE = """{% macro item(x) %}<li>{{ x }}</li>{% endmacro %}
{% for x in values %}{{ item(x) }}{{ whose_page("/" ~ loop.index) }}{% endfor %}
{{ greet("<Ada>") }} {{ raw }} {{ html }} {{ 42 }} {{ 1.5 }} {{ none }} {{ env_name() }} {{ aware() }}
{% set block %}<i>{{ "<x>" }}</i>{% endset %}{{ block }} {{ "a<b"|e }} {{ "<ok>"|safe }}
{{ upper("å<ä") }} {{ self_call() }}"""


def render(fast: bool, **extra) -> str:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    if fast:
        env.context_class, env.template_class = jinjafast.Context, jinjafast.Template
    env.globals.update(greet=Greeter(), whose_page=whose_page, env_name=env_name, aware=ContextAware(),
                       upper=str.upper, self_call=lambda: "lambda<")
    return env.from_string(SOURCE).render(values=["<a>", Markup("<m>"), 3, Html()], page="p",
                                          raw=Markup("<em>kept</em>"), html=Html(), none=None, **extra)


def test_same_output_as_stock_jinja():
    fast = render(fast=True)
    assert fast == render(fast=False)
    assert "<li>&lt;a&gt;</li>p/1" in fast and "<li><m></li>p/2" in fast  # escaped, Markup kept, loop context
    assert "Hej &lt;Ada&gt; &amp; välkommen" in fast and "Environment" in fast and " P" in fast


def test_undefined_call_still_fails():
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.context_class, env.template_class = jinjafast.Context, jinjafast.Template
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing() }}").render()
