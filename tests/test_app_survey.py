"""The satisfaction survey: what the visitor sees, what is stored (nothing personal), and what
the trainer's page counts, charts and exports."""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote

import pytest
from helpers import ROOT

from tremplin.apps.survey import OTHER, Survey, answer_boxes, face_svg, workshops
from tremplin.apps.survey_results import SurveyResults
from tremplin.apps.survey_store import (
    FOLDER_VARIABLE,
    Response,
    SurveyDataError,
    load_responses,
    parse_response,
    questions,
    questions_from_data,
    save_response,
    scrub,
    survey_folder,
)
from tremplin.metadata import check_notebook, notebook_meta

DAY = date(2025, 5, 12)
ANSWERS = {"workshop": "first-steps", "satisfaction": 4, "learned": "yes", "ease": "a-little",
           "recommend": "yes", "pace": "right"}


def module(root: Path, lang: str, name: str, module_id: str, title: str) -> None:
    path = root / "modules" / lang / f"{name}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = {"tremplin": {"kind": "module", "lang": lang, "id": module_id, "title": title}}
    path.write_text(json.dumps({"cells": [], "metadata": meta, "nbformat": 4,
                                "nbformat_minor": 5}), encoding="utf-8")


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    """A kit of three modules: two in both languages, one only in French."""
    root = tmp_path / "kit"
    for folder in ("modules", "exercises", "voila_apps"):
        (root / folder).mkdir(parents=True)
    module(root, "fr", "00-premiers-pas", "first-steps", "Premiers pas")
    module(root, "en", "00-first-steps", "first-steps", "First steps")
    module(root, "fr", "01-dans-la-machine", "inside-the-machine", "Dans la machine")
    module(root, "en", "01-inside-the-machine", "inside-the-machine", "Inside the machine")
    module(root, "fr", "02-seulement-fr", "french-only", "Seulement en français")
    return root


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "survey"


def visitor(kit: Path, folder: Path, lang: str = "fr", **kwargs) -> Survey:
    return Survey(lang=lang, root=kit, folder=folder, today=lambda: DAY, **kwargs)


def answer_all(app: Survey, indexes: tuple[int, ...] = (0, 3, 0, 1, 0, 1)) -> None:
    for key, index in zip(app.choice_keys(), indexes, strict=True):
        assert app.answer(key, index), key


