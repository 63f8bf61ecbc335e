"""First steps: paths, names and an in-memory file tree; typing, clicking, shortcuts and saving;
and what the learner sees and gets when they click the module's activities."""

from __future__ import annotations

import matplotlib
import pytest

from tremplin.first_steps import (
    FileTree,
    TreeError,
    count_with_extension,
    extension,
    file_kind,
    join_path,
    sample_tree,
    split_name,
    split_path,
)
from tremplin.first_steps_activities import (
    click_game,
    draw_tree,
    file_explorer,
    save_demo,
    shortcut_quiz,
    typing_practice,
)
from tremplin.first_steps_practice import (
    SHORTCUTS,
    ClickGame,
    Draft,
    ShortcutQuiz,
    check_typing,
)
from tremplin.i18n import t

matplotlib.use("Agg")


# --- paths and names ---------------------------------------------------------------------------

def test_a_path_is_folders_then_the_file_glued_with_slashes():
    assert join_path("Documents", "Factures", "eau.pdf") == "Documents/Factures/eau.pdf"
    assert join_path("Documents/", "/Factures", "", "eau.pdf") == "Documents/Factures/eau.pdf"
    assert join_path() == ""
    assert split_path("/Documents//Factures/") == ["Documents", "Factures"]


@pytest.mark.parametrize(("name", "parts", "ext"), [
    ("photo-mamie.jpg", ("photo-mamie", "jpg"), "jpg"),
    ("Photo.JPG", ("Photo", "JPG"), "jpg"),
    ("facture.pdf.exe", ("facture.pdf", "exe"), "exe"),  # the last dot decides: a program
    ("LISEZMOI", ("LISEZMOI", ""), ""),
    (".cache", (".cache", ""), ""),
    ("fin.", ("fin.", ""), ""),
])
def test_the_extension_follows_the_last_dot(name, parts, ext):
    assert split_name(name) == parts
    assert extension(name) == ext


def test_an_extension_says_what_kind_of_file_it_is_in_both_languages():
    assert file_kind("photo.jpg", "fr").startswith("une image")
    assert file_kind("photo.JPEG", "en").startswith("a picture")
    assert "d'où il vient" in file_kind("facture.pdf.exe", "fr")
    assert file_kind("mystere", "en") == t("first_steps.kind.unknown", "en")


def test_counting_files_by_extension_ignores_case_dots_and_lookalikes():
    names = ["a.pdf", "B.PDF", "pdf-guide.txt", "archive.pdf.zip", "c.jpg", "pdf"]
    assert count_with_extension(names, "pdf") == 2
    assert count_with_extension(names, ".PDF") == 2
    assert count_with_extension(names, "zip") == 1
    assert count_with_extension([], "pdf") == 0


# --- the file tree -----------------------------------------------------------------------------

def test_the_sample_tree_is_named_in_the_learners_language_and_fresh_each_time():
    fr, en = sample_tree("fr"), sample_tree("en")
    assert fr.folders() == ["Bureau", "Documents", "Images", "Musique", "Téléchargements"]
    assert en.folders() == ["Desktop", "Documents", "Downloads", "Music", "Pictures"]
    assert "facture-eau.pdf" in fr.files("Téléchargements")
    fr.make_folder("Documents/Factures")
    assert not sample_tree("fr").exists("Documents/Factures")


def test_tidying_a_download_into_a_new_folder():
    tree = sample_tree("fr")
    assert tree.make_folder("Documents/Factures") == "Documents/Factures"
    assert tree.move("Téléchargements/facture-eau.pdf", "Documents/Factures") == (
        "Documents/Factures/facture-eau.pdf")
    assert tree.files("Documents/Factures") == ["facture-eau.pdf"]
    assert "facture-eau.pdf" not in tree.files("Téléchargements")
    assert tree.find("FACTURE") == ["Documents/Factures/facture-eau.pdf"]
    assert tree.find("crêpes") == ["Téléchargements/recette-crepes.pdf"]  # accents forgiven


def test_moving_a_folder_takes_everything_inside_along():
    tree = sample_tree("en")
    tree.move("Music", "Documents")
    assert tree.files("Documents/Music") == ["song.mp3"]
    assert not tree.exists("Music")


