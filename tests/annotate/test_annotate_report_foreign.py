"""The review report and words of other languages: Spanish and French titles in notes, passages
marked with xml:lang, are no possible names; German text around them is still looked at."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import essay

from edition.annotate import report as RP
from edition.annotate import vocabulary
from edition.cli import main
from edition.xmlio import parse_bytes

#: The dictionary is left empty so that only the rules under test decide (a word list would
#: explain some of these words away and hide what the foreign-language rules do).
NO_DICTIONARY: frozenset[str] = frozenset()


def names(register, body: str, lang: str = "de") -> list[str]:
    tree = parse_bytes(essay(body, lang=lang))
    return [f.token for f in RP.findings(tree, register, NO_DICTIONARY, None, lang) if f.kind == "name"]


@pytest.mark.parametrize(
    "note",
    [
        "Spenser: La Internacional Comunista en México: Los primeros Tropiezos. Documentos, Mexiko-Stadt, S. 23.",
        "Kohan: Ni Calco ni Copia. Ensayos sobre el Marxismo Argentino y Latinoamericano, Buenos Aires, S. 46.",
        "Löwy: Le Marxisme en Amérique Latine de 1909 à nos jours, Paris, S. 86.",
        "Torres Giraldo: Cincuenta meses en Moscú, Cali.",
    ],
)
def test_words_of_a_foreign_title_in_a_note_are_no_names(register, note: str) -> None:
    found = names(register, f'<p>Text.<note place="foot" n="1">{note}</note></p>')
    # what is left is only the German or place words outside the title's window
    assert not {"Internacional", "Comunista", "Documentos", "Calco", "Ensayos", "Le", "Amérique", "Cincuenta",
                "Moscú"} & set(found), found


def test_the_same_words_are_reported_without_the_foreign_function_words(register) -> None:
    """The rule needs evidence: capitalised Spanish words alone in a note are still reported."""
    found = names(register, '<p>Text.<note place="foot" n="1">Siehe Internacional Comunista, Mexiko-Stadt.</note></p>')
    assert {"Internacional", "Comunista"} <= set(found)


def test_foreign_function_words_in_running_text_do_not_hide_names(register) -> None:
    """Outside notes and references the heuristic stays as cautious as before."""
    found = names(register, "<p>Die Partei Partido Obrero de Bolivia und Kowalczyk in Oruro.</p>")
    assert {"Partido", "Obrero", "Kowalczyk"} <= set(found)


def test_a_german_note_is_still_looked_at(register) -> None:
    """Words both languages use (des, in) are no evidence for either."""
    found = names(register, '<p>Text.<note place="foot" n="1">Brief des Genossen Kowalczyk in Paris an die Partei.</note></p>')
    assert "Kowalczyk" in found


def test_a_passage_marked_as_another_language_is_no_name(register) -> None:
    found = names(register, '<p>Er rief <q xml:lang="es">Viva Zapata y Tierra Libre</q>, und Kowalczyk schwieg.</p>')
    assert "Kowalczyk" in found
    assert not {"Viva", "Zapata", "Tierra", "Libre"} & set(found), found


def test_a_passage_in_the_texts_own_language_is_looked_at(register) -> None:
    found = names(register, '<p>Er rief <q xml:lang="de-AT">Kowalczyk kommt</q>.</p>')
    assert "Kowalczyk" in found


def test_a_name_after_a_register_forename_is_reported_even_in_a_foreign_title(register) -> None:
    found = names(register, '<p>Text.<note place="foot" n="1">Cartas de Rosa Brzozowska a la Internacional, Madrid.</note></p>')
    assert "Brzozowska" in found and "Internacional" not in found


def test_english_text_with_a_german_title_in_a_note(register) -> None:
    """The rule is the same for any text language: here German is the foreign one."""
    body = '<p>Some text.<note place="foot" n="1">Meyer: Die Revolution und der Staat in der Theorie, Berlin.</note></p>'
    found = names(register, body, lang="en")
    assert not {"Die", "Revolution", "Staat", "Theorie"} & set(found), found


def test_stopword_lists_are_data_one_lowercase_word_a_line() -> None:
    files = sorted(vocabulary.DIR.glob("stopwords-*.txt"))
    assert {p.stem.removeprefix("stopwords-") for p in files} >= {"de", "en", "es", "fr"}
    for path in files:
        words = [w for w in path.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")]
        assert words and len(words) == len(set(words)), path.name
        assert all(re.fullmatch(r"[^\W\d_]+", w) and w == w.lower() for w in words), path.name
    assert RP.STOPWORDS["es"] >= {"la", "el", "en", "y"} and "des" in RP.STOPWORDS["de"] & RP.STOPWORDS["fr"]


def test_cli_report_leaves_out_the_spanish_title(tmp_path) -> None:
    (tmp_path / "register").mkdir()
    (tmp_path / "essays").mkdir()
    (tmp_path / "register" / "persons.xml").write_bytes(
        (RP.Path(__file__).resolve().parents[1] / "fixtures" / "annotate" / "register" / "persons.xml").read_bytes()
    )
    text = tmp_path / "essays" / "x.xml"
    text.write_bytes(essay('<p>Kowalczyk schrieb.<note place="foot" n="1">Ni Calco ni Copia. Ensayos sobre el Marxismo.</note></p>'))
    result = CliRunner().invoke(main, ["annotate", "--dry-run", "--report", "--dictionary", str(tmp_path / "none"), str(text)])
    assert result.exit_code == 0, result.output
    tokens = {line.split(": ")[2].split(" — ")[0] for line in result.stdout.splitlines()}
    assert "Kowalczyk" in tokens and not {"Calco", "Copia", "Ensayos", "Marxismo"} & tokens
