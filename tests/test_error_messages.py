"""Python's errors told calmly: the right kind, the right line, texts in both languages, and
helpers that never let an error escape into a module cell."""

from __future__ import annotations

import string
import sys

import pytest

from tremplin.error_messages import (
    KINDS,
    Explanation,
    explain,
    explain_exception,
    explain_last_error,
    kind_of,
)
from tremplin.i18n import load_all
from tremplin.programming_widgets import error_lab, run_snippet

CASES = [
    ("if x == 1\n    print(x)", "missing_colon", 1),
    ("for step in range(4)\n    print(step)", "missing_colon", 1),
    ("print('Bonjour'", "unclosed_bracket", 1),
    ("print('Bonjour)", "unclosed_quote", 1),
    ('print("""Bonjour', "unclosed_quote", 1),
    ("if x = 3:\n    pass", "equals_sign", 1),
    ("numbers = [1 2]", "missing_comma", 1),
    ("while True print(1)", "syntax", 1),
    ("if True:\nprint(1)", "indent_expected", 2),
    ("x = 1\n    y = 2", "indent_unexpected", 2),
    ("def f():\n    print(1)\n   print(2)", "indent_mismatch", 3),
    ("if True:\n\tx = 1\n        y = 2", "indent_mismatch", 3),
    ("print(first_name)", "name", 1),
    ("age = 15\nprint('age: ' + age)", "mixed_types", 2),
    ("1 + 'a'", "mixed_types", 1),
    ("def f(a):\n    pass\nf(1, 2)", "arguments", 3),
    ("def f(a):\n    pass\nf()", "arguments", 3),
    ("age = 3\nage()", "not_callable", 2),
    ("len(5)", "type", 1),
    ("share = 10 / 0", "zero_division", 1),
    ("days = ['lundi', 'mardi']\nprint(days[2])", "index", 2),
    ("prices = {'pain': 1}\nprices['lait']", "key", 2),
    ("int('douze')", "not_a_number", 1),
    ("float('3,5')", "not_a_number", 1),
    ("import math\nmath.sqrt(-1)", "value", 2),
    ("'abc'.uper()", "attribute", 1),
    ("import turtlz", "module", 1),
    ("raise NotImplementedError()", "not_implemented", 1),
    ("def f():\n    return f()\nf()", "recursion", 2),
    ("assert 1 + 1 == 3", "assertion", 1),
    ("open('no-such-file.txt')", "file", 1),
    ("raise LookupError('odd')", "other", 1),
]


@pytest.mark.parametrize(("code", "kind", "line"), CASES)
def test_each_common_error_gets_its_own_explanation_and_line(code, kind, line):
    found = explain(code, "fr")
    assert (found.kind, found.line_number) == (kind, line)
    typed = code.splitlines()[line - 1]
    # An indentation error shows the line as typed, since its indent is the problem.
    assert found.line == (typed.rstrip() if kind.startswith("indent") else typed.strip())
    assert found.advice and found.title and found.meaning


def test_every_kind_has_a_title_a_meaning_and_advice_in_both_languages():
    catalogue = load_all()
    assert set(KINDS) == {kind for _, kind, _ in CASES}
    for kind in KINDS:
        for part in ("title", "meaning", "try"):
            texts = catalogue[f"programming.error.{kind}.{part}"]
            fields = [{f for _, f, _, _ in string.Formatter().parse(texts[lang]) if f}
                      for lang in ("fr", "en")]
            assert fields[0] == fields[1] <= {"error", "name", "key"}, (kind, part)


def test_a_name_error_names_the_unknown_name_and_keeps_pythons_words():
    found = explain("first_name = 'Camille'\nprint(frist_name)", "en", {})
    assert found.original == "NameError: name 'frist_name' is not defined"
    assert 'Python does not know the name "frist_name"' in found.meaning
    assert found.advice[0].startswith('Did you mean "first_name"?')
    text = found.text()
    assert text.startswith("Don't panic") and "Where? On line 2:\n    print(frist_name)" in text


def test_a_typo_of_a_builtin_is_spotted_and_unrelated_names_get_no_guess():
    assert "« print »" in explain("pritn('Bonjour')", "fr").advice[0]
    assert not explain("zzz", "fr").advice[0].startswith("Vouliez-vous")