@pytest.mark.parametrize(("action", "words"), [
    (lambda tr: tr.make_folder("Documents"), "Il y a déjà « Documents »"),
    (lambda tr: tr.make_folder("Nulle/Part"), "Je ne trouve pas le dossier « Nulle »"),
    (lambda tr: tr.make_folder("Images/a:b?"), "signe interdit dans les noms de fichiers : : ?"),
    (lambda tr: tr.make_folder("   "), "Il faut d'abord écrire un nom."),
    (lambda tr: tr.move("Images", "Images"), "dans lui-même"),
    (lambda tr: tr.move("Documents", "Documents/Sous"), "Je ne trouve pas le dossier"),
    (lambda tr: tr.move("Images/rien.jpg", "Documents"), "« Images/rien.jpg » n'existe pas"),
    (lambda tr: tr.move("Images/photo-mamie.jpg", "Images"), "est déjà dans ce dossier"),
])
def test_impossible_steps_are_refused_with_a_sentence_that_says_why(action, words):
    tree = sample_tree("fr")
    with pytest.raises(TreeError, match=words.replace("?", r"\?")):
        action(tree)
    assert tree.root == sample_tree("fr").root  # nothing half-done


def test_a_folder_cannot_go_into_its_own_sub_folder():
    tree = FileTree("Home", "en")
    tree.make_folder("A")
    tree.make_folder("A/B")
    with pytest.raises(TreeError, match="inside itself"):
        tree.move("A", "A/B")
    assert tree.is_folder("A/B") and not tree.is_folder("B")


def test_the_tree_drawn_as_text_has_rails_and_corners():
    tree = FileTree("Home", "en")
    tree.make_folder("Docs")
    tree.add_file("Docs/a.txt")
    tree.add_file("Docs/b.txt")
    tree.add_file("z.jpg")
    assert tree.lines() == [
        "📁 Home",
        "├── 📁 Docs",
        "│   ├── 📄 a.txt",
        "│   └── 📄 b.txt",
        "└── 📄 z.jpg",
    ]


def test_the_picture_draws_one_box_per_folder_and_file():
    tree = sample_tree("fr")
    fig = draw_tree(tree, "fr")
    texts = [text.get_text() for text in fig.axes[0].texts]
    assert texts[0] == "Marie" and "facture-eau.pdf" in texts
    assert len(texts) == 1 + len(list(tree.walk()))
    assert fig.axes[0].get_title() == "Les dossiers et fichiers de Marie"
    matplotlib.pyplot.close(fig)


# --- keyboard, mouse, saving -------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "verdict", "right"), [
    ("", "going", 0), ("Bon", "going", 3), ("Bonjour", "done", 7),
    ("bonjour", "case", 0), ("BOnjour", "lower", 1), ("Bonjoure", "too_long", 7),
    ("Bonsoir", "wrong", 3),
])
def test_typing_feedback_names_the_first_slip(typed, verdict, right):
    assert check_typing("Bonjour", typed) == (verdict, right)


def test_a_missing_accent_is_told_apart_from_a_wrong_letter():
    assert check_typing("été", "ete") == ("accent", 0)
    assert check_typing("été", "éta") == ("wrong", 2)


def test_the_star_moves_after_each_hit_and_misses_are_counted():
    game = ClickGame(seed=1)
    for _ in range(game.goal):
        star = game.target
        assert not game.click((star + 1) % 9)
        assert game.click(star)
        assert game.target != star
    assert game.done and game.hits == 5 and game.misses == 5
    game.reset()
    assert not game.done and game.hits == game.misses == 0


def test_a_power_cut_keeps_only_what_was_saved():
    draft = Draft()
    draft.text = "Bonjour"
    draft.save()
    draft.text = "Bonjour Marie"
    assert draft.unsaved
    assert draft.power_cut() == "Marie"  # only the words typed since the save
    assert draft.text == "Bonjour" and not draft.unsaved
    assert draft.power_cut() == ""
    draft.text = "Bonsoir"  # the saved words changed: the whole screen is lost
    assert draft.power_cut() == "Bonsoir" and draft.text == "Bonjour"
    assert Draft(text="Cher Monsieur").power_cut() == "Cher Monsieur"  # never saved


def test_the_quiz_asks_every_shortcut_once_and_scores_first_tries():
    quiz = ShortcutQuiz(seed=3)
    assert sorted(quiz.order) == sorted(SHORTCUTS)
    while quiz.task is not None:
        assert len(quiz.choices) == 4 and quiz.task in quiz.choices
        assert len(set(quiz.choices)) == 4
        if quiz.number == 0:
            wrong = next(c for c in quiz.choices if c != quiz.task)
            assert not quiz.answer(wrong)
        assert quiz.answer(quiz.task)
        quiz.next()
    assert quiz.score == len(SHORTCUTS) - 1 and quiz.choices == []


# --- what the learner sees when clicking the activities ----------------------------------------

def html_of(box) -> str:
    """All the text of the HTML widgets inside a box, as the learner would read it."""
    out = []
    for child in box.children:
        out += [html_of(child)] if hasattr(child, "children") else [getattr(child, "value", "")]
    return "\n".join(str(part) for part in out)


