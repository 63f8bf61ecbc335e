"""Open Badges 3.0 credentials for the competence levels a learner reached.

Each level a learner reaches in a DigComp 2.2 or CRCN competence becomes one JSON file: an
``OpenBadgeCredential`` (a W3C Verifiable Credential, data model 2.0) that a learner can keep,
import into a badge wallet or show to an employer, and that says in their language which
competence, which level, which framework, and by which rule.

Privacy. The learner's name never appears: the subject is an IdentityObject holding
``sha256$<hex>`` of the nbgrader id followed by a salt, as Open Badges prescribes. The learner,
who knows their id, can prove the badge is theirs; a reader cannot read the name. The salt is
published (a verifier needs it) and derived per credential from the course secret, so two badges
of the same person cannot be linked by their hashes. Someone who already suspects a name can still
test it against a badge: that is the limit of any hashed recipient, and why the trainer decides
whether badges leave the library. The credential id is a uuid5 of an HMAC of course, learner,
competence and level (not of the clear values, which could be guessed back the same way).

Unsigned. The 1EdTech JSON schema does not require ``proof``, but the specification says that a
credential is *verifiable* only with a proof (an embedded Data Integrity proof, ``eddsa-rdfc-2022``
for instance, or a VC-JWT envelope). Signing needs a key that belongs to the library, published
at the issuer's ``id`` (a ``did:web`` or an https URL) and kept safe for years: a teaching kit
running on a laptop in a library cannot promise that, and a key it made up would prove nothing.
So these files are well-formed, schema-valid credentials that a wallet can display but not
verify. A library that has a key can sign them later without changing anything here: give the
issuer its real id (``issuer_id``, e.g. ``did:web:mediatheque.example.fr``), then pass each
file to a signer (e.g. Digital Bazaar's ``vc`` tools, or walt.id's) that adds ``proof``; the
fields are already those the signature covers.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import tempfile
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from ..frameworks import Framework, resolve
from ..i18n import normalise_lang, pick, t

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_SCHEMA = ("https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
             "ob_v3p0_achievementcredential_schema.json")
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:tremplin:badges")

# How the frameworks are named and where their official text is, for `alignment`.
FRAMEWORK_LABELS = {"digcomp": "DigComp {version}", "crcn": "CRCN"}
FRAMEWORK_URLS = {
    "digcomp": "https://publications.jrc.ec.europa.eu/repository/handle/JRC128415",
    "crcn": "https://www.legifrance.gouv.fr/eli/decret/2019/8/30/2019-919/jo/texte",
}
# Neither framework is published as CASE (CFItem) or CTDL (ceasn:Competency) items, which the
# other values of the vocabulary would claim: the schema's extension form says what it is.
TARGET_TYPE = "ext:FrameworkCompetence"

BadgeWriter = Callable[[str, str, int, str, Path], Path]


def _urn(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, chr(31).join(parts))}"


def _keyed(secret: bytes, *parts: str) -> str:
    return hmac.new(secret, chr(31).join(parts).encode("utf-8"), hashlib.sha256).hexdigest()


def identity_hash(learner: str, salt: str) -> str:
    """Open Badges' IdentityHash: sha256 of the identifier followed by the salt, in UTF-8."""
    return "sha256$" + hashlib.sha256((learner + salt).encode("utf-8")).hexdigest()


def framework_label(framework: Framework) -> str:
    return FRAMEWORK_LABELS.get(framework.id, framework.id).format(version=framework.version)


def valid_from_text(value: str | datetime) -> str:
    """An RFC 3339 date-time with its time zone, as the schema requires, or a clear error."""
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    except (TypeError, ValueError):
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ValueError(t("badge.bad_date", value=value))
    return moment.isoformat(timespec="seconds")


def badge_filename(competence_qid: str, level: int) -> str:
    """``digcomp-3.4-level-4.json``: no colon, which some file systems refuse."""
    return f"{competence_qid.replace(':', '-')}-level-{level}.json"


