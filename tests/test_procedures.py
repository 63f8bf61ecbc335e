"""Online procedures: the official-site rule and its limits, scam messages, form fields, the
simulated procedure step by step, its receipt, and what the learner reads and clicks."""

from __future__ import annotations

import ast
import re
import sys
from datetime import date, datetime
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from tremplin import procedure_checks, procedures
from tremplin.i18n import load_all
from tremplin.procedure_activities import (
    address_checker,
    check_line,
    clue_lines,
    clues_chart,
    scam_activity,
    show_receipt,
)
from tremplin.procedure_checks import (
    CLUES,
    clue_shares,
    field_problem,
    judge_known_site,
    judge_message,
    judge_site,
    messages,
    official_data,
    parse_address,
    registered_domain,
)
from tremplin.procedure_display import receipt_lines, timeline_html
from tremplin.procedure_widgets import ProcedureActivity
from tremplin.procedures import (
    FIELDS,
    MAX_CODE_TRIES,
    ORGANISATIONS,
    STEPS,
    Procedure,
    StepError,
    demo_receipt,
    search_results,
)

WHEN = datetime(2025, 3, 12, 14, 32, 5)
REFERENCE = re.compile(r"DEM-\d{4}-[A-HJ-NP-Z2-9]{6}")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#x27;", "'")


# --- the official-site rule ---------------------------------------------------------------

@pytest.mark.parametrize(("address", "domain", "reasons"), [
    ("https://www.impots.gouv.fr/accueil", "impots.gouv.fr", ("gouv_fr",)),
    ("www.ameli.fr", "ameli.fr", ("listed",)),
    ("WWW.CAF.FR", "caf.fr", ("listed",)),
    ("https://www.francetravail.fr", "francetravail.fr", ("listed",)),
    ("http://www.caf.fr", "caf.fr", ("listed", "no_https")),
    ("https://impots-gouv.fr", "impots-gouv.fr", ("gouv_elsewhere", "lookalike")),
    ("https://impots.gouv.fr.remboursement.example/", "remboursement.example",
     ("gouv_elsewhere", "lookalike")),
    ("https://impots.gouv.fr@pay.example/x", "pay.example", ("at_decoy", "lookalike")),
    ("https://www.arneli.fr", "arneli.fr", ("lookalike",)),
    ("https://www.amel1.info", "amel1.info", ("lookalike",)),
    ("https://lyon.fr", "lyon.fr", ("not_listed",)),
    ("hello", "", ("not_an_address",)),
])
def test_an_address_is_read_from_the_end_of_its_name(address, domain, reasons):
    verdict = judge_site(address)
    assert (verdict.domain, verdict.reasons) == (domain, reasons)
    assert verdict.official == (reasons[0] in ("gouv_fr", "listed"))


def test_the_registered_domain_keeps_three_labels_under_gouv_fr_only():
    assert registered_domain("www.impots.gouv.fr") == "impots.gouv.fr"
    assert registered_domain("www.impots.gouv.fr.pay.com") == "pay.com"
    assert registered_domain("a.b.ameli.fr.") == "ameli.fr"
    assert parse_address("https://x.example:8080/page").host == "x.example"
    assert parse_address("https://") is None


def test_money_is_a_clue_only_for_a_free_procedure_and_a_padlock_is_not_enough():
    assert "paid" in judge_site("https://www.demarches.example", price=29.9).reasons
    assert "paid" not in judge_site("https://www.demarches.example", price=29.9,
                                    free=False).reasons
    official_but_open = judge_site("http://www.service-public.gouv.fr")
    assert official_but_open.official and not official_but_open.safe
    assert judge_site("https://www.service-public.gouv.fr").safe
    assert not judge_site("https://www.ameli-carte-vitale.info").official  # padlock, still fake


def test_in_the_search_only_the_official_result_is_safe_and_the_ad_comes_first():
    results = search_results()
    assert [site["search"] for site in results] == [1, 2, 3, 4]
    assert results[0]["ad"]
    assert [site["id"] for site in results if judge_known_site(site).safe] == ["official"]


def test_the_end_of_the_name_catches_every_look_alike_and_the_padlock_very_few():
    fakes = [s for s in official_data()["sites"] if not judge_known_site(s).official]
    assert len(fakes) == len(official_data()["sites"]) - 1 >= 10
    shares = clue_shares()
    assert list(shares) == list(CLUES)
    assert shares["domain"] == 1
    assert shares["no_https"] == min(shares.values()) < 0.25
    assert 0 < shares["paid"] < 1 and 0 < shares["lookalike"] < 1


def test_no_official_domain_is_taken_for_a_look_alike():
    for domain in procedure_checks.official_domains():
        assert judge_site(f"https://www.{domain}/").safe, domain
    for one in official_data()["imitated"]:
        assert judge_site(f"https://www.{one['site']}").safe, one


