"""The web of module 07, as plain data: a web address taken apart into parts a learner can name,
the real site name told apart from look-alikes, and a tiny web page built as safe HTML.

Standard library only (`urllib.parse`, `html`), so a later edition can run it in the browser.
The sites named in the kit end in `.example`, a name kept for examples (RFC 2606): nothing here
fetches or publishes anything, and the page preview never loads a picture or follows a link.
E-mail and shared documents live in `tremplin.web_services`.
"""

from __future__ import annotations

import html
import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

# Endings made of two parts: in "impots.gouv.fr" the site is "impots.gouv.fr", not "gouv.fr".
# A few common ones only: the full list (the Public Suffix List) has thousands.
TWO_PART_ENDINGS = frozenset({"gouv.fr", "co.uk", "org.uk", "gov.uk", "ac.uk", "com.au"})
# Endings seen before the real name ("bank.example.pay-here.example"): a site name in disguise.
KNOWN_ENDINGS = frozenset({"fr", "com", "net", "org", "example", "eu", "info", "be", "ch", "ca",
                           "uk", "de", "gouv"})
# The order of the parts, left to right, as the address inspector colours them.
PARTS = ("protocol", "user", "before_site", "site", "port", "path", "parameters", "fragment")
# Colours a learner may give the page's title: CSS names, so the source reads as plain words.
TITLE_COLOURS = ("black", "darkblue", "darkgreen", "darkred", "purple")


