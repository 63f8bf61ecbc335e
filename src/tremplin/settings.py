"""Typed settings of the kit, each with a default and a description (reference docs come from here).

Settings are read from `tremplin.toml` at the kit's root ([tremplin] table), then from
`TREMPLIN_<NAME>` environment variables, so that a library can change the report framework
without touching code.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from .i18n import LANGUAGES, t


def _setting(default: object, fr: str, en: str) -> object:
    return field(default=default, metadata={"fr": fr, "en": en})


@dataclass(frozen=True)
class Settings:
    framework: str = _setting(  # type: ignore[assignment]
        "digcomp",
        "Référentiel de compétences des rapports : digcomp (DigComp 2.2) ou crcn (CRCN, Pix).",
        "Competence framework used in reports: digcomp (DigComp 2.2) or crcn (CRCN, Pix).",
    )
    language: str = _setting(  # type: ignore[assignment]
        "fr",
        "Langue par défaut de l'interface et des applications : fr ou en.",
        "Default language of the interface and the apps: fr or en.",
    )
    mastery_threshold: float = _setting(  # type: ignore[assignment]
        0.7,
        "Part des points à obtenir pour atteindre un niveau : les questions de ce niveau et des "
        "niveaux inférieurs (entre 0 et 1).",
        "Share of the points needed to reach a level: the questions at that level and below "
        "(between 0 and 1).",
    )

    def __post_init__(self) -> None:
        from .frameworks import frameworks  # settings are checked against the shipped data

        if self.framework not in frameworks():
            raise ValueError(t("settings.bad_value", name="framework", value=self.framework,
                               allowed=", ".join(frameworks())))
        if not 0 < self.mastery_threshold <= 1:
            raise ValueError(t("settings.bad_value", name="mastery_threshold",
                               value=self.mastery_threshold, allowed="0 < x ≤ 1"))
        if self.language not in LANGUAGES:
            raise ValueError(t("settings.bad_value", name="language", value=self.language,
                               allowed=", ".join(LANGUAGES)))


def load_settings(root: Path) -> Settings:
    """Settings from `root/tremplin.toml` and the environment, validated."""
    values: dict[str, str] = {}
    path = root / "tremplin.toml"
    if path.exists():
        try:
            values.update(tomllib.loads(path.read_text(encoding="utf-8")).get("tremplin", {}))
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(t("settings.bad_file", file=str(path), error=exc)) from exc
    for f in fields(Settings):
        env = os.environ.get(f"TREMPLIN_{f.name.upper()}")
        if env:
            values[f.name] = env
    unknown = set(values) - {f.name for f in fields(Settings)}
    if unknown:
        raise ValueError(t("settings.unknown", names=", ".join(sorted(unknown)), file=str(path)))
    for f in fields(Settings):  # environment values are text: give each setting its type
        if f.name in values and isinstance(f.default, float):
            try:
                values[f.name] = float(str(values[f.name]).replace(",", "."))
            except ValueError:
                raise ValueError(t("settings.bad_value", name=f.name, value=values[f.name],
                                   allowed="0 < x ≤ 1")) from None
    return Settings(**values)


def reference(lang: str) -> list[tuple[str, str, str]]:
    """(name, default, description) for every setting, for `tremplin settings` and the docs."""
    return [(f.name, str(f.default), f.metadata[lang]) for f in fields(Settings)]
