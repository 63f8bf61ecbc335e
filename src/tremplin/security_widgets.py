"""What a learner sees in « Cybersécurité au quotidien / Everyday security »: the password box,
the chart of guesses by length and the fake e-mail, plus numbers and durations said plainly.

The arithmetic lives in `passwords` (standard library only); this file turns its codes into
French or English sentences and widgets, so the app "Mot de passe solide" can reuse both.
Nothing typed in the password box is printed, written or sent anywhere.
"""

from __future__ import annotations

import html
import math
from typing import Any

import ipywidgets as w

from .apps.kit import TARGET
from .i18n import t
from .passwords import (
    GUESSES_PER_SECOND,
    SECONDS_PER_YEAR,
    VERDICTS,
    Analysis,
    analyse,
    guesses,
    passphrase,
    seconds_to_guess,
    word_list,
)

# (unit, seconds in one) from small to large; each unit is used until the next one reads better.
UNITS: tuple[tuple[str, float], ...] = (
    ("second", 1), ("minute", 60), ("hour", 3600), ("day", 24 * 3600), ("year", SECONDS_PER_YEAR),
    ("century", 100 * SECONDS_PER_YEAR), ("million_years", 1e6 * SECONDS_PER_YEAR),
    ("billion_years", 1e9 * SECONDS_PER_YEAR))
AGE_OF_UNIVERSE = 14e9 * SECONDS_PER_YEAR
COLOURS = {"very_weak": "#b00020", "weak": "#b34700", "fair": "#7a5c00", "strong": "#1b7a34"}
LEVELS = (*(name for name, _ in VERDICTS), "strong")
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# The fake e-mail, top to bottom: (part, is it a clue?). Texts: security.mail.<part>[_why].
MAIL = (("sender", True), ("date", False), ("subject", True), ("greeting", True),
        ("body", True), ("payment", True), ("link", True), ("signature", False))
STYLE = """<style>
.tremplin-password input { font-size: 1.3rem; min-height: 44px; }
.tremplin-activity .widget-html-content { font-size: 1.1rem; line-height: 1.5; }
.tremplin-mail { border: 2px solid #1f3b63; border-radius: 8px; padding: 0.5rem; max-width: 44rem; }
.tremplin-mail-part.jupyter-button { white-space: normal; height: auto; min-height: 44px;
  text-align: left; font-size: 1.05rem; background: #fff; color: #111; margin: 2px 0;
  border: 1px dashed #8a8a8a; }
.tremplin-mail-part.tremplin-clue { background: #fde7c8; border: 2px solid #b34700; }
.tremplin-mail-part.tremplin-fine { background: #e6f2e9; border: 1px solid #1b7a34; }
</style>"""


def group(number: int, lang: str) -> str:
    """1 000 000 in French (narrow spaces), 1,000,000 in English."""
    return f"{number:,}".replace(",", "\u202f" if lang == "fr" else ",")


def superscript(base: int, power: int, lang: str) -> str:
    """10⁴: the way a power is written at school."""
    return f"{group(base, lang)}{str(power).translate(SUPERSCRIPTS)}"


def guesses_text(count: int, lang: str) -> str:
    """A number of guesses said plainly: "10 000 essais", "about 4 billion guesses"…"""
    if count == 1:
        return t("security.guesses.one", lang)
    if count < 10**6:
        return t("security.guesses.plain", lang, count=group(count, lang))
    if count < 10**12:
        unit, name = (10**6, "million") if count < 10**9 else (10**9, "billion")
        amount = count // unit
        said = t(f"security.guesses.{name}_{'one' if amount == 1 else 'many'}", lang,
                 count=group(amount, lang))
        return said if count % unit == 0 else t("security.guesses.about", lang, guesses=said)
    digits = len(str(count)) if count < 10**1000 else int(math.log10(count)) + 1
    return t("security.guesses.digits", lang, digits=group(digits, lang))


