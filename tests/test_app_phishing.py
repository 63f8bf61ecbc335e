"""The "Pêche aux hameçons / Phishing hunt" app: its messages, the checks that name the file and
the message to fix, and what a visitor sees before and after answering."""

from __future__ import annotations

import html as html_module
import json
import re

import pytest
import yaml
from helpers import ROOT

from tremplin.apps.phishing_app import PhishingHunt
from tremplin.apps.phishing_messages import (
    FIELDS,
    MESSAGES_FILE,
    TRAP_KINDS,
    MessageError,
    load_messages,
)

NOTEBOOK = ROOT / "voila_apps" / "peche-aux-hamecons.ipynb"


def visible_text(markup: str) -> str:
    return html_module.unescape(re.sub(r"<[^>]+>", "", markup))


def raw_messages() -> dict:
    return yaml.safe_load(MESSAGES_FILE.read_text(encoding="utf-8"))


def write(tmp_path, data: dict):
    path = tmp_path / "app-phishing-messages.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_shipped_messages_mix_traps_and_genuine_sms_and_emails():
    messages = load_messages()
    assert 8 <= len(messages) <= 10
    assert {m.channel for m in messages} == {"sms", "email"}
    assert 3 <= sum(m.trap for m in messages) <= len(messages) - 3
    found = {clue.kind for m in messages if m.trap for clue in m.clues}
    assert found == set(TRAP_KINDS)  # every clue to remember is met in a message


def test_every_address_and_link_is_made_up():
    for message in load_messages():
        if message.address:
            assert message.sender_site().endswith(".example"), message.id
        if message.link_to:
            for lang in ("fr", "en"):
                assert message.link_site(lang).endswith(".example"), message.id


def test_a_link_that_does_not_go_where_it_says_is_named_by_its_real_site():
    tax = next(m for m in load_messages() if m.id == "tax-refund")
    assert tax.link_text["fr"].startswith("www.impots.example")
    assert tax.link_site("fr") == "remboursement-rapide.example"  # read from the end, module 07
    where = [m.id for m in load_messages()].index("tax-refund")
    app = PhishingHunt("fr", index=where, answers=[True] * (where + 1))
    assert "Ce lien mène en réalité au site « remboursement-rapide.example »." in visible_text(
        app.clues_html())
    assert "Cette adresse vient du site « impots-remboursement.example »." in visible_text(
        app.clues_html())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_clue_is_marked_in_the_message_with_its_number_and_name(lang):
    app = PhishingHunt(lang)
    for index, message in enumerate(app.messages):
        app.index, app.answers = index, [message.trap] * index
        before = app.message_html()
        assert "<mark" not in before  # nothing is given away before the answer
        app.answer(True)
        after = app.message_html()
        assert after.count("<mark") == len(message.clues)
        for number, clue in enumerate(message.clues, start=1):
            name = app.text(f"kind.{clue.kind}")
            tag = html_module.escape(f"{number} · {name}")
            assert f'<span class="tremplin-clue-tag">{tag}</span> ' in after
            assert html_module.escape(clue.quote[lang]) in after
            assert f"{number} · {name}" in visible_text(app.clues_html())


def test_the_first_message_before_and_after_a_right_answer():
    app = PhishingHunt("fr")
    assert app.screen == "question"
    seen = visible_text(app.screen_html())
    assert "Message 1 sur 9" in seen
    assert "06 39 98 41 27" in seen and "https://colis-express" in seen
    assert "Ce message est-il un piège ?" in seen
    app.answer(trap=True)
    assert app.screen == "answer"
    seen = visible_text(app.screen_html())
    assert "Bonne réponse ! Ce message est un piège." in seen
    assert "Score : 1 sur 1." in seen
    assert "5 · Lien trompeur" in seen and "frais-livraison.example" in seen
    assert "À retenir :" in seen
    assert 'role="status"' in app.verdict_html()
    assert app.next_key() == "next"


def test_a_wrong_answer_on_a_genuine_message_shows_its_good_signs_in_english():
    app = PhishingHunt("en")
    app.answer(True)
    app.next()
    assert app.message.id == "friend-outing"
    app.answer(True)
    seen = visible_text(app.screen_html())
    assert "Not quite. This message is safe." in seen
    assert "Score: 1 of 2." in seen
    assert "The good signs, marked in the message" in seen
    assert "1 · Good sign" in seen


