"""Who did what to whom: events from the dependency parse, the pattern lexicon and actor mentions.

For each sentence the extractor finds trigger tokens (verbs by lemma, nouns by head lemma), then
the source (subject, "by" agent, possessor or demonym of a nominal, the subject of a light verb)
and the target (the slots the pattern names: object, "against X", "with X", ...), then the status
from negation, modality, control verbs and reported speech. It returns token-level
:class:`RawEvent` objects; the coder turns them into :class:`~dyad.records.Event` records.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB

from dyad.actors import join_code  # (actors imports nothing of events)
from dyad.lexicon import Lexicon, Pattern
from dyad.parsed import Parsed, parsed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dyad.actors import Mention

NEGATIONS = frozenset({"not", "n't", "never", "no"})
HYPOTHETICAL_AUX = frozenset({"might", "could", "may", "would", "should", "must", "can"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Outer verbs whose complement is a plan or intention (the inner action is future).
# ("has begun withdrawing", "decided to lift the sanctions" are the act itself, under way or
# decided: no control of these)
FUTURE_CONTROL = frozenset({"plan", "vow", "swear", "pledge", "promise", "intend", "aim", "prepare",
                            "agree", "expect", "schedule", "set", "threaten", "offer",
                            "announce", "resolve", "willing", "prepared",
                            "ready", "committed", "determined", "poised", "eager", "intent"})
# Outer verbs whose complement may never happen.
# verbs of promising whose infinitive the parser may attach as advcl ("have sworn to fight")
PROMISE_VERBS = frozenset({"vow", "swear", "pledge", "promise", "threaten", "intend"})
HYPOTHETICAL_CONTROL = frozenset({"want", "seek", "try", "hope", "consider", "propose", "ask",
                                  "urge", "call", "demand", "request", "wish", "attempt", "push",
                                  "press", "welcome", "support", "favor", "favour", "mull",
                                  "weigh", "debate", "discuss", "suggest", "warn", "need"})
NEGATING_CONTROL = frozenset({"refuse", "decline", "fail", "deny", "reject", "avoid", "stop",
                              "halt", "cease", "rule", "abandon", "oppose"})
# Outer types that stay the event when they govern another action ("threatened to attack").
GOVERNING_TYPES = frozenset({"THREATEN", "REJECT", "REQUEST", "AGREE", "ACCUSE", "SUPPORT"})
CONDITIONAL_MARKS = frozenset({"if", "unless"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "nummod"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})
# Verbs of receiving: "the US won assurances from Iraq" is Iraq's assurance to the US.
RECEIVE_VERBS = frozenset({"win", "receive", "obtain", "get", "secure", "gain", "extract", "earn",
                           "elicit", "accept"})
# Nouns heading purpose clauses: "in a bid to help X" is the main subject's intended act.
PURPOSE_NOUNS = frozenset({"bid", "effort", "attempt", "move", "push", "order", "plan", "drive",
                           "campaign", "way", "step", "decision"})
QUANTIFIER_SUBJECTS = frozenset({"both", "all", "each", "most", "some", "many", "several", "one",
                                 "two", "three", "none"})
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # mutual acts: "talks between"
OBLIGATION_AUX = frozenset({"must", "should", "ought"})
KIND_HEADS = frozenset({"agreement", "accord", "pact", "deal", "effort", "process", "line",
                        "mission", "arrangement"})
STATIVE_PASSIVES = frozenset({"commit", "oppose"})
OBJECT_PREDICATE_DEPS = frozenset({"oprd", "ccomp", "acomp"})
# "sought to implement tariffs", "helped spark protests", "fought to prevent the closure": an
# attempt or a cause, no request, aid or assault of anyone
TRYING_VERBS = frozenset({"seek", "help", "fight"})
HELPING_VERBS = frozenset({"help"})
# a warning is a threat when it announces one's own act ("warned that it would retaliate") or
# a response ("warned that Iran would face consequences"); else it predicts
WARNING_VERBS = frozenset({"warn"})
RESPONSE_WORDS = frozenset({"consequence", "retaliate", "retaliation", "respond", "response",
                            "action", "force", "war", "strike", "sanction", "punish",
                            "punishment", "pay", "revenge", "attack"})
WARNING_TOPIC_PREPS = frozenset({"of", "about"})
# "warned that it would retaliate / could strike": an act of one's own announced
ANNOUNCING_AUX = frozenset({"will", "would", "could", "might", "may", "shall", "'ll", "wo"})
# "attacked / hit the senator for his vote": a reason given makes a verbal attack
REBUKE_VERBS = frozenset({"attack", "hit"})
# "lawmakers fought over the debt limit", "the union fights the company": no force
STRUGGLE_VERBS = frozenset({"fight"})
CIVIL_SECTORS = frozenset({"LEG", "ELI", "PTY", "OPP", "SOC", "LAB", "BUS", "JUD", "NGO", "EDU",
                           "MED", "REL", "AGR", "JRN"})
ARMED_GROUPS = ("IMG",)  # codes of armed groups of no country ("ISIS")
NAME_ENTS = frozenset({"ORG", "FAC", "WORK_OF_ART"})
PERSON_KINDS = frozenset({"person", "pronoun", "title"})
POLITICAL_SECTORS = frozenset({"GOV", "LEG", "ELI", "PTY", "OPP"})
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "CRM", "PRM", "COP", "SPY"})
TEMPORAL_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"})
DURATION_NOUNS = frozenset({"time", "hour", "day", "week", "month", "year", "night", "minute",
                            "while", "decade"})
CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})
# "students demonstrated against the law" protest; "demonstrated its strength / that ..." show
SHOWING_VERBS = frozenset({"demonstrate"})
# "asked Germany for relief", "asked Kiev to act", "asked that the tariffs be lifted" request;
# "asked whether ...", "'Why now?' he asked", "asked him a question" only question
ASKING_VERBS = frozenset({"ask"})
QUESTION_NOUNS = frozenset({"question", "questions"})
# "agreed with the Senate that ...", "agree with the recommendation": an opinion shared
OPINION_AGREE = frozenset({"agree"})
# "blamed the attack on Hamas" accuses Hamas; "blames sanctions for the crisis" no one
BLAME_VERBS = frozenset({"blame"})
# what kills or destroys without anyone doing it
NATURAL_CAUSES = frozenset({"fire", "blaze", "flood", "flooding", "storm", "earthquake", "quake",
                            "hurricane", "cyclone", "typhoon", "tornado", "landslide",
                            "mudslide", "accident", "crash", "disease", "virus", "outbreak",
                            "epidemic", "pandemic", "heatwave", "drought", "avalanche",
                            "tsunami", "lightning", "collapse", "stampede", "cold", "heat",
                            "illness", "cancer", "covid", "coronavirus", "famine"})
# what says things without being anyone: "the report accused the army of torture"
REPORT_NOUNS = frozenset({"report", "study", "survey", "poll", "data", "dataset", "datum",
                          "figure", "number", "statistic", "document", "memo", "letter",
                          "analysis", "review", "finding", "suit", "lawsuit", "indictment",
                          "complaint", "filing"})
# a verb that states what is or was ("is weakening", "threatened"), not what shall be
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD"})
# what helps without anyone helping: "low oil prices helped the government survive"
MARKET_THINGS = frozenset({"price", "cut", "export", "import", "growth", "rate", "tax", "tariff",
                           "inflation", "market", "boom", "recovery", "reform", "demand",
                           "supply", "weather", "rain", "currency", "devaluation", "trade"})
# an act hoped or wished for is no act
HOPE_WORDS = frozenset({"hope", "hopes", "hoped", "hoping", "wish", "wishes", "wished",
                        "wishing", "dream"})  # forms too: the lemmatizer makes "hopes" "hop"
# "the plan appeals to voters": an attraction; an appeal is an actor's, for something or to act
ATTRACTION_VERBS = frozenset({"appeal"})
# "exports declined 5 percent": a fall, no refusal; the refusal has an object or an infinitive
DECREASE_VERBS = frozenset({"decline"})
# "negotiators return to Geneva": travel; a return is of something or someone ("returned the
# ships"); one contributes something, or to something
OBJECT_VERBS: dict[str, tuple[str, ...]] = {"return": (), "contribute": ("to",), "evacuate": ()}
# "her plan calls for a ten-year transition": what a plan or bill provides, no demand of anyone
CONTENT_NOUNS = frozenset({"plan", "bill", "proposal", "budget", "law", "legislation", "measure",
                           "deal", "agreement", "policy", "program", "programme", "rule",
                           "regulation", "scheme", "strategy", "draft", "amendment",
                           "constitution", "blueprint", "framework", "contract", "treaty"})
# a lasting state of conflict is an event when waged, launched, stepped up (a light verb) or
# when it does something ("the war killed thousands"); else it is named as a setting or a topic
# ("in its war with Iraq", "concluding the Iraq War", "a deal on ending America's war")
STATE_NOUNS = frozenset({"war"})
# talking and discussing are consultations only with a partner ("talked with", "X and Y discussed")
PARTNER_VERBS = frozenset({"talk", "discuss"})
# "60 percent of respondents support the deal": an opinion polled, no act of support
POLLED_SUBJECTS = frozenset({"respondent", "percent", "%", "majority", "minority", "poll",
                             "survey", "voter", "participant", "plurality"})
# a sum in a currency the parser did not tag as money ("6.3 million euros")
CURRENCIES = frozenset({"dollar", "euro", "pound", "yen", "yuan", "rupee", "franc", "rouble",
                        "ruble", "krone", "kroner", "krona", "shilling", "naira", "rand", "peso",
                        "dinar", "riyal", "dirham", "lira", "won", "real", "ringgit", "baht"})
# A promised cooperative act is an intent to cooperate (CAMEO 03); a promised hostile act is a
# threat (CAMEO 13): "Finland will give Tanzania a grant", "they would blockade Paris".
INTENT_CODES: dict[str, tuple[str, float]] = {
    "AID": ("033", 5.2), "COOPERATE": ("031", 5.2), "RETREAT": ("034", 7.0),
    "CONSULT": ("036", 4.0), "CONCEDE": ("034", 7.0)}
THREAT_CODES: dict[str, tuple[str, float, str]] = {
    "ASSAULT": ("138", -7.0, "violence"), "MOBILIZE": ("138", -7.0, "violence"),
    "COERCE": ("137", -7.0, "arrest"), "SANCTION": ("131", -5.8, "restrict"),
    "PROTEST": ("133", -5.8, "relations")}
# who a country or organisation sends to be involved abroad: withdrawing them is a threat
INVOLVEMENT_NOUNS = frozenset({"inspector", "observer", "monitor", "peacekeeper", "worker",
                               "mission", "envoy", "ambassador", "diplomat", "staff", "personnel",
                               "volunteer", "expert", "adviser", "advisor"})
# the unions the checks use, made once (a union made in a check is made anew on every read)
TEXT_NOUNS = CONTENT_NOUNS | REPORT_NOUNS
CAUSE_NOUNS = CONTENT_NOUNS | NATURAL_CAUSES | MARKET_THINGS
PLANNING_AUX = HYPOTHETICAL_AUX | FUTURE_AUX | OBLIGATION_AUX
ANY_SUBJECT_DEPS = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
# the clauses status climbs through to what governs an action
CLIMBED_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl", "relcl", "parataxis", "acl",
                          "acomp"})
_MAX_WORDS = 1_000_000  # forget the words looked up past this (a long run's vocabulary grows)
STATUS_RANK = {"negated": 4, "hypothetical": 3, "future": 2, "reported": 1, "asserted": 0}


class _Misses:
    """String hashes known to give nothing, tested a column at a time: a table indexed by the
    low bits of a hash holds the last such hash seen with those bits. A hash that shares its
    slot with another is merely not known (and looked up again): never taken for a miss. (An
    empty slot holds 0, the hash of the empty string, which gives nothing too.)"""

    __slots__ = ("table",)
    BITS = 17  # 131,072 slots (1 MB): a long run's vocabulary fills a few of them twice

    def __init__(self) -> None:
        self.table = np.zeros(1 << self.BITS, dtype=np.uint64)

    def unknown(self, hashes: np.ndarray) -> np.ndarray:
        """Which of ``hashes`` (uint64) are not known to give nothing."""
        return self.table[hashes & np.uint64((1 << self.BITS) - 1)] != hashes

    def add(self, h: int) -> None:
        self.table[h & ((1 << self.BITS) - 1)] = h

    def clear(self) -> None:
        self.table.fill(0)


def _first(cand: tuple[int, bool, Sequence[Pattern]]) -> int:
    return cand[0]


class _Tree:
    """The children of the tokens of one Doc: ``children(i)`` is ``list(doc[i].children)``,
    read from spaCy on the first ask and kept. (spaCy's ``token.children`` makes a generator
    and a new Token per child on every read, about 1.7 us; the extractor reads the children
    of about 100 tokens of a news article some 300 times. A column of every token's
    children, sorted from the heads with numpy, costs more than it saves.)"""

    __slots__ = ("doc", "n", "toks", "kids")

    def __init__(self, p: Parsed) -> None:
        self.doc, self.n, self.toks = p.doc, p.n, p.toks
        self.kids: list[list[Token] | None] = [None] * p.n

    def children(self, i: int) -> list[Token]:
        """The children of token ``i`` in text order; the list is shared: never change it."""
        out = self.kids[i]
        if out is None:
            out = self.kids[i] = list(self.toks[i].children)
        return out


_last_tree: _Tree | None = None


def _tree(doc: Doc) -> _Tree:
    """The children of ``doc``'s tokens, kept for the last Doc read (as parsed.py keeps its
    columns)."""
    global _last_tree
    t = _last_tree
    if t is None or t.doc is not doc or t.n != len(doc):
        t = _last_tree = _Tree(parsed(doc))
    return t


def _kids(tok: Token) -> list[Token]:
    """``list(tok.children)``, kept for the Doc; shared: never change it."""
    t, doc = _last_tree, tok.doc
    if t is None or t.doc is not doc or t.n != len(doc):
        t = _tree(doc)
    out = t.kids[tok.i]
    return out if out is not None else t.children(tok.i)


@dataclass(slots=True)
class RawEvent:
    """An event at token level, before it becomes a record."""

    pattern: Pattern
    trigger: int  # token index
    trigger_end: int  # exclusive
    sentence: int  # sentence index in the doc
    source: Mention | None
    target: Mention | None
    source_tok: int | None  # head token of the source phrase, kept when no mention resolves it
    target_tok: int | None
    status: str
    rule: str
    confidence: float
    mode: str | None = None
    contexts: tuple[str, ...] = field(default_factory=tuple)


class EventExtractor:
    """Finds events in a parsed Doc; holds the lexicon and the speech-verb list, nothing per doc."""

    def __init__(self, lexicon: Lexicon, *, speech_verbs: Iterable[str] = ()) -> None:
        self.lexicon = lexicon
        self.speech_verbs = frozenset(speech_verbs)
        # "Russia said Sudan must return the helicopter": the speaker demands it of Sudan
        self.obligation = Pattern(
            id="modal:must", pos="verb", lemma="must", particle=None, obj=None, modifier=None,
            type="REQUEST", mode=None, cameo="100", goldstein=-5.0, targets=(), contexts=(),
            example="", source="dyad/events.py")
        # a sum of money given is aid: the lexicon's "n:money" pattern says how it is coded
        # nationality adjectives, to split "Hungarian and Romanian officials" in two
        from dyad.countries import name_index

        self.demonyms = {p: iso for p, (iso, kind) in name_index().items()
                         if kind in ("demonym", "name")}
        self.money = next((p for p in lexicon.nouns.get("money", ()) if p.modifier is None
                           and not p.light and not p.none), None)
        # the lexicon's patterns for a word, by its hash (the same in every Doc): kept across
        # Docs, filled as words are met (see _candidates)
        self._verb_lemmas: dict[int, Sequence[Pattern]] = {}
        self._verb_forms: dict[int, Sequence[Pattern]] = {}
        self._noun_lemmas: dict[int, Sequence[Pattern]] = {}
        # the words of those that give nothing, in a form numpy tests
        self._no_verb, self._no_form, self._no_noun = _Misses(), _Misses(), _Misses()

    # -- matching --------------------------------------------------------------------------
    def match_verb(self, tok: Token) -> Pattern | None:
        candidates = self.lexicon.verbs.get(tok.lemma_.lower())
        if not candidates:
            form = self.lexicon.verb_forms.get(tok.lower_)
            candidates = self.lexicon.verbs.get(form) if form else None
        if not candidates:
            return None
        return self._pick_verb(tok.doc, tok.i, candidates)

    def _pick_verb(self, doc: Doc, i: int, candidates: Sequence[Pattern]) -> Pattern | None:
        """The first of a verb's candidate patterns its particles and objects fit; the verb's
        dependents are read only when a pattern asks for them (most ask for neither)."""
        tok: Token | None = None
        children: list[Token] = []
        particles: set[str] | None = None
        objects: set[str] | None = None
        particle_objects: dict[str, set[str]] = {}  # read once for each particle asked for
        for pat in candidates:
            if pat.particle is None and pat.obj is None:
                return pat
            if tok is None:
                tok = doc[i]
                children = list(_kids(tok))
                # "held hundreds of families as human shields": the parser may hang "as" from
                # the object
                children += [p for c in children if c.dep_ == "dobj"
                             for p in _kids(c) if p.dep_ == "prep" and p.lower_ == "as"]
            if pat.particle is not None:
                if particles is None:
                    # a particle follows its verb: "On Monday, X called Y" is no "call on"
                    # (only the words some pattern asks for are checked for a date)
                    wanted = {q.particle for q in candidates}
                    particles = {c.lower_ for c in children if c.i > i and c.lower_ in wanted
                                 and c.dep_ in ("prt", "prep", "advmod") and not _dated(c)}
                if pat.particle not in particles:
                    continue
            if pat.obj is not None:
                if objects is None:
                    objects = _verb_objects(children)
                if pat.obj not in objects:
                    # "went on strike": the object may be the particle's ("v:go on >strike")
                    if pat.particle is None:
                        continue
                    held = particle_objects.get(pat.particle)
                    if held is None:
                        held = particle_objects[pat.particle] = \
                            _particle_objects(children, pat.particle)
                    if pat.obj not in held:
                        continue
            return pat
        return None

    def match_noun(self, tok: Token) -> Pattern | None:
        candidates = self.lexicon.nouns.get(tok.lemma_.lower())
        if not candidates:
            return None
        return self._pick_noun(tok.doc, tok.i, candidates)

    def _pick_noun(self, doc: Doc, i: int, candidates: Sequence[Pattern]) -> Pattern | None:
        """The first of a noun's candidate patterns its modifiers fit (read only when a
        pattern asks for one)."""
        modifiers: set[str] | None = None
        for pat in candidates:
            if pat.modifier is not None:
                if modifiers is None:
                    lefts = [c for c in doc[i].lefts if c.dep_ in ("compound", "amod", "nmod")]
                    modifiers = {c.lemma_.lower() for c in lefts}
                    modifiers |= {c.lower_ for c in lefts}
                if pat.modifier not in modifiers:
                    continue
            elif pat.light:
                continue
            return pat
        return None

    # -- extraction ------------------------------------------------------------------------
    def extract(self, doc: Doc, mentions: Sequence[Mention],
                sents: Sequence[Span] | None = None) -> list[RawEvent]:
        """The events of the Doc; ``sents`` is ``list(doc.sents)`` if the caller has it."""
        tok2m: list[Mention | None] = [None] * len(doc)
        for m in mentions:
            for i in range(m.start, m.end):
                tok2m[i] = m
        events: list[RawEvent] = []
        cands, obliged = self._candidates(doc)
        at = [c[0] for c in cands]
        for s_index, sent in enumerate(doc.sents if sents is None else sents):
            start, end = sent.start, sent.end
            lo, hi = bisect_left(at, start), bisect_left(at, end)
            o_lo, o_hi = bisect_left(obliged, start), bisect_left(obliged, end)
            if lo == hi and o_lo == o_hi:
                continue  # nothing in the sentence may trigger
            events.extend(self._sentence(doc, s_index, tok2m, cands[lo:hi],
                                         obliged[o_lo:o_hi]))
        return events

    def _candidates(self, doc: Doc
                    ) -> tuple[list[tuple[int, bool, Sequence[Pattern]]], list[int]]:
        """The tokens that may trigger, in order, each with whether it is read as a verb (else
        a noun) and the lexicon's patterns for it: verbs, auxiliaries and participles whose
        lemma or form the lexicon has as a verb, nouns whose lemma it has as a noun; and the
        obligation auxiliaries ("must"). Every other token would match nothing: it is never
        looked at again."""
        # the Doc's columns, read once for every finder (parsed.py)
        p = parsed(doc)
        pos, lemmas, lowers = p.array(POS), p.array(LEMMA), p.array(LOWER)
        strings = doc.vocab.strings
        # an adjective may be a participle ("VBN"): its tag is read only when the lexicon has
        # its word as a verb (a few tokens: cheaper than a TAG column)
        adjective = pos == ADJ
        verbish = (pos == VERB) | (pos == AUX) | adjective
        nounish = (pos == NOUN) | (pos == PROPN)
        toks = p.toks
        obliging = np.zeros(p.n, dtype=bool)
        for word in OBLIGATION_AUX:  # (three compares are cheaper than np.isin's sort)
            obliging |= lowers == strings[word]
        obliged = obliging.nonzero()[0].tolist()
        lex = self.lexicon
        verbs, nouns, forms = lex.verbs, lex.nouns, lex.verb_forms
        # what the lexicon has for a word is looked up once (the words' hashes are the same
        # in every Doc), as match_verb and match_noun look it up: a verb by its lemma, else
        # by its form; a noun by its lemma; () is nothing
        by_verb, by_form, by_noun = self._verb_lemmas, self._verb_forms, self._noun_lemmas
        if len(by_verb) + len(by_form) + len(by_noun) > _MAX_WORDS:
            for held in (by_verb, by_form, by_noun, self._no_verb, self._no_form, self._no_noun):
                held.clear()  # a long run's vocabulary keeps growing
        # most nouns and verbs are words known to give nothing: numpy passes them over (see
        # _Misses), and only the rest are looked at one by one
        no_verb, no_form, no_noun = self._no_verb, self._no_form, self._no_noun
        cands: list[tuple[int, bool, Sequence[Pattern]]] = []
        rows = verbish.nonzero()[0]
        rows = rows[no_verb.unknown(lemmas[rows]) | no_form.unknown(lowers[rows])]
        for i, lemma, lower in zip(rows.tolist(), lemmas[rows].tolist(), lowers[rows].tolist(),
                                   strict=True):
            pats = by_verb.get(lemma)
            if pats is None:
                pats = by_verb[lemma] = verbs.get(strings[lemma].lower()) or ()
                if not pats:
                    no_verb.add(lemma)
            if not pats:
                pats = by_form.get(lower)
                if pats is None:
                    form = forms.get(strings[lower])
                    pats = by_form[lower] = (verbs.get(form) if form else None) or ()
                    if not pats:
                        no_form.add(lower)
            if pats and (not adjective[i] or toks[i].tag_ == "VBN"):
                cands.append((i, True, pats))
        rows = nounish.nonzero()[0]
        rows = rows[no_noun.unknown(lemmas[rows])]
        for i, lemma in zip(rows.tolist(), lemmas[rows].tolist(), strict=True):
            pats = by_noun.get(lemma)
            if pats is None:
                pats = by_noun[lemma] = nouns.get(strings[lemma].lower()) or ()
                if not pats:
                    no_noun.add(lemma)
            if pats:
                cands.append((i, False, pats))
        cands.sort(key=_first)  # in text order (a token is a verb or a noun, never both)
        return cands, obliged

    def _sentence(self, doc: Doc, s_index: int,
                  tok2m: list[Mention | None], cands: Sequence[tuple[int, bool, Sequence[Pattern]]],
                  obliged: Sequence[int]) -> list[RawEvent]:
        found: list[RawEvent] = []
        verb_hits: dict[int, Pattern] = {}
        noun_hits: dict[int, Pattern] = {}
        no_event: set[int] = set()  # nouns a sense that is no event takes ("denied the charges")
        for i, is_verb, pats in cands:
            if is_verb:
                pat = self._pick_verb(doc, i, pats)
                if pat is not None and pat.none:
                    for c in _kids(doc[i]):
                        if c.dep_ in ("dobj", "nsubjpass"):
                            no_event.add(c.i)
                        elif c.dep_ == "prep" and pat.particle in (None, c.lower_):
                            # only its own particle's ("seized on a remark as a sign that
                            # ..." leaves the sign's clause its events)
                            no_event.update(g.i for g in _kids(c) if g.dep_ == "pobj")
                elif pat is not None:
                    verb_hits[i] = pat
            else:
                m = tok2m[i]
                if m is not None and m.kind in ("org", "country"):
                    continue
                pat = self._pick_noun(doc, i, pats)
                if pat is not None and not pat.none:
                    noun_hits[i] = pat
        # receiving an act ("received weapons from Turkey") is that act, done by the giver to
        # the receiver, as the noun reads it; receiving someone is hosting them (CAMEO 043)
        for vi in [v for v, vp in verb_hits.items() if not vp.light and vp.type == "CONSULT"]:
            verb = doc[vi]
            if verb.lemma_.lower() in RECEIVE_VERBS and any(
                    c.dep_ == "dobj" and c.i in noun_hits for c in _kids(verb)):
                del verb_hits[vi]
        # what a demand asks for is its content, no act yet ("its demand that Israel ease ...")
        for i, npat in list(noun_hits.items()):
            if npat.type == "REQUEST":
                for t in _content_clauses(doc[i]):
                    for g in t.subtree:
                        verb_hits.pop(g.i, None)
        for i in no_event:
            noun_hits.pop(i, None)
            # what a denied charge says happened is alleged, then denied: no event ("rejected
            # an allegation that he bribed the judge")
            for t in doc[i].subtree:
                if t.dep_ in CLAUSE_DEPS and t.head.i == i:
                    for g in t.subtree:
                        verb_hits.pop(g.i, None)
                        noun_hits.pop(g.i, None)
        demands = self._demands(doc, obliged, s_index, tok2m)
        found.extend(d for d, _ in demands if d is not None)
        # what must be done is the demand's content, all of it ("the US must allocate more
        # money to help with the crisis"): no act of its own
        demanded = {g for _, v in demands for g in _content(doc[v])}
        if not verb_hits and not noun_hits:  # a demand alone ("said X and Y must ...")
            return [x for ev in found for x in self._coordinated(doc, ev, tok2m)]
        used_nouns: set[int] = set()
        for vi, pat in verb_hits.items():
            verb = doc[vi]
            if vi in demanded:
                continue  # the content of a demand is not an event of its own
            if _only_considered(verb):
                continue  # "is considering sending aid": a policy option weighed (CAMEO 014)
            if pat.light:
                obj = _event_object(verb, noun_hits)
                obj_pat = noun_hits[obj.i] if obj is not None else None
                if obj is None and pat.lemma in GIVING_VERBS:
                    obj = _money_object(verb)  # "Germany gave 350 million euros to Ethiopia"
                    obj_pat = self.money
                if obj is None or obj_pat is None:
                    continue
                used_nouns.add(obj.i)
                outer = _governing_trigger(verb, verb_hits)
                if outer is not None and verb_hits[outer.i].type in GOVERNING_TYPES \
                        and not verb_hits[outer.i].light:
                    continue  # "threatened to launch an offensive": as "threatened to attack"
                ev = self._nominal(doc, obj, obj_pat, s_index, tok2m, light=verb,
                                   light_lemma=pat.lemma)
                if ev is not None:
                    found.append(ev)
                continue
            if _no_event_sense(verb, pat, lambda t: self._np_mention(t, tok2m) is not None):
                continue  # "seeks to implement", "exports declined", "talked about the economy"
            if pat.type == "REJECT" and _declines_to_speak(verb):
                continue  # "declined to comment" is no refusal of anything
            if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
                                            for c in _kids(verb)):
                continue  # "unless Baghdad accepts its terms": a condition, not an act
            if pat.type == "REQUEST" and verb.dep_ in ("advcl", "acl") and \
                    _protest_at(verb.head, verb_hits, noun_hits):
                continue  # "blocked roads demanding his return": what the protest is for
            if verb.dep_ == "advcl" and _is_infinitive(verb) and verb.head.i in verb_hits and \
                    (not verb_hits[verb.head.i].light or
                     _event_object(verb.head, noun_hits) is not None):
                continue  # "blocked roads to demand reforms": the purpose of the act coded
            if verb.dep_ == "acl" and verb.tag_ == "VBN" and \
                    not any(c.dep_ == "agent" for c in _kids(verb)):
                continue  # "militiamen armed with machetes": a state, not an act
            if verb.dep_ == "amod":
                continue  # "the internationally recognised government": a label, not an act
            outer = _governing_trigger(verb, verb_hits)
            if outer is not None and verb_hits[outer.i].type in GOVERNING_TYPES \
                    and not verb_hits[outer.i].light:
                continue  # "threatened to attack": the outer verb is the event
            ev = self._verbal(doc, verb, pat, s_index, tok2m, verb_hits, noun_hits)
            if ev is not None:
                found.append(ev)
                obj = _object_of(verb)
                if obj is not None:
                    used_nouns.add(obj.i)  # "condemned the attack": one event, the verb's
        for ev in found:
            subj = ev.source_tok
            if subj is not None and subj in noun_hits and noun_hits[subj].type == ev.pattern.type:
                used_nouns.add(subj)  # "Russian strikes hit rebels": one event, the verb's
            if subj is not None:
                for c in _kids(doc[subj]):
                    of = _pobj(c) if c.dep_ == "prep" and c.lower_ == "of" else None
                    if of is not None and of.i in noun_hits and \
                            noun_hits[of.i].type == ev.pattern.type:
                        used_nouns.add(of.i)
        for ni, pat in noun_hits.items():
            if ni in used_nouns:
                continue
            if doc[ni].dep_ == "compound" and doc[ni].head.pos_ in ("NOUN", "PROPN") and \
                    not any(c.dep_ == "poss" and tok2m[c.i] is not None
                            for c in doc[ni].head.lefts):
                continue  # "U.N. aid convoys", "protest leaders": a kind of thing, no act
                # (but "the Japanese government's aid package" is the government's aid)
            if pat.type == "CONSULT" and _setting(doc[ni]):
                continue  # "said at a UN ocean conference": where something else happened
            if _setting(doc[ni], TIME_PREPS) and _died_of(doc[ni]) is None:
                continue  # "since last month's US invasion": when something else happened
                # (but "died after torture" died of it)
            if doc[ni].lemma_.lower() in STATE_NOUNS and pat.modifier is None and \
                    doc[ni].dep_ not in ("nsubj", "nsubjpass"):
                continue  # "in its war with Iraq", "concluding the Iraq War": a named state
            if _grounds(doc[ni], verb_hits, noun_hits):
                continue  # "sanctioned the Taliban for its support of ...": why, not what
            ev = self._nominal(doc, doc[ni], pat, s_index, tok2m, light=None)
            if ev is not None:
                found.append(ev)
        found = [_subordinated(doc, self._fill_target(
            doc, _no_own_forces(_no_own_object(doc, _no_non_actor(doc, ev, tok2m), tok2m)),
            tok2m)) for ev in found]
        events = [x for ev in found for x in self._coordinated(doc, ev, tok2m)]
        # an event whose source and target are both unresolved says nothing an analyst can use,
        # unless its doer is a named organisation the actor tables lack ("Reliance Jio agreed
        # to ...", "The Civil Liberty Organization demanded ...") or, with no doer, it befell a
        # named person ("Ingabire was arrested"); a named person as doer is too often a
        # reporter or pundit ("Tapper asked", "assistance by Greg Ritchie") to be kept
        events = [ev for ev in events if (ev.source is not None and ev.source.code) or
                  (ev.target is not None and ev.target.code) or
                  _named(doc, ev.source_tok, ("ORG",)) or
                  (ev.source_tok is None and _named(doc, ev.target_tok))]
        return _dedupe(events)

    def _fill_target(self, doc: Doc, ev: RawEvent, tok2m: list[Mention | None]) -> RawEvent:
        """A target the pattern's slots did not give, from what news says around the trigger:
        an object that is no actor hands on to its complement ("refused admittance to
        Ghanaians"); a threat's target is who must act ("threatened to ... unless Baghdad
        accepted"); a protest's is who it is against, and by default the government of the
        protesters' country."""
        # a thing coded by its modifier ("returned six Iraqi artifacts to ...") is no actor
        coded = ev.target is not None and bool(ev.target.code)
        thing = coded and ev.target_tok is not None and tok2m[ev.target_tok] is None
        if coded and not thing:
            return ev
        trigger = doc[ev.trigger_end - 1]
        found: Mention | None = None
        found_tok: Token | None = None
        source = ev.source
        # the thing acted on carries whom the act is for or against: "lifted sanctions
        # against Sudan", "lifted its blockade of Yemen", "the ban imposed on the LTTE"; else
        # the verb's recipient when its object is a thing ("returned the paintings to Peru",
        # "provided 3 million euros to Lebanon")
        verbal = trigger.pos_ in ("VERB", "AUX")
        obj = doc[ev.target_tok] if ev.target_tok is not None else \
            (_object_of(trigger) if verbal else trigger)
        # (a thing coded only by a pronoun possessor is its owner's, and carries whom it is
        # for too: "reneged on his commitment to the Zambian people")
        owned = thing and ev.target is not None and ev.target.kind == "pronoun"
        if obj is not None and (not coded or owned):
            hit = _carried_actor(obj, tok2m, source,
                                 lambda t: self._np_mention(t, tok2m))
            if hit is not None:
                found, found_tok = hit
        if found is None and obj is not None and ev.pattern.quad in (1, 2) and \
                tok2m[obj.i] is None:
            # help, support or a deal for a thing in a country is for that country: "supports
            # peace building in Colombia", "contributed to the UN mission in Mali", "agreed to a
            # ceasefire in eastern Ukraine" (an act of force on "a base in Kandahar" is on the
            # base)
            hit = _carried_actor(obj, tok2m, source, lambda t: self._np_mention(t, tok2m),
                                 preps=frozenset({"in"}), places=True)
            if hit is not None:
                found, found_tok = hit
        giver = trigger if verbal else trigger.head \
            if trigger.dep_ in ("dobj", "nsubjpass") and trigger.head.pos_ == "VERB" else None
        if found is None and giver is not None and (obj is None or tok2m[obj.i] is None):
            for c in _kids(giver):
                if c.dep_ in ("prep", "dative") and c.lower_ in RECIPIENT_PREPS:
                    pobj = _pobj(c)
                    m = self._np_mention(pobj, tok2m)
                    if pobj is not None and m is not None and m.code and \
                            not _same_actor(m, source):
                        found, found_tok = m, pobj
                        break
        if found is None and ev.target is None and verbal and \
                trigger.dep_ in ("advcl", "xcomp") and _is_infinitive(trigger):
            # "called Lavrov to discuss Syria", "sent troops to Mali to help": whom the
            # purpose concerns is the main act's object when that is someone else's
            # ("troops" are the sender's own), else whom the act went to
            head = trigger.head
            cands = [_object_of(head)] + [_pobj(c) for c in _kids(head) if c.dep_ in
                                          ("prep", "dative") and c.lower_ in RECIPIENT_PREPS]
            for cand in cands:
                m = self._np_mention(cand, tok2m)
                if cand is None or m is None or not m.code or m.kind == "pronoun" or \
                        _same_actor(m, source):
                    continue
                if m.country is None and cand.dep_ in ("dobj", "nsubjpass"):
                    continue
                found, found_tok = m, cand
                break
        if found is None and thing and ev.pattern.type != "PROTEST":
            return ev
        if found is None and ev.pattern.type in ("THREATEN", "REQUEST", "REJECT"):
            for tok in trigger.subtree:
                if tok.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in _kids(tok)):
                    subj = next((c for c in _kids(tok) if c.dep_ in SUBJECT_DEPS), None)
                    found = self._np_mention(subj, tok2m)
                    break
        if found is None and ev.pattern.type in ("REQUEST", "THREATEN") and not verbal:
            # "its demand that Israel ease restrictions": who must act is asked
            for c in _content_clauses(trigger):
                if c.pos_ in ("VERB", "AUX"):
                    subj = next((g for g in _kids(c) if g.dep_ in SUBJECT_DEPS), None)
                    m = self._np_mention(subj, tok2m)
                    if subj is not None and m is not None and m.code and \
                            m.kind != "pronoun" and not _same_actor(m, source):
                        found, found_tok = m, subj
                        break
        if found is None and (ev.pattern.type == "PROTEST" or self._ends_protest(ev.pattern)):
            # "called off their strike after talks with the government": whom the protest
            # ended was against
            found = self._protested(doc, ev, tok2m)
        if found is None and thing:
            return ev
        # an act on an act ("agreed to a ceasefire in Hodeidah") is where that act is
        if found is None and ev.target is None and \
                (ev.target_tok is None or tok2m[ev.target_tok] is None and
                 doc[ev.target_tok].lemma_.lower() in self.lexicon.nouns) and \
                not (ev.source_tok is not None and
                     any(c.dep_ == "conj" for c in _kids(doc[ev.source_tok]))):
            # (coordinated sources act on each other: "Israelis and Palestinians failed to
            # reach agreement")
            # with no other target, where the act takes place: "declared a state of
            # emergency in Colombia", "remained on alert in North District"
            place = _place_target(trigger, tok2m, source)
            if place is not None:
                m, place_tok = place
                if m is None:  # a place no actor names: its words, with no code
                    return replace(ev, target_tok=place_tok.i, rule=f"{ev.rule}:place")
                found, found_tok = m, place_tok
        if found is None or not found.code or (ev.source is not None and found is ev.source):
            return ev
        tok_i = found_tok.i if found_tok is not None else found.head
        return replace(ev, target=found, target_tok=tok_i, rule=f"{ev.rule}:target")

    def _ends_protest(self, pat: Pattern) -> bool:
        """A concession that ends a protest ("v:call off >strike"): its object is a protest
        (a strike is one as an object ended, not as a noun alone, where it is an attack)."""
        return pat.type == "CONCEDE" and pat.obj is not None and (pat.obj == "strike" or any(
            p.type == "PROTEST" and p.modifier is None for p in self.lexicon.nouns.get(pat.obj, ())))

    def _protested(self, doc: Doc, ev: RawEvent, tok2m: list[Mention | None]) -> Mention | None:
        trigger = doc[ev.trigger_end - 1]  # the head of "hunger strike", not its modifier
        clause = trigger
        if trigger.pos_ in ("NOUN", "PROPN"):  # "began a hunger strike to protest against ..."
            clause = _governing_verb(trigger) or trigger
        while clause.dep_ in ("relcl", "acl", "xcomp", "advcl", "conj") and clause.head is not clause:
            clause = clause.head  # the whole clause the protest sits in
        src = ev.source
        for tok in clause.subtree:
            if tok.i <= ev.trigger:
                continue
            m = tok2m[tok.i]
            if m is None or not m.code or m.kind == "pronoun" or m.head != tok.i:
                continue
            if src is not None and (m is src or m.code == src.code):
                continue
            if m.kind in ("city", "capital", "country") and tok.dep_ == "pobj" and \
                    tok.head.lower_ in ("in", "near", "at", "across", "around", "outside", "inside",
                                        "from", "into", "through", "on"):
                continue  # where the protest is, not whom
            return m
        if src is not None and src.country and len(src.country) == 3 and src.sector != "GOV" \
                and src.country not in ("IGO", "NGO", "IMG", "MNC"):
            from dyad.actors import Mention  # runtime import: actors imports no events
            from dyad.countries import country_table

            entry = country_table().get(src.country)
            name = f"government of {entry.name}" if entry is not None else "government"
            return Mention(start=src.start, end=src.end, start_char=src.start_char,
                           end_char=src.end_char, text=name, name=name,
                           country=src.country, sector="GOV", code=f"{src.country}GOV",
                           kind="default", entity=-1, head=src.head)
        return None

    def _coordinated(self, doc: Doc, ev: RawEvent, tok2m: list[Mention | None]) -> list[RawEvent]:
        """ "Iraq and Syria attacked X" is two events; so is "attacked Iraq and Syria"."""
        if ev.target is not None and ev.source is not None and (
                (ev.target.kind == "pronoun" and ev.target.code == ev.source.code) or
                (ev.target.country is None and _owned_by_pronoun(doc, ev.target))):
            # "officials agreed that their countries should cooperate": the source's own
            ev = replace(ev, target=None, target_tok=None)
        sources = [(ev.source, ev.source_tok)] + _shared_country(
            ev.source, self._conjuncts(doc, ev.source_tok, tok2m))
        targets = [(ev.target, ev.target_tok)] + _shared_country(
            ev.target, self._conjuncts(doc, ev.target_tok, tok2m, places=True))
        if len(sources) == 1 and len(targets) == 1:
            return [ev]
        # a list on one side only is one event per member ("Germany, Russia, ... and Denmark
        # provided donations to X"); lists on both sides are capped (4 by 4)
        n_src = 8 if len(targets) == 1 else 4
        n_tgt = 8 if len(sources) == 1 else 4
        out = []
        for src, s_tok in sources[:n_src]:
            for tgt, t_tok in targets[:n_tgt]:
                if src is not None and tgt is not None and src.code == tgt.code:
                    continue
                out.append(replace(ev, source=src, source_tok=s_tok, target=tgt, target_tok=t_tok))
        return out or [ev]

    def _conjuncts(self, doc: Doc, tok_i: int | None, tok2m: list[Mention | None], *,
                   places: bool = False) -> list[tuple[Mention | None, int]]:
        if tok_i is None:
            return []
        out: list[tuple[Mention | None, int]] = []
        tok = doc[tok_i]
        # "ministers from Turkey and Saudi Arabia", "people in Somalia, Ethiopia and Kenya"
        # (for a target: "police in Ohio and Georgia" are one source)
        preps = ("from", "of", "in", "to") if places else ("from", "of")
        heads = [tok]
        for c in _kids(tok):
            if c.dep_ == "prep" and c.lower_ in preps:
                pobj = _pobj(c)
                if pobj is not None:
                    heads.append(pobj)
        for h in heads:
            for c in h.conjuncts:
                if c.i <= h.i or c.pos_ not in ("NOUN", "PROPN"):
                    continue
                m = self._np_mention(c, tok2m)
                if m is not None:
                    out.append((m, c.i))
        # "Hungarian and Romanian officials", "US and British forces": one phrase, the
        # officials or forces of each country its coordinated adjectives name
        first = self._np_mention(tok, tok2m)
        if first is not None and first.country:
            for a in tok.lefts:
                if a.dep_ not in ("amod", "compound", "nmod") or tok2m[a.i] is None:
                    continue
                for g in a.conjuncts:
                    iso = self.demonyms.get(g.text)
                    if g.i > a.i and g.i < tok.i and iso is not None and iso != first.country:
                        out.append((replace(first, country=iso,
                                            code=join_code(iso, first.sector)), g.i))
        return out

    def _demands(self, doc: Doc, obliged: Sequence[int], s_index: int,
                 tok2m: list[Mention | None]) -> list[tuple[RawEvent | None, int]]:
        out: list[tuple[RawEvent | None, int]] = []
        for i in obliged:  # the sentence's "must", "should", "ought"
            tok = doc[i]
            if tok.dep_ != "aux":
                continue
            verb = tok.head
            if verb.dep_ not in ("ccomp", "parataxis") or \
                    verb.head.lemma_.lower() not in self.speech_verbs:
                continue
            speaker = next((c for c in _kids(verb.head) if c.dep_ in SUBJECT_DEPS), None)
            addressee = next((c for c in _kids(verb) if c.dep_ in SUBJECT_DEPS), None)
            if speaker is None or addressee is None:
                out.append((None, verb.i))  # "saying he must resign": what must be, no act
                continue
            source = self._np_mention(speaker, tok2m)
            target = self._np_mention(addressee, tok2m)
            if not _actor_like(speaker, source) or target is None or not target.code or \
                    (source is not None and source.code == target.code) or \
                    (target.country is None and _owned_by_pronoun(doc, target)):
                out.append((None, verb.i))  # an opinion ("voters said taxes should fall"), or
                continue  # one's own duty ("their countries should"): no demand, and no act
            ev = RawEvent(pattern=self.obligation, trigger=tok.i, trigger_end=tok.i + 1,
                          sentence=s_index, source=source, target=target, source_tok=speaker.i,
                          target_tok=addressee.i, status=self.status(verb.head),
                          rule="modal:must>REQUEST",
                          confidence=_confidence(source, target, self.obligation, nominal=False))
            out.append((ev, verb.i))
        return out

    def _verbal(self, doc: Doc, verb: Token, pat: Pattern, s_index: int,
                tok2m: list[Mention | None], verb_hits: dict[int, Pattern],
                noun_hits: dict[int, Pattern]) -> RawEvent | None:
        src_tok, tgt_tok, rule = self._verb_roles(verb, pat)
        if src_tok is None:
            # "three civilians were killed", "prisoners were released": a material act is news
            # with its doer unnamed (a verbal one needs its speaker); kept when who suffered
            # it is a known actor or a named one ("Ingabire was arrested")
            material = pat.quad in (2, 4)
            victim = self._np_mention(tgt_tok, tok2m) if rule == ":passive" and material else None
            if tgt_tok is None or not (victim is not None and victim.code or
                                       rule == ":passive" and material and
                                       _named(doc, tgt_tok.i)):
                return None
            return self._recode(RawEvent(
                pattern=pat, trigger=verb.i, trigger_end=verb.i + 1, sentence=s_index,
                source=None, target=victim, source_tok=None, target_tok=tgt_tok.i,
                status=self.status(verb), rule=f"{pat.id}:passive:agentless>{pat.type}",
                confidence=_confidence(None, victim, pat, nominal=False), mode=pat.mode,
                contexts=pat.contexts), verb)
        source = self._np_mention(src_tok, tok2m)
        if source is None and rule in (":acl", ":relcl"):
            issuer = _issuer(src_tok)  # "Amnesty issued a statement calling on Belarus to ..."
            if issuer is not None and self._np_mention(issuer, tok2m) is not None:
                src_tok, source, rule = issuer, self._np_mention(issuer, tok2m), f"{rule}:issuer"
        if source is None and src_tok.lemma_.lower() in TEXT_NOUNS:
            return None  # "the suits, accusing her of ...", "a report that would help ...": a
            # text's doing, no actor's, however the subject is reached
        if source is None and src_tok.lower_ in QUANTIFIER_SUBJECTS and src_tok.i > 0:
            source = tok2m[src_tok.i - 1]  # "Abadi and Obeidi both assured him"
        target = self._np_mention(tgt_tok, tok2m) if tgt_tok is not None else None
        if tgt_tok is None:
            tgt_tok = _inner_target(verb, verb_hits, noun_hits)
            target = self._np_mention(tgt_tok, tok2m) if tgt_tok is not None else None
        if target is None and tgt_tok is not None:
            carried = _carried_participant(tgt_tok, tok2m)  # "threatened action against Russia"
            if carried is not None:
                target, tgt_tok = carried
        if tgt_tok is None and "dobj" in pat.targets:
            target, tgt_tok = _next_mention(doc, verb, tok2m)
        if pat.type == "MOBILIZE" and target is not None and tgt_tok is not None and \
                tgt_tok.dep_ == "dobj" and (not target.country or source is not None and
                                            target.country == source.country):
            # "mobilized army reservists for a war against Iraq": the forces are the
            # mobilizer's own; the act is aimed at whom they are to act against, if anyone
            tgt_tok = _against(verb)
            target = self._np_mention(tgt_tok, tok2m)
        if target is None:
            located = _located_country(verb, tok2m, source)  # "lifted a curfew in Montenegro"
            if located is not None:
                target, tgt_tok = located
        if source is not None and target is not None and source is target:
            target = None
        if pat.type == "ASSAULT" and verb.lemma_.lower() in STRUGGLE_VERBS and \
                _civil_struggle(source, target):
            return None  # "lawmakers fought over the debt limit": a political struggle
        status = self.status(verb)
        conf = _confidence(source, target, pat, nominal=False)
        ev = RawEvent(pattern=pat, trigger=verb.i, trigger_end=verb.i + 1, sentence=s_index,
                      source=source, target=target, source_tok=src_tok.i,
                      target_tok=tgt_tok.i if tgt_tok is not None else None, status=status,
                      rule=f"{pat.id}{rule}>{pat.type}", confidence=conf, mode=pat.mode,
                      contexts=pat.contexts)
        return self._recode(ev, verb)

    def _recode(self, ev: RawEvent, verb: Token) -> RawEvent:
        """Promises become AGREE, promised hostility THREATEN, refused cooperation REJECT."""
        pat = ev.pattern
        if pat.type == "MOBILIZE" and any("peacekeep" in t.lower_ for t in verb.subtree):
            # troops sent to a peacekeeping mission: military protection given (CAMEO 074)
            ev = _retyped(ev, "AID", "074", 8.5, None, ev.status)
            pat = ev.pattern
        if pat.type == "MOBILIZE" and pat.cameo == "150" and _jointly(verb):
            # "Brazil and Argentina held war games", "joint drills": military cooperation
            # (CAMEO 062), not a show of force
            ev = _retyped(ev, "COOPERATE", "062", 7.4, "military", ev.status)
            pat = ev.pattern
        if pat.type == "ASSAULT" and verb.lemma_.lower() in REBUKE_VERBS and _blamed_for(verb):
            # "hit Clinton for her ties to Wall Street": a reason given makes it criticism
            ev = _retyped(ev, "ACCUSE", "111", -2.0, "disapprove", ev.status)
            pat = ev.pattern
        if pat.type == "ASSAULT" and verb.lemma_.lower() in REBUKE_VERBS and \
                _political_rebuke(ev.source, ev.target):
            # "Trump attacked a federal judge": a politician's attack on someone at home
            ev = _retyped(ev, "ACCUSE", "111", -2.0, "disapprove", ev.status)
            pat = ev.pattern
        obj = _object_of(verb)
        involvement = obj is not None and obj.lemma_.lower() in INVOLVEMENT_NOUNS
        if pat.type == "RETREAT" and pat.mode == "withdraw" and involvement and \
                ev.status not in ("future", "hypothetical"):
            # "withdrew its peacekeepers from Rwanda": international involvement halted
            # (CAMEO 166), not a retreat
            return _retyped(ev, "SANCTION", "166", -4.5, "withdraw", ev.status)
        if pat.quad in (1, 2) and pat.type != "REJECT" and _refused(verb):
            return _retyped(ev, "REJECT", "120", -4.0, None, self.status(verb, negation=False))
        if ev.status == "hypothetical" and _has_mark(verb, "if") and _would_or_will(verb):
            # "they would meet him if he gave them a veto": a conditional offer or threat
            if pat.type in INTENT_CODES or pat.type == "SUPPORT":
                cameo, weight = INTENT_CODES.get(pat.type, ("032", 4.5))
                return _retyped(ev, "AGREE", cameo, weight, None, ev.status)
            if pat.type in THREAT_CODES:
                cameo, weight, mode = THREAT_CODES[pat.type]
                return _retyped(ev, "THREATEN", cameo, weight, mode, ev.status)
        if ev.status != "future":
            return ev
        if pat.type == "ASSAULT" and _prepared(verb):
            # "the army prepared to resume shelling rebel territory": a show of force
            # (CAMEO 150), not a threat; "is prepared to use force" is one
            return _retyped(ev, "MOBILIZE", "150", -7.2, "troops", ev.status)
        if pat.type == "SUPPORT" and _will(verb):
            return _retyped(ev, "AGREE", "032", 4.5, None, ev.status)  # "will support" promises
        conditional = _has_mark(verb, "unless")
        if pat.type == "RETREAT" and pat.mode == "withdraw" and involvement:
            # "will withdraw its inspectors from Iraq": a threat to halt international
            # involvement (CAMEO 136), not a promise to pull back
            return _retyped(ev, "THREATEN", "136", -4.4, "relations", ev.status)
        if pat.type in INTENT_CODES and not conditional:
            cameo, weight = INTENT_CODES[pat.type]
            return _retyped(ev, "AGREE", cameo, weight, None, ev.status)
        if pat.type in THREAT_CODES or (conditional and pat.quad in (1, 2)):
            cameo, weight, mode = THREAT_CODES.get(pat.type, ("130", -4.4, "relations"))
            return _retyped(ev, "THREATEN", cameo, weight, mode, ev.status)
        return ev

    def _verb_roles(self, verb: Token, pat: Pattern) -> tuple[Token | None, Token | None, str]:
        """The source and target tokens of a verb trigger, and a suffix naming the syntax used."""
        subj = passive = agent = None
        for c in _kids(verb):
            dep = c.dep_
            if dep in SUBJECT_DEPS and subj is None:
                subj = c
            elif dep in PASSIVE_SUBJECT_DEPS and passive is None:
                passive = c
            elif dep == "agent":
                agent = next((g for g in _kids(c) if g.dep_ == "pobj"), None)
        rule = ""
        if subj is not None and subj.lower_ in QUANTIFIER_SUBJECTS and subj.dep_ == "appos":
            subj = subj.head
        if passive is not None and agent is None and pat.lemma in STATIVE_PASSIVES:
            # "Vietnam is committed to opening up", "Russia is opposed to the plan": a stance
            # of the subject, not something done to it
            return passive, _target_by_slots(verb, (*pat.targets, "prep:to")), ":stative"
        if passive is not None or agent is not None:
            rule = ":passive"
            source = agent
            target = passive
            if target is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                target = verb.head  # "government forces, backed by Russian air strikes"
            if source is None:
                return None, target, rule
            return source, target, rule
        source = subj
        if source is not None and source.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            source = verb.head
            rule = ":relcl"
        if source is None:
            source = _inherited_subject(verb)
            if source is not None:
                rule = ":inherit"
        if source is None and verb.dep_ == "acl" and verb.head.lemma_.lower() in PURPOSE_NOUNS:
            gov = _governing_verb(verb.head)
            # "criticized the decision by Britain to expel ...", "Britain's decision to ...":
            # the purpose is its owner's
            owner = next((c for c in _kids(verb.head) if c.dep_ == "poss"), None) or \
                next((_pobj(c) for c in _kids(verb.head) if c.dep_ == "prep" and
                      c.lower_ == "by" and _pobj(c) is not None), None)
            if owner is not None:
                source, rule = owner, ":purpose"
            elif gov is not None:
                source = next((c for c in _kids(gov) if c.dep_ in SUBJECT_DEPS), None)
                rule = ":purpose"
        if source is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN") \
                and not _is_infinitive(verb):
            source = verb.head
            rule = ":acl"
        target = _target_by_slots(verb, pat.targets)
        if target is None:
            # "used chemical weapons against X", "withdrew its troops from X", "withdrew the
            # batch of 200 peacekeepers from X": the preposition hangs off the object
            obj = next((c for c in _kids(verb) if c.dep_ == "dobj"), None)
            slots = tuple(t for t in pat.targets if t.startswith("prep:"))
            if obj is not None and slots:
                target = _target_by_slots(obj, slots)
                of = _target_by_slots(obj, ("prep:of",)) if _partitive(obj) else None
                if target is None and of is not None:
                    target = _target_by_slots(of, slots)
        return source, target, rule

    def _nominal(self, doc: Doc, noun: Token, pat: Pattern, s_index: int,
                 tok2m: list[Mention | None], *, light: Token | None,
                 light_lemma: str | None = None) -> RawEvent | None:
        if _named_by(noun):
            return None  # "the Conference of Catholic Bishops", "National Rally": a name
        source: Mention | None = None
        src_tok: Token | None = None
        rule = ""
        for c in noun.lefts:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and tok2m[c.i] is not None:
                m = tok2m[c.i]
                if m is not None and c.dep_ != "poss" and pat.type in PLACED_TYPES and \
                        (m.kind in ("capital", "city") or
                         m.kind == "metonym" and c.ent_type_ == "GPE"):
                    continue  # "the Ankara terrorist attack", "the Nairobi protest": where
                if m is not None and m.country is not None and m.head != noun.i:
                    source, src_tok, rule = m, c, ":poss" if c.dep_ == "poss" else ":mod"
                    break
        if source is None and noun.dep_ == "compound" and \
                noun.head.lemma_.lower() in BUNDLE_NOUNS:
            # "the Chinese government's assistance package": the owner of what the noun names
            owner = next((c for c in noun.head.lefts if c.dep_ == "poss"), None)
            m = tok2m[owner.i] if owner is not None else None
            if owner is not None and m is not None and m.country is not None:
                source, src_tok, rule = m, owner, ":poss"
        if source is None:
            for c in noun.rights:
                if c.dep_ == "prep" and c.lower_ == "by":
                    pobj = _pobj(c)
                    if pobj is not None:
                        src_tok, rule = pobj, ":by"
                        source = self._np_mention(pobj, tok2m)
                        break
        if source is None and light is not None:
            subj = next((c for c in _kids(light) if c.dep_ in SUBJECT_DEPS), None)
            if subj is None:
                subj = _inherited_subject(light)
            if subj is None:
                subj = _light_doer(light)
            if subj is not None:
                if subj.lower_ in RELATIVE_PRONOUNS and light.dep_ == "relcl":
                    subj = light.head
                src_tok, rule = subj, f":light:{light_lemma or light.lemma_.lower()}"
                source = self._np_mention(subj, tok2m)
        if src_tok is None and light is None:
            src_tok = _answerable(noun)  # "the LRA is responsible for mass killings"
            if src_tok is not None:
                rule, source = ":responsible", self._np_mention(src_tok, tok2m)
        receiver: Token | None = None
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVE_VERBS:
            giver = _target_by_slots(noun, ("prep:from",)) or \
                _target_by_slots(noun.head, ("prep:from",))
            if giver is not None:
                receiver = next((c for c in _kids(noun.head) if c.dep_ in SUBJECT_DEPS), None)
                src_tok, rule = giver, f":from:{noun.head.lemma_.lower()}"
                source = self._np_mention(giver, tok2m)
        if src_tok is None and light is None and pat.type in SYMMETRIC_TYPES:
            # "cooperation between the Philippines and the United States": each party's, with
            # the other
            src_tok = _between(noun)
            if src_tok is not None:
                rule, source = ":between", self._np_mention(src_tok, tok2m)
        if src_tok is None:
            # "a prisoner died after torture": a violent act with its doer unnamed, kept (as an
            # agentless passive is) when who died of it is a known actor
            dead = _died_of(noun) if light is None and pat.type in LETHAL_TYPES else None
            victim = self._np_mention(dead, tok2m)
            if dead is None or victim is None or not victim.code:
                return None
            return RawEvent(
                pattern=pat, trigger=noun.i, trigger_end=noun.i + 1, sentence=s_index,
                source=None, target=victim, source_tok=None, target_tok=dead.i,
                status=self._nominal_status(noun, noun.head, False),
                rule=f"{pat.id}:died>{pat.type}",
                confidence=_confidence(None, victim, pat, nominal=True), mode=pat.mode,
                contexts=pat.contexts)
        tgt_tok = receiver if receiver is not None else _target_by_slots(noun, pat.targets)
        if receiver is None and tgt_tok is not None and self._np_mention(tgt_tok, tok2m) is None:
            # "a suspension of aid to Egypt": a later slot naming an actor outranks a thing
            for slot in pat.targets:
                hit = _target_by_slots(noun, (slot,))
                m = self._np_mention(hit, tok2m) if hit is not None else None
                if m is not None and m.code:
                    tgt_tok = hit
                    break
        if rule == ":between":
            tgt_tok = None  # each party is a source (its conjuncts too), none the target
        if tgt_tok is None and light is not None:
            # "gave Putin a warning", "offered Kiev support": the light verb's indirect
            # object receives the act
            tgt_tok = _target_by_slots(light, (*(t for t in pat.targets if t != "dobj"),
                                               "dative"))
        with_prep = next((a for a in noun.ancestors if a.dep_ == "prep"), None)
        if tgt_tok is None and light is not None and with_prep is not None and \
                with_prep.lower_ == "with" and with_prep.head.i == light.i:
            tgt_tok = _object_of(light)  # "provided the army with weapons": the army receives
        if tgt_tok is None and pat.type == "CONSULT" and rule != ":between":
            tgt_tok = _between(noun)
        target = self._np_mention(tgt_tok, tok2m) if tgt_tok is not None else None
        if tgt_tok is None and noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ in ("AUX", "VERB"):
            # a known name the parser read as a verb ("began bombing IS targets": "IS")
            target, tgt_tok = _next_mention(doc, noun, tok2m)
        if tgt_tok is None and light is None and noun.dep_ == "compound" and rule == ":poss":
            # "the Japanese government's aid package for Nepal": the bundle's recipient
            tgt_tok = _target_by_slots(noun.head, pat.targets)
            target = self._np_mention(tgt_tok, tok2m) if tgt_tok is not None else None
        if tgt_tok is None and light is None and pat.type == "AID" and noun.dep_ == "pobj" \
                and noun.head.lower_ == "for" and noun.head.head.pos_ in ("VERB", "AUX"):
            # "Ukraine asked for Germany's military aid", "appealed for aid": who asks for aid
            # is to receive it
            tgt_tok = next((c for c in _kids(noun.head.head) if c.dep_ in SUBJECT_DEPS), None)
            target = self._np_mention(tgt_tok, tok2m) if tgt_tok is not None else None
        if tgt_tok is None and light is None and receiver is None and pat.type == "AID":
            return None  # aid needs a recipient (ONTOLOGY.md): "Iran's weapons worried Israel",
            # "the EU's aid budget" give none; "Iran's weapons to the Houthis" does
        if source is not None and target is not None and source is target:
            target = None
        governor = light if light is not None else noun.head
        status = self._nominal_status(noun, governor, light is not None or receiver is not None)
        if any(c.dep_ == "det" and c.lower_ == "no" for c in _kids(noun)):
            status = "negated"
        conf = _confidence(source, target, pat, nominal=True)
        start, end = noun.i, noun.i + 1
        if noun.ent_type_ == "MONEY":  # "$2 million", all of it
            ent = next((e for e in doc.ents if e.start <= noun.i < e.end), None)
            if ent is not None:
                start, end = ent.start, ent.end
        for c in noun.lefts:
            if c.dep_ in ("compound", "amod") and c.lemma_.lower() == pat.modifier:
                start = min(start, c.i)
        ev = RawEvent(pattern=pat, trigger=start, trigger_end=end, sentence=s_index,
                      source=source, target=target, source_tok=src_tok.i,
                      target_tok=tgt_tok.i if tgt_tok is not None else None, status=status,
                      rule=f"{pat.id}{rule}>{pat.type}", confidence=conf, mode=pat.mode,
                      contexts=pat.contexts)
        return self._recode(ev, light) if light is not None else ev

    def _np_mention(self, tok: Token | None, tok2m: list[Mention | None],
                    depth: int = 0) -> Mention | None:
        """The actor mention a noun phrase with head ``tok`` names, if any."""
        if tok is None or depth > 2:
            return None
        m = tok2m[tok.i]
        if m is not None:
            return m
        pronoun: Mention | None = None
        for c in tok.lefts:
            if c.dep_ in MODIFIER_DEPS:
                for g in [c, *c.subtree]:  # "the Islamic State group's fighters"
                    m = tok2m[g.i]
                    if m is None:
                        continue
                    if depth > 0 and c.dep_ == "poss" and m.kind in ("person", "title"):
                        # "a member of Trump's council" is not Trump: only his country holds
                        return _country_only(m)
                    if m.kind != "pronoun":
                        return m
                    pronoun = pronoun or m  # "his Iraqi counterpart" is Iraqi, not his
        if pronoun is not None:
            # "its ally Syria" is Syria: a name in apposition outranks the possessor
            named = next((tok2m[c.i] for c in tok.rights
                          if c.dep_ == "appos" and tok2m[c.i] is not None), None)
            return named if named is not None else pronoun
        # a complement with a country outranks one without: "a mission of observers from
        # the OSCE" is the OSCE's
        placeless: Mention | None = None
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "in"):
                pobj = _pobj(c)
                if pobj is not None:
                    found = tok2m[pobj.i] if tok2m[pobj.i] is not None else \
                        self._np_mention(pobj, tok2m, depth + 1) if c.lower_ == "of" else None
                    if found is not None and (found.country or not found.code):
                        return found
                    placeless = placeless or found
            elif c.dep_ == "appos" and tok2m[c.i] is not None:
                return tok2m[c.i]
        return placeless

    # -- status ----------------------------------------------------------------------------
    def status(self, verb: Token, *, negation: bool = True) -> str:
        status = _own_status(verb, negation=negation)
        would = status == "hypothetical" and _would_only(verb)
        # climb through control verbs and clause heads to see what governs this action
        # (each step reads the node's dependency and head once)
        node, steps = verb, 0
        while steps < 6:
            dep = node.dep_
            if dep not in CLIMBED_DEPS:
                break
            head = node.head
            if head.i == node.i:
                break
            lemma = head.lemma_.lower()
            # "have sworn to fight": the parser's advcl for a promise's infinitive
            vowed = dep == "advcl" and lemma in PROMISE_VERBS and _is_infinitive(node)
            if dep == "xcomp" or vowed:
                if lemma in NEGATING_CONTROL:
                    status = _stronger(status, "negated")
                elif lemma in HYPOTHETICAL_CONTROL:
                    status = _stronger(status, "hypothetical")
                elif lemma in FUTURE_CONTROL:
                    status = _stronger(status, "future")
                status = _stronger(status, _own_status(head, with_marks=False))
            elif dep in ("ccomp", "parataxis") and lemma in self.speech_verbs:
                if would and status == "hypothetical":
                    status = "future"  # "they said they would meet": future in the past
                status = _stronger(status, "reported")
                break
            elif dep == "conj":
                status = _stronger(status, _own_status(head, with_marks=False))
            if dep == "advcl" and any(c.lower_ in CONDITIONAL_MARKS for c in _kids(node)):
                status = _stronger(status, "hypothetical")
            if dep in ("acl", "advcl", "relcl") and not vowed and _is_infinitive(node):
                status = _stronger(status, "hypothetical")  # "in a bid to help", "a request to"
                if any(c.dep_ == "det" and c.lower_ == "no" for c in _kids(head)):
                    status = _stronger(status, "negated")
            node, steps = head, steps + 1
        return status

    def _nominal_status(self, noun: Token, governor: Token, light: bool) -> str:
        verb = governor
        while verb.pos_ not in ("VERB", "AUX") and verb.dep_ not in ("ROOT",) and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return "asserted"
        status = self.status(verb)
        if not light and verb.lemma_.lower() in HYPOTHETICAL_CONTROL:
            status = _stronger(status, "hypothetical")
        if status == "negated" and not light:
            status = "hypothetical"  # "would not seek strikes": the strikes are unreal, not denied
        return status


