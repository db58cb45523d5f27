"""Load the person register and derive every name form the tagger looks for.

A form is a sequence of words that names one or more persons: the regularised
surname, "Forenames Surname", "First-forename Surname", and every
``persName[@type='variant']`` as written.  A form shared by several persons
(``Uljanow`` for Alexander and Wladimir) is ambiguous and must be resolved by
context before it is tagged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..xmlio import NS, XML_NS, XmlInputError, parse


@dataclass(frozen=True)
class Person:
    id: str
    surname: str
    forenames: tuple[str, ...]
    variants: tuple[str, ...]


@dataclass
class Register:
    persons: dict[str, Person]
    #: form (words joined by one space) -> ids of the persons it may name
    forms: dict[str, frozenset[str]] = field(default_factory=dict)

    def forenames_of(self, pid: str) -> tuple[str, ...]:
        return self.persons[pid].forenames

    @cached_property
    def words(self) -> frozenset[str]:
        """Every single word of every form: the report never flags these (asked once per word of a text)."""
        return frozenset(w for form in self.forms for w in form.split(" "))


def _clean(text: str) -> str:
    return " ".join(text.split())


def _person(el, path: str) -> Person:
    pid = el.get(f"{{{XML_NS}}}id")
    if not pid:
        raise XmlInputError(path, el.sourceline or 0, 1, "person without xml:id")
    reg = el.find("tei:persName[@type='reg']", NS)
    surname = _clean("".join(reg.xpath("tei:surname//text()", namespaces=NS))) if reg is not None else ""
    forenames = _clean(" ".join(reg.xpath("tei:forename//text()", namespaces=NS))) if reg is not None else ""
    if reg is not None and not surname:
        # A person known by one name only (a pseudonym, a ruler): the whole reg name is the form.
        surname = _clean("".join(reg.itertext()))
    variants = tuple(
        v for v in (_clean("".join(p.itertext())) for p in el.findall("tei:persName[@type='variant']", NS)) if v
    )
    return Person(pid, surname, tuple(forenames.split()), variants)


def person_forms(p: Person) -> set[str]:
    forms = {p.surname, *p.variants} if p.surname else set(p.variants)
    if p.surname and p.forenames:
        forms.add(" ".join((*p.forenames, p.surname)))
        forms.add(f"{p.forenames[0]} {p.surname}")
    forms = {f for f in forms if f and f[0].isupper()}
    # Headings and bylines are often set in capitals (``KROPOTKIN UND CHÁVEZ``).
    return forms | {f.upper() for f in forms}


def build(persons: list[Person]) -> Register:
    forms: dict[str, set[str]] = {}
    for p in persons:
        for f in person_forms(p):
            forms.setdefault(f, set()).add(p.id)
    return Register({p.id: p for p in persons}, {f: frozenset(ids) for f, ids in forms.items()})


def load(path: str | Path) -> Register:
    """Read ``persons.xml``; raise :class:`XmlInputError` if it is not a usable register."""
    tree = parse(path)
    people = tree.getroot().findall(".//tei:listPerson//tei:person", NS)
    if not people:
        raise XmlInputError(str(path), 1, 1, "no tei:listPerson/tei:person in the register")
    return build([_person(el, str(path)) for el in people])
