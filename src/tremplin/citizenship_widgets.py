"""What a learner touches in « Citoyenneté, droit et civilité / Citizenship, law and civility ».

A message tone checker, licence cards answering "may I reuse this image?", a "what to do if…"
harassment scenario with kind feedback, a weekly screen-time chart and a footprint chart. The
logic lives in `civility` and `licences` (standard library only); this file turns their codes
into French or English sentences (catalogue `messages-citizenship.yaml`) and widgets.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as w
import matplotlib.pyplot as plt
from IPython.display import display

from .apps.kit import TARGET
from .apps.kit import status as _status
from .civility import (
    SCREEN_USES,
    Advice,
    calmer,
    car_km,
    check_message,
    phone_kg_a_year,
    stored_copies,
    waking_days_a_year,
    weekly_hours,
    yearly_kg,
)
from .i18n import t
from .licences import CARDS, LICENCES, Licence, credit_line, decide

GOOD, BAD, INK = "#1b7a34", "#b00020", "#1f3b63"
STARTING_HOURS = {"video": 1.5, "social": 1.0, "games": 0.5, "calls": 0.5, "other": 1.0}
# The harassment scenario: (step, choices, the choices that are good advice).
SCENARIO: tuple[tuple[str, tuple[str, ...], frozenset[str]], ...] = (
    ("first", ("reply", "evidence", "delete", "hide"), frozenset({"evidence"})),
    ("next", ("block", "quit", "forward"), frozenset({"block"})),
    ("talk", ("nobody", "adult", "helpline"), frozenset({"adult", "helpline"})),
    ("witness", ("like", "support", "nothing"), frozenset({"support"})),
)
STYLE = """<style>
.tremplin-activity .widget-html-content { font-size: 1.1rem; line-height: 1.5; }
.tremplin-activity textarea { font-size: 1.2rem; min-height: 6rem; }
.tremplin-activity .jupyter-button { font-size: 1.05rem; }
.tremplin-card { border: 2px solid #1f3b63; border-radius: 8px; padding: 0.4rem;
  width: 13rem; margin: 4px; justify-content: space-between; }
