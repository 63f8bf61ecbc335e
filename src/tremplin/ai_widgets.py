"""ipywidgets activities of « L'IA au quotidien / AI in everyday life »: teach, watch, then name.

Place a new fruit with two sliders and see which neighbours decide; type a message and see the
guess and the words that pushed it, then teach the model with a button and watch the guess
change; read a test's results and its confusion table; give the model more fruit from the rare
orchard and watch that group's success climb. The models live in `tiny_ai`, the drawings in
`ai_pictures`; here they are only wired up. Nothing typed is stored or sent anywhere.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as w
from matplotlib.figure import Figure

from .ai_pictures import draw_fruit_map, draw_group_success, fruit_groups, fruit_regions
from .apps.kit import big_button, status
from .i18n import t
from .tables import format_number
from .tiny_ai import (
    NORMAL,
    SPAM,
    Message,
    WordModel,
    accuracy,
    bias_experiment,
    confusion,
    load_fruits,
    load_messages,
    train_neighbours,
    train_words,
)

DPI = 100
MAP_SIZE, BIAS_SIZE = (6.5, 5.2), (10.5, 4.6)  # inches, as matplotlib counts
WIDE = {"description_width": "9rem"}
CELL = "border:1px solid #1f3b63;padding:0.3rem 0.7rem;"
LABEL_COLOURS = {SPAM: "#fde7c8", NORMAL: "#e6f2e9"}
# Large type and targets inside the activities' boxes (class tremplin-ai): the apps' stylesheet
# is not loaded in a module, so the big buttons get their look here.
_STYLE = w.HTML(
    "<style>.tremplin-ai .widget-html-content {font-size: 1.1rem; line-height: 1.5}"
    " .tremplin-ai input[type=text] {min-height: 48px; font-size: 1.2rem !important}"
    " .tremplin-ai .widget-label {font-size: 1.1rem}"
    " .tremplin-ai .tremplin-big.jupyter-button {font-size: 1.2rem; padding: 0 1rem;"
    " color: #111; background: #e8eef7; border: 2px solid #1f3b63; border-radius: 8px}"
    " .tremplin-ai .tremplin-big:focus-visible {outline: 4px solid #d14900;"
    " outline-offset: 2px}</style>")


def button(description: str, on_click: Callable[[w.Button], None], icon: str = "") -> w.Button:
    """A big button as wide as its words (a fixed width would cut a long label off), with an
    icon of the font JupyterLab ships (an emoji may show as an empty box on some computers)."""
    made = big_button(description, on_click)
    made.layout.width = "auto"
    made.icon = icon
    return made


def say(box: w.HTML, text: str) -> None:
    """Write in a box that screen readers read again whenever it changes (`text` is HTML)."""
    box.value = status(text)


def activity_box(*children: w.Widget) -> w.VBox:
    """The box of an activity; its first child is the style that makes texts and targets large."""
    box = w.VBox([_STYLE, *children])
    box.add_class("tremplin-ai")
    return box


def _png(draw: Callable[[Figure], None], size: tuple[float, float]) -> bytes:
    """Draw on a Figure that pyplot never sees (no second copy under the cell); return a PNG."""
    fig = Figure(figsize=size)
    draw(fig)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _picture(size: tuple[float, float]) -> w.Image:
    """An image shown at its own size (a chart blown up to the page width looks blurred)."""
    return w.Image(format="png", width=str(round(size[0] * DPI)),
                   layout=w.Layout(max_width="100%"))


def percent(share: float, lang: str) -> str:
    """A share from 0 to 1 said as people say it: "85 %" in French, "85%" in English."""
    return t("ai.percent", lang, value=round(share * 100))


def _slider(label: str, short: str, value: float, low: float, high: float) -> list[w.Widget]:
    """A slider named twice: its `description` beside it and a sentence above it, since screen
    readers do not link a slider's description to its handle."""
    slider = w.FloatSlider(value=value, min=low, max=high, step=0.1, description=short,
                           continuous_update=False, readout_format=".1f", style=WIDE,
                           layout=w.Layout(width="34rem"))
    return [w.HTML(f"<b>{html.escape(label)}</b>"), slider]


# --- 1. a new fruit, placed with two sliders ------------------------------------------------------