# --- scam messages ------------------------------------------------------------------------

def test_every_scam_message_is_caught_and_the_harmless_ones_are_not():
    for message in messages():
        assert bool(judge_message(message)) == message["scam"], message["id"]
    by_id = {message["id"]: message for message in messages()}
    assert judge_message(by_id["fine"])[:3] == ("asks_secret", "link_not_official",
                                                "pay_from_message")
    assert "pay_for_free" in judge_message(by_id["vitale"])
    assert {"unsolicited", "sender_not_official"} <= set(judge_message(by_id["cpf"]))
    assert judge_message(by_id["code"]) == ("asks_secret", "unsolicited", "urgent")


def test_clues_name_the_domain_they_point_at():
    fine = next(message for message in messages() if message["id"] == "fine")
    assert any("amendes-paiement-antai.com" in line for line in clue_lines(fine, "en"))
    cpf = next(message for message in messages() if message["id"] == "cpf")
    assert any("mon-cpf-droits.fr" in line and "sender" in line for line in clue_lines(cpf, "en"))


# --- form fields --------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "value", "required", "problem"), [
    ("date", "01/03/2025", True, None), ("date", "1/3/2025", True, None),
    ("date", "01-03-2025", True, "date_format"), ("date", "01/03/25", True, "date_year"),
    ("date", "31/02/2025", True, "date_impossible"), ("date", "12/13/2025", True,
                                                      "date_impossible"),
    ("postcode", "69003", True, None), ("postcode", "97400", True, None),
    ("postcode", "6900", True, "postcode_digits"), ("postcode", "69 003", True, "postcode_digits"),
    ("postcode", "00123", True, "postcode_unknown"), ("postcode", "96000", True,
                                                      "postcode_unknown"),
    ("email", "camille.martin@courriel.example", True, None),
    ("email", "camille martin@x.fr", True, "email_space"), ("email", "camille.fr", True,
                                                             "email_at"),
    ("email", "@orange.fr", True, "email_start"), ("email", "camille@orange", True, "email_end"),
    ("phone", "06 12 34 56 78", False, None), ("phone", "+33 6 12 34 56 78", False, None),
    ("phone", "12 34", False, "phone_format"), ("phone", "", False, None),
    ("comment", "Merci", False, None), ("comment", "carte 4970 1234 5678 9012", False, "too_much"),
    ("comment", "mon mot de passe est soleil", False, "too_much"),
    ("text", "  ", True, "required"), ("text", "Lyon", True, None),
])
def test_fields_are_checked_with_one_plain_problem(kind, value, required, problem):
    assert field_problem(kind, value, required) == problem


def test_a_checked_field_is_said_with_its_star_and_what_was_typed():
    assert check_line("postcode", "6900", "fr") == (
        "Code postal * « 6900 » → Un code postal a exactement 5 chiffres, sans espace ni lettre "
        ": par exemple 69003.")
    assert check_line("phone", "", "en") == 'Phone "" → ✓ That\'s fine.'


# --- the procedure, step by step ----------------------------------------------------------

def reach(step: str, seed: int = 1) -> Procedure:
    """A procedure moved, the right way, up to `step`."""
    procedure = Procedure(seed=seed)
    person = procedure.identity
    actions = {"choose": lambda: procedure.choose_site("official"),
               "connect": lambda: procedure.choose_provider("ameli"),
               "login": lambda: procedure.log_in(person.username, person.password),
               "code": lambda: procedure.enter_code(procedure.code),
               "form": lambda: procedure.fill(person.answers(WHEN.date()), person.organisations),
               "review": lambda: procedure.send(WHEN)}
    for done in STEPS[:STEPS.index(step)]:
        actions[done]()
    assert procedure.step == step
    return procedure


def test_only_the_official_site_opens_the_next_step():
    procedure = Procedure(seed=1)
    verdict = procedure.choose_site("copy")
    assert procedure.step == "choose" and "lookalike" in verdict.reasons
    assert procedure.choose_site("official").safe and procedure.step == "connect"


def test_logging_in_needs_the_card_s_username_and_password_then_sends_a_code():
    procedure = reach("login")
    assert procedure.log_in("", "") == "login_empty"
    assert procedure.log_in("cmartin58", "prune-velo-lune-7") == "login_wrong"  # capitals count
    assert procedure.codes_sent == 0
    assert procedure.log_in(" CMartin58 ", "Prune-Velo-Lune-7") is None
    assert procedure.step == "code" and re.fullmatch(r"\d{6}", procedure.code)


