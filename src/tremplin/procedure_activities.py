"""The module's smaller activities around the procedure: an address to judge, the chart of the
clues that catch look-alike sites, form fields checked one by one, a receipt printed, and
messages that imitate an administration, to sort into scams and genuine ones.

The judging is `procedure_checks` (standard library); this file words it and lays it out.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import ipywidgets as w
import matplotlib.pyplot as plt

from .apps.kit import big_button
from .i18n import t
from .procedure_checks import (
    CLUES,
    clue_shares,
    field_problem,
    judge_known_site,
    judge_message,
    judge_site,
    messages,
    official_data,
    parse_address,
    sender_domain,
)
from .procedure_display import BOX, STYLE, esc, fitted, in_lang, receipt_lines, verdict_html
from .procedures import FIELDS, demo_receipt

EXAMPLES: tuple[str, ...] = (
    "https://www.service-public.gouv.fr", "www.francetravail.fr",
    "https://www.ameli-carte-vitale.info/renouvellement", "http://www.caf.fr",
    "https://www.impots.gouv.fr@remboursement-dossier.net", "https://www.gouv-fr.info")


def address_checker(lang: str) -> w.VBox:
    """Module activity: type an address (or click an example) and read the verdict, live."""
    box = w.Text(description=t("procedures.checker.label", lang), continuous_update=True,
                 placeholder=t("procedures.checker.placeholder", lang),
                 style={"description_width": "initial"}, layout=w.Layout(**BOX))
    verdict = w.HTML()

    def judge(_change: object = None) -> None:
        if not box.value.strip():
            verdict.value = f"<p>{esc(t('procedures.checker.empty', lang))}</p>"
        else:
            verdict.value = verdict_html(judge_site(box.value), lang)

    examples = [big_button(one, lambda _b, one=one: setattr(box, "value", one))
                for one in EXAMPLES]
    for button in examples:
        button.layout.width = "min(100%, 34rem)"
    box.observe(judge, names="value")
    judge()
    activity = w.VBox([w.HTML(STYLE), box, verdict,
                       w.HTML(f"<p>{esc(t('procedures.checker.examples', lang))}</p>"),
                       *examples])
    activity.add_class("tremplin-procedure")
    return activity


def clues_chart(lang: str) -> Any:
    """Bars: the share of the shipped look-alike sites each clue catches. The end of the
    address catches them all; the missing padlock, hardly any."""
    shares = clue_shares()
    count = sum(not judge_known_site(site).official for site in official_data()["sites"])
    labels = [t(f"procedures.chart.clue.{clue}", lang) for clue in CLUES]
    values = [100 * shares[clue] for clue in CLUES]
    fig, ax = plt.subplots(figsize=(7.5, 3.8))
    colours = ["#1b7a34", "#1f5fa8", "#1f5fa8", "#8a8a8a"]
    ax.barh(labels[::-1], values[::-1], color=colours[::-1])
    for row, value in enumerate(values[::-1]):
        ax.text(value + 1.5, row, f"{value:.0f} %" if lang == "fr" else f"{value:.0f}%",
                va="center", fontsize=12)
    ax.set_xlim(0, 112)
    ax.set_xlabel(t("procedures.chart.x", lang))
    ax.set_title(t("procedures.chart.title", lang, count=count), fontsize=11)
    ax.tick_params(axis="y", labelsize=11)
    fig.tight_layout()
    return fig


def check_line(name: str, value: str, lang: str) -> str:
    """One form field checked, said in a sentence: the label, what was typed, the verdict."""
    field = next(one for one in FIELDS if one.name == name)
    problem = field_problem(field.kind, value, field.required)
    verdict = t(f"procedures.problem.{problem}" if problem else "procedures.check.ok", lang)
    label = t(f"procedures.field.{name}", lang) + (" *" if field.required else "")
    return t("procedures.check.line", lang, label=label, value=value, verdict=verdict)


def show_check(name: str, value: str, lang: str) -> None:
    print(check_line(name, value, lang))


def show_receipt(lang: str, when: datetime | None = None) -> None:
    """Print the receipt Camille gets when everything went right."""
    print("\n".join(receipt_lines(demo_receipt(when or datetime.now()), lang)))


def message_html(message: dict[str, Any], lang: str) -> str:
    """A message as the phone shows it: how it came, who from, what it says, its link."""
    channel = t(f"procedures.scam.channel.{message['channel']}", lang)
    sender = message["sender"]
    sender = in_lang(sender, lang) if isinstance(sender, dict) else sender
    link = (f'<br><span class="tremplin-address" style="text-decoration:underline">'
            f'{esc(message["link"])}</span>' if message["link"] else "")
    return (f'<div class="tremplin-phone"><b>{esc(channel)}</b><br>'
            f'{esc(t("procedures.scam.from", lang, sender=sender))}'
            f'<div class="tremplin-bubble">{esc(in_lang(message["text"], lang))}{link}</div>'
            "</div>")


def clue_lines(message: dict[str, Any], lang: str) -> list[str]:
    """The clues of a message, in words, with the domains they point at."""
    link = parse_address(message["link"]) if message["link"] else None
    return [t(f"procedures.clue.{clue}", lang, domain=sender_domain(message)
              if clue.startswith("sender") else (link.domain if link else ""))
            for clue in judge_message(message)]


def scam_activity(lang: str) -> w.VBox:
    """Module activity: one message at a time; say "scam" or "genuine", then read the clues."""
    shown = messages()
    state = {"index": 0, "right": 0, "done": 0}
    title, card, feedback, score = w.HTML(), w.HTML(), w.HTML(), w.HTML()

    def show() -> None:
        message = shown[state["index"]]
        heading = t("procedures.scam.title", lang, number=state["index"] + 1, total=len(shown))
        title.value = f"<h4>{esc(heading)}</h4>"
        card.value = message_html(message, lang)
        feedback.value = f"<p>{esc(t('procedures.scam.question', lang))}</p>"
        for button in answers:
            button.disabled = False
        following.layout.display = "none"

    def answer(says_scam: bool) -> None:
        message = shown[state["index"]]
        clues = clue_lines(message, lang)
        right = says_scam == bool(clues)
        state["right"] += right
        state["done"] += 1
        verdict = t("procedures.scam.right" if right else "procedures.scam.wrong", lang)
        if clues:
            said = f"<p>{esc(t('procedures.scam.was_scam', lang))}</p><ul>" + "".join(
                f"<li>{esc(line)}</li>" for line in clues) + "</ul>"
        else:
            said = f"<p>{esc(t('procedures.scam.no_clue', lang))}</p>"
        said += (f"<p><b>{esc(t('procedures.scam.note', lang))}</b> "
                 f"{esc(in_lang(message['note'], lang))}</p>")
        last = state["index"] == len(shown) - 1
        end = f"<p><b>{esc(t('procedures.scam.end', lang))}</b></p>" if last else ""
        feedback.value = (f'<div role="status" aria-live="polite"><p class="tremplin-'
                          f'{"ok" if right else "bad"}"><b>{esc(verdict)}</b></p>{said}{end}</div>')
        score.value = f"<b>{esc(t('procedures.scam.score', lang, **state))}</b>"
        for button in answers:
            button.disabled = True
        following.layout.display = "none" if last else None

    def advance() -> None:
        state["index"] += 1
        show()

    answers = [fitted(big_button(t("procedures.scam.is_scam", lang), lambda _b: answer(True))),
               fitted(big_button(t("procedures.scam.is_fine", lang), lambda _b: answer(False)))]
    following = fitted(big_button(t("procedures.scam.next", lang), lambda _b: advance()))
    show()
    activity = w.VBox([w.HTML(STYLE), title, card, w.HBox(answers), feedback, following, score])
    activity.add_class("tremplin-procedure")
    return activity