def fruit_explorer(lang: str, width: float = 7.6, height: float = 7.0) -> w.VBox:
    """Module activity: place a new fruit; the model names it from its three nearest neighbours."""
    model = train_neighbours(bias_experiment(load_fruits(lang)).training)
    width_label, width_slider = _slider(t("ai.fruit_width_label", lang), t("ai.fruit_width", lang),
                                        width, 4.0, 9.0)
    height_label, height_slider = _slider(t("ai.fruit_height_label", lang),
                                          t("ai.fruit_height", lang), height, 4.5, 11.5)
    status, picture = w.HTML(), _picture(MAP_SIZE)
    regions = fruit_regions(model, lang)  # the model never changes here: one map for all moves

    def refresh(_change: Any = None) -> None:
        point = (width_slider.value, height_slider.value)
        neighbours = ", ".join(fruit.label for fruit in model.nearest(*point))
        say(status, t("ai.fruit_guess", lang, width=format_number(point[0], lang, 1),
                       height=format_number(point[1], lang, 1),
                       guess=html.escape(model.predict(*point)), neighbours=neighbours))
        picture.value = _png(lambda fig: draw_fruit_map(fig.add_subplot(), model, lang, point,
                                                        regions=regions), MAP_SIZE)

    for slider in (width_slider, height_slider):
        slider.observe(refresh, names="value")
    refresh()
    return activity_box(width_label, width_slider, height_label, height_slider, status, picture)


# --- 2. messages: guess, the words that pushed, and teaching by example ---------------------------

def guess_html(model: WordModel, text: str, lang: str) -> str:
    """The model's guess for `text`, how sure it is, and the words that pushed it, as HTML."""
    if not text.strip():
        return f"<p>{html.escape(t('ai.lab.empty', lang))}</p>"
    guess, sure = model.predict(text), max(model.probabilities(text).values())
    how_sure = (t("ai.lab.sure_max", lang) if sure >= 0.995
                else t("ai.lab.sure", lang, percent=percent(sure, lang)))
    badge = (f'<span style="background:{LABEL_COLOURS[guess]};border:2px solid #1f3b63;'
             f'padding:0.1rem 0.5rem;font-weight:bold">{html.escape(guess)}</span>')
    out = [f"<p>{t('ai.lab.guess', lang, guess=badge, sure=html.escape(how_sure))}</p>"]
    pushes = model.pushes(text)[:6]
    if pushes:
        head = "".join(f'<th scope="col" style="{CELL}background:#e8eef7">{html.escape(t(k, lang))}'
                       "</th>" for k in ("ai.lab.word", "ai.lab.towards", "ai.lab.in_spam",
                                         "ai.lab.in_normal"))
        rows = "".join(
            f"<tr><td style='{CELL}'><b>{html.escape(push.word)}</b></td>"
            f"<td style='{CELL}background:{LABEL_COLOURS[push.towards]}'>{push.towards}</td>"
            f"<td style='{CELL}text-align:right'>{push.seen[SPAM]}</td>"
            f"<td style='{CELL}text-align:right'>{push.seen[NORMAL]}</td></tr>" for push in pushes)
        out.append(f"<p>{html.escape(t('ai.lab.pushes', lang))}</p><table style='border-collapse:"
                   f"collapse;color:#111'><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>"
                   "</table>")
    unknown = model.unknown(text)
    if unknown:
        out.append("<p>" + html.escape(t("ai.lab.unknown", lang, words=", ".join(unknown)))
                   + "</p>")
    return "".join(out)


def message_lab(lang: str, text: str | None = None) -> w.VBox:
    """Module activity: type a message, read the guess; teach the model that this message is spam
    or normal and watch the guess change; start again from the shipped messages."""
    shipped = load_messages(lang)
    model = train_words(shipped)
    taught: list[Message] = []
    box = w.Text(value=t("ai.lab.example", lang) if text is None else text,
                 description=t("ai.lab.message", lang), style=WIDE,
                 layout=w.Layout(width="44rem"))
    result, status = w.HTML(), w.HTML()

    def refresh(_change: Any = None) -> None:
        result.value = guess_html(model, box.value, lang)
        counts = t("ai.lab.trained", lang, count=sum(model.messages.values()),
                   spam=model.messages[SPAM], normal=model.messages[NORMAL])
        if taught:
            counts += " " + t("ai.lab.taught", lang, count=len(taught))
        say(status, html.escape(counts))

    def teach(label: str) -> None:
        if box.value.strip():
            model.learn(box.value, label)
            taught.append(Message(box.value, label))
        refresh()

    def reset(_button: w.Button) -> None:
        nonlocal model
        model = train_words(shipped)
        taught.clear()
        refresh()

    buttons = w.HBox([button(t("ai.lab.teach_spam", lang), lambda _b: teach(SPAM), "plus"),
                      button(t("ai.lab.teach_normal", lang), lambda _b: teach(NORMAL), "plus"),
                      button(t("ai.lab.reset", lang), reset, "undo")],
                     layout=w.Layout(flex_flow="row wrap", grid_gap="8px"))
    box.observe(refresh, names="value")
    refresh()
    return activity_box(box, result, buttons, status)


# --- 3. a test: results, success rate, confusion table ------------------------------------------

