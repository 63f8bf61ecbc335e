"""The tiny models of « L'IA au quotidien / AI in everyday life », and what the learner sees.

The module's text quotes numbers (11 right answers out of 13, 100 % against 50 %, the bank
message taken for spam): these tests pin them, so a change of data or seed that would make the
text wrong fails here first.
"""

from __future__ import annotations

import math

import pytest

from tremplin.ai_pictures import draw_fruit_map, draw_group_success
from tremplin.ai_use_widgets import sentence_steps, sentence_writer, situations, wise_use_cards
from tremplin.ai_widgets import (
    bias_explorer,
    confusion_table,
    fruit_explorer,
    guess_html,
    message_lab,
    percent,
    show_results,
)
from tremplin.tiny_ai import (
    NORMAL,
    SPAM,
    Fruit,
    Message,
    accuracy,
    bias_experiment,
    confusion,
    load_fruits,
    load_messages,
    split,
    train_neighbours,
    train_words,
    words,
)
from tremplin.tiny_writer import load_sentences, next_words, sentence_words, write_sentence

LANGS = ("fr", "en")

# --- the shipped data ----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_messages_are_the_same_in_both_languages(lang):
    messages = load_messages(lang)
    assert len(messages) == 54
    assert [m.label for m in messages] == [m.label for m in load_messages("en")]
    assert sum(m.label == SPAM for m in messages) == 25
    assert all(isinstance(m, Message) and m.text.strip() for m in messages)


def test_fruit_come_from_two_orchards_one_of_them_small_and_named_in_the_learners_language():
    codes = load_fruits()
    assert len(codes) == 64
    assert sum(f.group == "mountain" for f in codes) == 24
    french = load_fruits("fr")
    assert {f.label for f in french} == {"pomme", "poire"}
    assert {f.group for f in load_fruits("en")} == {"valley", "mountain"}
    small = max(f.height for f in codes if f.group == "mountain" and f.label == "pear")
    assert small < min(f.height for f in codes if f.group == "valley" and f.label == "pear")


# --- the word-count model ------------------------------------------------------------------------

def test_words_are_small_letters_without_punctuation():
    assert words("Gagnez 500 € ! Cliquez-ICI…") == ["gagnez", "500", "cliquez", "ici"]
    assert words("C'était délicieux") == ["c", "était", "délicieux"]
    assert words("") == []


def test_the_word_model_learns_by_counting_and_guesses_from_known_words():
    model = train_words([Message("win a free gift", SPAM), Message("free money", SPAM),
                         Message("see you at the library", NORMAL)])
    assert model.messages == {SPAM: 2, NORMAL: 1}
    assert model.counts[SPAM]["free"] == 2
    assert model.predict("free gift") == SPAM
    assert model.predict("see you") == NORMAL
    assert math.isclose(sum(model.probabilities("free").values()), 1)
    assert model.unknown("free pizza tonight") == ["pizza", "tonight"]
    push = model.pushes("free library")
    assert [(p.word, p.towards) for p in push] == [("free", SPAM), ("library", NORMAL)]
    assert push[0].seen == {NORMAL: 0, SPAM: 2}


def test_teaching_one_example_changes_the_guess():
    model = train_words(load_messages("fr"))
    text = "Envoie-moi un message quand tu arrives"
    assert model.predict(text) == SPAM, "the module shows this false alarm"
    assert model.pushes(text)[0].word == "un", "a word with no meaning pushed hardest"
    model.learn(text, NORMAL)
    assert model.predict(text) == NORMAL


@pytest.mark.parametrize(("lang", "scam"), [
    ("fr", "Vos droits à la formation expirent demain, agissez maintenant"),
    ("en", "Your training rights expire tomorrow, act now"),
])
def test_a_new_kind_of_scam_slips_through(lang, scam):
    assert train_words(load_messages(lang)).predict(scam) == NORMAL


# --- the nearest-neighbour model -----------------------------------------------------------------