# the dependencies _own_status reads a word of
_STATUS_DEPS = frozenset({"neg", "advmod", "det", "aux", "auxpass", "mark"})


def _own_status(verb: Token, *, with_marks: bool = True, negation: bool = True) -> str:
    status = "asserted"
    for c in _kids(verb):
        dep = c.dep_
        if dep not in _STATUS_DEPS:
            continue  # (most children: their words are never read)
        low = c.lower_
        if dep == "neg" or (low in NEGATIONS and dep in ("advmod", "det")):
            if negation:
                return "negated"
            continue
        if dep in ("aux", "auxpass"):
            if low in HYPOTHETICAL_AUX:
                status = _stronger(status, "hypothetical")
            elif low in FUTURE_AUX or low == "going" or c.lemma_ == "go":
                status = _stronger(status, "future")
        if with_marks and dep == "mark" and low in CONDITIONAL_MARKS:
            status = _stronger(status, "hypothetical")
    return status


def _would_only(verb: Token) -> bool:
    modals = {c.lower_ for c in _kids(verb) if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX}
    return modals == {"would"} and not _has_mark(verb, "if")


def _owned_by_pronoun(doc: Doc, m: Mention) -> bool:
    """'their countries', 'its forces': a group of no country owned by someone named by a
    pronoun, whose phrase is in the sentence already."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in _kids(doc[m.head]))


def _shared_country(first: Mention | None, others: list[tuple[Mention | None, int]]
                    ) -> list[tuple[Mention | None, int]]:
    """ "Israeli helicopters and tanks": the first conjunct's country carries to the rest."""
    if first is None or not first.country:
        return others
    out: list[tuple[Mention | None, int]] = []
    for m, i in others:
        if m is not None and m.country is None and m.sector is not None:
            m = replace(m, country=first.country, code=join_code(first.country, m.sector))
        out.append((m, i))
    return out


