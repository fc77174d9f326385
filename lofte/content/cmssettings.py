"""The `cms:` block of site.yaml: where the browser editor at /admin/ saves.

Communicators edit through Decap CMS (outputs/admin.py); each save is a commit
to a git host. What each host needs differs (GitHub logs in through an OAuth
proxy the municipality runs, GitLab through PKCE with an application id), so
this module says in Swedish what is missing for the host chosen, like every
other field (docs/innehall.md, section 5; docs/publicera.md).
"""
from __future__ import annotations

import re

from .fields import Fields
from .model import Cms

BACKENDS = ("github", "gitlab", "local")
# GitHub: owner/name; GitLab also groups and subgroups: group/sub/name.
REPO_RE = {"github": re.compile(r"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$"),
           "gitlab": re.compile(r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+$")}
BRANCH_RE = re.compile(r"^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$")
FOLDER_RE = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$")
APP_ID_RE = re.compile(r"^[A-Za-z0-9]+$")
ENDPOINT_RE = re.compile(r"^[A-Za-z0-9._~/-]+$")
# Logging in sends a password-equivalent token: only https, or this computer while testing.
SECURE_URL_RE = re.compile(r"^(https://[^\s/?#]+|http://(localhost|127\.0\.0\.1)(:\d+)?)(/[^\s?#]*)?$")


def _url(f: Fields, key: str, required: bool, what: str) -> str:
    value = f.str(key, required, max_len=500)
    if value and not SECURE_URL_RE.match(value):
        f.error(key, f"'{value}' är ingen säker adress till {what}: den ska börja med https://")
        return ""
    return value.rstrip("/")


def _missing(f: Fields, key: str, why: str) -> None:
    state = "saknas" if key not in f.data else "är tomt"
    f.errors.add(f.path, f.line(key), f.name(key), f"{state}: {why}; se docs/publicera.md, "
                 "avsnittet Redigera i webbläsaren")


def read(f: Fields | None) -> Cms | None:
    """The editor's settings, or None when site.yaml has no `cms:` (no /admin/ is built)."""
    if f is None:
        return None
    backend = f.choice("backend", BACKENDS, True, None, "ett ställe att spara på (github, gitlab eller local)")
    hosted = backend in ("github", "gitlab")
    repo = f.str("repo", max_len=200)
    if hosted and not repo:
        _missing(f, "repo", "skriv förrådet som innehållet ligger i, t.ex. sala-kommun/medborgarloften")
    if repo and hosted and not REPO_RE[backend].match(repo):
        example = "sala-kommun/medborgarloften"
        f.error("repo", f"'{repo}' är inget förråd på {backend}: skriv ägare/namn, t.ex. {example}")
    branch = f.str("branch", max_len=200) or "main"
    if not BRANCH_RE.match(branch):
        f.error("branch", f"'{branch}' är inget giltigt grennamn; skriv t.ex. main")
    folder = (f.str("content_folder", max_len=200) or "content").strip("/")
    if not FOLDER_RE.match(folder) or ".." in folder.split("/"):
        f.error("content_folder", f"'{folder}' ska vara mappen med innehållet, räknat från förrådets rot, "
                "t.ex. content")
    base_url = _url(f, "base_url", False,
                    "inloggningstjänsten (OAuth-proxyn)" if backend == "github" else "GitLab-servern")
    if backend == "github" and not f.data.get("base_url"):
        _missing(f, "base_url", "GitHub kräver en inloggningstjänst (OAuth-proxy); skriv dess adress")
    endpoint = f.str("auth_endpoint", max_len=200).strip("/")
    if endpoint and not ENDPOINT_RE.match(endpoint):
        f.error("auth_endpoint", f"'{endpoint}' ska vara en sökväg på inloggningstjänsten, t.ex. auth")
    app_id = f.str("app_id", max_len=200)
    if backend == "gitlab" and not app_id:
        _missing(f, "app_id", "GitLab kräver Application ID för programmet som får logga in (PKCE)")
    elif app_id and backend != "gitlab":
        f.error("app_id", "används bara med backend: gitlab; ta bort raden")
    elif app_id and not APP_ID_RE.match(app_id):
        f.error("app_id", "ska vara programmets Application ID från GitLab (bokstäver och siffror)")
    cms = Cms(backend=backend or "local", repo=repo, branch=branch, content_folder=folder, base_url=base_url,
              auth_endpoint=endpoint, app_id=app_id, api_root=_url(f, "api_root", False, "git-tjänstens API"))
    f.finish()
    return cms