def test_neighbours_vote_and_a_tie_goes_to_the_closest():
    fruits = [Fruit(0, 0, "a", "g"), Fruit(1, 0, "b", "g"), Fruit(5, 5, "b", "g")]
    assert train_neighbours(fruits, 1).predict(0.2, 0) == "a"
    assert train_neighbours(fruits, 3).predict(0.2, 0) == "b"
    assert train_neighbours(fruits[:2], 2).predict(0.4, 0) == "a"
    assert train_neighbours(fruits, 2).nearest(4, 4) == [fruits[2], fruits[1]]


# --- measuring -----------------------------------------------------------------------------------

def test_accuracy_and_confusion_count_right_guesses_and_each_kind_of_mistake():
    guesses, truths = ["spam", "spam", "normal", "normal"], ["spam", "normal", "normal", "spam"]
    assert accuracy(guesses, truths) == 0.5
    assert confusion(guesses, truths) == {("normal", "normal"): 1, ("normal", "spam"): 1,
                                          ("spam", "normal"): 1, ("spam", "spam"): 1}
    with pytest.raises(ValueError):
        accuracy(["spam"], [])


def test_the_split_is_seeded_and_keeps_each_label_in_proportion():
    messages = load_messages("en")
    training, test = split(messages)
    assert (len(training), len(test)) == (41, 13)
    assert sum(m.label == SPAM for m in test) == 6
    assert set(training).isdisjoint(test) and len(set(training) | set(test)) == 54
    assert split(messages) == (training, test)
    assert split(messages, seed=5) != (training, test)


@pytest.mark.parametrize(("lang", "false_alarm", "missed"), [
    ("fr", "Ta banque a appelé", "je suis bloqué à l'étranger"),
    ("en", "Your bank called", "I'm stuck abroad"),
])
def test_the_modules_test_makes_one_mistake_of_each_kind(lang, false_alarm, missed):
    training, test = split(load_messages(lang))
    model = train_words(training)
    guesses = [model.predict(m.text) for m in test]
    truths = [m.label for m in test]
    assert round(accuracy(guesses, truths) * 100) == 85
    assert confusion(guesses, truths)[(NORMAL, SPAM)] == 1
    assert confusion(guesses, truths)[(SPAM, NORMAL)] == 1
    wrong = [m.text for m, g in zip(test, guesses, strict=True) if g != m.label]
    assert any(false_alarm in text for text in wrong) and any(missed in text for text in wrong)


# --- bias ----------------------------------------------------------------------------------------

def test_a_rare_group_is_served_worse_until_the_model_sees_enough_of_it():
    fruits = load_fruits()
    few = bias_experiment(fruits, 2)
    assert few.rare == "mountain" and few.count_of("mountain") == 2
    assert few.count_of("valley") == 30
    assert few.accuracy_of("valley") == 1 and few.accuracy_of("mountain") == 0.5
    wrong = {f.label for f, g in zip(few.test, few.predicted, strict=True) if g != f.label}
    assert wrong == {"pear"}, "small mountain pears are taken for apples"
    enough = bias_experiment(fruits, 18)
    assert enough.accuracy_of("mountain") == 1 and enough.accuracy_of("valley") == 1
    assert {f.label for f in bias_experiment(fruits, 2).training if f.group == "mountain"} == {
        "apple", "pear"}, "the few rare fruit show both kinds"


# --- the next-word machine -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_writing_machine_mostly_invents_sentences_that_sound_right(lang):
    read = load_sentences(lang)
    follows = next_words(read)
    written = [write_sentence(follows, seed) for seed in range(50)]
    assert all(s.endswith(".") and " ." not in s for s in written)
    invented = [s for s in written if s not in read]
    assert 40 <= len(invented) < 50, "mostly made up, sometimes copied"
    assert write_sentence(follows, 3) == write_sentence(follows, 3)


def test_the_steps_show_where_the_machine_had_a_choice():
    follows = next_words(["A cat sleeps.", "A dog runs."])
    assert sentence_words("A dog sleeps.") == ["A", "dog", "sleeps", "."]
    assert sentence_steps(follows, "A dog sleeps.") == [("A", ["cat", "dog"], "dog")]


# --- what the learner sees -----------------------------------------------------------------------

