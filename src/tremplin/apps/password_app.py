"""State of the "Mot de passe solide / Strong password" app: a verdict at every key, and a
passphrase screen.

The arithmetic is module 09's (`tremplin.passwords`: analyse, time to guess, passphrase); the
plain durations and reasons are said by `tremplin.security_widgets`, so the app and the module
always agree. What this file adds is the beginner's view: a verdict in words beside its colour
bar, one time in plain units, the reasons, and one tip.

The password a visitor types is never kept: it lives in the masked box on screen, `check()`
keeps only the `Analysis` (which has no field for it), and no text the app writes contains it.
Nothing is stored, logged or sent.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as w

from ..i18n import t
from ..passwords import (
    GUESSES_PER_SECOND,
    STRONG,
    Analysis,
    analyse,
    passphrase,
    passphrase_guesses,
    seconds_to_guess,
    verdict,
    word_list,
)
from ..security_widgets import COLOURS, LEVELS, guesses_text, plain_duration, reasons
from .kit import TARGET, big_toggle, status

SCREENS = ("check", "phrase")
BOX_WIDTH = "min(100%, 32rem)"


def strong_word_count(lang: str) -> int:
    """The fewest random words of the shipped list that make a strong passphrase (9 with 400
    words): the screen shows a phrase the verdict really calls strong, never a weaker one."""
    count = 1
    while verdict(seconds_to_guess(passphrase_guesses(count, lang))) != STRONG:
        count += 1
    return count


@dataclass
class PasswordApp:
    """The language, the screen, and what the last password typed is worth (never the
    password itself): everything the page shows is computed from these."""

    lang: str = "fr"
    screen: str = "check"
    analysis: Analysis = field(default_factory=lambda: analyse(""))
    phrase: str = ""

    def text(self, key: str, **params: object) -> str:
        return t(f"app.password.{key}", self.lang, **params)

    def check(self, password: str) -> None:
        """Look at a password and keep only its analysis."""
        self.analysis = analyse(password)

    def set_lang(self, lang: str) -> None:
        """Switch language; a passphrase on screen is drawn again from the new language's
        words, so that it reads as words the visitor knows."""
        self.lang = lang
        if self.phrase:
            self.new_phrase()

    def new_phrase(self, seed: int | None = None) -> None:
        """Draw a strong passphrase (`seed` only for tests) and show its screen."""
        self.phrase = passphrase(strong_word_count(self.lang), self.lang, seed=seed,
                                 separator=" ")
        self.screen = "phrase"

    def back(self) -> None:
        self.screen = "check"

    def reset(self) -> None:
        """Back to an empty box on the first screen; the passphrase is forgotten."""
        self.screen, self.analysis, self.phrase = "check", analyse(""), ""

    def display(self, screen: str) -> str | None:
        """The CSS display of a screen's box: shown when it is the current one."""
        return None if screen == self.screen else "none"

    def _bar(self, rating: str) -> str:
        """Four blocks, as many filled as the level: a picture beside the words, never alone
        (hidden from screen readers, which read the level in words)."""
        level = LEVELS.index(rating) + 1
        blocks = "".join(
            f'<span class="tremplin-meter-block" style="background:'
            f'{COLOURS[rating] if i < level else "#fff"}"></span>' for i in range(len(LEVELS)))
        return f'<span class="tremplin-meter" aria-hidden="true">{blocks}</span>'

    def verdict_line(self, analysis: Analysis) -> str:
        """The verdict in words and as a level, after its colour bar."""
        rating = analysis.verdict
        words = self.text("level", verdict=self.text(f"verdict.{rating}"),
                          level=LEVELS.index(rating) + 1, levels=len(LEVELS))
        return (f'<p>{self._bar(rating)} <b style="color:{COLOURS[rating]}">'
                f"{html.escape(words)}</b></p>")

    def time_line(self, analysis: Analysis) -> str:
        return "<p>" + html.escape(self.text(
            "time", time=plain_duration(analysis.seconds, self.lang),
            speed=guesses_text(GUESSES_PER_SECOND, self.lang))) + "</p>"

    def verdict_html(self) -> str:
        """What the visitor reads under the box, as a live region: verdict, time, reasons, tip.
        Made from the analysis only, so the password can never appear in it."""
        analysis = self.analysis
        if analysis.length == 0:
            return status(f"<p>{html.escape(self.text('empty'))}</p>")
        why = "".join(f"<li>{html.escape(line)}</li>" for line in reasons(analysis, self.lang))
        tip = "tip_strong" if analysis.verdict == STRONG else "tip_phrase"
        return status(
            self.verdict_line(analysis) + self.time_line(analysis)
            + (f"<p><b>{html.escape(self.text('why'))}</b></p><ul>{why}</ul>" if why else "")
            + f"<p>{html.escape(self.text(tip))}</p>")

    def phrase_html(self) -> str:
        """The passphrase screen: the phrase in large type, its verdict and why it is strong."""
        if not self.phrase:
            return ""
        words = self.phrase.split(" ")
        analysis = analyse(self.phrase)
        points = [self.text("phrase_random", count=len(words), total=len(word_list(self.lang))),
                  self.text("phrase_count", guesses=guesses_text(analysis.guesses, self.lang)),
                  self.text("phrase_long", letters=len(self.phrase)),
                  self.text("phrase_story")]
        return (
            f"<h2>{html.escape(self.text('phrase_title'))}</h2>"
            f'<p class="tremplin-phrase" lang="{self.lang}">{html.escape(self.phrase)}</p>'
            + status(self.verdict_line(analysis) + self.time_line(analysis)
                     + f"<p><b>{html.escape(self.text('phrase_why'))}</b></p><ul>"
                     + "".join(f"<li>{html.escape(point)}</li>" for point in points) + "</ul>")
            + f"<p>⚠ {html.escape(self.text('phrase_public'))}</p>")