def stored(folder: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


# The notebooks and the picture


def test_the_notebooks_are_valid_and_the_results_stay_off_the_kiosk():
    survey = ROOT / "voila_apps" / "enquete-de-satisfaction.ipynb"
    results_page = ROOT / "voila_apps" / "enquete-resultats.ipynb"
    for path in (survey, results_page):
        assert check_notebook(path, ROOT) == []
    assert notebook_meta(survey)["id"] == "satisfaction-survey"
    assert notebook_meta(survey).get("kiosk", True) is True
    meta = notebook_meta(results_page)
    assert meta["kiosk"] is False and meta["audience"] == ["library-staff"]


def test_the_tile_picture_is_a_named_image():
    import xml.etree.ElementTree as ET

    svg = ET.parse(ROOT / "voila_apps" / "pictures" / "satisfaction-survey.svg").getroot()
    assert svg.get("viewBox") == "0 0 96 96" and svg.get("role") == "img"
    title = svg.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and "enquête de satisfaction" in title.text
    shapes = [e for e in svg if not e.tag.endswith("title")]
    assert 2 <= len(shapes) <= 4
    assert svg.find("{http://www.w3.org/2000/svg}text") is None


# The questions and the workshops


def test_the_questions_come_in_order_with_words_in_both_languages():
    found = questions()
    assert [q.id for q in found] == ["workshop", "satisfaction", "learned", "ease", "recommend",
                                     "pace", "comment"]
    scale = found[1]
    assert scale.scale and [o.value for o in scale.options] == [1, 2, 3, 4, 5]
    assert scale.options[0].text["fr"] == "Pas du tout satisfait"
    assert scale.options[-1].text == {"fr": "Très satisfait", "en": "Very satisfied"}
    assert [o.text["en"] for o in found[2].options] == ["Yes", "A little", "No"]
    assert [o.text["fr"] for o in found[5].options] == ["Trop lent", "Comme il faut",
                                                        "Trop rapide"]


@pytest.mark.parametrize(("raw", "message"), [
    ({}, "app-survey-questions.yaml: expected 'questions:'"),
    ({"questions": [{"id": "pace", "kind": "choice", "ask": {"fr": "Rythme ?"},
                     "short": {"fr": "R", "en": "P"},
                     "options": [{"value": "a", "text": {"fr": "a", "en": "a"}},
                                 {"value": "b", "text": {"fr": "b", "en": "b"}}]}]},
     "question 1 (pace): 'ask' needs a text in each language"),
    ({"questions": [{"id": "mood", "kind": "choice", "ask": {"fr": "a", "en": "b"},
                     "short": {"fr": "a", "en": "b"}, "scale": True,
                     "options": [{"value": 0, "text": {"fr": "a", "en": "b"}},
                                 {"value": 1, "text": {"fr": "c", "en": "d"}}]}]},
     "question 1 (mood): the options of a scale have the values 1, 2, 3"),
    ({"questions": [{"id": "x", "kind": "slider"}]}, "question 1 (x): 'kind' must be one of"),
])
def test_a_mistake_in_the_questions_file_names_the_file_and_the_question(raw, message):
    with pytest.raises(SurveyDataError, match=re.escape(message)):
        questions_from_data(raw)


def test_workshops_are_the_kits_modules_in_the_visitors_language(kit):
    found = workshops(kit)
    assert [w.id for w in found] == ["first-steps", "inside-the-machine", "french-only"]
    assert found[0].title == {"fr": "Premiers pas", "en": "First steps"}
    assert found[2].title == {"fr": "Seulement en français", "en": "Seulement en français"}


def test_the_first_screen_lists_the_workshops_and_other(kit, folder):
    app = visitor(kit, folder)
    assert app.screen == "workshop"
    assert app.options("workshop") == ["Premiers pas", "Dans la machine",
                                       "Seulement en français", "Autre"]
    page = app.screen_html()
    assert "<h1>Enquête de satisfaction</h1>" in page
    assert "Question 1 sur 7" in page and "Quel atelier avez-vous suivi ?" in page
    assert "anonyme" in page and 'role="status"' in page
    app.lang = "en"
    assert app.options("workshop")[-1] == "Other"
    assert "Question 1 of 7" in app.screen_html()
    assert app.options("satisfaction")[0] == "Not at all satisfied"


# A visitor's path


def test_a_visitor_answers_and_only_answers_language_and_day_are_stored(kit, folder):
    app = visitor(kit, folder)
    answer_all(app)
    assert app.screen == "comment"
    assert "N'écrivez pas de nom ni de numéro." in app.screen_html()
    assert app.submit("Très bien ! Rappelez-moi : marie.dupont@example.fr ou 06 12 34 56 78.")
    assert app.screen == "thanks"
    page = app.screen_html()
    assert "Merci !" in page and "Vos réponses sont enregistrées." in page
    assert "10 secondes" in page
    files = list(folder.glob("*.json"))
    assert len(files) == 1 and files[0].name.startswith("2025-05-12-")
    data = stored(folder)[0]
    assert set(data) == {"format", "date", "lang", "answers"}
    assert data["date"] == "2025-05-12" and data["lang"] == "fr"
    assert data["answers"] == {**ANSWERS, "comment": "Très bien ! Rappelez-moi : […] ou […]."}
    text = files[0].read_text(encoding="utf-8")
    for personal in ("@", "06 12", "marie", "dupont"):
        assert personal not in text
    assert not re.search(r"\d:\d\d|T\d", text)  # no hour anywhere
    written = datetime.fromtimestamp(files[0].stat().st_mtime)
    assert (written.hour, written.minute, written.second) == (0, 0, 0)  # not even the hour
    assert not [p for p in folder.iterdir() if p.suffix != ".json"]  # no temporary file left


def test_the_english_survey_stores_the_same_codes_and_no_empty_comment(kit, folder):
    app = visitor(kit, folder, lang="en")
    app.answer("workshop", len(app.options("workshop")) - 1)  # Other
    answer_all_rest = (4, 2, 2, 1, 2)
    for key, index in zip(app.choice_keys()[1:], answer_all_rest, strict=True):
        app.answer(key, index)
    assert "Don't write names or numbers." in app.screen_html()
    app.submit("   ")
    assert stored(folder)[0]["answers"] == {"workshop": OTHER, "satisfaction": 5,
                                            "learned": "no", "ease": "no",
                                            "recommend": "no", "pace": "too-fast"}
    assert stored(folder)[0]["lang"] == "en"
    assert "Thank you!" in app.screen_html()


def test_a_click_meant_for_a_screen_already_left_is_ignored(kit, folder):
    app = visitor(kit, folder)
    assert app.answer("workshop", 1)
    assert not app.answer("workshop", 0)  # a double tap
    assert app.screen == "satisfaction" and app.answers == {"workshop": "inside-the-machine"}
    assert not app.answer("satisfaction", 9)
    assert not app.submit("too early")
    assert not folder.exists()


def test_back_start_again_and_next_person(kit, folder):
    app = visitor(kit, folder)
    assert not app.can_go_back
    app.answer("workshop", 0)
    assert app.can_go_back
    app.back()
    assert app.screen == "workshop"
    app.answer("workshop", 2)
    app.lang = "en"
    app.restart(keep_language=True)  # « Recommencer »: the same visitor, in English still
    assert (app.screen, app.answers, app.lang) == ("workshop", {}, "en")
    answer_all(app)
    app.submit()
    assert not app.can_go_back
    app.restart(keep_language=False)  # the next person gets the page's first language
    assert (app.screen, app.answers, app.lang, app.saved) == ("workshop", {}, "fr", None)


def test_the_thanks_screen_comes_back_to_the_start_on_its_own(kit, folder):
    timers: list[tuple[float, object, list[bool]]] = []

    def schedule(seconds, callback):
        cancelled: list[bool] = []
        timers.append((seconds, callback, cancelled))
        return lambda: cancelled.append(True)

    app = visitor(kit, folder, schedule=schedule)
    answer_all(app)
    app.submit()
    returned: list[int] = []

    def start_over(number: int) -> None:
        returned.append(number)
        app.restart(keep_language=False)

    app.return_later(lambda: start_over(1))
    seconds, fire, cancelled = timers[-1]
    assert seconds == 10 and not cancelled
    fire()
    assert returned == [1] and app.screen == "workshop"
    # Someone pressed « Nouvelle personne » first: the timer is cancelled, and a late call
    # must not throw the next visitor back to the start.
    answer_all(app)
    app.submit()
    app.return_later(lambda: start_over(2))
    seconds, late, cancelled = timers[-1]
    app.restart(keep_language=False)
    app.answer("workshop", 0)
    assert cancelled == [True]
    late()
    assert returned == [1] and app.screen == "satisfaction"


def test_the_real_timer_calls_back_outside_a_kernel(kit, folder):
    app = visitor(kit, folder, return_seconds=0)
    answer_all(app)
    app.submit()
    done = threading.Event()
    # In a thread of its own: the browser tests' Playwright keeps an event loop "running" in the
    # main thread of the test session, which no kernel would ever turn.
    outside = threading.Thread(target=app.return_later, args=(done.set,))
    outside.start()
    outside.join()
    assert done.wait(5)


def test_a_folder_that_cannot_be_written_still_thanks_the_visitor(kit, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    app = visitor(kit, blocked)
    answer_all(app)
    assert app.submit() is False
    assert app.screen == "thanks"
    assert "n'ont pas pu être enregistrées" in app.screen_html()


def test_answer_buttons_are_big_and_the_scale_has_faces(kit, folder):
    app = visitor(kit, folder)
    picked: list[tuple[str, int]] = []
    boxes = answer_boxes(app, lambda key, index: picked.append((key, index)))
    assert list(boxes) == app.choice_keys()
    scale = boxes["satisfaction"].children
    assert [b.description for b in scale][-1] == "Très satisfait"  # the words, read out
    assert "tremplin-face-5" in scale[-1]._dom_classes
    assert not any(c.startswith("tremplin-face") for c in boxes["learned"].children[0]._dom_classes)
    scale[1].click()
    assert picked == [("satisfaction", 1)]
    assert "<svg" in face_svg(1) and face_svg(1) != face_svg(5)


# Storage


@pytest.mark.parametrize(("comment", "kept"), [
    ("écrivez à jean.dupont@gmail.com merci", "écrivez à […] merci"),
    ("mail : marie.d@example.fr, ou", "mail : […], ou"),
    ("jean (at) free.fr", "[…]"),
    ("tél. 06.12.34.56.78", "tél. […]"),
    ("+33 (0)6 12 34 56 78 le soir", "[…] le soir"),
    ("0612345678", "[…]"),
    ("3 ateliers, 2 heures, 10 personnes", "3 ateliers, 2 heures, 10 personnes"),
    ("  bien\x07 \n", "bien"),
    ("a" * 900, "a" * 500),
])
def test_comments_lose_addresses_and_numbers(comment, kept):
    assert scrub(comment) == kept


def test_the_store_scrubs_whoever_calls_and_refuses_a_bad_response(folder):
    path = save_response(Response(DAY, "en", {**ANSWERS, "comment": "me@x.org"}), folder)
    assert json.loads(path.read_text())["answers"]["comment"] == "[…]"
    with pytest.raises(ValueError, match="satisfaction"):
        save_response(Response(DAY, "fr", {**ANSWERS, "satisfaction": 9}), folder)
    assert len(list(folder.iterdir())) == 1


def test_the_folder_is_the_variable_or_inside_the_kit(monkeypatch, tmp_path):
    monkeypatch.setenv(FOLDER_VARIABLE, str(tmp_path / "shared"))
    assert survey_folder() == tmp_path / "shared"
    monkeypatch.delenv(FOLDER_VARIABLE)
    monkeypatch.setenv("TREMPLIN_ROOT", str(tmp_path))
    assert survey_folder() == tmp_path / ".tremplin" / "survey"


def _save_many(folder: str, count: int) -> int:
    for _ in range(count):
        save_response(Response(DAY, "fr", dict(ANSWERS)), folder)
    return count


def test_kernels_writing_at_the_same_moment_lose_nothing(folder):
    threads = [threading.Thread(target=_save_many, args=(str(folder), 25)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with ProcessPoolExecutor(max_workers=4) as pool:
        assert sum(pool.map(_save_many, [str(folder)] * 4, [20] * 4)) == 80
    responses, skipped = load_responses(folder)
    assert (len(responses), skipped) == (280, 0)
    assert len(list(folder.iterdir())) == 280  # no temporary file left behind


def test_a_damaged_file_is_skipped_counted_and_left_alone(folder):
    save_response(Response(DAY, "fr", dict(ANSWERS)), folder)
    damaged = {
        "cut.json": '{"format": 1, "date": "2025-05-',
        "list.json": "[1, 2]",
        "hour.json": json.dumps({"format": 1, "date": "2025-05-12T10:31", "lang": "fr",
                                 "answers": ANSWERS}),
        "word.json": json.dumps({"format": 1, "date": "2025-05-12", "lang": "fr",
                                 "answers": {**ANSWERS, "satisfaction": "4"}}),
        "yes.json": json.dumps({"format": 1, "date": "2025-05-12", "lang": "fr",
                                "answers": {**ANSWERS, "satisfaction": True}}),
        "binary.json": "\udcff",
    }
    for name, text in damaged.items():
        (folder / name).write_bytes(text.encode("utf-8", "surrogateescape"))
    (folder / "notes.txt").write_text("the trainer's own notes")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    responses, skipped = load_responses(folder)
    assert (len(responses), skipped) == (1, len(damaged))
    assert responses[0] == Response(DAY, "fr", ANSWERS)
    save_response(Response(DAY, "en", dict(ANSWERS)), folder)
    after = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert {name: after[name] for name in before} == before  # nothing deleted or overwritten
    assert len(after) == len(before) + 1


def test_no_folder_yet_means_no_responses(tmp_path):
    assert load_responses(tmp_path / "nothing") == ([], 0)


def test_a_response_reads_back_without_unknown_keys():
    data = {"format": 1, "date": "2025-05-12", "lang": "en",
            "answers": {**ANSWERS, "comment": "", "extra": "?"}}
    assert parse_response(data) == Response(DAY, "en", ANSWERS)
    with pytest.raises(ValueError):
        parse_response({**data, "lang": "de"})
    with pytest.raises(ValueError):
        parse_response({**data, "format": 2})


# The trainer's page


def prepared(folder: Path) -> None:
    """Six responses over two months, and one damaged file."""
    rows = [
        (date(2025, 5, 12), "fr", {"satisfaction": 5, "comment": "=SUM(A1) <b>top</b>"}),
        (date(2025, 5, 10), "fr", {"satisfaction": 4}),
        (date(2025, 5, 8), "en", {"workshop": "inside-the-machine", "satisfaction": 3,
                                  "pace": "too-fast", "comment": "Too fast\nfor me"}),
        (date(2025, 4, 20), "fr", {"workshop": OTHER, "satisfaction": 2, "recommend": "no"}),
        (date(2025, 3, 1), "en", {"satisfaction": 1, "learned": "no"}),
        (date(2025, 3, 2), "fr", {"workshop": "removed-module"}),
    ]
    for day, lang, changes in rows:
        save_response(Response(day, lang, {**ANSWERS, **changes}), folder)
    (folder / "broken.json").write_text("{")


def results(kit: Path, folder: Path, lang: str = "fr", period: str = "all") -> SurveyResults:
    page = SurveyResults(lang=lang, folder=folder, root=kit, period=period,
                         today=lambda: DAY)
    page.reload()
    return page


def test_counts_by_workshop_language_and_answer(kit, folder):
    prepared(folder)
    page = results(kit, folder)
    assert (len(page.selected()), page.skipped) == (6, 1)
    assert page.counts("workshop") == [("Premiers pas", 3), ("Autre", 1),
                                       ("Dans la machine", 1), ("removed-module", 1)]
    assert page.language_counts() == [("Français", 4), ("English", 2)]
    assert page.counts("satisfaction") == [("Pas du tout satisfait", 1), ("Peu satisfait", 1),
                                           ("Moyennement satisfait", 1), ("Satisfait", 2),
                                           ("Très satisfait", 1)]
    assert page.average() == (pytest.approx(19 / 6), 5)
    summary = page.summary_html()
    for shown in ("Période : Tout.", "Réponses : 6", "Satisfaction moyenne : 3,2 sur 5",
                  "Fichiers abîmés ignorés : 1", "<li>Premiers pas : 3</li>",
                  "<li>English : 2</li>"):
        assert shown in summary, shown
    page.lang = "en"
    assert "Average satisfaction: 3.2 out of 5" in page.summary_html()
    assert page.counts("pace") == [("Too slow", 0), ("Just right", 5), ("Too fast", 1)]


def test_charts_say_their_numbers_in_their_alt_text(kit, folder):
    prepared(folder)
    page = results(kit, folder)
    assert page.chart_alt("recommend") == "Conseillerait l'atelier. Oui : 5, Non : 1. Total : 6."
    charts = page.charts()
    assert len(charts) == 6
    assert all(c.value.startswith('<img src="data:image/png;base64,') for c in charts)
    assert 'alt="Satisfaction. Pas du tout satisfait : 1, Peu satisfait : 1' in charts[1].value
    page.lang = "en"
    assert page.chart_alt("learned") == ("Learned something useful. Yes: 5, A little: 0, "
                                         "No: 1. Total: 6.")
    for chart in charts:
        chart.close()


def test_the_period_filter_keeps_the_last_days(kit, folder):
    prepared(folder)
    page = results(kit, folder, period="week")
    assert [r.day.day for r in page.selected()] == [8, 10, 12]
    assert "Période : 7 derniers jours (du 06/05/2025 au 12/05/2025)." in page.summary_html()
    page.period = "month"
    assert len(page.selected()) == 4
    page.lang = "en"
    assert "Period: Last 30 days (2025-04-13 to 2025-05-12)." in page.summary_html()
    page.today = lambda: date(2026, 1, 1)
    assert page.selected() == [] and page.charts() == []
    assert "No responses for this period." in page.summary_html()
    assert "No comments." in page.comments_html()


def test_comments_newest_first_escaped_with_day_and_workshop(kit, folder):
    prepared(folder)
    page = results(kit, folder)
    comments = page.comments_html()
    assert "<h2>Commentaires</h2>" in comments
    assert comments.index("12/05/2025 · Premiers pas") < comments.index(
        "08/05/2025 · Dans la machine")
    assert "&lt;b&gt;top&lt;/b&gt;" in comments and "<b>top" not in comments


def test_the_csv_has_a_row_per_response_in_the_pages_language(kit, folder):
    prepared(folder)
    page = results(kit, folder, period="week")
    rows = list(csv.reader(io.StringIO(page.csv_text()), delimiter=";"))
    assert rows[0] == ["Date", "Langue", "Atelier", "Satisfaction",
                       "Appris quelque chose d'utile", "Plus à l'aise avec le numérique",
                       "Conseillerait l'atelier", "Rythme", "Commentaire"]
    assert rows[1] == ["2025-05-08", "English", "Dans la machine", "3", "Oui", "Un peu", "Oui",
                       "Trop rapide", "Too fast\nfor me"]
    assert rows[3][-1] == "'=SUM(A1) <b>top</b>"  # not run as a formula by a spreadsheet
    assert len(rows) == 4
    page.lang = "en"
    rows = list(csv.reader(io.StringIO(page.csv_text())))
    assert rows[1][:4] == ["2025-05-08", "English", "Inside the machine", "3"]
    link = page.download_html()
    assert 'download="satisfaction-survey.csv"' in link and ">Download (CSV)</a>" in link
    data = unquote(link.split('href="data:text/csv;charset=utf-8,')[1].split('"')[0])
    assert data == "\ufeff" + page.csv_text()


def test_the_trainers_page_opens_on_an_empty_store(kit, tmp_path, monkeypatch):
    monkeypatch.setenv(FOLDER_VARIABLE, str(tmp_path / "never-written"))
    page = SurveyResults(root=kit, today=lambda: DAY)
    page.reload()
    assert "Aucune réponse pour cette période." in page.summary_html()
    assert page.charts() == [] and "Aucun commentaire." in page.comments_html()
    assert page.csv_text().count("\n") == 1
    assert not (tmp_path / "never-written").exists()  # reading creates nothing