def test_the_fruit_explorer_names_the_new_fruit_from_its_neighbours():
    box = fruit_explorer("fr")
    _style, _l1, width, _l2, height, status, picture = box.children
    assert "Le modèle dit : <b>pomme</b>" in status.value
    assert width.description == "Largeur (cm)" and height.description == "Hauteur (cm)"
    width.value, height.value = 6.5, 10.5
    assert "<b>poire</b>" in status.value and "6,5 cm" in status.value
    assert bytes(picture.value).startswith(b"\x89PNG")


def test_the_message_lab_shows_the_pushing_words_and_learns_from_a_button():
    box = message_lab("en", "Send me a message when you arrive")
    _style, text, result, buttons, status = box.children
    assert ">spam<" in result.value and "Times seen in spam" in result.value
    first_row = result.value.split("<tbody>")[1].split("</tr>")[0]
    assert "<b>a</b>" in first_row and ">spam<" in first_row and ">9<" in first_row
    assert "when, arrive" in result.value
    assert "54 messages: 25 spam and 29 normal" in status.value
    teach_spam, teach_normal, reset = buttons.children
    teach_normal.click()
    assert ">normal<" in result.value and "you taught it 1" in status.value
    reset.click()
    assert ">spam<" in result.value and "taught" not in status.value
    text.value = ""
    assert "Type a message" in result.value


def test_a_sure_guess_is_never_said_to_be_certain():
    model = train_words(load_messages("fr"))
    assert "plus de 99 %" in guess_html(model, "Gagnez un cadeau gratuit, cliquez ici", "fr")
    assert percent(0.846, "fr") == "85 %" and percent(0.846, "en") == "85%"


def test_results_and_confusion_table_in_words():
    test = [Message("hello", NORMAL), Message("win", SPAM)]
    html = show_results(test, [NORMAL, NORMAL], "fr").value
    assert "1 bonnes réponses sur 2 : 50 % de réussite" in html
    assert "✓ juste" in html and "✗ faux" in html
    table = confusion_table([NORMAL, NORMAL], [NORMAL, SPAM], "en").value
    assert "it really is spam" in table and "the model says normal" in table


def test_the_bias_explorer_compares_the_orchards():
    box = bias_explorer("fr")
    _style, label, slider, status, picture = box.children
    assert "montagne" in label.value and slider.max == 18 and slider.value == 2
    assert "30 de la vallée, 2 de la montagne" in status.value
    assert "Fruits de la montagne : 50 %" in status.value
    slider.value = 18
    assert "Fruits de la montagne : 100 %" in status.value
    assert bytes(picture.value).startswith(b"\x89PNG")


def test_the_writer_and_the_cards_answer_clicks():
    writer = sentence_writer("en")
    buttons, result = writer.children[2:]
    button = buttons.children[0]
    assert button.description == "Write a sentence" and button.icon == "pencil"
    button.click()
    button.click()
    assert "Sentences written: 2. Sentences made up: 1." in result.value
    assert "It picked" in result.value
    cards = wise_use_cards("fr")
    first = cards.children[1]
    good, bad = first.children[1].children
    (good if situations()[0]["good"] else bad).click()
    assert "Bien vu !" in first.children[2].value
    assert "Situations jugées : 1 sur 7. Bien vues : 1." in cards.children[-1].value
    assert all(set(card) == {"good", "fr", "en"} for card in situations())


def test_pictures_draw_the_map_and_the_bars():
    from matplotlib.figure import Figure

    ax = Figure().add_subplot()
    fruits = load_fruits("en")
    draw_fruit_map(ax, train_neighbours(fruits), "en", point=(5, 7), rare="mountain",
                   tested=[(fruits[0], "pear")])
    labels = ax.get_legend_handles_labels()[1]
    assert "apple (mountain)" in labels and "the new fruit" in labels
    assert "the model's mistake" in labels
    ax = Figure().add_subplot()
    draw_group_success(ax, ["valley", "mountain"], [1, 0.5], "en")
    assert [p.get_height() for p in ax.patches] == [100, 50]
