"""``dyad.Coder``: one spaCy parse per article, then actors, events, quotes, times and places.

The Coder owns the loaded knowledge (actor KB, event patterns, cue lexicon, gazetteer), built
once; everything per article is computed from the one Doc and returned as plain records.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from dyad import furniture
from dyad.actors import ActorKB, ActorResolver, Mention
from dyad.errors import InputError, ModelError
from dyad.events import EventExtractor, RawEvent
from dyad.lexicon import Lexicon
from dyad.model import load_model
from dyad.parsed import parsed
from dyad.places import Geocoder, event_place
from dyad.pubdate import normalize_pub_date
from dyad.quotes import CueLexicon, QuoteSpan, find_quotes
from dyad.records import (
    Actor,
    Article,
    CodedArticle,
    Event,
    Place,
    Quote,
    SentenceRef,
    TextSpan,
)
from dyad.timex import event_date, find_times

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MAX_CHARS = 1_000_000


class Coder:
    """Codes news articles into events, quotes, actors, times and places.

    >>> coder = Coder()
    >>> coded = coder.code("Russian warplanes bombed rebel positions.", date="2015-10-20")
    """

    def __init__(self, model: str | None = None, *, actors: Sequence[str] = (),
                 patterns: Sequence[str] = (), nlp: Language | None = None) -> None:
        # what a worker process needs to build the same coder where it cannot fork
        self.settings = {"model": model, "actors": tuple(actors), "patterns": tuple(patterns)}
        self.nlp: Language = nlp if nlp is not None else load_model(model)
        if "parser" not in self.nlp.pipe_names:
            raise ModelError(f"model {model or self.nlp.meta.get('name')!r} has no dependency "
                             "parser; dyad needs one (use an English spaCy model with 'parser')")
        t0 = time.perf_counter()
        self.kb = ActorKB.load(tuple(actors))
        self.actors = ActorResolver(self.nlp, self.kb)
        t1 = time.perf_counter()
        self.lexicon = Lexicon.load(tuple(patterns))
        self.cues = CueLexicon.load()
        self.extractor = EventExtractor(self.lexicon, speech_verbs=self.cues.speech_verbs)
        t2 = time.perf_counter()
        self.geocoder = Geocoder.load()
        # seconds each part of the knowledge took to load, for `dyad bench`
        self.load_seconds = {"actors": t1 - t0, "patterns": t2 - t1,
                             "gazetteer": time.perf_counter() - t2}

    # -- public API ------------------------------------------------------------------------
    def code(self, article: Article | str, date: str | None = None) -> CodedArticle:
        """Code one article (or a plain text); ``date`` anchors relative dates."""
        art = _as_article(article, date)
        web = furniture.spans(art.text)
        doc = self.nlp(furniture.blank(art.text, web))
        return self.code_doc(doc, article_id=art.id, date=art.date, article=art, web=web)

    def pipe(self, articles: Iterable[Article | str], *, n_process: int = 1,
             batch_size: int = 16) -> Iterator[CodedArticle]:
        """Code a stream of articles in order, in batches; ``n_process`` > 1 codes them in that
        many worker processes while this one receives the results."""
        if n_process > 1:
            from dyad.parallel import pipe_parallel
            return pipe_parallel(self, (_as_article(a, None) for a in articles),
                                 n_process=n_process, batch_size=batch_size)
        return self._pipe(articles, batch_size=batch_size)

    def _pipe(self, articles: Iterable[Article | str], *,
              batch_size: int) -> Iterator[CodedArticle]:
        def prepared() -> Iterator[tuple[str, tuple[Article, list[tuple[int, int]]]]]:
            for a in articles:
                art = _as_article(a, None)
                web = furniture.spans(art.text)
                yield furniture.blank(art.text, web), (art, web)

        for doc, (art, web) in self.nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
            yield self.code_doc(doc, article_id=art.id, date=art.date, article=art, web=web)

    def resolve_actor(self, text: str, date: str | None = None) -> Actor:
        """Resolve one actor phrase ("American warplanes") to country, sector and code."""
        if not text.strip():
            raise InputError("actor text is empty; give a phrase such as 'Iraqi troops'")
        return self.actors.resolve(text, date=normalize_pub_date(date, where="--date"))

    # -- the work on one Doc -----------------------------------------------------------------
    def code_doc(self, doc: Doc, *, article_id: str, date: str | None = None,
                 article: Article | None = None,
                 web: Sequence[tuple[int, int]] | None = None) -> CodedArticle:
        """Code a parsed Doc; ``web`` is the article's furniture when the caller found it
        already (to blank it before parsing), else it is found here."""
        date = normalize_pub_date(date, where=f"article {article_id}")
        # doc.text is rebuilt from the tokens on every read; the article's text has the same
        # offsets, and its furniture is blank in the text that was parsed
        text = article.text if article is not None else doc.text
        web = furniture.spans(text) if web is None else web
        text = furniture.blank(text, web)
        # spaCy builds the sentences and entities anew on every read: one read, for every finder
        p = parsed(doc)
        sents, ents = p.sents, doc.ents
        mentions = self.actors.find(doc, date=date, sents=sents, ents=ents)
        idx = p.idx
        raw_events = [ev for ev in self.extractor.extract(doc, mentions, sents)
                      if not furniture.inside(idx[ev.trigger], web)]
        times = find_times(doc, pub_date=date, ents=ents)
        story_countries = {m.country for m in mentions if m.country and len(m.country) == 3}
        places = self.geocoder.find_places(doc, story_countries=story_countries, ents=ents)
        story_country = _dominant_country(mentions)
        by_tok = {i: m for m in mentions for i in range(m.start, m.end)}
        events = [self._event(doc, article_id, n, ev, sents, times, places, date,
                              story_country, by_tok)
                  for n, ev in enumerate(raw_events, start=1)]
        quotes = [self._quote(doc, text, q, by_tok, events)
                  for q in find_quotes(doc, cues=self.cues, text=text, sents=sents)
                  if not furniture.inside(idx[q.content_start], web)]
        return CodedArticle(
            id=article_id, date=date,
            outlet=article.outlet if article else None,
            title=article.title if article else None,
            url=article.url if article else None,
            events=tuple(events), quotes=tuple(quotes),
            actors=tuple(self.actors.entities(doc, mentions)),
            times=tuple(t.expr for t in times),
            places=tuple(p.place for p in places),
            content_hash=article.content_hash if article else None,
        )

    def _event(self, doc: Doc, article_id: str, n: int, ev: RawEvent, sents: list,
               times: Sequence, places: Sequence, date: str | None,
               story_country: str | None = None,
               by_tok: dict[int, Mention] | None = None) -> Event:
        sent = sents[ev.sentence]
        if ev.trigger_end - ev.trigger == 1:  # most triggers are one word: no Span for it
            word = doc[ev.trigger]
            trig = TextSpan(word.text, word.idx, word.idx + len(word.text))
        else:
            span = doc[ev.trigger:ev.trigger_end]
            trig = TextSpan(span.text, span.start_char, span.end_char)
        place = event_place(doc, ev.trigger, places)
        source = self._actor(doc, ev.source, ev.source_tok, by_tok)
        target = self._actor(doc, ev.target, ev.target_tok, by_tok)
        # an actor with a sector and no country ("demonstrators", "the president") is of the
        # country its phrase names ("activists from the Fatah Party"), else (a source) of where
        # the event happens, else, for people with a title, of the country the story is about
        unplaced = source
        source = _placed(doc, ev.source, ev.source_tok, source, place, story_country,
                         by_tok or {})
        # a target need not be where the act happens, but a state's forces and offices are
        if target is not None and ev.target is not None and ev.target_tok is not None and \
                ev.pattern.type != "PROTEST" and \
                _inhabited_place(doc[ev.target_tok], ev.target, ev.pattern.quad):
            # "shelled Aleppo", "a curfew in Algiers": the place's people, not its government
            # (a protest in a capital is against whoever governs there)
            target = replace(target, sector="CVL", code=f"{target.country}CVL")
        t_place = place if target is not None and target.sector in _STATE_SECTORS else None
        unplaced_target = target
        target = _placed(doc, ev.target, ev.target_tok, target, t_place, story_country,
                         by_tok or {})
        if source is not None and target is not None and source.code == target.code:
            # a guessed country that makes an actor act on itself is the wrong guess
            source, target = (unplaced, target) if source is not unplaced else \
                (source, unplaced_target)
        return Event(
            event_id=f"{article_id}:{n}", type=ev.pattern.type, mode=ev.mode,
            contexts=ev.contexts, cameo=ev.pattern.cameo, quad=ev.pattern.quad,
            goldstein=ev.pattern.goldstein,
            source=source, target=target,
            status=ev.status,
            date=event_date(doc, ev.trigger, times, pub_date=date, sent=sent),
            place=place,
            trigger=trig,
            sentence=SentenceRef(ev.sentence, sent.start_char, sent.end_char),
            rule=ev.rule, confidence=ev.confidence,
        )

    def _actor(self, doc: Doc, mention: Mention | None, tok_i: int | None,
               by_tok: dict[int, Mention] | None = None) -> Actor | None:
        """The actor as written where it acts: the whole noun phrase of its head ("the
        Croatian government's", "at least 75 displaced people in eastern Syria"), with the
        code of the mention that resolved it; a pronoun is written as the phrase it stands
        for when that is in the same sentence ("Kenya said it would ...": Kenya)."""
        if mention is not None and mention.kind == "default":
            # inferred, not written: no words of the article to point to
            return replace(self.actors.to_actor(mention), start=None, end=None)
        head = tok_i if tok_i is not None else (mention.head if mention is not None else None)
        if head is None:
            return None
        p = parsed(doc)  # the Doc's columns, shared with the finders (doc[i] makes a Token)
        pos, dep = p.pos, p.dep
        tok = p.toks[head]
        if pos[head] == "PRON" or tok.tag_ in ("WDT", "WP"):
            if (tok.tag_ in ("WDT", "WP") or tok.lower_ in ("that", "which", "who", "whom")) \
                    and tok.head.dep_ == "relcl":
                head = tok.head.head.i  # "the group, which attacked", "refugees, whom the
                # authorities blame": the group, the refugees, and whoever they resolve to
                if mention is None and by_tok:
                    mention = by_tok.get(head)
            elif mention is not None and mention.head != head \
                    and doc[mention.head].sent.start == tok.sent.start:
                head = mention.head  # "the Taliban said it would ...": the Taliban
            elif mention is not None and mention.kind == "pronoun" and by_tok:
                ante = _antecedent(tok, mention, by_tok)
                head = ante if ante is not None else head
            elif mention is None:
                # "Farc has said it will release ...": a group speaks of itself, named or not
                speaker = _speaker_of(tok, self.cues.speech_verbs)
                head = speaker if speaker is not None else head
        # "the Croatian government's request for revocation of ...": a thing its possessor
        # codes is written without what it is for or about
        # "U.S. calls for a ceasefire", "the JIA demand for the sacking of ...": so is an act
        # its modifier codes
        owned = mention is not None and by_tok is not None and head not in by_tok and \
            (pos[head] == "NOUN" or pos[head] == "VERB" and dep[head] in _NOMINAL_DEPS) and \
            p.head[mention.head] == head and \
            (dep[mention.head] == "poss" or
             dep[mention.head] in ("compound", "amod", "nmod") and
             p.toks[head].lemma_.lower() in self.lexicon.nouns)
        if mention is not None and pos[head] in ("AUX", "VERB") \
                and mention.start <= head < mention.end:
            span = doc[mention.start:mention.end]  # a name the parser read as a verb ("IS")
        else:
            span = _noun_phrase(p.toks[head], content=not owned)
            if mention is not None and mention.start <= head < mention.end and \
                    (mention.start < span.start or mention.end > span.end):
                # "Hezb-e-Islami", "Omar al-Bashir": a name the parser broke up is written
                # whole
                span = doc[min(span.start, mention.start):max(span.end, mention.end)]
            span = _whole_person(doc, span, head, mention)
        if mention is not None:
            return self.actors.to_actor(mention, span)
        return Actor(text=span.text, start=span.start_char, end=span.end_char)

    def _quote(self, doc: Doc, text: str, q: QuoteSpan, by_tok: dict[int, Mention],
               events: Sequence[Event]) -> Quote:
        """``by_tok`` maps each word of a mention to it (mentions do not overlap)."""
        speaker: Actor | None = None
        if q.speaker_head is not None:
            mention = by_tok.get(q.speaker_head)
            if mention is not None:
                speaker = self.actors.to_actor(mention)
            elif q.speaker_start is not None and q.speaker_end is not None:
                span = doc[q.speaker_start:q.speaker_end]
                speaker = Actor(text=span.text, start=span.start_char, end=span.end_char)
        linked = tuple(e.event_id for e in events
                       if q.start <= e.trigger.start and e.trigger.end <= q.end)
        return Quote(speaker=speaker, cue=q.cue, text=text[q.start:q.end], start=q.start,
                     end=q.end, kind=q.kind, events=linked)


_IN_PLACE = frozenset({"in", "inside", "across", "throughout", "near", "around"})


def _inhabited_place(tok: Token, mention: Mention, quad: int) -> bool:
    """A city as the target of a material act, or as where an act is done, is its people."""
    if mention.kind not in ("capital", "city") or not mention.country or \
            len(mention.country) != 3 or tok.i != mention.head:
        return False
    located = tok.dep_ == "pobj" and tok.head.lower_ in _IN_PLACE
    return located or (quad == 4 and tok.dep_ in ("dobj", "nsubjpass", "pobj", "conj"))


def _whole_person(doc: Doc, span: Span, head: int, mention: Mention | None) -> Span:
    """A person's name the parser broke up is written whole ("Omar al-Bashir", not "Omar"),
    and so is the name right after a title ("Libyan Prime Minister Fayez al-Sarraj")."""
    tok = doc[head]
    if tok.ent_type_ == "PERSON":
        start, end = tok.i, tok.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return doc[min(span.start, start):max(span.end, end)]
    if mention is not None and mention.kind == "title" and span.end < len(doc) and \
            doc[span.end].ent_type_ == "PERSON" and doc[span.end].ent_iob_ == "B" and \
            span.end - 1 == head:
        end = span.end + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return doc[span.start:end]
    return span


def _speaker_of(tok: Token, speech_verbs: frozenset[str]) -> int | None:
    """The named subject of the speech verb whose complement ``tok`` ("it", "they", "we") is
    the subject of."""
    if tok.lower_ not in ("it", "they", "we") or tok.dep_ not in ("nsubj", "nsubjpass") or \
            tok.head.dep_ not in ("ccomp", "xcomp") or \
            tok.head.head.lemma_.lower() not in speech_verbs:
        return None
    subj = next((c for c in tok.head.head.children if c.dep_ == "nsubj"), None)
    return subj.i if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None


def _antecedent(tok: Token, pronoun: Mention, by_tok: dict[int, Mention]) -> int | None:
    """The head of the nearest earlier mention in the sentence that a pronoun stands for."""
    for i in range(tok.i - 1, tok.sent.start - 1, -1):
        m = by_tok.get(i)
        if m is not None and m.kind != "pronoun" and m.code == pronoun.code and \
                m.name == pronoun.name:
            head = tok.doc[m.head]
            while head.dep_ == "appos" and head.head.i < head.i:
                head = head.head  # "the World Food Programme (WFP) said it": the whole name
            return head.i
    return None


_GROUP_CODES = frozenset({"IGO", "NGO", "IMG", "MNC"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def _dominant_country(mentions: Sequence[Mention]) -> str | None:
    """The country most mentioned in the story, when one clearly leads."""
    from collections import Counter

    counts = Counter(m.country for m in mentions
                     if m.country and len(m.country) == 3 and m.country not in _GROUP_CODES)
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2)
    return top if not rest or n > rest[0][1] else None


# refugees are from elsewhere than the story they are in: "Syria will not accept any more
# refugees" are not Syria's (their own country is named, if at all: "Liberian refugees")
_FOREIGN_SECTORS = frozenset({"REF"})


def _placed(doc: Doc, mention: Mention | None, tok_i: int | None, actor: Actor | None,
            place: Place | None, story_country: str | None,
            by_tok: dict[int, Mention]) -> Actor | None:
    if actor is None or actor.country or not actor.sector or mention is None or \
            mention.placeless:
        return actor  # "world leaders" are of no one country
    head = doc[tok_i] if tok_i is not None else doc[mention.head]
    country = _country_in_phrase(head, by_tok)
    if country is None and actor.sector in _FOREIGN_SECTORS:
        country = _fled(head, by_tok)  # "refugees fleeing the civil war in Liberia"
    if country is None and place is not None:
        country = place.country
    if country is None and mention.kind in ("person", "title", "pronoun") and \
            actor.sector not in _FOREIGN_SECTORS:
        country = story_country
    if not country or len(country) != 3 or country in _GROUP_CODES:
        return actor
    # (what dataclasses.replace makes, without its cost; a test checks every field is kept)
    return Actor(text=actor.text, name=actor.name, country=country, sector=actor.sector,
                 code=f"{country}{actor.sector}", start=actor.start, end=actor.end)


def _fled(head: Token, by_tok: dict[int, Mention]) -> str | None:
    """The country refugees flee, named in the participle that says so: "refugees fleeing the
    civil war in Liberia", "Rohingya fleeing violence in Myanmar"."""
    return _state_named_in([c for c in head.children if c.dep_ == "acl" and
                            c.lemma_.lower() in ("flee", "escape")], by_tok)


def _country_in_phrase(head: Token, by_tok: dict[int, Mention]) -> str | None:
    """A country named in the phrase's complement: "activists from the Fatah Party"."""
    return _state_named_in([c for c in head.children if c.dep_ == "prep" and
                            c.lower_ in ("from", "of", "in")], by_tok)


def _state_named_in(parts: list[Token], by_tok: dict[int, Mention]) -> str | None:
    """The first state (ISO-3 country, no group code) a mention in these subtrees names."""
    for c in parts:
        for g in c.subtree:
            m = by_tok.get(g.i)
            if m is not None and m.country and len(m.country) == 3 \
                    and m.country not in _GROUP_CODES:
                return m.country
    return None


_OUTSIDE_NP = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "parataxis", "ccomp",
                         "xcomp", "dep", "mark", "nsubj", "nsubjpass", "aux", "auxpass", "dobj",
                         "npadvmod", "advmod"})