def test_a_one_time_code_is_replaced_after_too_many_mistakes():
    procedure = reach("code")
    first = procedure.code
    wrong = f"{(int(first) + 1) % 10**6:06d}"
    assert procedure.enter_code("12a456") == "code_format"
    for _ in range(MAX_CODE_TRIES - 1):
        assert procedure.enter_code(wrong) == "code_wrong"
    assert procedure.enter_code(wrong) == "code_resent"
    assert procedure.codes_sent == 2
    if procedure.code != first:
        assert procedure.enter_code(first) == "code_wrong"  # the old code no longer works
    assert procedure.enter_code(procedure.code[:3] + " " + procedure.code[3:]) is None
    assert procedure.step == "form"


def test_the_form_reports_every_problem_at_once_and_keeps_what_was_typed():
    procedure = reach("form")
    problems = procedure.fill({"postcode": "6900", "move_date": "31/02/2025",
                               "email": "camille", "phone": ""}, [])
    assert problems == {"street": "required", "postcode": "postcode_digits", "town": "required",
                        "move_date": "date_impossible", "email": "email_at",
                        "organisations": "choose_one"}
    assert procedure.step == "form" and procedure.answers["postcode"] == "6900"
    answers = procedure.identity.answers(date(2025, 3, 12))
    assert answers["move_date"] == "01/03/2025"
    assert procedure.fill(answers, ["taxes", "caf", "nonsense"]) == {}
    assert procedure.organisations == ("caf", "taxes")  # in the form's order
    assert procedure.step == "review"
    procedure.edit()
    assert procedure.step == "form" and procedure.answers["town"] == "Lyon"


def test_sending_gives_a_receipt_with_a_reference_and_the_date_and_saving_keeps_it():
    procedure = reach("receipt", seed=7)
    receipt = procedure.receipt
    assert REFERENCE.fullmatch(receipt.reference) and receipt.reference.startswith("DEM-2025-")
    assert receipt.sent_at == WHEN.replace(microsecond=0)
    assert dict(receipt.answers)["postcode"] == "69003"
    assert reach("receipt", seed=7).receipt.reference == receipt.reference  # seeded: repeatable
    assert procedure.save_receipt() == f"accuse-reception-{receipt.reference}.pdf"
    procedure.save_receipt()
    assert procedure.saved == [receipt.filename]
    procedure.restart()
    assert procedure.step == "choose" and procedure.receipt is None and procedure.answers == {}
    assert procedure.saved == [receipt.filename]  # the Documents folder stays


def test_an_action_at_the_wrong_step_is_refused():
    with pytest.raises(StepError):
        Procedure().send(WHEN)
    with pytest.raises(StepError):
        reach("code").choose_site("official")
    with pytest.raises(ValueError):
        reach("connect").choose_provider("bank")


def test_the_receipt_reads_the_reference_the_date_and_the_follow_up():
    lines = receipt_lines(demo_receipt(WHEN), "fr")
    assert lines[0] == "Accusé de réception (simulé)"
    assert re.fullmatch(r"Numéro de dossier : DEM-2025-\w{6}", lines[2])
    assert lines[3] == "Reçu le 12/03/2025 à 14:32"
    assert "Reçu → En cours de traitement → Terminé" in lines[7]
    english = receipt_lines(demo_receipt(WHEN), "en")
    assert english[3] == "Received on 12/03/2025 at 14:32"
    assert "CAF (family allowances), Health Insurance, Taxes" in english[6]


def test_show_receipt_prints_the_whole_receipt(capsys):
    show_receipt("en", WHEN)
    printed = capsys.readouterr().out
    assert "Reference number: DEM-2025-" in printed and "12 rue des Lilas, 69003 Lyon" in printed


# --- what the learner sees and clicks -----------------------------------------------------

def test_the_timeline_ticks_the_steps_done_and_marks_the_current_one():
    html = timeline_html(2, "en")
    assert html.count("✓") == 2 and 'aria-current="step">3. Log in' in html
    assert "Step 3 of 7: Log in" in html


