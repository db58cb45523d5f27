"""The person tagger: inflection, derived words, split names, disambiguation, markup kept."""

from __future__ import annotations

from datetime import date

import pytest

from edition.annotate.tagger import Policy

RUSSIA = date(1918, 2, 14)  # the first Gregorian day in Russia


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
    """The switch is the date inside the header's calendar declaration (as the importer writes it)."""
    xml, _ = run("<p>Am 25. Oktober 1917 begann der Umsturz, am 1. März 1918 nicht.</p>", julian=True)
    assert (
        '<date calendar="#t-julian" datingMethod="#t-julian" when-custom="1917-10-25" when="1917-11-07">25. Oktober 1917</date>'
        in xml
    )
    assert '<date when="1918-03-01">1. März 1918</date>' in xml


def test_no_calendar_declared_means_gregorian(run):
    xml, result = run("<p>Am 18. März 1848 kämpften sie in Berlin.</p>")
    assert '<date when="1848-03-18">18. März 1848</date>' in xml
    assert result.open == []


def test_julian_edition_calendar_with_header_declaration(run):
    """edition.toml [calendar] default = "julian" with its switch; the header declares the calendar without a date."""
    policy = Policy(julian=True, switch=RUSSIA)
    xml, _ = run("<p>Am 25. Oktober 1917 und am 18. März 1848.</p>", julian=True, switch=None, policy=policy)
    assert 'when-custom="1917-10-25" when="1917-11-07"' in xml
    assert 'when-custom="1848-03-18" when="1848-03-30"' in xml


def test_edition_switch_serves_a_text_that_declares_julian(run):
    """The bundled edition's way: [calendar] switch only, Julian where a header says so."""
    xml, _ = run("<p>Am 25. Oktober 1917.</p>", julian=True, switch=None, policy=Policy(switch=RUSSIA))
    assert 'when-custom="1917-10-25" when="1917-11-07"' in xml
    xml, _ = run("<p>Am 25. Oktober 1917.</p>", policy=Policy(switch=RUSSIA))
    assert '<date when="1917-10-25">' in xml


def test_the_texts_switch_wins_over_the_editions(run):
    xml, _ = run("<p>Am 1. September 1752.</p>", julian=True, switch="1752-09-14", policy=Policy(julian=True, switch=RUSSIA))
    assert 'when-custom="1752-09-01" when="1752-09-12"' in xml
    xml, _ = run("<p>Am 14. September 1752.</p>", julian=True, switch="1752-09-14", policy=Policy(julian=True, switch=RUSSIA))
    assert '<date when="1752-09-14">' in xml


def test_julian_edition_without_header_declaration_is_reported(run):
    xml, result = run("<p>Am 25. Oktober 1917.</p>", policy=Policy(julian=True, switch=RUSSIA))
    assert "<date" not in xml
    assert [f.why for f in result.open] == ["Julian date, but the header declares no Julian calendar"]


def test_julian_header_without_any_switch_is_reported(run):
    xml, result = run("<p>Am 25. Oktober 1917, im Mai 1918.</p>", julian=True, switch=None)
    assert xml == '<p>Am 25. Oktober 1917, im <date when="1918-05">Mai 1918</date>.</p>'
    assert "no switch date" in result.open[0].why


def test_register_prefix_from_the_policy(run):
    body = '<p><persName ref="per:kirchner-cristina">Cristina Kirchner</persName> regierte; Kirchner und Lenin.</p>'
    xml, result = run(body, policy=Policy(prefix="per"))
    assert '<persName ref="per:kirchner-cristina">Kirchner</persName> und <persName ref="per:lenin-wladimir">Lenin</persName>' in xml
    assert "psn:" not in xml and result.decisions[0].why == "→ per:kirchner-cristina (nearest earlier cue)"


def test_english_text_uses_the_english_vocabulary(run):
    xml, result = run("<p>On 18 March 1848, or March 18, 1848, in spring 1848 and early April 1848.</p>", lang="en")
    assert result.language == "en"
    assert '<date when="1848-03-18">18 March 1848</date>, or <date when="1848-03-18">March 18, 1848</date>' in xml
    assert '<date notBefore="1848-03-01" notAfter="1848-05-31">spring 1848</date>' in xml
    assert '<date notBefore="1848-04-01" notAfter="1848-04-10">early April 1848</date>' in xml


def test_language_without_vocabulary_tags_persons_only(run):
    xml, result = run("<p>Lenin le 18 mars 1848.</p>", lang="fr")
    assert result.grammar is None and result.dates == 0 and result.persons == 1


def test_edition_units_extend_the_language(run):
    body = "<p>Im Jahr 1917 marschierten sie 1500 Werst weit.</p>"
    xml, _ = run(body)
    assert '<date when="1500">1500</date>' in xml  # not a German word: the language file does not know it
    xml, result = run(body, policy=Policy(vocabulary={"de": {"units": ("Werst",)}}))
    assert '<date when="1500">' not in xml
    assert [(f.token, f.why) for f in result.open] == [("1500", "a quantity?")]


def test_names_set_in_capitals(run):
    xml, _ = run("<head>TROTZKI UND CHÁVEZ: LENINS ERBE UND DER LENINISMUS</head>")
    assert xml == (
        f"<head>{P('trotzki-leo', 'TROTZKI')} UND {P('chavez-hugo', 'CHÁVEZ')}: "
        f"{P('lenin-wladimir', 'LENINS')} ERBE UND DER LENINISMUS</head>"
    )
