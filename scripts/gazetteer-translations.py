#!/usr/bin/env python3
"""Generates assets/gazetteer-translations.toml: the French and Spanish names of every
State in assets/gazetteer.toml, from Debian's iso-codes package (ISO 3166-1 names and
official names, translated in /usr/share/locale/{fr,es}/LC_MESSAGES/iso_3166-1.mo).

    python3 scripts/gazetteer-translations.py            # writes the file, prints a report
    python3 scripts/gazetteer-translations.py --check    # fails if the file is not current

Standard library only. Besides the translated names as ISO writes them, it adds the
forms people say: "Russie, Fédération de" becomes "Fédération de Russie" (and "Russie"),
"l'État de Palestine" becomes "État de Palestine", "Bahamas (les)" becomes "Bahamas",
"Saint-Siège (état de la cité du Vatican)" also gives "Saint-Siège". A name is dropped,
with a comment in the generated file, when it folds (as Plenary's names::normalize
folds) to an alias of another actor, when two States would share it, or when it is an
English word or first name that English speech writes with a capital (DROPPED below).
Names equal to an English alias of the same actor are redundant and skipped silently.
"""

import argparse
import gettext
import json
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "assets" / "gazetteer.toml"
OUTPUT = ROOT / "assets" / "gazetteer-translations.toml"
LANGUAGES = ("fr", "es")
FIELDS = ("name", "official_name", "common_name")

# Translated names that English speech writes with a capital for something else: in an
# English transcript, Resolver::mentions would take them for the State.
DROPPED = {
    ("MUS", "fr", "Maurice"): "a man's first name (Maurice) in English speech",
    ("MUS", "es", "Mauricio"): "a man's first name (Mauricio) in English speech",
    ("DMA", "fr", "Dominique"): "a first name (Dominique) in English speech",
    ("SLV", "fr", "Salvador"): "a man's first name (Salvador) in English speech; "
    '"El Salvador" is already an alias',
    ("GRD", "fr", "Grenade"): 'the English word "grenade", capitalised at the start of '
    "a sentence or in a heading of arms-control texts",
}
# Considered and kept: French "Chili" and "Suède" (the English words "chili" and "suede"
# are not written with a capital in UN statements, and "au Chili", "la Suède" are how
# French speakers name the States), French "Argentine" (English also says "the
# Argentine delegation" for Argentina), Spanish "Granada" (a Spanish city, rarely named
# in these meetings) and Spanish "Francia", "Italia", "Libia", "Kenia" (rare as first
# names in English).

# Articles ISO writes after a name ("Bahamas (les)") or before it ("l'État de Palestine").
ARTICLES = ("le", "la", "les", "l'", "l’", "el", "los", "las")
TRAILING_ARTICLE = re.compile(r"^(.*\S)\s*\((?:%s)\)$" % "|".join(map(re.escape, ARTICLES)))
LEADING_ARTICLE = re.compile(r"^(?:l['’]|(?:le|la|les|el|los|las) )(?=\w)")
GLOSS = re.compile(r"^(.*\S)\s*\(([^()]+)\)$")
# "Russie, Fédération de": the qualifier ends with a preposition, so the head alone is
# the country's short name.
ENDS_WITH_PREPOSITION = re.compile(r"(?:\b(?:de|du|del|des)|\bd['’])$", re.IGNORECASE)
ISLANDS = re.compile(r"^(?:îles?|islas?)\b", re.IGNORECASE)