def test_a_syntax_error_points_at_the_place_with_a_caret_under_the_unindented_line():
    found = explain("if True:\n    x = (1,\n    2", "fr")
    assert found.kind == "unclosed_bracket" and found.line_number == 2
    assert found.original == "SyntaxError: '(' was never closed"
    assert "À la ligne 2 :\n    x = (1,\n        ^" in found.text()


def test_an_indentation_error_shows_the_line_as_typed_without_a_caret():
    found = explain("def f():\n    print(1)\n   print(2)", "en")
    assert found.line == "   print(2)"
    assert "^" not in found.text()


def test_an_error_inside_a_function_points_at_the_line_inside():
    found = explain("def share(n):\n    return 10 / n\n\nshare(0)", "en")
    assert (found.kind, found.line_number, found.line) == ("zero_division", 2, "return 10 / n")


def test_code_that_works_gets_a_green_word_and_its_prints_still_show(capsys):
    found = explain("print('Bonjour')", "fr")
    assert capsys.readouterr().out == "Bonjour\n"
    assert found.kind == "none"
    assert found.text() == "Aucune erreur\nLe code a marché jusqu'au bout. Bravo !"
    assert "#2e7d32" in found._repr_html_()


def test_the_html_is_calm_escaped_and_complete():
    page = explain("print('<b>' + 1)", "en")._repr_html_()
    assert "#1f5fa8" in page and "red" not in page
    assert "&lt;b&gt;" in page and "<b>'" not in page
    assert "What to try:" in page and page.count("<li>") == 2


def test_ipython_shows_the_calm_text_where_html_is_not_displayed():
    from IPython.lib.pretty import pretty

    assert pretty(explain("1/0", "en")).startswith("Don't panic: let's read this message")


def test_explanations_come_in_the_language_asked():
    fr, en = explain("1/0", "fr"), explain("1/0", "en-GB")
    assert (fr.title, en.title) == ("Une division par zéro", "A division by zero")
    assert fr.original == en.original == "ZeroDivisionError: division by zero"


def test_kind_of_reads_the_class_first_then_the_words():
    assert kind_of(TabError("inconsistent use of tabs", ("<x>", 1, 1, "x", 1, 1))) == \
        "indent_mismatch"
    assert kind_of(ValueError("invalid literal for int() with base 10: 'a'")) == "not_a_number"
    assert kind_of(ValueError("something")) == "value"
    assert kind_of(KeyboardInterrupt()) == "other"


def test_an_exception_raised_by_hand_is_explained_with_its_key():
    try:
        {"pain": 1}["lait"]
    except KeyError as error:
        found = explain_exception(error, "fr")
    assert found.kind == "key" and "la clé 'lait'" in found.meaning
    assert isinstance(found, Explanation) and found.line_number is not None


def test_with_no_error_yet_the_last_error_helper_says_what_to_do(monkeypatch):
    monkeypatch.delattr(sys, "last_value", raising=False)
    found = explain_last_error("fr")
    assert found.kind == "none" and "message rouge" in found.meaning


def test_the_last_red_error_of_a_notebook_is_explained_with_its_cell_line():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        shell.run_cell("age = 15\nprint('age: ' + age)")
        found = explain_last_error("en")
        assert (found.kind, found.line_number) == ("mixed_types", 2)
        assert found.line == "print('age: ' + age)"
        shell.run_cell("if age > 3\n    print(age)")
        found = explain_last_error("en")
        assert (found.kind, found.line_number) == ("missing_colon", 1)
        shell.run_cell("print(agee)")
        assert explain_last_error("fr").advice[0].startswith("Vouliez-vous écrire « age »")
    finally:
        InteractiveShell.clear_instance()
        for name in ("last_type", "last_value", "last_traceback"):
            if hasattr(sys, name):
                delattr(sys, name)


def test_the_lab_shows_what_was_printed_then_the_explanation():
    page = run_snippet("print('hi')\nx = 1 / 0", "en")
    assert page.index("<pre>hi\n</pre>") < page.index("A division by zero")
    lab = error_lab("print('Bonjour'", "fr")
    area, run, result = lab.children
    assert "Une parenthèse n&#x27;est pas fermée" in result.value
    area.value = "print('Bonjour')"
    run.click()
    assert "Aucune erreur" in result.value
