"""ipywidgets activities of "Le Web et les services en ligne / The web and online services", part
one: an address taken apart in colours, the real site or a look-alike, the parts of a web page,
and a page to build while its HTML source is written beside it.

The logic lives in `tremplin.web`; here it is only shown, with a word next to every colour.
Nothing is fetched: the page preview loads no picture and its link cannot be followed.
E-mail and sharing activities are in `tremplin.web_service_widgets`.
"""

from __future__ import annotations

import html
import re

import ipywidgets as w

from .apps.kit import TARGET, big_button
from .i18n import t
from .web import (
    TITLE_COLOURS,
    Address,
    AddressProblem,
    Page,
    compare_sites,
    page_preview,
    page_source,
    published_address,
    read_address,
)

# (border, background) of each part of an address; the part's name is always written too.
PART_COLOURS = {"protocol": ("#1b7a34", "#e6f2e9"), "user": ("#b00020", "#fbe3e6"),
                "before_site": ("#5f5f5f", "#eeeeee"), "site": ("#1f3b63", "#dce6f5"),
                "port": ("#5f5f5f", "#eeeeee"), "path": ("#6a3d9a", "#efe6f7"),
                "parameters": ("#8a4b00", "#fbeedd"), "fragment": ("#00676b", "#dff3f3")}
NUMBERS = "①②③④⑤⑥⑦⑧"
ANATOMY = ("title", "address", "heading", "text", "picture", "link", "style", "script")
STYLE = """<style>
.tremplin-web .widget-html-content { font-size: 1.1rem; line-height: 1.5; }
.tremplin-web input, .tremplin-web textarea { font-size: 1.1rem; }
.tremplin-address { font-family: monospace; font-size: 1.35rem; word-break: break-all; }
.tremplin-part { padding: 1px 3px; border-radius: 4px; border-bottom: 4px solid; }
.tremplin-sans { font-family: Arial, Helvetica, sans-serif; font-size: 1.25rem; }
.tremplin-sheet { border: 2px solid #1f3b63; border-radius: 8px; padding: 0.5rem 1rem;
  background: #fff; color: #111; }
.tremplin-source { background: #f4f4f4; color: #111; border: 1px solid #8a8a8a; padding: 0.5rem;
  font-family: monospace; font-size: 0.95rem; white-space: pre-wrap; word-break: break-all; }
.tremplin-tag { color: #1f3b63; font-weight: bold; }
.tremplin-link { color: #1a0dab; text-decoration: underline; cursor: help; }
.tremplin-picture { border: 2px dashed #6b6b6b; padding: 1rem; background: #f4f4f4; }
.tremplin-badge { display: inline-block; min-width: 1.6rem; text-align: center; color: #fff;
  background: #b34700; border-radius: 50%; font-weight: bold; margin-right: 4px; }
</style>"""


def activity(*children: w.Widget) -> w.VBox:
    box = w.VBox([w.HTML(STYLE), *children])
    box.add_class("tremplin-web")
    return box


def colon(lang: str) -> str:
    """French puts a space before a colon, English does not."""
    return " : " if lang == "fr" else ": "


def say(key: str, lang: str, **fields: object) -> str:
    """A catalogue text made safe for HTML (some name tags, such as <title>)."""
    return html.escape(t(key, lang, **fields))


# --- an address, part by part -------------------------------------------------------------------

def part_meaning(address: Address, part: str, lang: str) -> str:
    """What one part of this address means, in plain words."""
    if part == "protocol":
        kind = {"https://": "https", "http://": "http"}.get(address.protocol.lower(), "other")
        return say(f"web.part_protocol_{kind}", lang, protocol=address.protocol)
    if part == "path" and address.folders:
        return say("web.part_path", lang, folders=" › ".join(address.folders))
    if part == "path":
        return say("web.part_path_home", lang)
    if part == "parameters" and address.settings:
        return say("web.part_parameters", lang,
                   settings=" ; ".join(f"{name} = {value}" for name, value in address.settings))
    return say(f"web.part_{part}", lang)