STYLE = """<style>
.tremplin-app .widget-html-content { font-size: 1.3rem; line-height: 1.5; }
.tremplin-app .tremplin-big.jupyter-button { width: auto; max-width: 100%; height: auto;
  white-space: normal; align-self: flex-start; }
.tremplin-password.widget-text { flex-wrap: wrap; height: auto; }
.tremplin-password.widget-text input.widget-input { font-size: 1.5rem; min-height: 64px; }
.tremplin-password .widget-label { font-size: 1.5rem; font-weight: bold; text-align: left;
  margin-bottom: 0.3rem; }
.tremplin-meter-block { display: inline-block; width: 3rem; height: 1.5rem; margin-right: 4px;
  border: 2px solid #111; vertical-align: middle; }
.tremplin-phrase { font-size: 2rem; line-height: 2.8rem; font-weight: bold; word-spacing: 0.5rem;
  padding: 0.5rem 1rem; border: 3px solid #1f3b63; border-radius: 8px; background: #f4f7fb; }
</style>"""


class PasswordField:
    """The masked box, its plain twin and the Show / Hide button.

    Only one box is on screen at a time, and only that one holds the typed text: the other is
    emptied at each switch, so a password is never kept in a second place. `on_change` gets the
    text at every key (`continuous_update`), to be analysed and forgotten.
    """

    def __init__(self, on_change: Callable[[str], None]) -> None:
        def box(kind: type[w.Text]) -> w.Text:
            made = kind(continuous_update=True, style={"description_width": "100%"},
                        layout=w.Layout(width=BOX_WIDTH, min_height=TARGET))
            made.add_class("tremplin-password")
            made.observe(lambda _change: on_change(self.value), names="value")
            return made

        self.masked: w.Password = box(w.Password)
        self.plain: w.Text = box(w.Text)
        self.plain.layout.display = "none"
        self.toggle = big_toggle("", "")
        self.toggle.layout.width, self.toggle.layout.align_self = "auto", "flex-end"
        self.toggle.observe(self._reveal, names="value")
        self.widget = w.HBox([w.HTML(STYLE), self.masked, self.plain, self.toggle],
                             layout=w.Layout(flex_flow="row wrap", align_items="flex-end"))
        self._texts: dict[str, str] = {}

    @property
    def value(self) -> str:
        return self.plain.value if self.toggle.value else self.masked.value

    def _reveal(self, change: dict[str, Any]) -> None:
        """Move the text into the box now on screen, and empty the other one."""
        shown = bool(change["new"])
        source, target = (self.masked, self.plain) if shown else (self.plain, self.masked)
        target.value = source.value
        target.layout.display, source.layout.display = None, "none"
        source.value = ""
        self.toggle.description = self._texts.get("hide" if shown else "show", "")

    def set_texts(self, app: PasswordApp) -> None:
        """Label, hint and button in the app's language."""
        self._texts = {"show": app.text("show"), "hide": app.text("hide")}
        for box in (self.masked, self.plain):
            box.description = app.text("label")
            box.placeholder = app.text("placeholder")
        self.toggle.description = self._texts["hide" if self.toggle.value else "show"]
        self.toggle.tooltip = app.text("show_tip")

    def clear(self) -> None:
        """Empty both boxes and hide the text again."""
        self.toggle.value = False
        self.masked.value = self.plain.value = ""
        self.masked.focus()