PREFIXES = (
    "distinguished representative of ",
    "distinguished delegation of ",
    "distinguished delegate of ",
    "representative of ",
    "delegation from ",
    "delegation of ",
    "the ",
)
SUFFIXES = (" delegation",)
APOSTROPHES = "'\u2019\u2018\u02bc\u02bb`\u00b4\u2032"
SPECIAL = {"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss",
           "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "&": " and "}


def normalize(name):
    """Plenary's names::normalize (src/gazetteer/names.rs), in Python."""
    out = []
    for c in unicodedata.normalize("NFKD", name):
        if unicodedata.category(c).startswith("M") or c in APOSTROPHES:
            continue
        if c in SPECIAL:
            out.append(SPECIAL[c])
        elif c.isalnum():
            out.append(c.lower())
        else:
            out.append(" ")
    key = " ".join("".join(out).split())
    while True:
        before = len(key)
        for prefix in PREFIXES:
            if key.startswith(prefix):
                key = key[len(prefix):]
        for suffix in SUFFIXES:
            if key.endswith(suffix):
                key = key[: -len(suffix)]
        if len(key) == before:
            return key


def capitalise(name):
    return name[:1].upper() + name[1:]


def spoken_forms(name, log):
    """The forms of one ISO name that are worth an alias, with what was done logged."""
    m = TRAILING_ARTICLE.match(name)
    if m:
        log.append(f"{name!r} -> {m.group(1)!r} (article suffix removed)")
        return [m.group(1)]
    m = LEADING_ARTICLE.match(name)
    if m:
        bare = capitalise(name[m.end():])
        log.append(f"{name!r} -> {bare!r} (leading article removed)")
        return [bare]
    m = GLOSS.match(name)
    if m:
        head, gloss = m.group(1), capitalise(m.group(2))
        log.append(f"{name!r} -> kept, plus {head!r} and {gloss!r}")
        return [name, head, gloss]
    if ", " in name:
        head, qualifier = name.split(", ", 1)
        joiner = "" if qualifier[-1:] in "'’" else " "
        names_country = ENDS_WITH_PREPOSITION.search(qualifier) and not ISLANDS.match(qualifier)
        if not names_country and not ISLANDS.match(qualifier):
            # "Syrienne, République arabe": the head is an adjective, written in lower
            # case after the noun ("République arabe syrienne").
            head = head.lower()
        whole = capitalise(qualifier + joiner + head)
        forms = [whole]
        if names_country:
            forms.append(head)
        log.append(f"{name!r} -> {' + '.join(map(repr, forms))} (inverted form turned round)")
        return forms
    return [name]


def iso_codes_version(iso_dir):
    pc = Path(iso_dir).parent.parent / "pkgconfig" / "iso-codes.pc"
    try:
        for line in pc.read_text().splitlines():
            if line.startswith("Version:"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "(unknown version)"


def toml_string(s):
    return json.dumps(s, ensure_ascii=False)


def generate(iso_dir, localedir):
    gazetteer = tomllib.loads(GAZETTEER.read_text(encoding="utf-8"))["actor"]
    owner = {}  # folded alias -> actor key, every actor of the gazetteer
    for actor in gazetteer:
        for alias in [actor["name"], *actor.get("aliases", [])]:
            owner.setdefault(normalize(alias), actor["key"])
    states = sorted(a["key"] for a in gazetteer if a["kind"] == "state")
    english = {a["key"]: a["name"] for a in gazetteer}

    iso = json.loads((Path(iso_dir) / "iso_3166-1.json").read_text(encoding="utf-8"))
    by_alpha3 = {e["alpha_3"]: e for e in iso["3166-1"]}
    missing = [k for k in states if k not in by_alpha3]
    if missing:
        sys.exit(f"not in ISO 3166-1: {missing}")

    report = {"forms": [], "untranslated": []}
    # candidates[(key, lang)] = ordered spoken forms
    candidates = {}
    for lang in LANGUAGES:
        catalog = gettext.translation("iso_3166-1", localedir=localedir, languages=[lang])._catalog
        for key in states:
            entry = by_alpha3[key]
            forms = []
            for field in FIELDS:
                msgid = entry.get(field)
                if msgid is None:
                    continue
                translated = catalog.get(msgid)
                if not translated:
                    report["untranslated"].append(f"{lang} {key} {field} {msgid!r}")
                    continue
                log = []
                forms += spoken_forms(translated, log)
                report["forms"] += [f"{lang} {key}: {line}" for line in log]
            candidates[(key, lang)] = forms

    # Folded name -> the States whose translations (either language) say it.
    said_by = {}
    for (key, _), forms in candidates.items():
        for form in forms:
            said_by.setdefault(normalize(form), set()).add(key)

    out_entries = []
    counts = {lang: 0 for lang in LANGUAGES}
    dropped = []
    redundant = 0
    for key in states:
        lines = []
        for lang in LANGUAGES:
            kept, seen = [], set()
            for form in candidates[(key, lang)]:
                folded = normalize(form)
                if folded in seen:
                    continue
                seen.add(folded)
                other = owner.get(folded)
                if other == key:
                    redundant += 1
                    continue
                if other is not None:
                    reason = f"already names {other} ({english[other]}) in gazetteer.toml"
                elif len(said_by[folded]) > 1:
                    others = sorted(said_by[folded] - {key})
                    reason = "also a name of " + ", ".join(f"{o} ({english[o]})" for o in others)
                elif (key, lang, form) in DROPPED:
                    reason = DROPPED[(key, lang, form)]
                else:
                    kept.append(form)
                    continue
                dropped.append((key, lang, form, reason))
                lines.append(f"# dropped {lang} {toml_string(form)}: {reason}")
            counts[lang] += len(kept)
            if kept:
                lines.append(f"{lang} = [{', '.join(map(toml_string, kept))}]")
        if lines:
            out_entries.append(f"[{key}] # {english[key]}\n" + "\n".join(lines) + "\n")

    unused = [k for k in DROPPED if k not in {(d[0], d[1], d[2]) for d in dropped}]
    if unused:
        sys.exit(f"DROPPED entries that match no name: {unused}")

    header = (
        f"# Generated by scripts/gazetteer-translations.py from Debian iso-codes "
        f"{iso_codes_version(iso_dir)} (ISO 3166-1 names in French and Spanish). "
        "Do not edit by hand.\n"
        "# Each State's French (fr) and Spanish (es) names, merged into its aliases by\n"
        "# GazetteerFile::builtin(). Names equal to an English alias of the same State are\n"
        "# left out; names that would be ambiguous or mislead are dropped, with the reason.\n"
    )
    text = header + "\n" + "\n".join(out_entries)
    return text, report, counts, dropped, redundant


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iso-codes", default="/usr/share/iso-codes/json",
                        help="directory holding iso_3166-1.json")
    parser.add_argument("--localedir", default="/usr/share/locale",
                        help="directory holding <lang>/LC_MESSAGES/iso_3166-1.mo")
    parser.add_argument("--check", action="store_true",
                        help="do not write; fail if the file is not what would be written")
    args = parser.parse_args()

    text, report, counts, dropped, redundant = generate(args.iso_codes, args.localedir)
    print("Forms derived from ISO's list forms:")
    for line in report["forms"]:
        print("  " + line)
    print("Untranslated in iso-codes (left out):")
    for line in report["untranslated"]:
        print("  " + line)
    print("Dropped:")
    for key, lang, form, reason in dropped:
        print(f"  {lang} {key} {form!r}: {reason}")
    print(f"Names written: {', '.join(f'{lang} {n}' for lang, n in counts.items())}; "
          f"dropped {len(dropped)}; skipped as equal to an English alias: {redundant}")

    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            sys.exit(f"{OUTPUT.relative_to(ROOT)} is not current; run {Path(__file__).name}")
        print(f"{OUTPUT.relative_to(ROOT)} is current")
    else:
        OUTPUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