def test_clicking_the_star_five_times_congratulates():
    box = click_game("fr", seed=2)
    grid = box.children[1]
    empty = next(b for b in grid.children if b.description != "★")
    empty.click()
    assert "Pas tout à fait" in box.children[0].value
    for _ in range(5):
        star = next(b for b in grid.children if b.description == "★")
        assert star.tooltip == "L'étoile : cliquez ici"
        star.click()
    assert "5 étoiles sur 5" in box.children[0].value
    assert all(b.description.strip() == "" for b in grid.children)
    box.children[2].click()
    assert sum(b.description == "★" for b in grid.children) == 1


def test_typing_shows_each_slip_then_moves_to_the_next_word():
    box = typing_practice("en")
    prompt, text, feedback, next_button = box.children
    assert "Word 1 of 5" in prompt.value and "cat" in prompt.value
    text.value = "cot"
    assert 'Letter 2 should be "a" and you typed "o"' in feedback.value
    text.value = "cat"
    assert "exactly it" in feedback.value
    next_button.click()
    assert "Word 2 of 5" in prompt.value and text.value == ""
    for _ in range(4):
        next_button.click()
    assert "Every word is typed" in prompt.value and text.disabled


def test_the_shortcut_quiz_reacts_to_right_and_wrong_keys():
    box = shortcut_quiz("fr", seed=5)
    question, choices, feedback, next_button = box.children
    quiz = ShortcutQuiz(seed=5)  # same seed: same questions in the same order
    right = t(f"first_steps.shortcut.keys.{quiz.task}", "fr")
    wrong = next(b for b in choices.children if b.description != right)
    wrong.click()
    assert feedback.value.count("Non,") == 1 and wrong.disabled
    assert next_button.disabled
    next(b for b in choices.children if b.description == right).click()
    assert "Oui !" in feedback.value and not next_button.disabled
    for _ in range(len(SHORTCUTS)):
        next_button.click()
    assert "Fini ! Vous avez trouvé 0 fois sur 6" in question.value


def test_the_save_demo_loses_what_was_not_saved():
    box = save_demo("en")
    area, state, buttons, news, disk = box.children
    save, power_cut = buttons.children
    area.value = "Dear Sir"
    assert "not saved" in state.value
    save.click()
    assert "Everything is saved" in state.value and "Dear Sir" in disk.value
    area.value = "Dear Sir, thank you"
    power_cut.click()
    assert area.value == "Dear Sir"
    assert 'Lost: ", thank you"' in news.value


def test_the_explorer_opens_folders_creates_one_and_moves_a_file():
    tree = sample_tree("fr")
    box = file_explorer("fr", tree)
    explorer = box.children[0]
    folders = explorer.children[2]
    next(b for b in folders.children if "Documents" in b.description).click()
    assert "Marie › Documents" in explorer.children[0].children[0].value
    name_box, create = explorer.children[6].children
    name_box.value = "Factures"
    create.click()
    assert tree.is_folder("Documents/Factures") and "Factures" in html_of(box)
    explorer.children[0].children[1].click()  # go up
    next(b for b in folders.children if "Téléchargements" in b.description).click()
    file_pick, target_pick, move = explorer.children[5].children
    assert file_pick.value == "attestation-CAF.pdf"  # something is always chosen
    assert target_pick.value == "" and target_pick.label == "Marie"
    file_pick.value = "facture-eau.pdf"
    target_pick.value = "Documents/Factures"
    move.click()
    assert tree.exists("Documents/Factures/facture-eau.pdf")
    assert "maintenant rangé ici" in explorer.children[7].value
    name_box.value = "a/b"  # typed as one name: the slash is refused, not read as a path
    create.click()
    assert "signe interdit dans les noms de fichiers : /" in explorer.children[7].value
    assert not tree.exists("Téléchargements/a")


def test_every_key_built_from_a_name_exists_in_both_languages():
    """Keys made with f-strings escape the catalogue scan of test_i18n: list them here."""
    from tremplin.first_steps import KINDS, SAMPLE
    from tremplin.i18n import load_all

    def names(spec):
        return [n for key, sub in spec.items() for n in [key, *(names(sub) if sub else [])]]

    keys = [f"first_steps.kind.{kind}" for kind in [*KINDS.values(), "unknown"]]
    keys += [f"first_steps.sample.{name}" for name in ["home", *names(SAMPLE)]]
    keys += [f"first_steps.shortcut.{part}.{s}" for s in SHORTCUTS for part in ("task", "keys")]
    keys += [f"first_steps.typing.{verdict}" for verdict in (
        "done", "going", "case", "lower", "accent", "wrong", "too_long")]
    keys += [f"first_steps.tree.{k}" for k in (
        "no_folder", "empty_name", "bad_name", "taken", "missing", "into_itself", "already_there")]
    keys += ["first_steps.click.star", "first_steps.click.empty"]
    catalogue = load_all()
    assert sorted(k for k in keys if k not in catalogue) == []
