"""Open Badges 3.0 credentials checked against 1EdTech's own schema, and pseudonyms for exports."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import stat
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from helpers import ROOT

from tremplin.reports.badges import badge_writer, credential, identity_hash, write_badge
from tremplin.reports.pseudonyms import (
    SecretError,
    course_secret,
    labeller,
    pseudonym,
    secret_path,
)

SCHEMA = ROOT / "tests" / "data" / "ob_v3p0_achievementcredential_schema.json"
SECRET = bytes(range(32))
NAME = "Marie-Thérèse Dupont"
ISSUER = {"issuer_name": "Médiathèque Jean-Macé", "issuer_id": None, "course_id": "ateliers-2025",
          "valid_from": "2025-06-30T18:00:00+02:00", "salt_secret": SECRET}
CASES = [(qid, lang, threshold) for qid in ("digcomp:3.4", "crcn:1.2", "digcomp:1.1")
         for lang in ("fr", "en") for threshold in (None, 0.7)]


@cache
def validator() -> jsonschema.Draft201909Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft201909Validator.check_schema(schema)
    return jsonschema.Draft201909Validator(
        schema, format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER)


def test_the_validator_checks_dates_too():
    """Without rfc3339-validator (jsonschema[format-nongpl]) 'date-time' would pass unchecked."""
    assert "date-time" in validator().format_checker.checkers


def errors(document: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator().iter_errors(document)]


# --- credentials against the official schema ---

@pytest.mark.parametrize(("qid", "lang", "threshold"), CASES)
def test_every_badge_written_is_valid_open_badges_3(tmp_path, qid, lang, threshold):
    path = write_badge(NAME, qid, 4, lang, tmp_path, mastery_threshold=threshold, **ISSUER)
    assert path.name == f"{qid.replace(':', '-')}-level-4.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert errors(document) == []
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert "proof" not in document  # unsigned on purpose: see the module docstring
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


@pytest.mark.parametrize(("qid", "framework", "code"),
                         [("digcomp:3.4", "DigComp 2.2", "3.4"), ("crcn:1.2", "CRCN", "1.2")])
def test_the_achievement_is_aligned_to_the_framework_competence(qid, framework, code):
    achievement = credential(NAME, qid, 3, "fr", **ISSUER)["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "Competency"
    (alignment,) = achievement["alignment"]
    assert (alignment["targetFramework"], alignment["targetCode"]) == (framework, code)
    assert alignment["targetUrl"].startswith("https://")


def test_texts_are_in_the_learners_language():
    fr = credential(NAME, "digcomp:3.4", 4, "fr", mastery_threshold=0.7, **ISSUER)
    en = credential(NAME, "digcomp:3.4", 4, "en", mastery_threshold=0.7, **ISSUER)
    assert "Programmer" in fr["name"] and "Programming" in en["name"]
    assert "Intermédiaire" in fr["description"] and "Intermediate" in en["description"]
    narrative = en["credentialSubject"]["achievement"]["criteria"]["narrative"]
    assert "70%" in narrative and "level 4" in narrative
    assert fr["credentialSubject"]["achievement"]["inLanguage"] == "fr"
    # the same achievement whatever the language, so wallets see one badge, not two
    achievements = [doc["credentialSubject"]["achievement"]["id"] for doc in (fr, en)]
    assert achievements[0] == achievements[1]


def test_a_broken_credential_fails_so_the_validator_is_live():
    good = credential(NAME, "crcn:1.2", 2, "fr", **ISSUER)
    assert errors(good) == []
    for breakage in (lambda d: d.pop("credentialSubject"), lambda d: d.pop("validFrom"),
                     lambda d: d["@context"].reverse(),
                     lambda d: d.update(validFrom="30/06/2025"),  # needs the format checker
                     lambda d: d["credentialSubject"]["achievement"].pop("criteria"),
                     lambda d: d["credentialSubject"]["identifier"][0].update(name=NAME)):
        broken = copy.deepcopy(good)
        breakage(broken)
        assert errors(broken), broken


# --- the learner stays private ---

def test_the_learners_name_is_nowhere_in_the_file(tmp_path):
    path = write_badge(NAME, "digcomp:2.6", 5, "fr", tmp_path, **ISSUER)
    text = path.read_text(encoding="utf-8")
    escaped = json.dumps(json.loads(text))  # \u-escaped form too
    for part in (NAME, "Marie", "Thérèse", "Dupont", "Th\\u00e9r\\u00e8se"):
        assert part.lower() not in text.lower() and part.lower() not in escaped.lower()


def test_the_identity_hash_is_reproducible_from_name_and_salt():
    (identity,) = credential(NAME, "digcomp:3.4", 4, "en", **ISSUER)["credentialSubject"][
        "identifier"]
    assert identity["hashed"] is True and identity["salt"]
    expected = hashlib.sha256((NAME + identity["salt"]).encode("utf-8")).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}" == identity_hash(NAME, identity["salt"])


def test_badges_are_deterministic_but_unlinkable_between_learners_and_competences():
    first = credential(NAME, "digcomp:3.4", 4, "fr", **ISSUER)
    assert credential(NAME, "digcomp:3.4", 4, "fr", **ISSUER) == first
    other_learner = credential("Paul Martin", "digcomp:3.4", 4, "fr", **ISSUER)
    other_competence = credential(NAME, "digcomp:3.3", 4, "fr", **ISSUER)
    for other in (other_learner, other_competence):
        assert other["id"] != first["id"]
        assert (other["credentialSubject"]["identifier"][0]["salt"]
                != first["credentialSubject"]["identifier"][0]["salt"])
    achievement = first["credentialSubject"]["achievement"]["id"]
    assert other_learner["credentialSubject"]["achievement"]["id"] == achievement


def test_the_credential_id_cannot_be_guessed_without_the_secret():
    mine = credential(NAME, "digcomp:3.4", 4, "fr", **ISSUER)
    theirs = credential(NAME, "digcomp:3.4", 4, "fr", **{**ISSUER, "salt_secret": b"x" * 32})
    assert mine["id"] != theirs["id"]
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", mine["id"])


# --- the writer the report builder calls ---

def test_the_factory_gives_the_report_builder_its_five_argument_writer(tmp_path):
    write = badge_writer(**ISSUER)
    path = write("lea", "crcn:3.1", 6, "en", tmp_path / "lea")
    assert path == tmp_path / "lea" / "crcn-3.1-level-6.json"
    before = path.read_bytes()
    assert write("lea", "crcn:3.1", 6, "en", tmp_path / "lea").read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize("when", ["2025-06-30", "2025-06-30T18:00:00", "demain", ""])
def test_a_date_without_time_zone_is_refused_before_any_badge_is_written(when):
    with pytest.raises(ValueError, match="2025-06-30T18:00:00\\+02:00"):
        badge_writer(**{**ISSUER, "valid_from": when})


def test_a_level_or_competence_outside_the_framework_is_refused(tmp_path):
    with pytest.raises(ValueError):
        write_badge(NAME, "digcomp:3.4", 9, "fr", tmp_path, **ISSUER)
    with pytest.raises(KeyError):
        write_badge(NAME, "digcomp:9.9", 1, "fr", tmp_path, **ISSUER)
    assert list(tmp_path.iterdir()) == []


# --- pseudonyms ---

def test_pseudonyms_are_stable_short_and_speakable():
    alias = pseudonym("marie.dupont", SECRET, "fr")
    assert alias == pseudonym("marie.dupont", SECRET, "fr")
    assert re.fullmatch(r"apprenant-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}", alias)
    assert pseudonym("marie.dupont", SECRET, "en") == "learner-" + alias.split("-", 1)[1]


def test_pseudonyms_are_distinct_for_a_thousand_learners():
    ids = [f"apprenant{i:04d}" for i in range(1000)] + [f"Prénom {i}" for i in range(1000)]
    assert len({pseudonym(i, SECRET, "fr") for i in ids}) == len(ids)


def test_another_secret_gives_other_pseudonyms():
    other = b"\xff" * 32
    ids = [f"learner{i}" for i in range(50)]
    assert all(pseudonym(i, SECRET, "fr") != pseudonym(i, other, "fr") for i in ids)


def test_the_labeller_shows_names_only_when_asked():
    assert labeller(SECRET, names=True)("marie.dupont") == "marie.dupont"
    assert labeller(SECRET, names=False, lang="en")("marie.dupont") == pseudonym(
        "marie.dupont", SECRET, "en")


def test_the_course_secret_is_created_private_then_reused(tmp_path):
    old = os.umask(0o000)  # even a permissive umask must not widen the secret's permissions
    try:
        secret = course_secret(tmp_path)
    finally:
        os.umask(old)
    path = secret_path(tmp_path)
    assert len(secret) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert course_secret(tmp_path) == secret
    assert sorted(p.name for p in path.parent.iterdir()) == ["secret"]


def test_exports_started_together_share_one_secret(tmp_path):
    with ThreadPoolExecutor(8) as pool:
        secrets_seen = set(pool.map(lambda _: course_secret(tmp_path), range(16)))
    assert len(secrets_seen) == 1


@pytest.mark.parametrize("content", [b"", b"abc123\n", b"zz" * 32 + b"\n", b"ab" * 31 + b"\n",
                                     b"ab cd" * 16, b"\xff\xfe" * 32])
def test_a_damaged_secret_is_an_error_and_is_left_untouched(tmp_path, content, monkeypatch):
    path = secret_path(tmp_path)
    path.parent.mkdir()
    path.write_bytes(content)
    before = path.stat()
    monkeypatch.setenv("TREMPLIN_LANGUAGE", "fr")
    with pytest.raises(SecretError, match="est abîmé.*n'a pas été modifié"):
        course_secret(tmp_path)
    monkeypatch.setenv("TREMPLIN_LANGUAGE", "en")
    with pytest.raises(SecretError, match="is damaged.*left as it is") as raised:
        course_secret(tmp_path)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == content
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert sorted(p.name for p in path.parent.iterdir()) == ["secret"]


def test_a_secret_that_is_not_a_file_is_reported_not_replaced(tmp_path):
    path = secret_path(tmp_path)
    path.mkdir(parents=True)  # a folder where the file should be
    with pytest.raises(SecretError, match=re.escape(str(path))):
        course_secret(tmp_path)
    assert path.is_dir()


def test_the_schema_is_the_unedited_1edtech_file():
    """Guards against an accidental edit: the README gives the source and this checksum."""
    digest = hashlib.sha256(Path(SCHEMA).read_bytes()).hexdigest()
    assert digest == "86a141ff0c1b1a6b4e08460f786a8ffe0f737d8256a86243d134a2e6450efe4d"