def _prepared(verb: Token) -> bool:
    """Whether the act is one its actor is getting ready for ("prepared to resume shelling",
    "troops poised to attack"), not one it says it is willing to do ("is prepared to")."""
    node, steps = verb, 0
    while node.dep_ in ("xcomp", "advcl") and node.head.i != node.i and steps < 3:
        node, steps = node.head, steps + 1
        word = node.lemma_.lower()
        if word == "poised" or node.lower_ == "poised" or \
                word == "prepare" and node.pos_ == "VERB" and \
                not any(c.lemma_ == "be" for c in _kids(node)):
            return True
    return False


def _will(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in _kids(verb))


def _would_or_will(verb: Token) -> bool:
    return any(c.dep_ == "aux" and (c.lower_ in FUTURE_AUX or c.lower_ == "would")
               for c in _kids(verb))


def _has_mark(verb: Token, word: str) -> bool:
    for c in _kids(verb):
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == word for g in _kids(c)):
            return True
        if c.dep_ == "mark" and c.lower_ == word:
            return True
    return False


# What a phrase headed by a token the model marks so cannot be: an actor.
NON_ACTOR_ENTS = frozenset({"MONEY", "PERCENT", "DATE", "TIME"})


def _no_non_actor(doc: Doc, ev: RawEvent, tok2m: list[Mention | None]) -> RawEvent:
    """A sum, a date or a conjunction is no actor: "launched an appeal for $80 million",
    "fighting for a sixth straight day", "demanded that [Bashir stand trial]" (the parser's
    object "that")."""
    def junk(i: int | None) -> bool:
        return i is not None and tok2m[i] is None and \
            (doc[i].ent_type_ in NON_ACTOR_ENTS or doc[i].pos_ == "SCONJ")

    if junk(ev.source_tok):
        ev = replace(ev, source=None, source_tok=None)
    if junk(ev.target_tok):
        ev = replace(ev, target=None, target_tok=None)
    return ev


