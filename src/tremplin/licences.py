"""Creative Commons licences as data, and the question « may I reuse this image? ».

An image found online belongs to its author: by default every right is reserved, and reusing it
needs their permission. A Creative Commons licence is a permission given in advance, with a few
conditions written as short codes (BY, SA, NC, ND). Learners meet those codes on Wikimedia
Commons or in a library's image bank; this file says what each one allows, answers "may I use
this image for X?" with the reasons (as codes), and writes the credit line to put under it.

Standard library only, so a browser app can reuse it later. Reasons and conditions are short codes
(`REASONS`, `CONDITIONS`) that `citizenship_widgets` turns into French or English sentences.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

DEEDS = "https://creativecommons.org/licenses/{path}/4.0/deed.{lang}"
CC0_DEED = "https://creativecommons.org/publicdomain/zero/1.0/deed.{lang}"

# Why a use is refused or allowed, and what the user must then do (texts in the catalogue:
# citizenship.reason.<code> and citizenship.condition.<code>).
REASONS = ("all_rights_reserved", "no_commercial", "no_modification", "public_domain", "allowed")
CONDITIONS = ("credit", "same_licence")


@dataclass(frozen=True)
class Licence:
    """What a licence lets anyone do with a work, without asking its author."""

    id: str             # "by-sa": the key used everywhere in the kit
    label: str          # "CC BY-SA": written the same way in every language
    version: str        # "4.0" for the current Creative Commons licences, "" when none
    share: bool         # copy it and share it as it is
    modify: bool        # crop it, add a text, make a new work from it
    commercial: bool    # use it to earn money: sell it, advertise a business
    credit: bool        # the author's name must be given (BY)
    same_licence: bool  # a modified version must be shared under the same licence (SA)

    @property
    def full_label(self) -> str:
        """"CC BY 4.0": the label and the version, as written in a credit line."""
        return f"{self.label} {self.version}".strip()

    def url(self, lang: str = "fr") -> str:
        """The licence's page on creativecommons.org, in the learner's language."""
        if self.id == "copyright":
            return ""
        if self.id == "cc0":
            return CC0_DEED.format(lang=lang)
        return DEEDS.format(path=self.id, lang=lang)


def _cc(code: str) -> Licence:
    """A CC licence: BY always (credit), plus NC, ND and SA when `code` says so."""
    parts = code.split("-")
    return Licence(code, "CC " + code.upper(), "4.0", share=True, modify="nd" not in parts,
                   commercial="nc" not in parts, credit=True, same_licence="sa" in parts)


LICENCES: dict[str, Licence] = {
    # The default: no licence given means every right is reserved (French "droit d'auteur").
    "copyright": Licence("copyright", "©", "", share=False, modify=False, commercial=False,
                         credit=True, same_licence=False),
    "by": _cc("by"),
    "by-sa": _cc("by-sa"),
    "by-nc": _cc("by-nc"),
    "by-nd": _cc("by-nd"),
    "by-nc-sa": _cc("by-nc-sa"),
    "by-nc-nd": _cc("by-nc-nd"),
    # CC0: the author gives up their rights, as far as the law allows (public domain).
    "cc0": Licence("cc0", "CC0", "1.0", share=True, modify=True, commercial=True, credit=False,
                   same_licence=False),
}
CARDS = ("copyright", "by", "by-sa", "by-nc", "by-nd", "cc0")  # the six shown as cards
_NAMES = {"all rights reserved": "copyright", "tous droits reserves": "copyright",
          "c": "copyright", "copyright": "copyright", "domaine public": "cc0",
          "public domain": "cc0", "0": "cc0"}


def parse(text: str) -> Licence:
    """The licence named in `text`, however it is written: "CC BY-SA 4.0", "cc-by-sa",
    "BY SA", "CC0 1.0", "©", "Tous droits réservés". Raises KeyError naming the text."""
    plain = unicodedata.normalize("NFKD", text.replace("©", " c ")).casefold()
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = re.sub(r"\b\d\.\d\b", " ", plain)          # the version: 4.0, 1.0
    plain = re.sub(r"[^a-z0-9]+", " ", plain).strip()
    plain = re.sub(r"^(creative commons|cc)\b ?", "", plain).strip()
    if plain in _NAMES:
        return LICENCES[_NAMES[plain]]
    code = "-".join(plain.split())
    if code in LICENCES:
        return LICENCES[code]
    raise KeyError(f"unknown licence: {text!r}")


@dataclass(frozen=True)
class Decision:
    """The answer to "may I use this image for that?": yes or no, why, and on what conditions."""

    allowed: bool
    reasons: tuple[str, ...]     # codes of REASONS, the main one first
    conditions: tuple[str, ...]  # codes of CONDITIONS the user must respect when allowed


def decide(licence: Licence | str, *, modify: bool = False, commercial: bool = False) -> Decision:
    """May an image under `licence` be shared, modified (`modify`), used to earn money
    (`commercial`)? Every refusal is listed, so the learner sees all that blocks the use."""
    licence = parse(licence) if isinstance(licence, str) else licence
    if not licence.share:
        return Decision(False, ("all_rights_reserved",), ())
    refusals = tuple(code for code, blocked in (("no_commercial", commercial and not
                                                 licence.commercial),
                                                ("no_modification", modify and not licence.modify))
                     if blocked)
    if refusals:
        return Decision(False, refusals, ())
    conditions = tuple(code for code, needed in (("credit", licence.credit),
                                                 ("same_licence", modify and licence.same_licence))
                       if needed)
    return Decision(True, ("public_domain",) if licence.id == "cc0" else ("allowed",), conditions)


def allows_commercial_use(licence: Licence | str) -> bool:
    """True when the licence lets anyone earn money with the work (no NC, not ©)."""
    licence = parse(licence) if isinstance(licence, str) else licence
    return licence.share and licence.commercial


def allows_modification(licence: Licence | str) -> bool:
    """True when the licence lets anyone modify the work (no ND, not ©)."""
    licence = parse(licence) if isinstance(licence, str) else licence
    return licence.share and licence.modify


def credit_line(author: str, licence: Licence | str, *, lang: str = "fr", kind: str = "Photo",
                title: str | None = None, source: str | None = None) -> str:
    """The line to write under a reused image: "Photo : Marie Dupont, CC BY 4.0".

    Creative Commons asks for the title, the author, the source and the licence; the author and
    the licence are the least a credit needs. French puts a space before the colon and « »
    around a title; English does not, and uses “ ”.
    """
    author = " ".join(author.split())
    if not author:
        raise ValueError("a credit line needs the author's name")
    licence = parse(licence) if isinstance(licence, str) else licence
    colon, (left, right) = (" : ", ("« ", " »")) if lang == "fr" else (": ", ("“", "”"))
    name = f"© {author}" if licence.id == "copyright" else author
    parts = [f"{left}{title.strip()}{right}"] if title and title.strip() else []
    parts.append(name)
    if licence.id != "copyright":
        parts.append(licence.full_label)
    line = f"{kind}{colon}{', '.join(parts)}"
    return f"{line} ({source.strip()})" if source and source.strip() else line
