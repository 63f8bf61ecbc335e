"""Activities of « L'IA au quotidien / AI in everyday life » on generative AI and its wise use.

A little writing machine learns which word follows which in six true sentences, then writes new
ones: they sound right and are mostly false, which is a hallucination seen from the inside. Then
everyday situations to judge, good idea or not, each with its reason. Texts: ``messages-ai.yaml``
and ``data/ai-situations.yaml``; the machine: `tiny_writer`.
"""

from __future__ import annotations

import html
from functools import cache
from typing import Any

import ipywidgets as w
import yaml

from .ai_widgets import activity_box, button, say
from .i18n import DATA, normalise_lang, t
from .tiny_writer import load_sentences, next_words, sentence_words, write_sentence


def sentence_steps(follows: dict[str, list[str]], sentence: str) -> list[tuple[str, list[str],
                                                                                str]]:
    """(word, the words seen after it, the one picked) at each step where there was a choice:
    where a true sentence turns into a made-up one."""
    tokens = ["", *sentence_words(sentence)]
    return [(word, list(dict.fromkeys(follows[word])), picked)
            for word, picked in zip(tokens, tokens[1:], strict=False)
            if len(set(follows.get(word, ()))) > 1]


def sentence_writer(lang: str) -> w.VBox:
    """Module activity: press the button, the machine writes a sentence word by word; it says
    whether the sentence was in what it read, and where it had a choice."""
    read = load_sentences(lang)
    follows = next_words(read)
    written: list[str] = []
    source = w.HTML("<p><b>" + html.escape(t("ai.writer.read", lang)) + "</b></p><ul>"
                    + "".join(f"<li>{html.escape(s)}</li>" for s in read) + "</ul>")
    result = w.HTML()

    def said(word: str) -> str:
        """A word as the step list shows it: the full stop is said in words."""
        return t("ai.writer.full_stop", lang) if word in (".", "!", "?") else word

    def write(_button: Any = None) -> None:
        sentence = write_sentence(follows, seed=len(written))
        written.append(sentence)
        verdict = t("ai.writer.copied" if sentence in read else "ai.writer.invented", lang)
        steps = "".join("<li>" + html.escape(t(
            "ai.writer.step" if word else "ai.writer.first_step", lang, word=word,
            options=", ".join(map(said, options)), picked=said(picked))) + "</li>"
            for word, options, picked in sentence_steps(follows, sentence))
        invented = sum(s not in read for s in written)
        count = t("ai.writer.count", lang, count=len(written), invented=invented)
        quoted = html.escape(t("ai.writer.sentence", lang, sentence=sentence))
        say(result, f"<p style='font-size:1.3rem'><b>{quoted}</b></p>"
                     f"<p>{html.escape(verdict)}</p><p>{html.escape(t('ai.writer.how', lang))}"
                     f"</p><ul>{steps}</ul><p>{html.escape(count)}</p>")

    say(result, html.escape(t("ai.writer.ready", lang)))
    return activity_box(source, w.HBox([button(t("ai.writer.button", lang), write, "pencil")]),
                        result)


@cache
def situations() -> list[dict[str, Any]]:
    """The everyday situations of ``data/ai-situations.yaml``: good idea or not, and why."""
    return yaml.safe_load((DATA / "ai-situations.yaml").read_text(encoding="utf-8"))


def wise_use_cards(lang: str) -> w.VBox:
    """Module activity: for each situation, click "good idea" or "bad idea" and read why."""
    lang = normalise_lang(lang)
    answers: dict[int, bool] = {}
    score = w.HTML()
    cards: list[w.Widget] = []

    def show_score() -> None:
        right = sum(answers[n] == situations()[n]["good"] for n in answers)
        say(score, html.escape(t("ai.cards.score", lang, right=right, count=len(answers),
                                  total=len(situations()))))

    for number, card in enumerate(situations()):
        feedback = w.HTML()

        def pick(good: bool, number: int = number, card: dict = card,
                 feedback: w.HTML = feedback) -> None:
            answers[number] = good
            opening = t("ai.cards.yes" if good == card["good"] else "ai.cards.no", lang)
            say(feedback, f"<p><b>{html.escape(opening)}</b> {html.escape(card[lang]['why'])}"
                           "</p>")
            show_score()

        text = w.HTML(f"<p style='font-size:1.15rem'><b>{number + 1}.</b> "
                      f"{html.escape(card[lang]['situation'])}</p>")
        buttons = w.HBox([button(t("ai.cards.good", lang), lambda _b, p=pick: p(True),
                                 "thumbs-up"),
                          button(t("ai.cards.bad", lang), lambda _b, p=pick: p(False),
                                 "thumbs-down")],
                         layout=w.Layout(flex_flow="row wrap", grid_gap="8px"))
        cards.append(w.VBox([text, buttons, feedback], layout=w.Layout(
            border="2px solid #1f3b63", padding="0.4rem", margin="0 0 0.6rem 0",
            max_width="48rem")))
    show_score()
    return activity_box(*cards, score)
