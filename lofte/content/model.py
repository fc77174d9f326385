"""The content model: plain, frozen data classes that every output reads.

The model is complete and immutable before the first byte is written (STYLE.md
§1): HTML, posters, feeds and open data only read it. Values the build derives
(progress, freshness, URLs) live in `derived.py`, computed once from this model.
Each object keeps `path` (the content file it came from, relative to the content
root) so outputs and later checks can point back at the source.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, is_dataclass
from operator import attrgetter

# Body text is carried both as the Markdown the communicator wrote (for posters,
# feeds and checks) and as sanitised HTML (for pages): Markdown is parsed once.


@dataclass(frozen=True, slots=True)
class Text:
    markdown: str
    html: str  # sanitised; safe to insert unescaped

    def __bool__(self) -> bool:
        return bool(self.markdown.strip())


EMPTY_TEXT = Text("", "")


@dataclass(frozen=True, slots=True)
class Unknown:
    """A value the source does not state: `okänt` in content (docs/innehall.md, "Okänt").

    It stands where the value would (a text, a date, a list, a target), so every
    output decides how to say "not stated in the source" around it instead of
    printing a placeholder into a sentence. It is falsy, so a guard such as
    `if period.signatories:` skips it like an absent value; printing it as text
    is a bug and fails loudly (like Jinja's StrictUndefined), never silently.
    """
    note: str = ""  # what the communicator wrote about it ("Källan nämner inget polisområde.")

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        raise TypeError("an unknown value (okänt) was printed as text; phrase around it "
                        "(lofte.outputs.views.unknowns)")

    def __iter__(self):
        raise TypeError("an unknown value (okänt) was used as a list; check is_unknown() first")


def is_unknown(value) -> bool:
    return type(value) is Unknown


@dataclass(frozen=True, slots=True)
class Source:
    """Where a content file's facts come from (a public document)."""
    title: str
    document: str = ""  # e.g. file name in shared/seeds or diarienummer
    url: str = ""
    note: str = ""  # e.g. where it disagrees with another source
    date: dt.date | None = None  # the document's date


class Sourced:
    """A file with `sources`; `source` is the first (most files have one)."""
    __slots__ = ()

    @property
    def source(self) -> Source | None:
        return self.sources[0] if self.sources else None


@dataclass(frozen=True, slots=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Image:
    file: str  # path relative to the content root
    alt: str


@dataclass(frozen=True, slots=True)
class Contact:
    name: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""


# The police's national contact: the number and site that reach every local police area.
POLICE_CONTACT = Contact(phone="114 14", url="https://polisen.se")


@dataclass(frozen=True, slots=True)
class Origin:
    """Why a promise exists: citizen dialogue, survey, statistics, lägesbild …"""
    kind: str  # key of origins.ORIGIN_KINDS
    text: str


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """Advice from `check` (authoring/advice.py) that a file answers with a reason,
    e.g. an ended period whose source gives no targets: shown, but not a failure."""
    advice: str  # the advice's id, e.g. "mal-saknas"
    reason: str


@dataclass(frozen=True, slots=True)
class Partner:
    """A party besides the police and the municipality, e.g. a housing company."""
    id: str
    name: str
    description: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Municipality(Sourced):
    slug: str
    path: str
    name: str  # "Köpings kommun"
    short_name: str  # "Köping"
    police_area: str | Unknown  # "Lokalpolisområde Västra Mälardalen"
    partners: tuple[Partner, ...]
    contact: Contact
    logo: Image | None
    sources: tuple[Source, ...]
    example: bool
    periods: tuple["Period", ...] = ()  # oldest first (content/chronology.py)
    acknowledged: tuple[Acknowledgement, ...] = ()
    police_contact: Contact = POLICE_CONTACT  # the local police's, its gaps filled from POLICE_CONTACT


@dataclass(frozen=True, slots=True)
class Signatory:
    name: str
    role: str
    party: str  # "polisen", "kommunen" or a partner id


@dataclass(frozen=True, slots=True)
class FeedbackPlan:
    """How and how often residents are told about progress (återkopplingsplan)."""
    text: Text | Unknown
    interval_days: int | Unknown | None  # longest allowed gap between updates


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The follow-up of an ended period, in the method's three parts."""
    date: dt.date | Unknown | None
    activities: Text | Unknown  # resurs- och aktivitetsuppföljning
    quality: Text | Unknown  # prestationsuppföljning
    effects: Text | Unknown  # effektuppföljning
    document: Source | None
    summary: Text | Unknown


@dataclass(frozen=True, slots=True)
class Event:
    """Something residents can take part in (dialogue, trygghetsvandring …)."""
    title: str
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None
    location: str
    description: str
    source_path: str  # file that announced it; also the base of its stable id
    index: int


@dataclass(frozen=True, slots=True)
class IndicatorTarget:
    value: float
    date: dt.date | Unknown | None


@dataclass(frozen=True, slots=True)
class Baseline:
    value: float
    date: dt.date | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Indicator:
    """A measurable target.

    kind "count": progress is the sum of `value`s reported in updates
    (e.g. "at least five times"); kind "frequency": as count, but the target is
    `per_period` occurrences per week/month/quarter/year over the promise time
    frame; kind "measure": each update reports a new measured value.
    """
    id: str
    name: str
    unit: str
    kind: str  # count | frequency | measure
    direction: str  # increase | decrease | maintain
    baseline: Baseline | Unknown | None
    target: IndicatorTarget | Unknown | None
    frequency: str | None  # day | weekday | week | month | quarter | year (kind frequency)
    note: str = ""
    unit_one: str = ""  # the unit in the singular ("möte" for unit "möten"); see i18n.translate.quantity


@dataclass(frozen=True, slots=True)
class ActorStatus:
    actor: str  # "polisen", "kommunen" or a partner id
    status: str  # progress key
    responsible: str | Unknown  # the unit that answers for it, e.g. "Säkerhetsavdelningen"


@dataclass(frozen=True, slots=True)
class Progress:
    indicator: str
    value: float


@dataclass(frozen=True, slots=True)
class Translation:
    """A promise, period or update in another language, field by field.

    Fields left out fall back to the Swedish original on the page. `translated` is
    when the translation was made: a page says so when the Swedish text was
    revised later. Unofficial and demo translations are labelled as such.
    """
    lang: str
    translated: dt.date
    official: bool
    example: bool
    fields: dict  # field name -> str, Text or tuple[str, ...], as on the original


@dataclass(frozen=True, slots=True)
class Update:
    slug: str  # "2024-03-15-trygghetsvandring"
    path: str
    date: dt.date
    title: str
    body: Text
    status: str | None  # a status change for the whole promise
    actor_status: tuple[ActorStatus, ...]  # per-actor status changes
    progress: tuple[Progress, ...]
    evidence: tuple[Link, ...]
    events: tuple[Event, ...]
    corrects: str | None  # slug of an earlier update this one corrects
    correction_note: str
    example: bool
    revised: dt.date | None = None  # when the Swedish text last changed in substance
    translations: tuple[Translation, ...] = ()
    acknowledged: tuple[Acknowledgement, ...] = ()


@dataclass(frozen=True, slots=True)
class Verdict:
    verdict: str | None  # verdict key, or None where the source gives none
    text: Text


@dataclass(frozen=True, slots=True)
class Promise(Sourced):
    slug: str
    path: str
    title: str
    summary: str
    focus_area: str | Unknown
    body: Text  # the promise text itself
    approach: Text | Unknown  # tillvägagångssätt
    activities: tuple[str, ...] | Unknown
    effects: tuple[str, ...] | Unknown  # eftersträvade effekter
    origins: tuple[Origin, ...]
    actors: tuple[ActorStatus, ...]
    status: str
    indicators: tuple[Indicator, ...]  # empty where the source states none: see indicators_unknown
    start: dt.date | None  # time frame; defaults to the period's
    end: dt.date | None
    verdict: Verdict | None  # given at follow-up
    events: tuple[Event, ...]
    sources: tuple[Source, ...]
    example: bool
    updates: tuple[Update, ...] = ()  # newest first
    lattlast: Text = EMPTY_TEXT  # easy-to-read Swedish version of the promise
    revised: dt.date | None = None
    translations: tuple[Translation, ...] = ()
    acknowledged: tuple[Acknowledgement, ...] = ()
    # `indicators: okänt`: the source states no measurable target (indicators is then empty)
    indicators_unknown: Unknown | None = None


@dataclass(frozen=True, slots=True)
class Period(Sourced):
    slug: str  # "2024", "2024-2025"
    path: str
    municipality: str  # municipality slug
    title: str
    start: dt.date | Unknown | None  # None where content leaves it out (older content: see dates_note)
    end: dt.date | Unknown | None
    dates_note: str
    signed: dt.date | Unknown | None
    signed_place: str | Unknown
    signatories: tuple[Signatory, ...] | Unknown
    purpose: Text | Unknown  # syfte
    situation: Text | Unknown  # gemensam lägesbild
    focus_areas: tuple[str, ...] | Unknown
    origins: tuple[Origin, ...]
    feedback_plan: FeedbackPlan | Unknown | None
    follow_up: FollowUp | None
    intro: Text
    sources: tuple[Source, ...]
    example: bool
    promises: tuple[Promise, ...] = ()
    lattlast: Text = EMPTY_TEXT  # easy-to-read Swedish version of intro and purpose
    revised: dt.date | None = None
    translations: tuple[Translation, ...] = ()
    acknowledged: tuple[Acknowledgement, ...] = ()
    # `promises: okänt` in lofte.yaml: the source does not list the period's promises (or not all of them)
    promises_unknown: Unknown | None = None


@dataclass(frozen=True, slots=True)
class Accessibility:
    """Content of the tillgänglighetsredogörelse (Digg's required items)."""
    status: str  # helt | delvis | inte
    known_issues: tuple[str, ...]
    assessed: dt.date
    statement_date: dt.date
    updated: dt.date | None
    method: str
    contact_email: str
    contact_phone: str
    response_time: str


@dataclass(frozen=True, slots=True)
class Cms:
    """The browser editor at /admin/ (`cms:` in site.yaml; read by content/cmssettings.py)."""
    backend: str  # "github", "gitlab" or "local"
    repo: str  # "owner/name" on the git host ("" for local)
    branch: str
    content_folder: str  # where content/ lies in the repository, e.g. "content"
    base_url: str = ""  # github: the OAuth proxy; gitlab: a self-hosted GitLab
    auth_endpoint: str = ""  # path on base_url where the login starts ("" = the host's default)
    app_id: str = ""  # gitlab: the OAuth application's id (PKCE, no secret)
    api_root: str = ""  # GitHub Enterprise or a self-hosted GitLab's API


@dataclass(frozen=True, slots=True)
class Site:
    title: str
    base_url: str  # absolute, ends with "/"
    languages: tuple[str, ...]  # first is the default
    description: str
    contact: Contact
    owners: tuple[Contact, ...]
    licence: str  # "CC0-1.0" or "CC-BY-4.0"
    feedback: str  # where residents give feedback
    accessibility: Accessibility
    build_date: dt.date
    municipalities: tuple[Municipality, ...] = field(default=())
    assets: tuple[str, ...] = ()  # checked images and PDFs from content, by content path
    acknowledged: tuple[Acknowledgement, ...] = ()  # in site.yaml
    cms: Cms | None = None  # the browser editor, when site.yaml asks for it
    translations: tuple[Translation, ...] = ()  # the site's title and description in other languages


def _quick_pickling(cls: type) -> None:
    """Pickle a model class's fields as a tuple, restored without `dataclasses.fields()`.

    The model crosses processes and the read cache as pickles: read workers
    store each municipality, and the parent loads all 290 of them while the
    workers read on. The dataclass default looks its fields up again for every
    object; this is faster both ways (figure in bench/README.md, "What made the
    difference").
    """
    names = tuple(f.name for f in fields(cls))
    get = attrgetter(*names)
    setattr_ = object.__setattr__  # frozen: the same way its __init__ sets fields

    def __getstate__(self):
        return (get(self),) if len(names) == 1 else get(self)

    def __setstate__(self, state):
        for name, value in zip(names, state):
            setattr_(self, name, value)

    cls.__getstate__, cls.__setstate__ = __getstate__, __setstate__


for _cls in [c for c in list(globals().values()) if isinstance(c, type) and is_dataclass(c) and c.__module__ == __name__]:
    _quick_pickling(_cls)