.tremplin-card.tremplin-chosen { border: 5px solid #1b7a34; background: #e6f2e9; }
.tremplin-choice.jupyter-button { white-space: normal; height: auto; min-height: 48px;
  text-align: left; font-size: 1.05rem; margin: 2px 0; }
</style>"""


def number(value: float, lang: str) -> str:
    """1 643 or 1,643; 4,5 or 4.5: numbers written as each language writes them."""
    text = f"{value:,.1f}".removesuffix(".0")
    return text.replace(",", "\u202f").replace(".", ",") if lang == "fr" else text


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines)




# --- netiquette -------------------------------------------------------------------------------

def advice_text(advice: Advice, lang: str) -> str:
    """One kind, practical suggestion for one thing the checker noticed."""
    words = ", ".join(f"« {word} »" if lang == "fr" else f"“{word}”" for word in advice.words)
    return t(f"citizenship.tone.{advice.code}", lang, words=words, count=advice.count)


def tone_html(text: str, recipients: int, lang: str) -> str:
    """What the tone checker says about a message: suggestions, then a calmer version."""
    if not text.strip():
        return _status(_paragraphs([t("citizenship.tone.empty", lang)]))
    found = check_message(text, recipients)
    if not found:
        calm = html.escape(t("citizenship.tone.calm", lang))
        return _status(f'<p style="color:{GOOD}"><b>✔ {calm}</b></p>')
    items = "".join(f"<li>{html.escape(advice_text(a, lang))}</li>" for a in found)
    out = f"<p><b>{html.escape(t('citizenship.tone.before', lang))}</b></p><ul>{items}</ul>"
    if (softer := calmer(text)) != text:
        out += (f"<p><b>{html.escape(t('citizenship.tone.softer', lang))}</b></p>"
                f'<blockquote style="border-left:4px solid {GOOD};padding-left:0.6rem">'
                f"{html.escape(softer)}</blockquote>")
    return _status(out)


def tone_checker(lang: str, text: str | None = None, recipients: int = 1) -> w.VBox:
    """Module activity: type a message, say how many people will get it, read the suggestions."""
    box = w.Textarea(value=t("citizenship.tone.example", lang) if text is None else text,
                     description=t("citizenship.tone.label", lang),
                     style={"description_width": "initial"},
                     layout=w.Layout(width="min(100%, 40rem)"))
    people = w.BoundedIntText(value=recipients, min=1, max=500,
                              description=t("citizenship.tone.recipients", lang),
                              style={"description_width": "initial"},
                              layout=w.Layout(width="22rem", min_height="44px"))
    result = w.HTML()

    def update(_change: object = None) -> None:
        result.value = tone_html(box.value, people.value, lang)

    box.observe(update, names="value")
    people.observe(update, names="value")
    update()
    activity = w.VBox([w.HTML(STYLE), box, people, result])
    activity.add_class("tremplin-activity")
    return activity


# --- may I reuse this image? ------------------------------------------------------------------

def card_html(licence: Licence, lang: str) -> str:
    """A licence card: its code, its name and what it says, in plain words."""
    key = licence.id.replace("-", "_")
    name = html.escape(t(f"citizenship.card_name.{key}", lang))
    says = html.escape(t(f"citizenship.card.{key}", lang))
    return (f'<div style="font-size:1.5rem;font-weight:bold;color:{INK}">{licence.label}</div>'
            f"<div><i>{name}</i></div><div>{says}</div>")


def decision_html(licence: Licence, modify: bool, commercial: bool, author: str,
                  lang: str) -> str:
    """Yes or no, every reason, and the credit line to copy when the use is allowed."""
    decision = decide(licence, modify=modify, commercial=commercial)
    colour, word = (GOOD, "yes") if decision.allowed else (BAD, "no")
    lines = [t(f"citizenship.reason.{code}", lang) for code in decision.reasons]
    lines += [t(f"citizenship.condition.{code}", lang) for code in decision.conditions]
    out = (f'<p style="font-size:1.4rem;color:{colour}"><b>'
           f"{html.escape(t(f'citizenship.verdict.{word}', lang))}</b></p>" + _paragraphs(lines))
    if decision.allowed:
        line = credit_line(author or t("citizenship.image.someone", lang), licence, lang=lang)
        key = "credit_polite" if not licence.credit else "credit_line"
        out += (f"<p>{html.escape(t(f'citizenship.image.{key}', lang))}</p>"
                f'<p style="font-family:monospace;font-size:1.2rem">{html.escape(line)}</p>')
    else:
        out += _paragraphs([t("citizenship.image.ask", lang)])
    return _status(out)


def image_reuse(lang: str) -> w.VBox:
    """Module activity: pick the licence written under an image, say what you want to do with
    it, and read whether you may, why, and how to credit the author."""
    chosen = {"licence": LICENCES["copyright"]}
    result = w.HTML()
    modify = w.ToggleButton(description=t("citizenship.image.modify", lang),
                            layout=w.Layout(min_height=TARGET, width="auto"))
    commercial = w.ToggleButton(description=t("citizenship.image.commercial", lang),
                                layout=w.Layout(min_height=TARGET, width="auto"))
    author = w.Text(value="Marie Dupont", description=t("citizenship.image.author", lang),
                    style={"description_width": "initial"}, layout=w.Layout(min_height="44px"))
    picked = w.HTML()
    cards = []

    def update(_change: object = None) -> None:
        licence = chosen["licence"]
        for card, licence_id in zip(cards, CARDS, strict=True):
            if licence_id == licence.id:
                card.add_class("tremplin-chosen")
            else:
                card.remove_class("tremplin-chosen")
        said = html.escape(t("citizenship.image.picked", lang, label=licence.label))
        picked.value = f"<p><b>{said}</b></p>"
        result.value = decision_html(licence, modify.value, commercial.value, author.value, lang)

    for licence_id in CARDS:
        licence = LICENCES[licence_id]
        button = w.Button(description=t("citizenship.image.choose", lang, label=licence.label),
                          layout=w.Layout(min_height=TARGET, width="100%"))

        def pick(_button: w.Button, licence: Licence = licence) -> None:
            chosen["licence"] = licence
            update()

        button.on_click(pick)
        card = w.VBox([w.HTML(card_html(licence, lang)), button])
        card.add_class("tremplin-card")
        cards.append(card)
    modify.add_class("tremplin-big")
    commercial.add_class("tremplin-big")
    for widget in (modify, commercial, author):
        widget.observe(update, names="value")
    update()
    activity = w.VBox([w.HTML(STYLE), w.HTML(_paragraphs([t("citizenship.image.intro", lang)])),
                       w.HBox(cards, layout=w.Layout(flex_flow="row wrap")),
                       w.HBox([modify, commercial], layout=w.Layout(flex_flow="row wrap")),
                       author, picked, result])
    activity.add_class("tremplin-activity")
    return activity


# --- what to do if… (harassment) -------------------------------------------------------------

def scenario_step(step: str, choices: tuple[str, ...], good: frozenset[str], lang: str,
                  on_good: Any = None) -> w.VBox:
    """One step of the scenario: a question, choices as large buttons, and kind feedback.
    A good choice calls `on_good` once, which shows the next step."""
    feedback = w.HTML()
    done = {"shown": False}
    buttons = []
    for choice in choices:
        button = w.Button(description=t(f"citizenship.scenario.{step}.{choice}", lang),
                          layout=w.Layout(width="100%", min_height=TARGET))
        button.add_class("tremplin-choice")

        def pick(button: w.Button, choice: str = choice) -> None:
            right = choice in good
            button.style.button_color = "#e6f2e9" if right else "#fde7c8"
            mark, colour = ("✔", GOOD) if right else ("➜", "#7a4a00")
            why = html.escape(t(f"citizenship.scenario.{step}.{choice}_why", lang))
            feedback.value = _status(f'<p><b style="color:{colour}">{mark}</b> {why}</p>')
            if right and on_good and not done["shown"]:
                done["shown"] = True
                on_good()

        button.on_click(pick)
        buttons.append(button)
    question = t(f"citizenship.scenario.{step}.question", lang)
    return w.VBox([w.HTML(f"<p><b>{html.escape(question)}</b></p>"), *buttons, feedback])


def harassment_scenario(lang: str) -> w.VBox:
    """Module activity: "what to do if…", step by step. Every choice gets a calm answer;
    a good one opens the next step, and the end recalls the help to call."""
    shown = w.VBox()
    ending = w.HTML(_status(f"<p><b>{html.escape(t('citizenship.scenario.end', lang))}</b></p>"))

    def reveal(index: int) -> None:
        if index == len(SCENARIO):
            shown.children = (*shown.children, ending)
            return
        step, choices, good = SCENARIO[index]
        shown.children = (*shown.children, scenario_step(
            step, choices, good, lang, on_good=lambda: reveal(index + 1)))

    reveal(0)
    intro = w.HTML(_paragraphs([t("citizenship.scenario.intro", lang)]))
    activity = w.VBox([w.HTML(STYLE), intro, shown])
    activity.add_class("tremplin-activity")
    return activity


# --- screen time and footprint -----------------------------------------------------------------

def screen_time_chart(daily: Mapping[str, float], lang: str) -> Any:
    """Hours a week for each use, as horizontal bars, the total in the title."""
    week = weekly_hours(daily)
    uses = [use for use in SCREEN_USES if use in week]
    fig, ax = plt.subplots(figsize=(7, 3.6))
    bars = ax.barh([t(f"citizenship.use.{use}", lang) for use in uses],
                   [week[use] for use in uses], color="#1f5fa8")
    ax.bar_label(bars, labels=[number(week[use], lang) for use in uses], padding=4)
    ax.invert_yaxis()
    ax.set_xlim(0, max([*week.values(), 7]) * 1.2)
    ax.set_xlabel(t("citizenship.screen.x", lang))
    ax.set_title(t("citizenship.screen.title", lang, total=number(sum(week.values()), lang)))
    fig.tight_layout()
    return fig


def screen_time_lines(daily: Mapping[str, float], lang: str) -> list[str]:
    """The day, the week and the year, said in hours and in days awake."""
    per_day = sum(daily.values())
    return [t("citizenship.screen.day", lang, hours=number(per_day, lang)),
            t("citizenship.screen.year", lang, hours=number(round(per_day * 365), lang),
              days=waking_days_a_year(per_day))]


def screen_time_explorer(lang: str, daily: Mapping[str, float] | None = None) -> w.VBox:
    """Module activity: one slider per use (hours a day); the week's chart follows."""
    start = dict(STARTING_HOURS if daily is None else daily)
    sliders = {use: w.FloatSlider(value=start.get(use, 0), min=0, max=8, step=0.5,
                                  readout_format=".1f",
                                  description=t(f"citizenship.use.{use}", lang),
                                  style={"description_width": "14rem"},
                                  layout=w.Layout(width="min(100%, 36rem)", min_height="44px"))
               for use in SCREEN_USES}
    picture, status = w.Output(), w.HTML()

    def update(_change: object = None) -> None:
        hours = {use: slider.value for use, slider in sliders.items()}
        status.value = _status(_paragraphs(screen_time_lines(hours, lang)))
        picture.clear_output(wait=True)
        with picture:
            fig = screen_time_chart(hours, lang)
            display(fig)
            plt.close(fig)

    for slider in sliders.values():
        slider.observe(update, names="value")
    update()
    activity = w.VBox([w.HTML(STYLE), *sliders.values(), picture, status])
    activity.add_class("tremplin-activity")
    return activity


def footprint_chart(lang: str, video_hours: float = 1, call_hours: float = 1, emails: int = 20,
                    years_kept: int = 2) -> Any:
    """kg CO2e in a year for daily habits and for a phone, each with its car equivalent:
    making the phone outweighs the e-mails by far, and keeping it longer helps most."""
    rows = [(t("citizenship.footprint.video", lang, hours=number(video_hours, lang)),
             yearly_kg("video", video_hours)),
            (t("citizenship.footprint.calls", lang, hours=number(call_hours, lang)),
             yearly_kg("calls", call_hours)),
            (t("citizenship.footprint.email", lang, count=emails), yearly_kg("email", emails)),
            (t("citizenship.footprint.phone", lang, years=years_kept), phone_kg_a_year(years_kept)),
            (t("citizenship.footprint.phone", lang, years=years_kept + 2),
             phone_kg_a_year(years_kept + 2))]
    fig, ax = plt.subplots(figsize=(7.5, 3.8))
    colours = ["#1f5fa8", "#1f5fa8", "#1f5fa8", "#b34700", GOOD]
    bars = ax.barh([label for label, _ in rows], [kg for _, kg in rows], color=colours)
    ax.bar_label(bars, padding=4, labels=[t("citizenship.footprint.value", lang, km=car_km(kg),
                 kg=number(round(kg) if kg >= 10 else round(kg, 1), lang)) for _, kg in rows])
    ax.invert_yaxis()
    ax.set_xlim(0, max(kg for _, kg in rows) * 1.6)
    ax.set_xlabel(t("citizenship.footprint.x", lang))
    ax.set_title(t("citizenship.footprint.title", lang))
    fig.text(0.01, 0.01, t("citizenship.footprint.source", lang), fontsize=8, color="#444")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def show_attachment(size_mb: float, recipients: int, lang: str) -> None:
    """Sending a file to many people against sharing one link: copies kept on servers."""
    for link in (False, True):
        copies = stored_copies(recipients, link=link)
        print(t(f"citizenship.attachment.{'link' if link else 'send'}", lang,
                size=number(size_mb, lang), recipients=recipients, copies=copies,
                total=number(size_mb * copies, lang)))