def _no_own_forces(ev: RawEvent) -> RawEvent:
    """Forces mobilized are what is mobilized, not whom against: "mobilized troops for a
    battle against X", "Armenia mobilized its army" (the army is Armenia's own)."""
    t, s = ev.target, ev.source
    if ev.pattern.type != "MOBILIZE" or t is None or t.sector not in FORCE_SECTORS or \
            (t.country is not None and (s is None or t.country != s.country)):
        return ev
    return replace(ev, target=None, target_tok=None)


# Sectors of the forces a state or group mobilizes.
FORCE_SECTORS = frozenset({"MIL", "COP", "PRM", "REB", "UAF"})


def _no_own_object(doc: Doc, ev: RawEvent, tok2m: list[Mention | None]) -> RawEvent:
    """The object a pattern names is part of the act, not whom it is done to: "will not end
    the strike", "violated the ceasefire", "lifted a state of emergency" have no target unless
    the object carries one ("lifted the ban on the LTTE")."""
    obj, tok_i = ev.pattern.obj, ev.target_tok
    if obj is None or tok_i is None:
        return ev
    tok = doc[tok_i]
    if any(g.lemma_.lower() == obj or g.lower_ == obj for c in _kids(tok)
           if c.dep_ == "prep" and c.lower_ == "of" for g in [_pobj(c)] if g is not None):
        # "a state of emergency", "a state of siege": the state is no actor here
        return replace(ev, target=None, target_tok=None)
    if tok2m[tok_i] is None and not (ev.target is not None and ev.target.code) and \
            (tok.lemma_.lower() == obj or tok.lower_ == obj):
        return replace(ev, target=None, target_tok=None)
    return ev