def show_results(test: Sequence[Message], guesses: Sequence[str], lang: str) -> w.HTML:
    """Each test message with its true label, the model's guess, and right or wrong in words."""
    head = "".join(f'<th scope="col" style="{CELL}background:#e8eef7">{html.escape(t(k, lang))}'
                   "</th>" for k in ("ai.test.message", "ai.test.truth", "ai.test.guess",
                                     "ai.test.verdict"))
    rows = []
    for message, guess in zip(test, guesses, strict=True):
        right = guess == message.label
        verdict = t("ai.test.right" if right else "ai.test.wrong", lang)
        colour = "#e6f2e9" if right else "#fde7c8"
        rows.append(f"<tr><td style='{CELL}'>{html.escape(message.text)}</td>"
                    f"<td style='{CELL}'>{html.escape(message.label)}</td>"
                    f"<td style='{CELL}'>{html.escape(guess)}</td>"
                    f"<td style='{CELL}background:{colour};white-space:nowrap'>"
                    f"{html.escape(verdict)}</td></tr>")
    score = t("ai.test.score", lang, right=sum(g == m.label for g, m in zip(guesses, test,
                                                                            strict=True)),
              count=len(test), percent=percent(accuracy(guesses, [m.label for m in test]), lang))
    return w.HTML(f"<p><b>{html.escape(score)}</b></p><table style='border-collapse:collapse;"
                  f"font-size:1.05rem;color:#111'><thead><tr>{head}</tr></thead>"
                  f"<tbody>{''.join(rows)}</tbody></table>")


def confusion_table(guesses: Sequence[str], truths: Sequence[str], lang: str) -> w.HTML:
    """The confusion table: one row per true label, one column per guess; right guesses on the
    diagonal (green), mistakes elsewhere (orange)."""
    found = confusion(guesses, truths)
    labels = sorted({truth for truth, _ in found})
    corner = html.escape(t("ai.test.corner", lang))
    head = "".join(f'<th scope="col" style="{CELL}background:#e8eef7">'
                   f"{html.escape(t('ai.test.guessed', lang, label=label))}</th>"
                   for label in labels)
    body = ""
    for truth in labels:
        cells = "".join(
            f"<td style='{CELL}text-align:center;font-size:1.3rem;background:"
            f"{'#e6f2e9' if truth == guess else '#fde7c8'}'>{found[(truth, guess)]}</td>"
            for guess in labels)
        body += (f"<tr><th scope='row' style='{CELL}background:#e8eef7;text-align:left'>"
                 f"{html.escape(t('ai.test.really', lang, label=truth))}</th>{cells}</tr>")
    return w.HTML(f"<table style='border-collapse:collapse;font-size:1.1rem;color:#111'>"
                  f"<thead><tr><th style='{CELL}'>{corner}</th>{head}</tr></thead>"
                  f"<tbody>{body}</tbody></table>")


# --- 4. bias: a rare orchard ---------------------------------------------------------------------

def bias_explorer(lang: str, rare_in_training: int = 2) -> w.VBox:
    """Module activity: choose how many fruit of the rare orchard the model learns from, and
    compare the success of each orchard on the same test fruit."""
    fruits = load_fruits(lang)
    first = bias_experiment(fruits, 0)
    most = len([f for f in fruits if f.group == first.rare]) - len(
        [f for f in first.test if f.group == first.rare])
    slider = w.IntSlider(value=rare_in_training, min=0, max=most, step=1,
                         description=t("ai.bias.slider", lang), continuous_update=False,
                         style=WIDE, layout=w.Layout(width="34rem"))
    label = w.HTML(f"<b>{html.escape(t('ai.bias.slider_label', lang, group=first.rare))}</b>")
    status, picture = w.HTML(), _picture(BIAS_SIZE)
    groups = fruit_groups(fruits)

    def refresh(_change: Any = None) -> None:
        result = bias_experiment(fruits, slider.value)
        shares = [result.accuracy_of(group) for group in groups]
        lines = [t("ai.bias.trained", lang, counts=", ".join(
            t("ai.bias.count", lang, count=result.count_of(g), group=g) for g in groups))]
        lines += [t("ai.bias.success", lang, group=g, percent=percent(s, lang),
                    count=sum(f.group == g for f in result.test)) for g, s in zip(
                        groups, shares, strict=True)]
        say(status, "".join(f"<p>{html.escape(line)}</p>" for line in lines))

        def draw(fig: Figure) -> None:
            left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": (3, 2)})
            draw_fruit_map(left, train_neighbours(result.training), lang, rare=result.rare,
                           tested=list(zip(result.test, result.predicted, strict=True)))
            draw_group_success(right, groups, shares, lang)

        picture.value = _png(draw, BIAS_SIZE)

    slider.observe(refresh, names="value")
    refresh()
    return activity_box(label, slider, status, picture)