def test_the_activity_walks_from_the_search_to_the_saved_receipt():
    activity = ProcedureActivity("en", seed=3, today=date(2025, 3, 12))
    activity.buttons["express"].click()
    assert "€39.90" in text_of(activity.feedback.value) and activity.state.step == "choose"
    activity.buttons["official"].click()
    assert "Official site" in text_of(activity.feedback.value)
    assert "Padlock: protected connection https://www.service-public.gouv.fr" in text_of(
        activity.bar.value)
    activity.buttons["msa"].click()
    assert "https://www.msa.fr" in activity.bar.value
    activity.inputs["username"].value, activity.inputs["password"].value = "cmartin58", "nope"
    activity.buttons["submit"].click()
    assert "wrong" in text_of(activity.feedback.value)
    activity.inputs["password"].value = "Prune-Velo-Lune-7"
    activity.buttons["submit"].click()
    assert activity.state.code in text_of(activity.phone.value)
    activity.inputs["code"].value = activity.state.code
    activity.buttons["submit"].click()
    assert activity.state.step == "form"
    activity.inputs["postcode"].value = "6900"
    activity.buttons["submit"].click()
    assert "exactly 5 digits" in text_of(activity.problems["postcode"].value)
    assert "mandatory" in text_of(activity.problems["street"].value)
    for name, value in activity.state.identity.answers(activity.today).items():
        activity.inputs[name].value = value
    activity.inputs["organisations"]["health"].value = True
    activity.buttons["submit"].click()
    assert activity.state.step == "review"
    activity.buttons["edit"].click()
    assert activity.inputs["street"].value == "12 rue des Lilas"
    activity.buttons["submit"].click()
    activity.send(WHEN)
    assert "Received on 12/03/2025 at 14:32" in text_of(activity.screen.children[1].value)
    activity.buttons["save"].click()
    assert activity.state.receipt.filename in text_of(activity.documents.value)
    assert activity.state.receipt.reference in text_of(activity.phone.value)
    activity.widget.children[-1].click()  # start again
    assert activity.state.step == "choose" and "No messages" in text_of(activity.phone.value)


def test_the_card_shows_what_to_copy_and_says_the_optional_boxes_are_not_on_it():
    card = ProcedureActivity("fr", today=date(2025, 3, 12)).card_html()
    assert "Prune-Velo-Lune-7" in card and "01/03/2025" in card and "facultatives" in card


def test_the_address_checker_judges_as_one_types():
    activity = address_checker("en")
    box, verdict = activity.children[1], activity.children[2]
    assert "Type an address" in text_of(verdict.value)
    box.value = "https://www.ameli.fr"
    assert "Official site" in text_of(verdict.value)
    activity.children[-1].click()  # the last example: https://www.gouv-fr.info
    assert box.value == "https://www.gouv-fr.info"
    assert "Not an official site" in text_of(verdict.value)


def test_the_scam_activity_scores_each_answer_and_shows_the_clues():
    activity = scam_activity("en")
    card, (scam, genuine), feedback, following, score = (
        activity.children[2], activity.children[3].children, *activity.children[4:7])
    assert "ANTAI" in text_of(card.value)
    scam.click()
    assert "Well spotted" in text_of(feedback.value) and "amendes.gouv.fr" in feedback.value
    assert scam.disabled and genuine.disabled
    following.click()
    assert "service-public.gouv.fr" in text_of(card.value)
    scam.click()
    assert "Look again" in text_of(feedback.value) and "No clue here" in text_of(feedback.value)
    assert "1 out of 2" in text_of(score.value)


def test_the_chart_draws_one_bar_per_clue_in_percent():
    fig = clues_chart("fr")
    bars = fig.axes[0].patches
    assert sorted(round(bar.get_width()) for bar in bars) == [17, 67, 75, 100]
    assert "12 sites" in fig.axes[0].get_title()
    plt.close(fig)


# --- texts and the standard-library promise -----------------------------------------------

def test_every_code_has_its_words_in_both_languages():
    catalogue = load_all()
    codes = {f"step.{step}" for step in STEPS} | {f"org.{one}" for one in ORGANISATIONS}
    codes |= {f"field.{one.name}" for one in FIELDS} | {f"placeholder.{one.name}"
                                                         for one in FIELDS}
    codes |= {f"chart.clue.{clue}" for clue in CLUES}
    codes |= {f"reason.{code}" for code in ("gouv_fr", "listed", "at_decoy", "gouv_elsewhere",
                                            "lookalike", "not_listed", "paid", "no_https",
                                            "not_an_address")}
    codes |= {f"clue.{clue}" for message in messages() for clue in judge_message(message)}
    codes |= {f"problem.{code}" for code in ("required", "choose_one", "date_format", "date_year",
                                             "date_impossible", "postcode_digits",
                                             "postcode_unknown", "email_space", "email_at",
                                             "email_start", "email_end", "phone_format",
                                             "too_much", "login_empty", "login_wrong",
                                             "code_format", "code_wrong", "code_resent")}
    assert sorted(f"procedures.{code}" for code in codes
                  if f"procedures.{code}" not in catalogue) == []
    for message in messages():
        assert message["text"]["fr"] and message["text"]["en"] and message["note"]["en"]


@pytest.mark.parametrize("module", [procedures, procedure_checks])
def test_the_logic_an_app_reuses_needs_only_the_standard_library(module):
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module}
    relative = {node.module for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.level == 1}
    assert imported - {"__future__"} <= set(sys.stdlib_module_names)
    assert relative <= {"procedure_checks"}