# where the parser puts a noun it tagged as a verb ("rejected U.S. calls for ...")
_NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "appos"})
_PRECONJ = frozenset({"both", "either", "neither"})
_WHEN_PREPS = frozenset({"during", "amid", "amidst", "since", "until", "after", "before"})
_CONTENT_PREPS = frozenset({"for", "of", "at", "from", "on", "to", "about", "over"})


def _apposition(tok: Token, comma: Token) -> Span | None:
    """The apposition a comma introduces to a person's name or office, without its own clauses
    ("Ali Kushayb, a militia leader charged with ..."); none in a list ("the US, India and Israel") or where the parse
    ran a clause in ("troops from Syria, Defence Minister Sergei Shoigu said")."""
    if tok.dep_ != "appos" or tok.left_edge.i != comma.i + 1 or \
            any(c.dep_ == "conj" for c in (*tok.children, *comma.head.children)):
        return None
    if "PERSON" not in (tok.ent_type_, comma.head.ent_type_):
        return None  # a person's name and office name them; "Estonia, a small country" is
        # a description
    span = _noun_phrase(tok)
    doc = tok.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and not (after.is_punct and after.lower_ in (",", ".", ")", ";")) and \
            not (tok.left_edge.i <= after.i <= tok.right_edge.i):
        return None
    return span