def _refused(verb: Token) -> bool:
    """The actor refuses the act: "will not accept", "failed to reach", "refused to sign"."""
    if any(c.dep_ == "neg" for c in _kids(verb)):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NEGATING_CONTROL


def _named_by(noun: Token) -> bool:
    """The noun is a word of a longer name ("the Conference of Catholic Bishops", "the
    National Rally", "America's Promise PAC"), no act."""
    if noun.ent_type_ not in NAME_ENTS:
        return False
    # the noun is in a name (it has an entity type); the name is longer than the noun when
    # the noun continues it or the next word does (read from the IOB tags, without making
    # every Span of doc.ents)
    if noun.ent_iob_ == "I":
        return True
    doc = noun.doc
    return noun.i + 1 < len(doc) and doc[noun.i + 1].ent_iob_ == "I"


def _civil_struggle(source: Mention | None, target: Mention | None) -> bool:
    """A fight of lawmakers, parties, unions, firms, courts or a politician named as one
    person, with no armed actor against them: a political struggle, no assault."""
    if source is None or target is not None and (
            target.sector in ARMED_SECTORS or (target.code or "").startswith(ARMED_GROUPS)):
        return False
    return source.sector in CIVIL_SECTORS or \
        source.sector == "GOV" and source.kind in ("person", "pronoun")