def test_answering_twice_or_skipping_is_ignored_and_the_end_lists_five_clues():
    app = PhishingHunt("fr")
    app.next()  # no answer yet: stays
    assert app.index == 0
    for message in app.messages:
        app.answer(message.trap)
        app.answer(not message.trap)  # a second press changes nothing
        if message is app.messages[-1]:
            assert app.next_key() == "see_score"
        app.next()
    assert app.screen == "end"
    assert app.score == len(app.messages) == len(app.answers)
    seen = visible_text(app.screen_html())
    assert "Vous avez bien jugé 9 messages sur 9." in seen
    assert "Les 5 indices à retenir" in seen
    for kind in TRAP_KINDS:
        assert app.text(f"kind.{kind}") in seen
    assert "Dans le doute" in seen
    assert (app.display("question"), app.display("answer")) == ("none", "none")
    app.reset()
    assert (app.screen, app.score, app.answers) == ("question", 0, [])


def test_switching_language_keeps_the_place_and_the_score():
    app = PhishingHunt("fr")
    app.answer(False)
    app.lang = "en"
    seen = visible_text(app.screen_html())
    assert "Not quite. This message is a trap." in seen and "Score: 0 of 1." in seen


# --- errors a trainer reads ---------------------------------------------------------------------

def broken(tmp_path, change) -> str:
    data = raw_messages()
    change(data["messages"])
    with pytest.raises(MessageError) as caught:
        load_messages(write(tmp_path, data))
    return str(caught.value)


def test_a_message_missing_english_text_names_the_file_and_the_message(tmp_path):
    def drop_english(messages):
        del messages[2]["text"]["en"]

    error = broken(tmp_path, drop_english)
    assert "app-phishing-messages.yaml" in error and "bank-blocked" in error
    assert "text" in error and "en" in error


def test_a_clue_quoting_words_not_in_the_message_names_the_clue(tmp_path):
    def wrong_quote(messages):
        messages[0]["clues"][1]["quote"]["en"] = "words that are not there"

    error = broken(tmp_path, wrong_quote)
    assert "app-phishing-messages.yaml" in error and "parcel-fee" in error
    assert "words that are not there" in error and "2" in error


@pytest.mark.parametrize(("change", "words"), [
    (lambda ms: ms[2].update(address="securite@banque-durand.fr"), "banque-durand.fr"),
    (lambda ms: ms[2]["link"].update(goes_to="https://durand.com/login"), "durand.com"),
    (lambda ms: ms[0]["clues"][0].update(kind="good"), "good"),
    (lambda ms: ms[1].update(id="parcel-fee"), "parcel-fee"),
    (lambda ms: ms[0].update(channel="letter"), "letter"),
    (lambda ms: ms[0].update(trap="yes"), "trap"),
    (lambda ms: ms[2].pop("subject"), "subject"),
])
def test_other_mistakes_in_the_file_are_named(tmp_path, change, words):
    error = broken(tmp_path, change)
    assert "app-phishing-messages.yaml" in error and words in error


def test_overlapping_clues_are_refused(tmp_path):
    def overlap(messages):
        messages[0]["clues"][3]["quote"]["fr"] = "1,99 € avant ce soir"  # over clue 3's words

    error = broken(tmp_path, overlap)
    assert "parcel-fee" in error and "3" in error and "4" in error and "chevauchent" in error


def test_clues_are_looked_for_in_every_part_of_a_message():
    places = {name for m in load_messages() for name, *_ in m.spans("fr")}
    assert places <= set(FIELDS) and {"sender", "address", "text", "link"} <= places


def test_the_notebook_is_an_app_in_both_languages_and_short():
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    meta = notebook["metadata"]["tremplin"]
    assert (meta["kind"], meta["id"]) == ("app", "phishing-hunt")
    assert set(meta["title"]) == set(meta["summary"]) == {"fr", "en"}
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert all(not cell["outputs"] for cell in code)
    assert sum(len("".join(cell["source"]).splitlines()) for cell in code) <= 60
    picture = (ROOT / "voila_apps" / "pictures" / "phishing-hunt.svg").read_text()
    assert 'role="img"' in picture and "<title" in picture and 'viewBox="0 0 96 96"' in picture