def _first_conjunct_end(tok: Token) -> int:
    """Where the first of coordinated phrases ends: before its comma or conjunction."""
    stop = min((c.i for c in tok.rights if c.dep_ in ("cc", "conj", "punct")),
               default=tok.right_edge.i + 1)
    return max([tok.i + 1] + [c.right_edge.i + 1 for c in tok.rights if c.i < stop])


def _noun_phrase(tok: Token, *, content: bool = True) -> Span:
    """A noun phrase with its determiners, modifiers, prepositional complements and
    appositions ("the Palestinian president, Mahmoud Abbas"), without relative clauses,
    participles or anything else that follows a comma."""
    doc = tok.doc
    end = tok.i + 1
    rights = list(tok.rights)
    for n, c in enumerate(rights):
        if c.left_edge.i > end and not all(t.is_punct for t in doc[end:c.left_edge.i]):
            break  # a dependent past words of the clause is the parser's slip ("Serbia eased
            # measures in Montenegro, the scene of ...": the scene is no apposition of Serbia)
        if c.dep_ in _OUTSIDE_NP:
            if c.dep_ == "punct" and c.lower_ in ("(", ")"):
                end = max(end, c.i + 1)
                continue
            if c.dep_ == "punct" and c.lower_ == "," and n + 1 < len(rights) and end == c.i:
                appos = _apposition(rights[n + 1], c)
                if appos is not None:
                    end = appos.end  # "the Palestinian president, Mahmoud Abbas"
            break
        if c.dep_ == "prep" and (any(g.ent_type_ in ("DATE", "TIME") for g in c.children) or
                                 c.lower_ in _WHEN_PREPS):
            break  # "targets in Syria for more than a year", "the Foreign Office during a
            # briefing": the time is the clause's
        if c.ent_type_ in ("DATE", "TIME") and c.pos_ in ("PROPN", "NOUN"):
            break  # "summoned France's ambassador Monday": the day is the clause's
        if not content and c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS:
            break
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None) \
            if c.dep_ == "prep" else None
        if pobj is not None and any(g.dep_ == "conj" and any(t.ent_type_ for t in g.subtree)
                                    for g in pobj.children):
            # "diplomats from Poland, Germany and Sweden": each country is its own actor
            end = max(end, _first_conjunct_end(pobj))
            break
        end = max(end, c.right_edge.i + 1)
    # "Hours earlier Maduro": a time said before the noun is the clause's too
    start = min([c.left_edge.i for c in tok.lefts if c.dep_ not in ("npadvmod", "advmod")],
                default=tok.i)
    while start < tok.i and (doc[start].is_punct or doc[start].dep_ in ("cc", "preconj")
                             or doc[start].lower_ in _PRECONJ and doc[start].head.i == tok.i):
        start += 1  # "both India and Pakistan": the first conjunct is "India"
    while end - 1 > tok.i and (doc[end - 1].is_punct and doc[end - 1].text != ")"
                               or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ")):
        end -= 1
    return doc[start:end]


def _as_article(article: Article | str, date: str | None) -> Article:
    if isinstance(article, Article):
        if date is not None and article.date is None:
            return Article(id=article.id, text=article.text, title=article.title, date=date,
                           outlet=article.outlet, url=article.url)
        return article
    if not isinstance(article, str):
        raise InputError(f"cannot code a {type(article).__name__}; pass a dyad.Article or a str")
    if not article.strip():
        raise InputError("the text is empty; give the article's body text")
    if len(article) > MAX_CHARS:
        raise InputError(f"the text has {len(article):,} characters, over the {MAX_CHARS:,} limit; "
                         "split it into articles")
    return Article(id=Article.make_id(article), text=article, date=date)


__all__ = ["Coder"]