def address_html(text: str, lang: str) -> str:
    """The address in coloured, numbered parts, what each part means, then what to look at."""
    try:
        address = read_address(text)
    except AddressProblem as problem:
        return f"<p>{say(f'web.problem_{problem.code}', lang)}</p>"
    coloured, legend = [], []
    for number, (part, piece) in zip(NUMBERS, address.parts(), strict=False):
        border, background = PART_COLOURS[part]
        coloured.append(f'<span class="tremplin-part" style="border-color:{border};'
                        f'background:{background}">{html.escape(piece)}</span>')
        meaning = part_meaning(address, part, lang)
        legend.append(f"<li><b>{number} {say(f'web.name_{part}', lang)}</b> "
                      f"<code>{html.escape(piece)}</code>{colon(lang)}{meaning}</li>")
    notes = [] if address.protocol else [f"<p>{say('web.no_protocol', lang)}</p>"]
    notes += [f"<p><b>{say(f'web.warning_{code}', lang)}</b></p>" for code in address.warnings]
    return (f'<p class="tremplin-address">{"".join(coloured)}</p>'
            f'<p style="font-size:1.3rem">{say("web.real_site", lang, site=address.site_name)}'
            f'</p><ul style="list-style:none;padding-left:0">{"".join(legend)}</ul>'
            + "".join(notes))


def address_inspector(lang: str, address: str) -> w.VBox:
    """Touch first: type an address and watch it fall apart into named, coloured parts."""
    box = w.Text(value=address, description=t("web.address_label", lang),
                 layout=w.Layout(width="95%", min_height="44px"))
    result = w.HTML()

    def show(_change: object = None) -> None:
        result.value = address_html(box.value, lang)

    box.observe(show, names="value")
    show()
    return activity(box, result)


def lookalike_quiz(lang: str, real_site: str, addresses: list[str]) -> w.VBox:
    """For each address: is it really the bank's site? The answer names the real site and why."""
    answers: dict[int, bool] = {}
    score = w.HTML()
    rows = []

    def count() -> None:
        score.value = "<p><b>" + say("web.quiz_score", lang, right=sum(answers.values()),
                                     total=len(addresses)) + "</b></p>"

    for index, text in enumerate(addresses):
        verdict = compare_sites(text, real_site)
        feedback = w.HTML()

        def answer(_button: w.Button, says_yes: bool, index: int = index, text: str = text,
                   verdict: str = verdict, feedback: w.HTML = feedback) -> None:
            answers[index] = says_yes == (verdict == "same")
            head = say("web.quiz_right" if answers[index] else "web.quiz_wrong", lang)
            feedback.value = (f'<p role="status"><b>{head}</b> '
                              + say("web.quiz_site", lang, site=read_address(text).site_name)
                              + f" {say(f'web.verdict_{verdict}', lang)}</p>")
            count()

        buttons = w.HBox([big_button(t("web.quiz_yes", lang), lambda b, a=answer: a(b, True)),
                          big_button(t("web.quiz_no", lang), lambda b, a=answer: a(b, False))],
                         layout=w.Layout(flex_flow="row wrap"))
        rows.append(w.VBox([w.HTML(f'<p class="tremplin-sans"><b>{index + 1}.</b> '
                                   f"{html.escape(text)}</p>"), buttons, feedback]))
    count()
    return activity(w.HTML(f"<p>{say('web.quiz_intro', lang, site=real_site)}</p>"), *rows, score)


# --- what a page is made of ---------------------------------------------------------------------