def plain_duration(seconds: float, lang: str) -> str:
    """"instantly", "3 days", "12 centuries"…: the largest unit that still counts at least one."""
    if seconds < 1:
        return t("security.duration.instantly", lang)
    if seconds >= AGE_OF_UNIVERSE:
        return t("security.duration.universe", lang)
    unit, size = next((u, s) for (u, s), (_, following) in zip(
        UNITS, (*UNITS[1:], ("", math.inf)), strict=True) if seconds < following)
    amount = int(seconds // size)
    return t(f"security.duration.{unit}_{'one' if amount == 1 else 'many'}", lang,
             amount=group(amount, lang))


def reasons(analysis: Analysis, lang: str) -> list[str]:
    """The plain reasons, most important first."""
    return [t(f"security.reason.{code}", lang, count=analysis.word_count)
            for code in analysis.reasons]


def verdict_html(analysis: Analysis, lang: str, per_second: int = GUESSES_PER_SECOND) -> str:
    """The verdict a learner reads under the password box: a bar, a word, the arithmetic, why."""
    if analysis.length == 0:
        return f'<p role="status" aria-live="polite">{t("security.meter.empty", lang)}</p>'
    level = LEVELS.index(analysis.verdict) + 1
    colour = COLOURS[analysis.verdict]
    bar = "".join(f'<span style="display:inline-block;width:3rem;height:1rem;margin-right:4px;'
                  f'background:{colour if i < level else "#ddd"}"></span>' for i in range(4))
    kinds = ", ".join(t(f"security.kind.{kind}", lang) for kind in analysis.kinds)
    lines = [t("security.meter.length", lang, count=analysis.length),
             t("security.meter.kinds", lang, kinds=kinds, alphabet=analysis.alphabet),
             t("security.meter.brute", lang, formula=superscript(analysis.alphabet,
               analysis.length, lang), guesses=guesses_text(analysis.brute_force, lang))]
    if analysis.guesses < analysis.brute_force:
        lines.append(t("security.meter.shortcut", lang,
                       guesses=guesses_text(analysis.guesses, lang)))
    lines.append(t("security.meter.time", lang, speed=guesses_text(per_second, lang),
                   time=plain_duration(analysis.seconds, lang)))
    why = "".join(f"<li>{html.escape(text)}</li>" for text in reasons(analysis, lang))
    return (f'<div role="status" aria-live="polite" style="font-size:1.1rem">'
            f'<p>{bar}<b style="color:{colour};font-size:1.4rem"> '
            f'{t(f"security.verdict.{analysis.verdict}", lang)}</b> — '
            f'{t(f"security.hint.{analysis.verdict}", lang)}</p>'
            + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
            + (f"<p><b>{t('security.meter.why', lang)}</b></p><ul>{why}</ul>" if why else "")
            + "</div>")


def password_meter(lang: str, per_second: int = GUESSES_PER_SECOND) -> w.VBox:
    """Module activity: type a made-up password (hidden, or shown with the toggle) and watch
    the verdict, the number of guesses and the reasons change at every key."""
    common = dict(description=t("security.meter.label", lang),
                  placeholder=t("security.meter.placeholder", lang),
                  style={"description_width": "initial"},
                  layout=w.Layout(width="min(100%, 32rem)", min_height="44px"))
    hidden, shown = w.Password(**common), w.Text(**common)
    hidden.add_class("tremplin-password")
    shown.add_class("tremplin-password")
    shown.layout = w.Layout(width="min(100%, 32rem)", min_height="44px", display="none")
    w.link((hidden, "value"), (shown, "value"))
    toggle = w.ToggleButton(description=t("security.meter.show", lang), icon="eye",
                            tooltip=t("security.meter.show_tip", lang),
                            layout=w.Layout(min_height=TARGET))
    toggle.add_class("tremplin-big")
    result = w.HTML(verdict_html(analyse(""), lang, per_second))

    def reveal(change: dict[str, Any]) -> None:
        hidden.layout.display, shown.layout.display = ("none", None) if change["new"] else (
            None, "none")

    def update(_change: object = None) -> None:
        result.value = verdict_html(analyse(hidden.value, per_second), lang, per_second)

    toggle.observe(reveal, names="value")
    hidden.observe(update, names="value")
    return w.VBox([w.HTML(STYLE), w.HBox([hidden, shown, toggle]), result])


def guesses_line(choices: int, places: int, lang: str,
                 per_second: int = GUESSES_PER_SECOND) -> str:
    """choices ** places, and the time to try them all, as one sentence."""
    count = guesses(choices, places)
    return t("security.line.guesses", lang, choices=group(choices, lang), places=places,
             formula=superscript(choices, places, lang), guesses=guesses_text(count, lang),
             speed=guesses_text(per_second, lang),
             time=plain_duration(seconds_to_guess(count, per_second), lang))


def show_guesses(choices: int, places: int, lang: str) -> None:
    print(guesses_line(choices, places, lang))


def show_passphrase(word_count: int, lang: str, seed: int | None = None) -> None:
    """Draw a passphrase and count it: each word is one of the list's words, at each place."""
    print(t("security.line.passphrase", lang, phrase=passphrase(word_count, lang, seed=seed)))
    print(guesses_line(len(word_list(lang)), word_count, lang))


def guesses_chart(lang: str, per_second: int = GUESSES_PER_SECOND) -> Any:
    """Guesses by length for four alphabets (log scale), with the verdict limits as lines."""
    lengths = range(4, 21)
    import matplotlib.pyplot as plt  # only here: the password app never draws this chart

    fig, ax = plt.subplots(figsize=(7, 4.5))
    for key, size, style, colour in (("digits", 10, ":", "#6b6b6b"), ("lower", 26, "--", "#1f5fa8"),
                                     ("letters_digits", 62, "-.", "#6a3d9a"),
                                     ("keyboard", 95, "-", "#111111")):
        ax.plot(lengths, [float(guesses(size, n)) for n in lengths], style, linewidth=2.5,
                color=colour, label=t(f"security.chart.{key}", lang))
    for (_verdict, seconds), colour in zip(VERDICTS, COLOURS.values(), strict=False):
        ax.axhline(seconds * per_second, color=colour, linewidth=1.5)
        ax.text(4.1, seconds * per_second * 2, t("security.chart.limit", lang,
                time=plain_duration(seconds, lang)), color=colour, fontsize=9,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.set_yscale("log")
    ax.set_yticks([10.0**k for k in range(5, 45, 5)])  # each mark is 100 000 times the one below
    ax.set_ylim(1e3, 1e41)
    ax.set_xticks(list(lengths))
    ax.set_xlabel(t("security.chart.x", lang))
    ax.set_ylabel(t("security.chart.y", lang))
    ax.set_title(t("security.chart.title", lang, speed=guesses_text(per_second, lang)))
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig


def phishing_activity(lang: str) -> w.VBox:
    """Module activity: a fake e-mail whose parts are buttons; each click says whether that
    part is a clue and why, and the score counts the clues found."""
    found: set[str] = set()
    total = sum(is_clue for _, is_clue in MAIL)
    explain = w.HTML()
    score = w.HTML(f"<b>{t('security.phishing.score', lang, found=0, total=total)}</b>")
    parts = []
    for part, is_clue in MAIL:
        button = w.Button(description=t(f"security.mail.{part}", lang),
                          layout=w.Layout(width="100%"))
        button.add_class("tremplin-mail-part")

        def pick(button: w.Button, part: str = part, is_clue: bool = is_clue) -> None:
            button.add_class("tremplin-clue" if is_clue else "tremplin-fine")
            explain.value = (f'<p role="status" aria-live="polite">'
                             f'{html.escape(t(f"security.mail.{part}_why", lang))}</p>')
            if is_clue:
                found.add(part)
            text = t("security.phishing.score", lang, found=len(found), total=total)
            if len(found) == total:
                text += " " + t("security.phishing.done", lang)
            score.value = f"<b>{html.escape(text)}</b>"

        button.on_click(pick)
        parts.append(button)
    mail = w.VBox([w.HTML(f"<b>✉ {t('security.phishing.title', lang)}</b>"), *parts])
    mail.add_class("tremplin-mail")
    activity = w.VBox([w.HTML(STYLE), w.HTML(f"<p>{t('security.phishing.intro', lang)}</p>"),
                       mail, explain, score])
    activity.add_class("tremplin-activity")
    return activity
