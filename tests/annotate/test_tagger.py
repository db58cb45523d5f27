"""The person tagger: inflection, derived words, split names, disambiguation, markup kept."""

from __future__ import annotations

import pytest


def P(pid: str, text: str) -> str:
    return f'<persName ref="psn:{pid}">{text}</persName>'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lenin sprach.", P("lenin-wladimir", "Lenin") + " sprach."),
        ("Lenins Partei", P("lenin-wladimir", "Lenins") + " Partei"),
        ("Trotzkis Armee", P("trotzki-leo", "Trotzkis") + " Armee"),
        ("Marx' Kritik", P("marx-karl", "Marx'") + " Kritik"),
        ("Marx’ Kritik", P("marx-karl", "Marx’") + " Kritik"),
        ("Chávez’ Erbe", P("chavez-hugo", "Chávez’") + " Erbe"),
        ("Stalins Terror", P("stalin-josef", "Stalins") + " Terror"),
    ],
)
def test_inflected_mentions(run, text, expected):
    assert run(f"<p>{text}</p>")[0] == f"<p>{expected}</p>"


@pytest.mark.parametrize(
    "text",
    [
        "der Stalinismus", "leninistisch", "die Kerenski-Offensive", "die Machnobewegung", "der Lenin-Kult",
        "die Nach-Lenin-Zeit", "Marx'sche Theorie", "Leninismus", "Stalinist", "Marxismus", "Lenin- und Stalinkult",
    ],
)
def test_derived_words_and_compounds_are_not_mentions(run, text):
    xml, result = run(f"<p>{text}</p>")
    assert xml == f"<p>{text}</p>"
    assert result.persons == 0


def test_full_name_preferred_over_surname(run):
    xml, _ = run("<p>Wladimir Iljitsch Lenin und Leo Trotzki, dann Rosa Luxemburgs Kritik.</p>")
    assert xml == (
        f"<p>{P('lenin-wladimir', 'Wladimir Iljitsch Lenin')} und {P('trotzki-leo', 'Leo Trotzki')}, "
        f"dann {P('luxemburg-rosa', 'Rosa Luxemburgs')} Kritik.</p>"
    )


def test_name_split_over_line_and_page_break(run):
    xml, _ = run('<p>Rosa <pb n="2"/>Luxemburg und Wladimir\n  Uljanow.</p>')
    assert xml == (
        f'<p><persName ref="psn:luxemburg-rosa">Rosa <pb n="2"/>Luxemburg</persName> und '
        f"{P('lenin-wladimir', 'Wladimir' + chr(10) + '  Uljanow')}.</p>"
    )


def test_name_split_inside_word_by_pb(run):
    xml, _ = run('<p>Sta<pb n="3"/>lin kam.</p>')
    assert xml == '<p><persName ref="psn:stalin-josef">Sta<pb n="3"/>lin</persName> kam.</p>'


def test_ambiguous_surname_resolved_by_forename_cue(run):
    xml, result = run(
        "<p>Alexander Uljanow wurde gehenkt. Sein Bruder, der 17jährige Wladimir, las.</p>"
        "<p>Später lernte Axelrod Uljanow kennen.</p>"
    )
    assert P("uljanow-alexander", "Alexander Uljanow") in xml
    assert f"lernte Axelrod {P('lenin-wladimir', 'Uljanow')} kennen" in xml
    assert [(d.kind, d.token) for d in result.decisions] == [("resolved", "Uljanow")]


def test_ambiguous_surname_resolved_by_recent_mention(run):
    xml, _ = run("<p>Alexander Uljanow plante das Attentat. Uljanow wurde gefasst.</p>")
    assert xml.count('ref="psn:uljanow-alexander"') == 2


def test_ambiguous_without_context_is_reported_not_guessed(run):
    xml, result = run("<p>Kirchner in Argentinien.</p>")
    assert "persName" not in xml
    assert [(f.kind, f.token, f.why) for f in result.open] == [
        ("ambiguous", "Kirchner", "kirchner-cristina / kirchner-nestor")
    ]


def test_full_name_disambiguates(run):
    xml, result = run("<p>Cristina Fernández de Kirchner folgte. Kirchner regierte.</p>")
    assert xml.count('ref="psn:kirchner-cristina"') == 2
    assert not result.open


@pytest.mark.parametrize(
    "inside",
    [
        '<persName ref="psn:marx-karl">Lenin</persName>',
        '<ref target="https://example.org/Lenin">Lenin 1917</ref>',
        '<idno type="file">Lenin-1917.txt</idno>',
        "<choice><sic>Lenin 1917</sic><corr>Lenin 1918</corr></choice>",
        '<date when="1917">Lenin 1917</date>',
    ],
)
def test_existing_and_protected_markup_kept(run, inside):
    xml, _ = run(f"<p>{inside}</p>")
    # corr is editorial text and may be tagged; sic, ref, idno, persName and date are not entered
    protected = inside.split("<corr>")[0]
    assert protected in xml


def test_header_never_tagged(run):
    xml, result = run("<p>Text.</p>")
    assert result.persons == 0 and result.dates == 0


def test_persons_and_dates_in_notes_and_quotes(run):
    xml, _ = run('<p>Er sagte: <q rend="de">Lenin hat recht</q><note place="foot" n="1">Trotzki, Berlin 1960.</note></p>')
    assert f'<q rend="de">{P("lenin-wladimir", "Lenin")} hat recht</q>' in xml
    assert f'{P("trotzki-leo", "Trotzki")}, Berlin <date when="1960">1960</date>.' in xml


def test_note_years_do_not_change_the_main_context(run):
    xml, _ = run('<p>Im Februar 1917<note place="foot" n="1">Berlin 1960.</note> und am 25. Februar.</p>')
    assert 'when="1917-02-25" cert="medium">25. Februar</date>' in xml


def test_julian_declared_in_header(run):
    xml, _ = run("<p>Am 25. Oktober 1917 begann der Umsturz.</p>", julian=True)
    assert (
        '<date calendar="#t-julian" datingMethod="#t-julian" when-custom="1917-10-25" when="1917-11-07">25. Oktober 1917</date>'
        in xml
    )


def test_names_set_in_capitals(run):
    xml, _ = run("<head>TROTZKI UND CHÁVEZ: LENINS ERBE UND DER LENINISMUS</head>")
    assert xml == (
        f"<head>{P('trotzki-leo', 'TROTZKI')} UND {P('chavez-hugo', 'CHÁVEZ')}: "
        f"{P('lenin-wladimir', 'LENINS')} ERBE UND DER LENINISMUS</head>"
    )