def _political_rebuke(source: Mention | None, target: Mention | None) -> bool:
    """A politician named as one person attacking an unarmed actor of his own country (or
    of none named): words, not force ("the senator attacked the judge / the media")."""
    if source is None or target is None or source.kind not in PERSON_KINDS or \
            source.sector not in POLITICAL_SECTORS or target.sector in ARMED_SECTORS:
        return False
    return target.country is None or target.country == source.country


def _blamed_for(verb: Token) -> bool:
    """A reason the act is for: "attacked Obama for his remarks", "hit him for not voting"
    (not "for the second time", "for hours")."""
    for c in _kids(verb):
        if c.dep_ != "prep" or c.lower_ != "for":
            continue
        for g in _kids(c):
            if g.dep_ == "pcomp":
                return True
            if g.dep_ == "pobj" and g.ent_type_ not in TEMPORAL_ENTS and \
                    g.lemma_.lower() not in DURATION_NOUNS:
                return True
    return False


def _retyped(ev: RawEvent, type_: str, cameo: str, weight: float, mode: str | None,
             status: str) -> RawEvent:
    pat = replace(ev.pattern, type=type_, cameo=cameo, goldstein=weight, mode=mode)
    return replace(ev, pattern=pat, status=status, mode=mode, rule=f"{ev.rule}>{type_}")


def _inner_target(verb: Token, verb_hits: dict[int, Pattern],
                  noun_hits: dict[int, Pattern]) -> Token | None:
    """The target of the action a verb governs: "offered to hand over X to Britain"."""
    for c in _kids(verb):
        # "opened fire to disperse the protesters": the purpose's object is who the act is for
        if c.dep_ == "xcomp" or (c.dep_ == "advcl" and _is_infinitive(c)):
            inner_pat = verb_hits.get(c.i)
            slots = inner_pat.targets if inner_pat is not None and not inner_pat.light else \
                ("dative", "prep:to", "prep:with")
            hit = _target_by_slots(c, slots)
            if hit is not None:
                return hit
            obj = next((g for g in _kids(c) if g.dep_ == "dobj"), None)
            if obj is not None and inner_pat is not None and inner_pat.obj is not None:
                hit = _target_by_slots(obj, slots)  # "break relations with Russia"
                if hit is not None:
                    return hit
            if obj is not None and obj.i in noun_hits:
                hit = _target_by_slots(obj, noun_hits[obj.i].targets)
                if hit is not None:
                    return hit
        elif c.dep_ == "ccomp":
            subj = next((g for g in _kids(c) if g.dep_ in SUBJECT_DEPS), None)
            if subj is not None and subj.pos_ != "PRON":
                return subj  # "demanded that the US cancel": the US is asked
    return None


LOCATIVE = frozenset({"in", "into", "from", "inside"})


def _located_country(verb: Token, tok2m: list[Mention | None],
                     source: Mention | None) -> tuple[Mention, Token] | None:
    """With no other target, a country the action takes place in (CAMEO coders' convention)."""
    heads = [verb] + [c for c in _kids(verb) if c.dep_ in ("dobj", "xcomp")]
    heads += [g for c in heads[1:] for g in _kids(c) if g.dep_ == "dobj"]
    for h in heads:
        for c in _kids(h):
            if c.dep_ == "prep" and c.lower_ in LOCATIVE:
                pobj = _pobj(c)
                m = tok2m[pobj.i] if pobj is not None else None
                if m is None and pobj is not None and pobj.lemma_.lower() in PLACE_NOUNS:
                    # "in Montenegro province", "in the Helmand region"
                    m = next((tok2m[g.i] for g in pobj.lefts if g.dep_ == "compound" and
                              tok2m[g.i] is not None), None)
                if m is not None and pobj is not None and m.kind == "country" and \
                        (source is None or m.country != source.country):
                    return m, pobj
    return None