def credential(learner: str, competence_qid: str, level: int, lang: str, *, issuer_name: str,
               issuer_id: str | None, course_id: str, valid_from: str | datetime,
               salt_secret: bytes, mastery_threshold: float | None = None) -> dict[str, Any]:
    """The OpenBadgeCredential for `learner` reaching `level` in `competence_qid`."""
    lang = normalise_lang(lang)
    framework, cid = resolve(competence_qid)
    band = framework.band_of(level)
    fields = {
        "competence": framework.title(cid, lang), "code": cid, "level": level,
        "levels": framework.levels, "band": pick(band.title, lang),
        "framework": framework_label(framework), "course": course_id, "issuer": issuer_name,
    }
    achievement_id = _urn("achievement", course_id, competence_qid, str(level))
    scale_id = _urn("result-description", course_id, competence_qid, str(level))
    if mastery_threshold is None:
        criteria = t("badge.criteria", lang, **fields)
    else:
        criteria = t("badge.criteria_threshold", lang, percent=round(100 * mastery_threshold),
                     **fields)
    keyed = _keyed(salt_secret, course_id, learner, competence_qid, str(level))
    salt = _keyed(salt_secret, "salt", keyed)[:32]
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": f"urn:uuid:{uuid.uuid5(NAMESPACE, keyed)}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer_id or _urn("issuer", issuer_name), "type": ["Profile"],
                   "name": issuer_name},
        "validFrom": valid_from_text(valid_from),
        "name": t("badge.name", lang, **fields),
        "description": t("badge.description", lang, **fields),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityHash": identity_hash(learner, salt),
                            "identityType": "identifier", "hashed": True, "salt": salt}],
            "achievement": {
                "id": achievement_id,
                "type": ["Achievement"],
                "achievementType": "Competency",
                "name": t("badge.name", lang, **fields),
                "description": t("badge.achievement_description", lang, **fields),
                "criteria": {"narrative": criteria},
                "inLanguage": lang,
                "humanCode": t("badge.code", lang, **fields),
                "alignment": [{
                    "type": ["Alignment"], "targetName": fields["competence"],
                    "targetFramework": fields["framework"], "targetCode": cid,
                    "targetType": TARGET_TYPE,
                    "targetUrl": FRAMEWORK_URLS.get(framework.id, framework.source),
                }],
                "resultDescription": [{
                    "id": scale_id, "type": ["ResultDescription"],
                    "name": t("badge.scale", lang, **fields), "resultType": "PerformanceLevel",
                    "allowedValue": [str(n) for n in range(1, framework.levels + 1)],
                    "requiredValue": str(level),
                }],
            },
            "result": [{"type": ["Result"], "resultDescription": scale_id, "value": str(level)}],
        },
        "credentialSchema": [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }


def write_badge(learner: str, competence_qid: str, level: int, lang: str, out_dir: Path, *,
                issuer_name: str, issuer_id: str | None, course_id: str,
                valid_from: str | datetime, salt_secret: bytes,
                mastery_threshold: float | None = None) -> Path:
    """Write the credential to ``out_dir/<framework>-<code>-level-<n>.json``, atomically.

    A temporary file in the same folder is renamed over the target, so a reader (a trainer
    opening the folder, a zip being made) never sees half a badge, even if the export stops.
    """
    document = credential(learner, competence_qid, level, lang, issuer_name=issuer_name,
                          issuer_id=issuer_id, course_id=course_id, valid_from=valid_from,
                          salt_secret=salt_secret, mastery_threshold=mastery_threshold)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / badge_filename(competence_qid, level)
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".badge-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(document, out, ensure_ascii=False, indent=2)
            out.write("\n")
        os.chmod(tmp, 0o644)  # an ordinary, shareable file, not mkstemp's private 0600
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def badge_writer(*, issuer_name: str, issuer_id: str | None, course_id: str,
                 valid_from: str | datetime, salt_secret: bytes,
                 mastery_threshold: float | None = None) -> BadgeWriter:
    """What the report builder calls: ``writer(learner, competence_qid, level, lang, out_dir)``."""
    valid_from_text(valid_from)  # a bad date fails once, before any badge is written

    def write(learner: str, competence_qid: str, level: int, lang: str, out_dir: Path) -> Path:
        return write_badge(learner, competence_qid, level, lang, out_dir,
                           issuer_name=issuer_name, issuer_id=issuer_id, course_id=course_id,
                           valid_from=valid_from, salt_secret=salt_secret,
                           mastery_threshold=mastery_threshold)

    return write