def page_anatomy(lang: str) -> w.HTML:
    """A browser window drawn in HTML, each part with a numbered badge, and the legend."""
    def badge(part: str) -> str:
        return f'<span class="tremplin-badge">{NUMBERS[ANATOMY.index(part)]}</span>'

    window = (
        '<div style="border:2px solid #5f5f5f;border-radius:8px;max-width:40rem;background:#fff;'
        'color:#111"><div style="background:#e3e3e3;padding:4px 8px">'
        f'{badge("title")}<span style="background:#fff;padding:2px 10px;border-radius:6px 6px 0 0">'
        f'{say("web.mock_tab", lang)}</span></div><div style="padding:4px 8px;'
        f'border-bottom:1px solid #aaa">{badge("address")}<span style="background:#f4f4f4;'
        f'padding:2px 8px;border-radius:12px;font-family:monospace">🔒 '
        f'{say("web.mock_address", lang)}</span></div><div style="padding:8px 14px">'
        f'<h3 style="color:darkgreen;margin:4px 0">{badge("heading")}{badge("style")}'
        f'{say("web.mock_heading", lang)}</h3><p>{badge("text")}{say("web.mock_text", lang)}</p>'
        f'<p class="tremplin-picture">{badge("picture")}🖼 {say("web.mock_picture", lang)}</p>'
        f'<p>{badge("link")}<span class="tremplin-link">{say("web.mock_link", lang)}</span></p>'
        f'<p>{badge("script")}<span style="border:2px solid #1f3b63;border-radius:6px;'
        f'padding:4px 10px;background:#e8eef7">{say("web.mock_button", lang)}</span></p>'
        "</div></div>")
    legend = "".join(f"<li>{badge(part)} {say(f'web.anatomy_{part}', lang)}</li>"
                     for part in ANATOMY)
    return w.HTML(STYLE + window + f'<ul style="list-style:none;padding-left:0">{legend}</ul>')


# --- build a page, see its source ---------------------------------------------------------------

def source_html(source: str) -> str:
    """The HTML source, escaped to be read rather than run, its tags in bold blue."""
    marked = re.sub(r"(&lt;/?[!a-zA-Z0-9]+)(.*?)(&gt;)",
                    r'<span class="tremplin-tag">\1</span>\2<span class="tremplin-tag">\3</span>',
                    html.escape(source))
    return f'<div class="tremplin-source">{marked}</div>'


def page_editor(lang: str) -> w.VBox:
    """Touch first: fill in boxes and watch the page and its HTML change side by side; then
    "publish" it (simulated: the page gets an address, nothing leaves the computer)."""
    def field(key: str, value: str = "", rows: int = 0) -> w.Text | w.Textarea:
        kind = w.Textarea if rows else w.Text
        box = kind(value=value, description=t(f"web.field_{key}", lang),
                   style={"description_width": "12rem"},
                   layout=w.Layout(width="95%", min_height=TARGET if rows else "40px"))
        if rows:
            box.rows = rows
        return box

    boxes = {"title": field("title", t("web.page_title", lang)),
             "paragraphs": field("paragraphs", t("web.page_text", lang), rows=3),
             "image_file": field("image_file", t("web.page_image", lang)),
             "image_description": field("image_description", t("web.page_description", lang)),
             "link_text": field("link_text", t("web.page_link_text", lang)),
             "link_address": field("link_address", t("web.page_link_address", lang))}
    colour = w.Dropdown(options=[(t("web.colour_default", lang), "")] + [
        (t(f"web.colour_{name}", lang), name) for name in TITLE_COLOURS],
        description=t("web.field_colour", lang), style={"description_width": "12rem"})
    view, source, published = w.HTML(), w.HTML(), w.HTML()

    def page() -> Page:
        values = {key: box.value for key, box in boxes.items()}
        return Page(**{**values, "paragraphs": tuple(values["paragraphs"].splitlines())},
                    colour=colour.value)

    def show(_change: object = None) -> None:
        current = page()
        label = t("web.picture_missing", lang, file=current.image_file.strip())
        view.value = (f"<h4>{say('web.view_page', lang)}</h4><div class='tremplin-sheet'>"
                      f"{page_preview(current, label)}</div>")
        source.value = (f"<h4>{say('web.view_source', lang)}</h4>"
                        + source_html(page_source(current, lang)))
        published.value = ""

    def publish(_button: object = None) -> None:
        address = published_address(page(), t("web.publish_host", lang))
        published.value = (f'<p role="status"><b>{say("web.published", lang)}</b><br>'
                           f'<span class="tremplin-address">{html.escape(address)}</span></p>'
                           f"<p>{say('web.publish_note', lang)}</p>")

    for box in (*boxes.values(), colour):
        box.observe(show, names="value")
    show()
    sides = w.HBox([w.Box([view], layout=w.Layout(width="48%", min_width="18rem", margin="4px")),
                    w.Box([source], layout=w.Layout(width="48%", min_width="18rem", margin="4px"))],
                   layout=w.Layout(flex_flow="row wrap"))
    return activity(*boxes.values(), colour, sides, big_button(t("web.publish", lang), publish),
                    published)