class AddressProblem(ValueError):
    """What keeps a text from being read as a web address; `code` names it (web.problem_<code>)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Address:
    """A web address cut into its parts, each exactly as typed, so that they join back into it."""

    protocol: str  # "https://", or "" when none was typed (the browser then adds one)
    user: str  # "name@" written before the site: a trick, the browser goes to what follows
    before_site: str  # "www." or "connexion.": chosen freely by whoever owns the site
    site: str  # "meteo.example": the real site name, rented by its owner
    port: str  # ":8080", rare: the door of the server
    path: str  # "/paris/demain": the page inside the site, like folders
    parameters: str  # "?jour=lundi": details given to the page, such as a searched word
    fragment: str  # "#vent": a place inside the page

    @property
    def text(self) -> str:
        return "".join(self.parts_text())

    def parts_text(self) -> tuple[str, ...]:
        return tuple(getattr(self, name) for name in PARTS)

    def parts(self) -> list[tuple[str, str]]:
        """(part, text) for every part present, left to right."""
        return [(name, text) for name, text in zip(PARTS, self.parts_text(), strict=True) if text]

    @property
    def site_name(self) -> str:
        """The site name as the browser reads it: no capitals, no final dot."""
        return self.site.lower().rstrip(".")

    @property
    def padlock(self) -> bool:
        """https: what travels is locked (encrypted). It says nothing about who runs the site."""
        return self.protocol.lower() == "https://"

    @property
    def folders(self) -> tuple[str, ...]:
        """The steps of the path, decoded: "/mes%20photos/ete" gives ("mes photos", "ete")."""
        return tuple(unquote(step) for step in self.path.split("/") if step)

    @property
    def settings(self) -> tuple[tuple[str, str], ...]:
        """The parameters as (name, value) pairs: "?q=un+mot" gives ("q", "un mot")."""
        return tuple(parse_qsl(self.parameters.removeprefix("?"), keep_blank_values=True))

    @property
    def warnings(self) -> tuple[str, ...]:
        """What deserves a second look (web.warning_<code>), in the order a learner reads them."""
        found = []
        if self.protocol.lower() == "http://":
            found.append("no_padlock")
        if self.user:
            found.append("user_trick")
        if is_number(self.site_name):
            found.append("number")
        if any(label in KNOWN_ENDINGS for label in self.before_site.lower().split(".")):
            found.append("disguise")
        return tuple(found)


def is_number(host: str) -> bool:
    """A site written as an IP address (198.51.100.20) rather than a name."""
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def site_of(host: str) -> str:
    """The registered name at the end of a host: "www.meteo.example" gives "meteo.example".

    It is the last two parts before the first single "/" (three after an ending such as
    "gouv.fr"): only the owner of that name can put a page there.
    """
    name = host.lower().rstrip(".")
    if is_number(name):
        return name
    labels = name.split(".")
    keep = 3 if len(labels) >= 3 and ".".join(labels[-2:]) in TWO_PART_ENDINGS else 2
    return ".".join(labels[-keep:])


def read_address(text: str) -> Address:
    """Cut a typed address into its parts. Raises AddressProblem (code "empty", "space",
    "unreadable" or "no_site") when it cannot be an address."""
    typed = text.strip()
    if not typed:
        raise AddressProblem("empty")
    if any(ch.isspace() for ch in typed):
        raise AddressProblem("space")
    protocol = typed[: typed.index("://") + 3] if "://" in typed else ""
    try:
        netloc = urlsplit(typed if protocol else "//" + typed).netloc
    except ValueError as exc:  # a lone "[" and such: not an address
        raise AddressProblem("unreadable") from exc
    rest = typed[len(protocol):]
    if not rest.startswith(netloc):  # urlsplit read it another way (odd characters)
        raise AddressProblem("unreadable")
    rest = rest[len(netloc):]
    user, at, host = netloc.rpartition("@")
    host, colon, port = host.rpartition(":") if re.search(r":\d+$", host) else (host, "", "")
    if not host.strip("."):
        raise AddressProblem("no_site")
    cut = len(host.rstrip(".")) - len(site_of(host))
    before_hash, hash_, fragment = rest.partition("#")
    path, question, parameters = before_hash.partition("?")
    return Address(protocol, user + at, host[:cut], host[cut:], colon + port, path,
                   question + parameters, hash_ + fragment)


def site_name(text: str) -> str:
    """The real site name of a typed address, ready to compare with the one you trust."""
    return read_address(text).site_name


def distance(a: str, b: str) -> int:
    """How many letters to add, remove or change to go from a to b (Levenshtein)."""
    previous = list(range(len(b) + 1))
    for i, letter in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (letter != other)))
        previous = current
    return previous[-1]


def compare_sites(text: str, real_site: str) -> str:
    """Is this address on `real_site`? "same"; "look_alike" (a letter or two changed:
    l and I, o and 0); "borrowed" (the real name is written in it, but elsewhere); or "other"."""
    address, real = read_address(text), real_site.lower()
    if address.site_name == real:
        return "same"
    if distance(address.site_name, real) <= 2:
        return "look_alike"
    name = real.split(".")[0]
    if name in address.text.lower():
        return "borrowed"
    return "other"


# --- a tiny web page ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Page:
    """What a learner types to make a page; `page_source` turns it into HTML."""

    title: str
    paragraphs: tuple[str, ...] = ()
    link_text: str = ""
    link_address: str = ""
    image_file: str = ""
    image_description: str = ""
    colour: str = ""  # one of TITLE_COLOURS, or "" for the browser's own

    def __post_init__(self) -> None:
        if self.colour and self.colour not in TITLE_COLOURS:
            raise ValueError(f"colour must be one of {', '.join(TITLE_COLOURS)}")


def _escape(text: str) -> str:
    """Text made safe for HTML: a "<" typed by the learner shows as "<", it never opens a tag."""
    return html.escape(text.strip(), quote=True)


def page_source(page: Page, lang: str) -> str:
    """The page as a whole HTML file, two spaces per level, as a learner would write it."""
    head = ['    <meta charset="utf-8">', f"    <title>{_escape(page.title)}</title>"]
    if page.colour:
        head.append(f"    <style>h1 {{ color: {page.colour}; }}</style>")
    body = [f"    <h1>{_escape(page.title)}</h1>"]
    body += [f"    <p>{_escape(text)}</p>" for text in page.paragraphs if text.strip()]
    if page.image_file.strip():
        body.append(f'    <img src="{_escape(page.image_file)}" '
                    f'alt="{_escape(page.image_description)}">')
    if page.link_address.strip():
        text = _escape(page.link_text) or _escape(page.link_address)
        body.append(f'    <p><a href="{_escape(page.link_address)}">{text}</a></p>')
    return "\n".join(["<!DOCTYPE html>", f'<html lang="{lang}">', "  <head>", *head, "  </head>",
                      "  <body>", *body, "  </body>", "</html>"])


def page_preview(page: Page, picture_label: str) -> str:
    """The page as a browser would show it, safe inside a notebook: the title's colour is written
    on the title itself (a <style> would colour the whole notebook), the picture is a frame
    holding its description (nothing is loaded) and the link cannot be followed."""
    colour = f' style="color:{page.colour}"' if page.colour else ""
    out = [f"<h1{colour}>{_escape(page.title)}</h1>"]
    out += [f"<p>{_escape(text)}</p>" for text in page.paragraphs if text.strip()]
    if page.image_file.strip():
        out.append(f'<p class="tremplin-picture" role="img" aria-label='
                   f'"{_escape(page.image_description)}">🖼 {_escape(picture_label)} '
                   f"<i>{_escape(page.image_description)}</i></p>")
    if page.link_address.strip():
        text = _escape(page.link_text) or _escape(page.link_address)
        out.append(f'<p><span class="tremplin-link" title="{_escape(page.link_address)}">'
                   f"{text}</span></p>")
    return "".join(out)


def slug(title: str) -> str:
    """The last part of a published page's address: "Atelier tricot !" gives "atelier-tricot"."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-") or "page"


def published_address(page: Page, host: str) -> str:
    """Where the page would be read once copied onto the server `host` (simulated)."""
    return f"https://{host}/{slug(page.title)}/"