# Kinds of mention that name a place (and, as a target, the people or state there).
PLACE_KINDS = frozenset({"country", "capital", "city", "region"})
# nouns a place name modifies: "Montenegro province", "the Kashmir region"
PLACE_NOUNS = frozenset({"province", "region", "state", "district", "territory", "enclave",
                         "republic", "area"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _place_target(trigger: Token, tok2m: list[Mention | None], source: Mention | None
                  ) -> tuple[Mention | None, Token] | None:
    """Where an act with no other target takes place: a place the trigger, its governing
    verb or its object is "in" ("a ceasefire in Somalia", "declared a curfew in Maungtaw
    district"), not in the source's own country; a capital stands for its country here."""
    heads = [trigger]
    node = trigger
    while node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ == "of":
        node = node.head.head  # "a state of siege"
        heads.append(node)
    if node.pos_ in ("NOUN", "PROPN") and node.head.pos_ in ("VERB", "AUX"):
        heads.append(node.head)  # "declared a state of emergency in Colombia"
    heads += [c for h in list(heads) for c in _kids(h) if c.dep_ in ("dobj", "attr")]
    if trigger.pos_ in ("VERB", "AUX"):  # "remained on alert in Manila"
        heads += [g for c in _kids(trigger) if c.dep_ == "prep" and not _dated(c)
                  for g in _kids(c) if g.dep_ == "pobj"]
    for h in heads:
        for c in _kids(h):
            if c.dep_ != "prep" or c.lower_ not in ("in", "inside", "across", "throughout"):
                continue
            pobj = _pobj(c)
            if pobj is None or pobj.ent_type_ in ("DATE", "TIME"):
                continue
            m = tok2m[pobj.i]
            if m is None:  # "some parts of North Sinai"
                of = next((g for g in _kids(pobj) if g.dep_ == "prep" and g.lower_ == "of"),
                          None)
                inner = _pobj(of) if of is not None else None
                m = tok2m[inner.i] if inner is not None else None
            if m is not None:
                if m.kind not in PLACE_KINDS or not m.country or \
                        (source is not None and m.country == source.country):
                    continue
                return (_country_only(m) if m.kind == "capital" else m), pobj
            if pobj.ent_type_ in PLACE_ENTITIES:
                return None, pobj
    return None


CARRIER_PREPS = ("against", "with", "on", "to", "by", "for", "from", "of", "toward", "towards")


def _carried_participant(tok: Token, tok2m: list[Mention | None]
                         ) -> tuple[Mention, Token] | None:
    """An object noun naming an action carries its participant in a preposition."""
    frontier, depth = [tok], 0
    while frontier and depth < 2:
        nxt = []
        for node in frontier:
            for c in _kids(node):
                if c.dep_ == "prep" and c.lower_ in CARRIER_PREPS:
                    pobj = _pobj(c)
                    if pobj is None:
                        continue
                    m = tok2m[pobj.i]
                    if m is None:
                        m = next((tok2m[g.i] for g in pobj.lefts if tok2m[g.i] is not None), None)
                    if m is not None:
                        return m, pobj
                    nxt.append(pobj)
        frontier, depth = nxt, depth + 1
    return None


# Prepositions of a verb naming whom its act is for or against ("returned the paintings to Peru").
RECIPIENT_PREPS = frozenset({"to", "against", "toward", "towards"})
# Prepositions of a thing acted on that carry whom the act is for or against.
THING_PREPS = frozenset({"against", "on", "to", "of", "with", "from", "for", "toward",
                         "towards", "upon"})


def _same_actor(m: Mention, source: Mention | None) -> bool:
    return source is not None and (m is source or (m.code is not None and m.code == source.code
                                                   and m.kind == source.kind))


def _carried_actor(thing: Token, tok2m: list[Mention | None], source: Mention | None,
                   mention_of: Callable[[Token], Mention | None],
                   preps: frozenset[str] = THING_PREPS, places: bool = False
                   ) -> tuple[Mention, Token] | None:
    """The actor a thing acted on carries in a preposition, directly or through a participle:
    "sanctions against Iran", "its blockade of Yemen", "a ban imposed on the LTTE", "aid
    deliveries to Gaza", "an appeal lodged by the Jehovah's Witnesses". The thing's own
    possessor or modifier is who owns it, not whom it is for ("its embargo", "US sanctions")."""
    if tok2m[thing.i] is not None and tok2m[thing.i].head == thing.i:  # type: ignore[union-attr]
        return None  # the object is an actor itself
    frontier, depth = [thing], 0
    while frontier and depth < 2:
        nxt = []
        for node in frontier:
            for c in _kids(node):
                # "a ban imposed on the LTTE"; who made the thing ("proposed by") is not
                # whom it is for
                # "an invitation to meet with Kim Jong Un": a thing's purpose too
                found_preps = [c] if c.dep_ == "prep" else \
                    [g for g in _kids(c) if g.dep_ == "prep"] \
                    if c.dep_ == "acl" and (c.tag_ == "VBN" or _is_infinitive(c)) else []
                if c.dep_ == "acl" and _is_infinitive(c):
                    # "an invitation to attend a meeting of Palestinian factions": what the
                    # purpose acts on carries whom it concerns
                    nxt += [g for g in _kids(c) if g.dep_ == "dobj"]
                for prep in found_preps:
                    if prep.lower_ not in preps or \
                            (prep.lower_ == "of" and _partitive(node)) or \
                            (prep.lower_ in ("on", "upon") and
                             node.lemma_.lower() in TOPIC_NOUNS):
                        continue  # "most of its soldiers" are the soldiers themselves; an
                        # agreement on something is about it, not against it
                    pobj = _pobj(prep)
                    if pobj is None or pobj.ent_type_ in ("DATE", "TIME"):
                        continue
                    m = mention_of(pobj)
                    if m is not None and m.code and m.kind != "pronoun" and \
                            _names_phrase(m, pobj) and not _same_actor(m, source) and \
                            (not places or m.kind in PLACE_KINDS):
                        return m, pobj
                    nxt.append(pobj)
        frontier, depth = nxt, depth + 1
    return None


# Nouns whose "on" says what they are about: "an agreement on the offices in Jerusalem".
TOPIC_NOUNS = frozenset({"agreement", "deal", "accord", "talk", "talks", "negotiation",
                         "consensus", "understanding", "compromise", "discussion", "debate",
                         "decision", "vote", "statement", "report", "position", "stance",
                         "view", "dialogue", "meeting", "summit", "conference", "briefing"})
PARTITIVE_NOUNS = frozenset({"number", "batch", "group", "part", "rest", "majority", "dozen",
                             "dozens", "hundreds", "thousands", "handful", "lot", "half"})


def _partitive(tok: Token) -> bool:
    """A quantity of what follows: "most of", "a batch of", "dozens of"."""
    return tok.pos_ in ("NUM", "DET", "PRON", "ADJ") or tok.lower_ in QUANTIFIER_SUBJECTS or \
        tok.lemma_.lower() in PARTITIVE_NOUNS


def _names_phrase(m: Mention, head: Token) -> bool:
    """The mention names the phrase headed by ``head``: it is its head, a direct modifier
    ("Iranian banks", "Seoul's efforts") or its of/from/in complement ("the government of
    Brazil"), not a word deep inside a modifier ("Syria-related topics")."""
    mh = head.doc[m.head]
    if m.start <= head.i < m.end:
        return True
    if mh.head.i == head.i:
        return mh.dep_ in ("amod", "compound", "poss", "nmod", "appos")
    return mh.dep_ == "pobj" and mh.head.head.i == head.i and \
        mh.head.lower_ in ("of", "from", "in")


# Texts that speak for whoever issued them ("a statement calling on ...").
ISSUED_NOUNS = frozenset({"statement", "declaration", "report", "letter", "resolution",
                          "communique", "communiqué", "message", "motion", "petition", "decree",
                          "document", "note", "memo", "memorandum", "bill", "ruling", "order",
                          "verdict", "proposal", "plan", "law", "appeal", "ultimatum", "notice"})


def _country_only(m: Mention) -> Mention | None:
    if not m.country:
        return None
    return replace(m, name=None, sector=None, code=m.country)


def _issuer(noun: Token) -> Token | None:
    """Who issued, released or sent the text that acts: the subject of the verb whose object
    it is ("issued a declaration demanding ...", "released a report that calls on ...")."""
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in ISSUED_NOUNS:
        return None
    return next((c for c in _kids(noun.head) if c.dep_ in SUBJECT_DEPS), None) or \
        _inherited_subject(noun.head)


# Verbs that only weigh an act: "is considering sending aid" is a statement (CAMEO 014).
CONSIDER_VERBS = frozenset({"consider", "mull", "weigh", "contemplate", "ponder", "explore"})


def _only_considered(verb: Token) -> bool:
    node, steps = verb, 0
    while node.dep_ in ("xcomp", "conj", "advcl") and node.head.i != node.i and steps < 4:
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in CONSIDER_VERBS:
            return True  # "considering sending aid (and imposing sanctions) (to help Haiti)"
        if node.dep_ == "advcl" and not _is_infinitive(node):
            return False
        node, steps = node.head, steps + 1
    return False


# Light verbs of giving: a sum of money as their object is aid ("provided $2 million to").
GIVING_VERBS = frozenset({"give", "provide", "deliver", "send", "extend", "approve", "announce"})


def _money_object(verb: Token) -> Token | None:
    obj = _object_of(verb)
    if obj is None:
        return None
    if obj.ent_type_ == "MONEY":
        return obj
    if obj.lemma_.lower() in CURRENCIES and any(c.dep_ == "nummod" for c in _kids(obj)):
        return obj  # "6.3 million euros", untagged
    return None


def _jointly(verb: Token) -> bool:
    """Done together: a "joint" in the clause, or coordinated subjects."""
    if any(t.lower_ == "joint" for t in verb.subtree):
        return True
    subj = next((c for c in _kids(verb) if c.dep_ in SUBJECT_DEPS), None)
    if subj is None:  # "war games staged by US and Jordanian forces"
        subj = _light_doer(verb)
    return subj is not None and any(c.dep_ == "conj" for c in _kids(subj))


def _protest_at(tok: Token, verb_hits: dict[int, Pattern], noun_hits: dict[int, Pattern]
                ) -> bool:
    pat = verb_hits.get(tok.i) or noun_hits.get(tok.i)
    return pat is not None and pat.type == "PROTEST"


SETTING_PREPS = frozenset({"at", "during", "after", "before", "on", "ahead", "following"})


TIME_PREPS = frozenset({"since", "after", "before", "following"})


def _setting(noun: Token, preps: frozenset[str] = SETTING_PREPS) -> bool:
    """A meeting named as when or where something else happened ("at the summit", "on the
    sidelines of the conference")."""
    node = noun
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "pobj":
        node = node.head.head  # "on the sidelines of the summit"
    return node.dep_ == "pobj" and node.head.lower_ in preps


def _grounds(noun: Token, verb_hits: dict[int, Pattern], noun_hits: dict[int, Pattern]
            ) -> bool:
    """An act named as the reason for another, "for" and its actor's: "praised Egypt for its
    mediation", "sanctioned the faction for its support of al-Qaeda". (What one asks for is
    no reason: "called for their withdrawal".)"""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or \
            not any(c.dep_ == "poss" for c in _kids(noun)):
        return False
    asker = noun.head.head
    pat = verb_hits.get(asker.i) or noun_hits.get(asker.i)
    return pat is None or pat.type != "REQUEST"


def _hoped(verb: Token) -> bool:
    """The act is what someone hopes for ("hopes Japan will persuade Biden to lift", "voiced
    hope that Greece will help")."""
    node, steps = verb, 0
    while node.dep_ in ("ccomp", "xcomp", "acl", "conj") and node.head.i != node.i and steps < 4:
        if node.dep_ != "conj" and (node.head.lemma_.lower() in HOPE_WORDS or
                                    node.head.lower_ in HOPE_WORDS):
            return True
        node, steps = node.head, steps + 1
    return False


def _actor_like(tok: Token, mention: Mention | None) -> bool:
    """A resolved actor, or a name the parser tags as one ("the Third World Water Forum")."""
    if mention is not None and mention.code:
        return True
    return tok.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") and \
        tok.lemma_.lower() not in POLLED_SUBJECTS


def _no_event_sense(verb: Token, pat: Pattern, is_actor: Callable[[Token], bool]) -> bool:
    """Senses of event verbs the parse tells apart: an attempt or cause ("sought to implement",
    "helped spark protests"; "helped rebuild Iraq" still helps Iraq), a fall ("exports
    declined"), talk with no one ("discussed the budget"), an opinion polled ("most
    respondents support the plan")."""
    lemma = pat.lemma
    children = _kids(verb)
    # the subjects, read once for the checks below (most read only them)
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
    first_subject = subjects[0] if subjects else None
    if lemma in TRYING_VERBS and pat.obj is None and pat.particle is None:
        clauses = [c for c in children if c.dep_ == "xcomp" or (c.dep_ == "ccomp" and not any(
            g.dep_ in SUBJECT_DEPS for g in _kids(c)))]
        inner_actor = lemma in HELPING_VERBS and \
            any(is_actor(g) for c in clauses for g in _kids(c) if g.dep_ == "dobj")
        if clauses and not inner_actor and not any(c.dep_ in ("dobj", "dative") or
                              (c.dep_ == "prep" and c.lower_ in ("from", "against", "with"))
                              for c in children):
            return True
    if lemma in OBJECT_VERBS and not (  # passive: "people evacuated by the US"
            (verb.tag_ == "VBN" and verb.dep_ == "acl") or
            any(c.dep_ == "auxpass" for c in children)) and not any(
            c.dep_ in ("dobj", "dative", "nsubjpass", "agent") or
            (c.dep_ == "prep" and c.lower_ in OBJECT_VERBS[lemma]) for c in children):
        return True  # "returned to Geneva", "wanting to volunteer or contribute"
    if pat.type == "REQUEST" and any(c.lemma_.lower() in CONTENT_NOUNS for c in subjects):
        return True
    if any(c.lemma_.lower() in TEXT_NOUNS and not is_actor(c) for c in subjects):
        # "the bill threatens thousands of jobs": a risk, no one's threat; "the treaty banned
        # the development of ...", "the report accused the army": what a text says or
        # provides, with no actor named
        return True
    if lemma in HELPING_VERBS and any(
            not is_actor(c) and c.lemma_.lower() in CAUSE_NOUNS for c in subjects):
        return True  # "low oil prices helped Venezuela's government survive": a cause, no aid
    if lemma in SHOWING_VERBS and pat.obj is None and pat.particle is None and \
            any(c.dep_ in ("dobj", "ccomp") for c in children):
        return True  # "the vote demonstrates the breadth of his appeal": shows, no protest
    if lemma in ASKING_VERBS and pat.obj is None and pat.particle is None and not any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") or
            (c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that"
                                       for g in _kids(c))) or
            (c.dep_ == "dobj" and not is_actor(c) and c.lemma_.lower() not in QUESTION_NOUNS
             and c.tag_ != "PRP" and c.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"))
            for c in children):
        return True  # "asked whether the Senate would act", "Nadler asked.": a question
    if lemma in WARNING_VERBS and pat.obj is None and pat.particle is None and \
            not any(c.dep_ in ("dobj", "dative") or
                    (c.dep_ == "prep" and c.lower_ == "against") for c in children):
        topics = [c for c in children if c.dep_ == "prep" and c.lower_ in WARNING_TOPIC_PREPS]
        if topics and not any(t.lemma_.lower() in RESPONSE_WORDS
                              for c in topics for t in c.subtree):
            return True  # "warned of virus outbreaks": a danger foretold, no threat
        said = [c for c in children if c.dep_ == "ccomp"]
        # one's own act announced: "warned that it would retaliate" (not "that this is ...")
        own = any(g.dep_ in SUBJECT_DEPS and g.tag_ == "PRP" for c in said for g in _kids(c)) \
            and any(g.dep_ == "aux" and g.lower_ in ANNOUNCING_AUX for c in said for g in _kids(c))
        if said and not topics and not own and not any(t.lemma_.lower() in RESPONSE_WORDS
                                                       for c in said for t in c.subtree):
            return True  # "warned that prices would rise": a prediction, no threat
    if lemma in ATTRACTION_VERBS and not any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in children):
        subj = first_subject
        if subj is None or not (is_actor(subj) or
                                subj.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")):
            return True  # "what appealed to Trump about Barr": attraction, no appeal
    if lemma in BLAME_VERBS:
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        if obj is not None and not is_actor(obj) and obj.pos_ != "PRON" and \
                not any(c.dep_ == "prep" and c.lower_ == "on"
                        for c in [*children, *_kids(obj)]):
            return True  # "blames sanctions for the crisis": a cause named, no one accused
    if pat.type == "ASSAULT":
        subj = first_subject
        if verb.dep_ == "relcl" and (subj is None or subj.lower_ in RELATIVE_PRONOUNS):
            subj = verb.head  # "a fire that killed a hundred people"
        if subj is not None and subj.lemma_.lower() in NATURAL_CAUSES:
            return True  # "the flood killed 40 people": a disaster, no assault
    if _hoped(verb):
        return True  # "voiced hope that Greece will help Turkey": a wish, no act
    if lemma in DECREASE_VERBS and not any(c.dep_ == "xcomp" for c in children):
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        if obj is None or obj.ent_type_ in ("PERCENT", "MONEY", "CARDINAL", "QUANTITY"):
            return True
    if lemma in PARTNER_VERBS and _target_by_slots(verb, pat.targets) is None:
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        if obj is None or _target_by_slots(obj, ("prep:with",)) is None:
            subj = first_subject
            if subj is None or not any(c.dep_ == "conj" for c in _kids(subj)):
                return True
    if lemma in OPINION_AGREE and pat.obj is None and pat.particle is None and \
            any(c.dep_ == "prep" and c.lower_ == "with" for c in children) and \
            not any(c.dep_ in ("xcomp", "dobj") or
                    (c.dep_ == "prep" and c.lower_ in ("on", "upon", "to", "over", "for"))
                    for c in children):
        return True
    if lemma in OPINION_AGREE and pat.obj is None and pat.particle is None and \
            not any(c.dep_ in ("xcomp", "dobj") for c in children):
        said = [c for c in children if c.dep_ == "ccomp"]
        if said and all((c.tag_ in FINITE_TAGS or any(
                g.dep_ in ("aux", "auxpass") and g.tag_ in FINITE_TAGS for g in _kids(c)))
                and not any(g.dep_ == "aux" and g.lower_ in
                            PLANNING_AUX for g in _kids(c))
                for c in said):
            return True  # "analysts agree that Russia is weakening": an opinion shared; what
            # the parties agree shall be done is an agreement ("agreed that talks would resume")
    if pat.type in ("SUPPORT", "REJECT"):
        subj = first_subject
        if subj is not None and subj.lemma_.lower() in POLLED_SUBJECTS:
            return True
    return False


def _dated(prep: Token) -> bool:
    """'on Tuesday' after "called him" says when, and makes no "call on"."""
    pobj = _pobj(prep)
    return pobj is not None and pobj.ent_type_ in ("DATE", "TIME")


def _particle_objects(children: list[Token], particle: str | None) -> set[str]:
    if particle is None:
        return set()
    return {w for c in children if c.dep_ == "prep" and c.lower_ == particle
            for g in _kids(c) if g.dep_ == "pobj" for w in (g.lemma_.lower(), g.lower_)}


def _verb_objects(children: list[Token]) -> set[str]:
    """The words (lemma and form) of a verb's objects: the lemma or the word as written (the
    lemmatizer makes "data" "datum"); through a measure or state ("thousands of troops", "a
    state of emergency"); an object's predicate ("found him guilty"). (One pass over the
    children, each dependency read once: the words are a set, their order is no matter.)"""
    objs: list[Token] = []
    heads: list[Token] = []
    for c in children:
        dep = c.dep_
        if dep in ("dobj", "nsubjpass"):
            objs.append(c)
        elif dep in OBJECT_PREDICATE_DEPS or dep == "ccomp":
            pos = c.pos_
            # an object's predicate; a noun the parser made a clause of a double object
            # ("allow UN agencies access", parsed as "agencies" the subject of "access") is
            # the verb's object
            if pos == "ADJ" and dep in OBJECT_PREDICATE_DEPS or pos == "NOUN" and dep == "ccomp":
                heads.append(c)
    heads += objs
    heads += [g for c in objs for p in _kids(c) if p.dep_ == "prep" and p.lower_ == "of"
              for g in _kids(p) if g.dep_ == "pobj"]
    words = set()
    for c in heads:
        lemma = c.lemma_.lower()
        words.add(lemma)
        words.add(c.lower_)
        if lemma in KIND_HEADS:
            # a compound names the kind of a generic head ("violated the ceasefire
            # agreement", "ended mediation efforts")
            for g in _kids(c):
                if g.dep_ == "compound":
                    words.add(g.lemma_.lower())
                    words.add(g.lower_)
    return words


SUBORDINATE_DEPS = frozenset({"acl", "advcl", "relcl"})
SUBORDINATE_PENALTY = 0.15


def _subordinated(doc: Doc, ev: RawEvent) -> RawEvent:
    """An act in a modifying clause ("forces backed by Russia attacked", "sent aid to support
    refugees", "after the court ordered ...") is background to the sentence's own act: it is
    kept, less confident, so the main clause's event is the sentence's first."""
    p = parsed(doc)  # (the Doc's head and dependency columns: no Token is made)
    heads, deps = p.head, p.dep
    node, depth, steps = ev.trigger_end - 1, 0, 0
    while steps < 12:
        head = heads[node]
        if head == node:
            break
        if deps[node] in SUBORDINATE_DEPS:
            depth += 1
        node, steps = head, steps + 1
    if depth == 0:
        return ev
    conf = round(max(0.1, ev.confidence - SUBORDINATE_PENALTY * min(depth, 2)), 2)
    return replace(ev, confidence=conf)


def _stronger(a: str, b: str) -> str:
    return a if STATUS_RANK[a] >= STATUS_RANK[b] else b


def _pobj(prep: Token) -> Token | None:
    pobj = next((g for g in _kids(prep) if g.dep_ == "pobj"), None)
    if pobj is None and prep.dep_ in ("prep", "dative") and prep.i + 1 < len(prep.doc):
        # "granted asylum to five officers holed up in ...": the parser made the object the
        # subject of the participle after it; the noun phrase right after the preposition
        # is its object still
        for tok in prep.doc[prep.i + 1:prep.i + 8]:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.left_edge.i == prep.i + 1 and \
                    tok.head.i > tok.i and tok.head.head.i == prep.head.i:
                return tok
    return pobj


def _object_of(verb: Token) -> Token | None:
    for c in _kids(verb):
        if c.dep_ in ("dobj", "nsubjpass"):
            return c
    return None


MEASURE_PREPS = ("of", "in")
# light verbs whose event noun follows a preposition: "participated in the talks", "took part
# in", "will join Abe for talks", "gathered for a protest", "led a delegation on a visit",
# "arrived in Moscow for talks"
PREP_EVENT_VERBS: dict[str, tuple[str, ...]] = {
    "participate": ("in",), "take": ("in",), "join": ("for", "in"), "gather": ("for",),
    "converge": ("for",), "assemble": ("for",), "lead": ("on",), "arrive": ("for",)}


def _event_object(verb: Token, noun_hits: dict[int, Pattern]) -> Token | None:
    """The event noun a light verb takes, through a measure: "provided 25,000 tons of aid"."""
    obj = _object_of(verb)
    if obj is not None:
        if obj.i in noun_hits:
            return obj
        for c in _kids(obj):
            if c.dep_ == "prep" and c.lower_ in MEASURE_PREPS:
                pobj = _pobj(c)
                if pobj is not None and pobj.i in noun_hits:
                    return pobj
            elif c.dep_ == "conj" and c.i in noun_hits:
                return c  # "launched air and artillery strikes": the parser made "air" the object
    lemma = verb.lemma_.lower()
    preps = ("with",) if lemma in GIVING_VERBS else PREP_EVENT_VERBS.get(lemma, ())
    if preps:  # "provided the army with weapons", "took part in the protest"
        heads = [verb] + ([obj] if obj is not None else [])
        for h in heads:
            for c in _kids(h):
                if c.dep_ == "prep" and c.lower_ in preps:
                    pobj = _pobj(c)
                    for n in ([pobj, *pobj.conjuncts] if pobj is not None else []):
                        if n.i in noun_hits:
                            return n
    return None


def _target_by_slots(tok: Token, slots: Sequence[str]) -> Token | None:
    if not slots:
        return None
    children = [(c, c.dep_) for c in _kids(tok)]  # each dependency read once, for every slot
    if not children:
        return None
    for slot in slots:
        hit = None
        if slot == "dobj":
            hit = next((c for c, d in children if d == "dobj"), None)
        elif slot == "dative":
            datives = [c for c, d in children if d == "dative"]
            hit = next((c for c in datives if c.pos_ != "ADP"), None)
            if hit is None:
                prep = next((c for c in datives if c.pos_ == "ADP"), None)
                hit = _pobj(prep) if prep is not None else None
        elif slot == "poss":
            hit = next((c for c, d in children if d == "poss"), None)
        elif slot.startswith("prep:"):
            word = slot[5:]
            # "on Wednesday" is when, not whom: "on Tuesday called on Nigerian leaders"
            hit = next((g for c, d in children if d in ("prep", "dative", "agent")
                        and c.lower_ == word for g in [_pobj(c)]
                        if g is not None and g.ent_type_ not in ("DATE", "TIME")), None)
        if hit is not None:
            return hit
    return None


def _between(noun: Token) -> Token | None:
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ in ("between", "among"):
            return _pobj(c)
    return None


# Verbs whose object does what their complement says ("urged Iraq to withdraw").
OBJECT_CONTROL = frozenset({"urge", "ask", "call", "order", "force", "press", "invite", "tell",
                            "persuade", "convince", "encourage", "pressure", "compel", "require",
                            "instruct", "direct", "authorize", "authorise", "allow", "permit",
                            "help", "advise", "remind", "warn", "push", "get", "lead", "prompt"})


def _inherited_subject(verb: Token) -> Token | None:
    """A subject shared with a coordinated or controlling verb ("bombed and shelled", "agreed to")."""
    node, steps = verb, 0
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and \
            (verb.head.lower_ == "by" or verb.head.head.pos_ == "ADJ"):
        # "helped by donating", "is guilty of violating": the subject of the clause it is in
        node = verb.head.head
        subj = next((c for c in _kids(node) if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            return subj
    while node.dep_ in ("conj", "xcomp", "advcl", "acomp") and steps < 4:
        head = node.head
        subj = next((c for c in _kids(head) if c.dep_ in SUBJECT_DEPS), None)
        if node.dep_ == "xcomp":
            obj = next((c for c in _kids(head) if c.dep_ == "dobj"), None)
            if obj is not None and head.lemma_.lower() in OBJECT_CONTROL:
                return obj  # "urged Iraq to withdraw": Iraq is the one who withdraws
        if subj is not None:
            return subj
        node, steps = head, steps + 1
    return None


def _named(doc: Doc, tok_i: int | None, kinds: tuple[str, ...] = ("ORG", "PERSON")) -> bool:
    """A proper name the model found an organisation or person (of ``kinds``)."""
    return tok_i is not None and doc[tok_i].pos_ == "PROPN" and doc[tok_i].ent_type_ in kinds


# what carries an act its owner does: "the Chinese government's assistance package", "Turkey's
# aid convoy" (not "its weapons programme")
BUNDLE_NOUNS = frozenset({"package", "convoy", "shipment", "consignment", "pledge", "grant"})
# acts named by where they happened: "the Paris attacks", "the Nairobi protest"
PLACED_TYPES = frozenset({"ASSAULT", "PROTEST"})
LETHAL_TYPES = frozenset({"ASSAULT", "COERCE"})
DYING_VERBS = frozenset({"die", "succumb", "perish"})


def _died_of(noun: Token) -> Token | None:
    """Who died of the act a noun names: "died after torture", "died as a result of the
    beating", "died due to torture", "died in detention"."""
    node, steps = noun, 0
    while node.dep_ in ("pobj", "prep", "pcomp", "amod", "conj") and steps < 5:
        node, steps = node.head, steps + 1
        if node.pos_ in ("VERB", "AUX"):
            break
    if node is noun or node.pos_ not in ("VERB", "AUX") or node.lemma_.lower() not in DYING_VERBS:
        return None
    return next((c for c in _kids(node) if c.dep_ == "nsubj"), None)


def _light_doer(light: Token) -> Token | None:
    """Who does what a subjectless light verb carries: the agent of a passive ("war games
    staged by US marines"), or the noun an active clause hangs from where the parser made the
    doer a noun with a clause ("The Iraqi air force carried out air strikes")."""
    agent = next((c for c in _kids(light) if c.dep_ == "agent"), None)
    if agent is not None:
        return _pobj(agent)
    if light.dep_ == "acl" and light.head.pos_ in ("NOUN", "PROPN") and \
            not _is_infinitive(light) and any(c.dep_ == "dobj" for c in _kids(light)):
        return light.head
    return None


def _answerable(noun: Token) -> Token | None:
    """The one who answers for the act a noun names: the subject of "is responsible for" ("the
    LRA is responsible for mass killings"). A claim of responsibility is a statement (CAMEO 01)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "for":
        return None
    word = prep.head
    lemma, gov = word.lemma_.lower(), word.head
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in [*_kids(gov), *_kids(word)]):
        return None  # "Iran is not responsible for the attack": a denial, no act
    if lemma == "responsible" and word.dep_ == "acomp":
        return next((c for c in _kids(gov) if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


NO_COMMENT_VERBS = frozenset({"comment", "say", "elaborate", "discuss", "confirm", "speculate",
                              "disclose", "answer", "respond", "specify", "reveal", "give"})


def _declines_to_speak(verb: Token) -> bool:
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT_VERBS for c in _kids(verb))


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "mark") and c.lower_ == "to" for c in _kids(verb))


def _governing_verb(tok: Token) -> Token | None:
    node, steps = tok, 0
    while steps < 4 and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
        steps += 1
    return None


def _next_mention(doc: Doc, verb: Token, tok2m: list[Mention | None]
                  ) -> tuple[Mention | None, Token | None]:
    """The actor named right after a verb whose object the parser missed ("bombing IS targets")."""
    i = verb.i + 1
    end = min(len(doc), verb.i + 4)
    while i < end:
        tok = doc[i]
        m = tok2m[i]
        if m is not None:
            return m, doc[m.head]
        if tok.pos_ not in ("DET", "ADJ", "NUM") or tok.is_sent_start:
            break
        i += 1
    return None, None


def _against(verb: Token) -> Token | None:
    """Whom a verb's own phrases say it is against ("for a possible war against Iraq"),
    not looking into clauses."""
    todo = list(_kids(verb))
    while todo:
        tok = todo.pop(0)
        if tok.dep_ in ("advcl", "ccomp", "relcl", "conj", "xcomp", "acl", "parataxis"):
            continue
        if tok.dep_ == "prep" and tok.lower_ == "against" and _pobj(tok) is not None:
            return _pobj(tok)
        todo.extend(_kids(tok))
    return None


def _content(verb: Token) -> set[int]:
    """The tokens of what a clause says must be done: the verb and what hangs from it, but
    not a clause with its own subject ("a helicopter that was captured last week", "before he
    would support lifting sanctions"), which says something else."""
    out: set[int] = set()
    todo = [verb]
    while todo:
        tok = todo.pop()
        out.add(tok.i)
        todo.extend(c for c in _kids(tok)
                    if not (c.dep_ in ("advcl", "relcl", "ccomp", "parataxis", "conj") and
                            any(g.dep_ in ANY_SUBJECT_DEPS
                                for g in _kids(c))))
    return out


def _content_clauses(noun: Token) -> list[Token]:
    """The clauses saying what a noun (a demand, a call) asks for: its own ("its demand that
    Israel ease restrictions"), or one the parser hung from the verb the noun is the object of
    when a "that" clause follows the noun ("reiterated its demand today that Israel ease ...")."""
    out = [c for c in _kids(noun) if c.dep_ in ("acl", "ccomp")]
    if noun.dep_ == "dobj":
        out += [c for c in _kids(noun.head) if c.dep_ == "ccomp" and c.i > noun.i and
                any(m.dep_ == "mark" and m.lower_ == "that" for m in _kids(c))]
    return out


def _governing_trigger(verb: Token, verb_hits: dict[int, Pattern]) -> Token | None:
    """The trigger verb this one is the complement of ("threatened to attack" → threatened)."""
    node, steps = verb, 0
    while node.dep_ in ("xcomp", "ccomp") and steps < 3:
        head = node.head
        if head.i in verb_hits:
            return head
        node, steps = head, steps + 1
    return None


def _confidence(source: Mention | None, target: Mention | None, pat: Pattern, *,
                nominal: bool) -> float:
    conf = 0.4
    if source is not None and source.code:
        conf += 0.25
    if target is not None and target.code:
        conf += 0.2
    if pat.specificity:
        conf += 0.1
    if nominal:
        conf -= 0.1
    return round(min(conf, 0.95), 2)


def _dedupe(events: list[RawEvent]) -> list[RawEvent]:
    """One event per (type, source, target) in a sentence: keep the most confident."""
    best: dict[tuple[str, str | int | None, str | int | None], RawEvent] = {}
    order: list[tuple[str, str | int | None, str | int | None]] = []
    for ev in events:
        src = ev.source.code if ev.source is not None and ev.source.code else ev.source_tok
        tgt = ev.target.code if ev.target is not None and ev.target.code else ev.target_tok
        key = (ev.pattern.type, src, tgt)
        if key not in best:
            best[key] = ev
            order.append(key)
        elif ev.confidence > best[key].confidence:
            best[key] = ev
    return sorted((best[k] for k in order), key=lambda e: e.trigger)


__all__ = ["EventExtractor", "RawEvent"]
