"""Rules of the event extractor on hand-built parses: no model needed, every role pinned."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from dyad.actors import Mention
from dyad.events import EventExtractor
from dyad.lexicon import Lexicon, parse_lines

HEADER = "pattern\ttype\tmode\tcameo\tgoldstein\ttargets\tcontexts\texample\n"
ROWS = [
    "v:bomb\tASSAULT\taerial\t195\t-10\t\tmilitary\tex\n",
    "v:attack\tASSAULT\t\t190\t-10\t\t\tex\n",
    "v:seek\tREQUEST\t\t1043\t-5\t\t\tex\n",
    "v:welcome\tSUPPORT\t\t051\t3.4\t\t\tex\n",
    "v:threaten\tTHREATEN\t\t130\t-4.4\t\t\tex\n",
    "v:launch\tLIGHT\t\t\t\t\t\tex\n",
    "n:air strike\tASSAULT\taerial\t195\t-10\tprep:against\tmilitary\tex\n",
    "v:deny\tREJECT\t\t120\t-4\t\t\tex\n",
    "v:deny >charge\tNONE\t\t\t\t\t\tex\n",
    "n:charge\tACCUSE\t\t112\t-2\tprep:against\t\tex\n",
    "v:go on >strike\tPROTEST\tstrike\t143\t-6.5\tprep:against\t\tex\n",
    "v:call on\tREQUEST\t\t020\t3\tprep:on\t\tex\n",
]
LEX = Lexicon(parse_lines([HEADER, *ROWS], "test.tsv"))
EXTRACTOR = EventExtractor(LEX, speech_verbs={"say", "tell"})
VOCAB = English().vocab
CODES = {"Russia": ("RUS", "country"), "Syria": ("SYR", "country"), "Iraq": ("IRQ", "country"),
         "Iran": ("IRN", "country"), "Israel": ("ISR", "country"), "Kyiv": ("UKR", "capital"),
         "Kharkiv": ("UKR", "capital"), "Russian": ("RUS", "demonym"), "IS": ("IMG", "org"),
         "Trump": ("USA", "person")}


def parse(spec: str) -> tuple[Doc, list[Mention]]:
    """``word/lemma/POS/dep/head`` tokens separated by spaces; heads are absolute indices."""
    words, lemmas, pos, deps, heads = [], [], [], [], []
    for item in spec.split():
        w, lem, p, d, h = item.split("/")
        words.append(w), lemmas.append(lem), pos.append(p), deps.append(d), heads.append(int(h))
    doc = Doc(VOCAB, words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads)
    mentions = []
    for tok in doc:
        if tok.text in CODES:
            country, kind = CODES[tok.text]
            mentions.append(Mention(start=tok.i, end=tok.i + 1, start_char=tok.idx,
                                    end_char=tok.idx + len(tok), text=tok.text, name=tok.text,
                                    country=country, sector=None, code=country, kind=kind,
                                    entity=-1, head=tok.i))
    return doc, mentions


def code(spec: str):
    doc, mentions = parse(spec)
    return doc, EXTRACTOR.extract(doc, mentions)


def triple(ev):
    return (ev.pattern.type, ev.source.code if ev.source else None,
            ev.target.code if ev.target else None, ev.status)


def test_events_subject_verb_object():
    doc, evs = code("Russia/Russia/PROPN/nsubj/1 bombed/bomb/VERB/ROOT/1 Syria/Syria/PROPN/dobj/1"
                    " ././PUNCT/punct/1")
    assert [triple(e) for e in evs] == [("ASSAULT", "RUS", "SYR", "asserted")]
    assert evs[0].rule == "v:bomb>ASSAULT" and evs[0].mode == "aerial"
    assert doc[evs[0].trigger].text == "bombed"


def test_events_passive_agent_is_source():
    _, evs = code("Syria/Syria/PROPN/nsubjpass/2 was/be/AUX/auxpass/2 attacked/attack/VERB/ROOT/2"
                  " by/by/ADP/agent/2 Russia/Russia/PROPN/pobj/3")
    assert [triple(e) for e in evs] == [("ASSAULT", "RUS", "SYR", "asserted")]
    assert evs[0].rule == "v:attack:passive>ASSAULT"


def test_events_agentless_passive_material_act_keeps_its_victim():
    _, evs = code("Syria/Syria/PROPN/nsubjpass/2 was/be/AUX/auxpass/2 attacked/attack/VERB/ROOT/2"
                  " ././PUNCT/punct/2")
    assert [triple(e) for e in evs] == [("ASSAULT", None, "SYR", "asserted")]
    assert evs[0].rule == "v:attack:passive:agentless>ASSAULT" and evs[0].source_tok is None


def test_events_agentless_passive_verbal_act_needs_its_speaker():
    _, evs = code("Iran/Iran/PROPN/nsubjpass/2 was/be/AUX/auxpass/2 threatened/threaten/VERB/ROOT/2"
                  " ././PUNCT/punct/2")
    assert evs == []


def test_events_negated_modal_verb():
    _, evs = code("Iraq/Iraq/PROPN/nsubj/3 would/would/AUX/aux/3 not/not/PART/neg/3"
                  " seek/seek/VERB/ROOT/3 Russian/Russian/ADJ/amod/5 strikes/strike/NOUN/dobj/3")
    assert [triple(e) for e in evs] == [("REQUEST", "IRQ", "RUS", "negated")]


def test_events_reported_speech_codes_inner_event_only():
    _, evs = code("Kyiv/Kyiv/PROPN/nsubj/1 said/say/VERB/ROOT/1 Russia/Russia/PROPN/nsubj/3"
                  " shelled/attack/VERB/ccomp/1 Kharkiv/Kharkiv/PROPN/dobj/3")
    assert [triple(e) for e in evs] == [("ASSAULT", "RUS", "UKR", "reported")]


def test_events_light_verb_takes_object_noun_type_and_subject():
    doc, evs = code("Russia/Russia/PROPN/nsubj/1 launched/launch/VERB/ROOT/1 air/air/NOUN/compound/3"
                    " strikes/strike/NOUN/dobj/1 against/against/ADP/prep/3 IS/IS/PROPN/pobj/4")
    assert [triple(e) for e in evs] == [("ASSAULT", "RUS", "IMG", "asserted")]
    ev = evs[0]
    assert doc[ev.trigger:ev.trigger_end].text == "air strikes"
    assert ev.rule == "n:air strike:light:launch>ASSAULT"


def test_events_nominal_with_demonym_source_is_hypothetical_under_welcome():
    _, evs = code("Iraq/Iraq/PROPN/nsubj/2 would/would/AUX/aux/2 welcome/welcome/VERB/ROOT/2"
                  " Russian/Russian/ADJ/amod/5 air/air/NOUN/compound/5 strikes/strike/NOUN/dobj/2")
    assert [triple(e) for e in evs] == [("SUPPORT", "IRQ", "RUS", "hypothetical")]


def test_events_nominal_alone_takes_demonym_source():
    _, evs = code("Russian/Russian/ADJ/amod/2 air/air/NOUN/compound/2 strikes/strike/NOUN/nsubj/3"
                  " hit/hit/VERB/ROOT/3 Syria/Syria/PROPN/dobj/3")
    assert [triple(e) for e in evs] == [("ASSAULT", "RUS", None, "asserted")]


def test_events_control_verb_keeps_outer_threat():
    _, evs = code("Iran/Iran/PROPN/nsubj/1 threatened/threaten/VERB/ROOT/1 to/to/PART/aux/3"
                  " attack/attack/VERB/xcomp/1 Israel/Israel/PROPN/dobj/3")
    assert [e.pattern.type for e in evs] == ["THREATEN"]


def test_events_no_event_from_said_alone():
    _, evs = code("Iraq/Iraq/PROPN/nsubj/1 said/say/VERB/ROOT/1 nothing/nothing/PRON/dobj/1")
    assert evs == []


def test_events_might_is_hypothetical():
    _, evs = code("Russia/Russia/PROPN/nsubj/2 might/might/AUX/aux/2 bomb/bomb/VERB/ROOT/2"
                  " Syria/Syria/PROPN/dobj/2")
    assert [triple(e) for e in evs] == [("ASSAULT", "RUS", "SYR", "hypothetical")]


def test_events_future_attack_is_a_threat():
    _, evs = code("Russia/Russia/PROPN/nsubj/2 will/will/AUX/aux/2 bomb/bomb/VERB/ROOT/2"
                  " Syria/Syria/PROPN/dobj/2")
    assert [triple(e) for e in evs] == [("THREATEN", "RUS", "SYR", "future")]
    assert (evs[0].pattern.cameo, evs[0].mode, evs[0].rule) == ("138", "violence",
                                                                "v:bomb>ASSAULT>THREATEN")


def test_events_refused_cooperation_is_reject():
    _, evs = code("Syria/Syria/PROPN/nsubj/3 will/will/AUX/aux/3 not/not/PART/neg/3"
                  " welcome/welcome/VERB/ROOT/3 Iraq/Iraq/PROPN/dobj/3")
    assert [triple(e) for e in evs] == [("REJECT", "SYR", "IRQ", "future")]


def test_events_said_must_is_a_demand_by_the_speaker():
    _, evs = code("Russia/Russia/PROPN/nsubj/1 said/say/VERB/ROOT/1 Iraq/Iraq/PROPN/nsubj/4"
                  " must/must/AUX/aux/4 attack/attack/VERB/ccomp/1 Syria/Syria/PROPN/dobj/4")
    assert [triple(e) for e in evs] == [("REQUEST", "RUS", "IRQ", "asserted")]


def test_events_particle_must_follow_the_verb():
    lex = Lexicon(parse_lines([HEADER, "v:call on\tREQUEST\t\t020\t3\tprep:on\t\tex\n"], "t.tsv"))
    doc, mentions = parse("On/on/ADP/prep/3 Monday/Monday/PROPN/pobj/0 Iran/Iran/PROPN/nsubj/3"
                          " called/call/VERB/ROOT/3 Iraq/Iraq/PROPN/dobj/3")
    assert EventExtractor(lex).extract(doc, mentions) == []


def test_events_declining_to_comment_is_no_refusal():
    lex = Lexicon(parse_lines([HEADER, "v:decline\tREJECT\t\t120\t-4\t\t\tex\n"], "t.tsv"))
    doc, mentions = parse("Iran/Iran/PROPN/nsubj/1 declined/decline/VERB/ROOT/1 to/to/PART/aux/3"
                          " comment/comment/VERB/xcomp/1")
    assert EventExtractor(lex).extract(doc, mentions) == []


def test_events_with_no_resolved_actor_are_dropped():
    _, evs = code("Gunmen/gunman/NOUN/nsubj/1 attacked/attack/VERB/ROOT/1 a/a/DET/det/3"
                  " convoy/convoy/NOUN/dobj/1")
    assert evs == []
    _, evs = code("Gunmen/gunman/NOUN/nsubj/1 attacked/attack/VERB/ROOT/1 Syria/Syria/PROPN/dobj/1")
    assert [triple(e) for e in evs] == [("ASSAULT", None, "SYR", "asserted")]


def test_events_subject_reaches_through_willing_to():
    lex = Lexicon(parse_lines([HEADER, "v:withdraw\tRETREAT\twithdraw\t0874\t10\tprep:from\t\tex\n"],
                              "t.tsv"))
    doc, mentions = parse("Syria/Syria/PROPN/nsubj/1 is/be/AUX/ROOT/1 willing/willing/ADJ/acomp/1"
                          " to/to/PART/aux/4 withdraw/withdraw/VERB/xcomp/2 from/from/ADP/prep/4"
                          " Iraq/Iraq/PROPN/pobj/5")
    evs = EventExtractor(lex).extract(doc, mentions)
    assert [(e.source.code, e.target.code, e.status) for e in evs] == [("SYR", "IRQ", "future")]


def test_events_light_verb_reaches_the_event_noun_through_a_measure():
    rows = ["v:provide\tLIGHT\t\t\t\t\t\tex\n", "n:aid\tAID\t\t070\t7\tprep:to\t\tex\n"]
    lex = Lexicon(parse_lines([HEADER, *rows], "t.tsv"))
    doc, mentions = parse("Iran/Iran/PROPN/nsubj/1 provided/provide/VERB/ROOT/1 tons/ton/NOUN/dobj/1"
                          " of/of/ADP/prep/2 aid/aid/NOUN/pobj/3 to/to/ADP/prep/4 Iraq/Iraq/PROPN/pobj/5")
    evs = EventExtractor(lex).extract(doc, mentions)
    assert [(e.pattern.type, e.source.code, e.target.code) for e in evs] == [("AID", "IRN", "IRQ")]


def test_events_will_support_is_a_promise_would_welcome_is_not():
    _, evs = code("Iraq/Iraq/PROPN/nsubj/2 will/will/AUX/aux/2 welcome/welcome/VERB/ROOT/2"
                  " Syria/Syria/PROPN/dobj/2")
    assert [(triple(e), e.pattern.cameo) for e in evs] == [(("AGREE", "IRQ", "SYR", "future"), "032")]
    _, evs = code("Iraq/Iraq/PROPN/nsubj/2 would/would/AUX/aux/2 welcome/welcome/VERB/ROOT/2"
                  " Syria/Syria/PROPN/dobj/2")
    assert [triple(e) for e in evs] == [("SUPPORT", "IRQ", "SYR", "hypothetical")]


def test_events_conditional_attack_is_a_threat():
    _, evs = code("Iran/Iran/PROPN/nsubj/2 would/would/AUX/aux/2 attack/attack/VERB/ROOT/2"
                  " Israel/Israel/PROPN/dobj/2 if/if/SCONJ/mark/6 Israel/Israel/PROPN/nsubj/6"
                  " strikes/strike/VERB/advcl/2")
    assert [(e.pattern.type, e.source.code, e.target.code) for e in evs][:1] == \
        [("THREATEN", "IRN", "ISR")]


def test_events_reduced_passive_without_agent_is_a_state():
    lex = Lexicon(parse_lines([HEADER, "v:arm\tAID\tmilitary\t072\t8.3\t\t\tex\n"], "t.tsv"))
    doc, mentions = parse("Syrian/Syrian/ADJ/amod/1 militias/militia/NOUN/nsubj/4"
                          " armed/arm/VERB/acl/1 with/with/ADP/prep/2 rifles/rifle/NOUN/pobj/3"
                          " waited/wait/VERB/ROOT/4")
    assert EventExtractor(lex).extract(doc, mentions) == []


def test_events_shared_modifier_carries_the_country_to_conjuncts():
    from dataclasses import replace

    doc, mentions = parse("Russian/Russian/ADJ/amod/1 jets/jet/NOUN/nsubj/4 and/and/CCONJ/cc/1"
                          " tanks/tank/NOUN/conj/1 attacked/attack/VERB/ROOT/4"
                          " Syria/Syria/PROPN/dobj/4")
    jets = replace(mentions[0], start=0, end=2, text="Russian jets", sector="MIL", code="RUSMIL",
                   head=1)
    tanks = replace(mentions[0], start=3, end=4, text="tanks", country=None, sector="MIL",
                    code="MIL", head=3, kind="sector")
    evs = EXTRACTOR.extract(doc, [jets, tanks, mentions[1]])
    assert [e.source.code for e in evs] == ["RUSMIL"]  # one triple, not RUSMIL and MIL


def _coded(coder, text):
    return [(e.type, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in coder.code(text, date="2015-01-01").events]


def test_events_a_date_is_never_the_target(coder):
    # "on Wednesday" fills the prep:on slot of "used weapons"; it says when, not whom
    events = coder.code("Islamic State used chemical weapons on Wednesday.",
                        date="2015-01-01").events
    assert [(e.type, e.source.code, e.target) for e in events] == [("ASSAULT", "IMG", None)]


def test_events_object_pattern_finds_the_target_on_its_object(coder):
    got = _coded(coder, "Islamic State used chemical weapons against Iraqi soldiers near Mosul.")
    assert got == [("ASSAULT", "IMG", "IRQMIL")]


def test_events_an_election_campaign_is_no_assault(coder):
    assert _coded(coder, "The Democrats' campaign against the senator gathered pace.") == []


def test_events_actor_text_is_the_whole_noun_phrase(coder):
    events = coder.code("Iraqi troops launched an assault on the last Islamic State bastion in "
                        "the country on Thursday.", date="2017-01-01").events
    assert [(e.source.text, e.target.text, e.target.code) for e in events] == [
        ("Iraqi troops", "the last Islamic State bastion in the country", "IMG")]


def test_events_actor_phrase_stops_at_relative_clause_and_comma(coder):
    events = coder.code("Kenyan police arrested two Somali men, who had crossed the border, in "
                        "Mandera.", date="2017-01-01").events
    assert [(e.source.text, e.target.text) for e in events] == [("Kenyan police",
                                                                  "two Somali men")]


def _triples(coder, text):
    return [(e.type, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in coder.code(text, date="2017-01-01").events]


def test_events_protest_without_named_target_is_against_own_government(coder):
    events = coder.code("Thousands of Kenyan students marched through Nairobi on Friday.",
                        date="2017-01-01").events
    assert [(e.type, e.source.code, e.target.code, e.target.text, e.target.start)
            for e in events] == [("PROTEST", "KENEDU", "KENGOV", "government of Kenya", None)]


def test_events_protest_target_is_who_it_defies_not_where(coder):
    assert _triples(coder, "Hundreds of Thai farmers blocked roads in Bangkok in defiance of "
                           "the Chinese embassy.") == [("PROTEST", "THA", "CHNGOV")]


def test_events_threat_target_is_who_must_act(coder):
    assert ("THREATEN", "IRN", "USAGOV") in _triples(
        coder, "Iran threatened to close the strait unless Washington lifted the sanctions.")


def test_events_countryless_actor_takes_the_country_its_phrase_names(coder):
    events = coder.code("Angry activists from Fatah burned tyres outside the parliament.",
                        date="2017-01-01").events
    assert events and events[0].source.code.startswith("PSE")


def test_events_countryless_source_takes_the_country_where_it_acts(coder):
    events = coder.code("Demonstrators clashed with riot police in Monrovia on Sunday.",
                        date="2017-01-01").events
    assert events and events[0].source.country == "LBR"


def test_events_title_without_country_takes_the_story_country(coder):
    text = ("Peru's congress met on Monday. Peru's economy grew. The president later "
            "expelled two Chilean diplomats.")
    events = [e for e in coder.code(text, date="2017-01-01").events if e.trigger.text == "expelled"]
    assert [(e.source.code, e.target.country) for e in events] == [("PERGOV", "CHL")]


def test_events_state_forces_as_target_are_of_the_country_where_it_happens(coder):
    assert _triples(coder, "Hayat Tahrir al-Sham fighters shelled government troops near "
                           "Idlib.") == [("ASSAULT", "IMG", "SYRMIL")]


def test_events_a_headline_without_function_words_is_coded(coder):
    assert _triples(coder, "Kenyan police arrest Somali pirates off Lamu") != []


def test_events_named_modifier_beats_possessive_pronoun(coder):
    got = _triples(coder, "Greece demanded that its European Union partners reject the plan.")
    assert ("REQUEST", "GRC", "IGOEUR") in got


def test_events_a_guessed_country_never_makes_an_actor_act_on_itself(coder):
    text = ("Turkish troops shelled positions in Syria on Sunday. Turkey's prime minister spoke "
            "in Ankara. Kurdish leaders rejected Ankara's proposal.")
    events = [e for e in coder.code(text, date="2016-03-14").events
              if e.trigger.text == "rejected"]
    assert [(e.source.code, e.target.code) for e in events] == [("GOV", "TURGOV")]


def test_events_act_in_a_modifying_clause_is_less_confident_than_the_main_act():
    _, evs = code("Russia/Russia/PROPN/nsubj/1 attacked/attack/VERB/ROOT/1 Syria/Syria/PROPN/dobj/1"
                  " after/after/SCONJ/mark/5 Iran/Iran/PROPN/nsubj/5 bombed/bomb/VERB/advcl/1"
                  " Iraq/Iraq/PROPN/dobj/5 ././PUNCT/punct/1")
    by_type = {e.pattern.type + ":" + e.source.code: e.confidence for e in evs}
    assert by_type == {"ASSAULT:RUS": 0.85, "ASSAULT:IRN": 0.7}


def test_events_none_sense_codes_neither_the_verb_nor_the_denied_noun():
    _, evs = code("Iran/Iran/PROPN/nsubj/1 denied/deny/VERB/ROOT/1 Russian/Russian/ADJ/amod/3"
                  " charges/charge/NOUN/dobj/1 ././PUNCT/punct/1")
    assert evs == []
    _, evs = code("Iran/Iran/PROPN/nsubj/1 denied/deny/VERB/ROOT/1 Russian/Russian/ADJ/amod/3"
                  " requests/request/NOUN/dobj/1 ././PUNCT/punct/1")
    assert [triple(e) for e in evs] == [("REJECT", "IRN", "RUS", "asserted")]


def test_events_object_of_the_particle_selects_the_pattern():
    _, evs = code("Russian/Russian/ADJ/amod/1 workers/worker/NOUN/nsubj/2 went/go/VERB/ROOT/2"
                  " on/on/ADP/prep/2 strike/strike/NOUN/pobj/3 against/against/ADP/prep/2"
                  " Iran/Iran/PROPN/pobj/5 ././PUNCT/punct/2")
    assert [triple(e) for e in evs] == [("PROTEST", "RUS", "IRN", "asserted")]
    assert evs[0].rule == "v:go on >strike>PROTEST"
    _, evs = code("Russian/Russian/ADJ/amod/1 workers/worker/NOUN/nsubj/2 went/go/VERB/ROOT/2"
                  " on/on/ADP/prep/2 holiday/holiday/NOUN/pobj/3 ././PUNCT/punct/2")
    assert evs == []


def test_events_a_dated_preposition_is_no_particle():
    doc, mentions = parse("Russia/Russia/PROPN/nsubj/1 called/call/VERB/ROOT/1"
                          " Iran/Iran/PROPN/dobj/1 on/on/ADP/prep/1 Tuesday/Tuesday/PROPN/pobj/3"
                          " ././PUNCT/punct/1")
    assert [e.rule for e in EXTRACTOR.extract(doc, mentions)] != []  # "Russia called on Iran"
    doc.ents = [doc.char_span(doc[4].idx, doc[4].idx + len(doc[4]), label="DATE")]
    assert EXTRACTOR.extract(doc, mentions) == []


def test_events_a_text_that_acts_speaks_for_whoever_issued_it():
    _, evs = code("Iran/Iran/PROPN/nsubj/1 issued/issue/VERB/ROOT/1 a/a/DET/det/3"
                  " statement/statement/NOUN/dobj/1 threatening/threaten/VERB/acl/3"
                  " Syria/Syria/PROPN/dobj/4 ././PUNCT/punct/1")
    assert [triple(e) for e in evs] == [("THREATEN", "IRN", "SYR", "asserted")]
    assert evs[0].rule == "v:threaten:acl:issuer>THREATEN"
    _, evs = code("Iran/Iran/PROPN/nsubj/1 dispersed/disperse/VERB/ROOT/1 the/the/DET/det/3"
                  " crowds/crowd/NOUN/dobj/1 threatening/threaten/VERB/acl/3"
                  " Syria/Syria/PROPN/dobj/4 ././PUNCT/punct/1")
    assert [triple(e) for e in evs] == [("THREATEN", None, "SYR", "asserted")]


def test_events_a_member_of_a_persons_group_is_not_that_person():
    _, evs = code("A/a/DET/det/1 member/member/NOUN/nsubj/6 of/of/ADP/prep/1 Trump/Trump/PROPN/poss/5"
                  " 's/'s/PART/case/3 council/council/NOUN/pobj/2 attacked/attack/VERB/ROOT/6"
                  " Syria/Syria/PROPN/dobj/6 ././PUNCT/punct/6")
    assert [triple(e) for e in evs] == [("ASSAULT", "USA", "SYR", "asserted")]
    assert evs[0].source.name is None and evs[0].source.kind == "person"
    _, evs = code("Trump/Trump/PROPN/nsubj/1 attacked/attack/VERB/ROOT/1 Syria/Syria/PROPN/dobj/1")
    assert evs[0].source.name == "Trump"


def test_events_a_sum_of_money_given_is_aid(coder):
    events = coder.code("Norway gave $40 million to Malawi.").events
    assert [(e.type, e.cameo, e.trigger.text, e.source.code, e.target.code) for e in events] == \
        [("AID", "071", "$40 million", "NOR", "MWI")]
    assert coder.code("Norway held $40 million in Malawian bonds.").events == ()


def test_events_an_act_only_considered_is_no_event(coder):
    assert coder.code("Japan is considering sending aid to North Korea.").events == ()
    events = coder.code("Britain considered sanctions and attacked Syria.").events
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("ASSAULT", "GBR", "SYR")]


def _types(coder, text):
    return [(e.type, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in coder.code(text).events]


def test_events_an_attempt_is_no_request_but_seeking_something_is(coder):
    assert _types(coder, "Ghana seeks to raise taxes on imports.") == []
    assert ("REQUEST", "IRQ", "IRN") in _types(coder, "Iraq sought help from Iran.")


def test_events_helping_an_outcome_is_no_aid_helping_an_actor_is(coder):
    assert _types(coder, "The Peruvian ruling helped spark protests.") == []
    assert [t for t, _, _ in _types(coder, "Britain helped Ukraine.")] == ["AID"]


def test_events_a_fall_is_no_refusal(coder):
    assert _types(coder, "Chinese exports declined 5 percent in May.") == []
    assert [t for t, _, _ in _types(coder, "Iran declined the Iraqi offer.")] == ["REJECT"]


def test_events_talk_without_a_partner_is_no_consultation(coder):
    assert _types(coder, "The French president discussed the budget on Monday.") == []
    assert [t for t, _, _ in _types(coder, "France discussed the budget with Germany.")] == \
        ["CONSULT"]
    assert _types(coder, "The Indian minister talked to reporters in Delhi.") == []


def test_events_a_polled_opinion_is_no_support(coder):
    assert _types(coder, "Sixty percent of respondents support the Canadian plan.") == []


def test_events_a_modal_demand_needs_a_named_addressee_and_an_actor_speaker(coder):
    assert ("REQUEST", "RUS", "SDN") in \
        _types(coder, "Russia said Sudan must return the helicopter.")
    assert _types(coder, "Many voters said taxes should be cut.") == []
    # an opinion with no one named to act: neither a demand nor the act it names
    assert _types(coder, "Analysts said the talks must resume soon.") == []


def test_events_insisting_that_is_a_statement_insisting_on_is_a_demand(coder):
    assert _types(coder, "China insists it is enforcing the sanctions.") == []
    assert [t for t, _, _ in _types(coder, "Moscow insisted on a role in the talks.")] == \
        ["REQUEST"]


def test_events_an_object_pattern_reaches_through_of_and_a_predicate(coder):
    events = coder.code("Egypt lifted the state of emergency.").events
    assert [(e.type, e.rule) for e in events] == [("CONCEDE", "v:lift >emergency>CONCEDE")]
    events = coder.code("A Turkish court found the German journalist guilty.").events
    assert [(e.type, e.mode) for e in events] == [("SANCTION", "convict")]


def test_events_money_in_an_untagged_currency_is_aid(coder):
    events = coder.code("Germany gave 352 million euros to Ethiopia.").events
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("AID", "DEU", "ETH")]


def test_events_a_light_verb_takes_the_event_noun_of_with_and_of_a_conjunct(coder):
    events = coder.code("The United States provided the Lebanese army with aircraft and weapons.").events
    assert [(e.type, e.source.code, e.target.code) for e in events] == \
        [("AID", "USA", "LBNMIL")]
    events = coder.code("The U.S. military launched air and artillery strikes on Syria.").events
    assert [e.type for e in events] == ["ASSAULT"]


def test_events_what_a_denied_charge_says_happened_is_no_event(coder):
    assert _types(coder, "Iraq rejected an allegation that its army shelled Syria.") == []


def test_events_agreeing_with_an_opinion_is_no_agreement(coder):
    assert _types(coder, "Canada agreed with the Senate that patients should be helped.") == []
    assert [t for t, _, _ in _types(coder, "Iran agreed with Iraq to reopen the border.")] == \
        ["AGREE"]


def test_events_help_in_a_considered_option_is_no_event(coder):
    assert _types(coder, "Japan is considering sending aid to help North Korea.") == []


def test_events_a_light_verb_takes_the_event_noun_after_in(coder):
    events = coder.code("Azerbaijani troops participated in peacekeeping operations in "
                        "Afghanistan.").events
    assert [(e.type, e.source.code, e.target.code) for e in events] == \
        [("AID", "AZEMIL", "AFG")]
    assert [e.type for e in coder.code("Serbian students took part in a protest against the "
                                       "government.").events] == ["PROTEST"]


def test_events_returning_somewhere_is_travel_returning_something_is_a_release(coder):
    assert _types(coder, "Iranian negotiators returned to Geneva on Monday.") == []
    assert [t for t, _, _ in _types(coder, "Russia returned the Ukrainian ships.")] == ["RETREAT"]


def test_events_a_protest_lodged_with_a_government_is_a_complaint(coder):
    assert _types(coder, "Serbia lodged a protest with Albania.") == [("ACCUSE", "SRB", "ALB")]


def _targets(coder, text):
    return [(e.type, e.source.code if e.source else None, e.target.code if e.target else None,
             e.target.text if e.target else None)
            for e in coder.code(text, date="2017-01-01").events]


def test_events_a_thing_acted_on_carries_whom_it_is_against(coder):
    # the pattern's slot is "on"; "against", "of" and a participle ("imposed on") carry it too
    assert _targets(coder, "Denmark lifted its embargo against Libya.") == [
        ("RETREAT", "DNK", "LBY", "Libya")]
    assert _targets(coder, "Canada lifted the trade ban imposed on Cuba in 1990.") == [
        ("CONCEDE", "CAN", "CUB", "Cuba")]


def test_events_a_thing_given_back_goes_to_its_recipient(coder):
    assert _targets(coder, "Norway returned the stolen sculptures to the government of Greece.") \
        == [("RETREAT", "NOR", "GRCGOV", "the government of Greece")]


def test_events_whom_a_verb_persuades_does_the_complement(coder):
    assert _targets(coder, "Germany persuaded Poland to lift its sanctions on Belarus.") == [
        ("RETREAT", "POL", "BLR", "Belarus")]


def test_events_a_conjunct_target_text_drops_both(coder):
    assert [t[3] for t in _targets(coder, "Japan lifted sanctions against both India and "
                                          "Pakistan.")] == ["India", "Pakistan"]


def test_events_a_pronoun_is_written_as_the_phrase_it_stands_for_in_its_sentence(coder):
    events = coder.code("Macron met Erdogan in Paris and urged him to withdraw troops from Syria.",
                        date="2019-01-01").events
    assert [(e.type, e.target.text) for e in events if e.type == "REQUEST"] == [
        ("REQUEST", "Erdogan")]
    events = coder.code("The World Food Programme (WFP) said it had suspended aid deliveries to "
                        "Yemen.", date="2019-01-01").events
    assert [(e.source.text, e.source.code) for e in events] == [
        ("The World Food Programme (WFP)", "IGOUNO")]


def test_events_actor_text_keeps_a_persons_apposition_not_a_description(coder):
    events = coder.code("Jordan held talks with the Palestinian president, Mahmoud Abbas, in "
                        "Amman.", date="2019-01-01").events
    assert [(e.target.text, e.target.code) for e in events] == [
        ("the Palestinian president, Mahmoud Abbas", "PSEGOV")]
    events = coder.code("Kenya, a close ally of Washington, bombed al-Shabaab camps.",
                        date="2019-01-01").events
    assert [e.source.text for e in events] == ["Kenya"]


def test_events_a_dated_preposition_is_no_target_slot(coder):
    # "on Monday" comes first; the "on" of "called on" is the later one
    assert _targets(coder, "The Kenyan teachers' union on Monday called on Kenyan lawmakers to "
                           "reject the bill.") == [
        ("REQUEST", "KENLAB", "KENLEG", "Kenyan lawmakers")]


def test_events_a_thing_named_by_a_demonym_is_no_target_beside_a_recipient(coder):
    assert _targets(coder, "Italy returned two stolen Greek statues to the government of "
                           "Greece.") == [("RETREAT", "ITA", "GRCGOV", "the government of Greece")]


def test_events_a_purpose_concerns_whom_the_main_act_reached(coder):
    assert _targets(coder, "Canada sent soldiers to Latvia to help with flood relief.") == [
        ("AID", "CAN", "LVA", "Latvia")]
    assert [(t[0], t[2]) for t in _targets(coder, "Macron telephoned Erdogan to discuss the "
                                                  "war.")] == [("CONSULT", "TURGOV")]


def test_events_actor_text_leaves_a_bare_date_to_the_clause(coder):
    events = coder.code("Pakistan summoned France's ambassador Monday to protest.",
                        date="2020-10-26").events
    assert [e.target.text for e in events if e.target] == ["France's ambassador"]


def test_events_a_pronoun_stands_for_the_sentences_first_word(coder):
    events = coder.code("Lebanon says it will not accept more Syrian refugees.",
                        date="2019-01-01").events
    assert [(e.source.text, e.source.code) for e in events] == [("Lebanon", "LBN")]


def test_events_a_name_in_apposition_outranks_the_possessor(coder):
    assert _targets(coder, "Russia sent weapons to its ally Syria.") == [
        ("AID", "RUS", "SYR", "its ally Syria")]


def test_events_world_leaders_take_no_country_from_the_story(coder):
    assert _targets(coder, "World leaders condemned the attack on Kenya.") == [
        ("ACCUSE", "GOV", "KEN", "Kenya")]


def test_events_with_no_other_target_the_place_of_the_act_is_it(coder):
    assert _targets(coder, "The United Nations declared a state of siege in Katanga.") == [
        ("COERCE", "IGOUNO", None, "Katanga")]


def test_events_an_agreement_on_something_is_about_it(coder):
    got = _targets(coder, "Israelis and Palestinians failed to reach agreement on the fate of "
                          "offices in east Jerusalem.")
    assert [(t[1], t[2]) for t in got] == [("ISR", None), ("PSE", None)]


def test_events_coordinated_places_in_a_target_phrase_are_targets_each(coder):
    got = _targets(coder, "The European Union sent aid to people in Somalia, Ethiopia and Kenya.")
    assert [(t[2], t[3]) for t in got] == [("SOMCVL", "people in Somalia"), ("ETH", "Ethiopia"),
                                           ("KEN", "Kenya")]


def test_events_the_purpose_of_a_coded_act_is_no_event_of_its_own(coder):
    assert [(t, s) for t, s, _ in _types(coder, "Chilean students blocked roads in Santiago to "
                                                "demand reforms.")] == [("PROTEST", "CHLEDU")]
    # a light verb with no event noun leaves its purpose the act: "sent experts to investigate"
    assert [t for t, _, _ in _types(coder, "France sent experts to investigate the attack on "
                                           "Saudi Arabia.")] == ["ACCUSE"]


def test_events_a_passive_stance_is_the_subjects_own(coder):
    assert _types(coder, "Vietnam is committed to opening up its economy.") == \
        [("AGREE", "VNM", None)]
    assert _types(coder, "Russia was opposed to the American plan.") == \
        [("REJECT", "RUS", "USA")]


def test_events_an_object_pattern_matches_the_kind_a_compound_names(coder):
    events = coder.code("Turkey is violating the ceasefire agreement.").events
    assert [(e.type, e.cameo, e.source.code) for e in events] == [("ASSAULT", "196", "TUR")]
    events = coder.code("Colombia ended mediation efforts with the rebels.").events
    assert [(e.type, e.cameo) for e in events] == [("SANCTION", "165")]


def test_events_a_clause_after_guilty_of_or_by_takes_the_subject(coder):
    events = coder.code("The Moro Islamic Liberation Front is guilty of violating the "
                        "ceasefire.").events
    assert [(e.type, e.source.code) for e in events] == [("ASSAULT", "PHLREB")]
    # the accused is who did it, not the accuser: no event with Iran as its source
    events = coder.code("Iran accused Israel of violating the ceasefire.").events
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("ACCUSE", "IRN", "ISR")]


def test_events_what_a_plan_calls_for_is_no_demand(coder):
    assert _types(coder, "The Spanish plan calls for a ten-year transition.") == []
    assert [t for t, _, _ in _types(coder, "Spain called for a ceasefire in Gaza.")] == \
        ["REQUEST"]


def test_events_contributing_needs_something_given(coder):
    assert _types(coder, "Many Americans wanted to volunteer or contribute.") == []
    assert [t for t, _, _ in _types(coder, "Nepal contributed troops to the UN force in "
                                           "Lebanon.")] == ["AID"]


def test_events_a_sworn_attack_is_a_threat(coder):
    events = coder.code("Ethnic Albanians have sworn to fight until they gain control of the "
                        "villages.").events
    assert [(e.type, e.status) for e in events] == [("THREATEN", "future")]


def test_events_the_purpose_object_is_the_target_of_the_act(coder):
    events = coder.code("Egyptian police opened fire to disperse the Egyptian protesters.").events
    assert [(e.type, e.source.code, e.target.code) for e in events] == \
        [("ASSAULT", "EGYCOP", "EGYCVL")]


def test_events_a_meeting_named_as_a_setting_is_no_consultation(coder):
    assert _types(coder, "Kenyan officials spoke at a UN ocean conference in Lisbon.") == []
    assert [t for t, _, _ in _types(coder, "Saudi ministers attended the Gulf conference in "
                                           "Riyadh.")] == ["CONSULT"]


def test_events_a_light_verb_takes_the_event_noun_after_for_and_on(coder):
    assert [t for t, _, _ in _types(coder, "The Korean president joined Trump for talks "
                                           "in Hanoi.")] == ["CONSULT"]
    assert [t for t, _, _ in _types(coder, "The Nigerian senate president led a delegation "
                                           "on a visit to Russia.")] == ["CONSULT"]


def test_events_an_act_begun_or_decided_is_the_act_not_a_promise(coder):
    assert [(t, s) for t, s, _ in _types(coder, "Russia has begun withdrawing its troops from "
                                                 "Syria.")] == [("RETREAT", "RUS")]
    assert [t for t, _, _ in _types(coder, "Japan has decided to lift its sanctions on "
                                           "India.")] == ["RETREAT"]
    assert "AGREE" in [t for t, _, _ in _types(coder, "Japan has pledged to lift its sanctions "
                                                      "on India.")]


def test_events_a_participle_label_is_no_act(coder):
    assert _types(coder, "Libya's internationally recognised government moved to Tripoli.") == []


def test_events_support_provided_is_aid(coder):
    assert [t for t, _, _ in _types(coder, "The European Union provided support to Ukrainian "
                                           "farmers.")] == ["AID"]


def test_events_a_demand_that_someone_act_targets_them(coder):
    assert ("REQUEST", "PAK", "IND", "India") in _targets(
        coder, "Pakistan renewed its demand that India withdraw its troops.")


def test_events_an_act_on_an_act_targets_where_it_is(coder):
    assert [t[3] for t in _targets(coder, "Yemen's warring parties agreed to a ceasefire in "
                                          "Hodeidah.")] == ["Hodeidah"]


def test_events_a_protest_on_a_place_targets_whom_it_defies(coder):
    assert _targets(coder, "Thousands of students blocked streets in Bangkok in defiance of the "
                           "Thai government.") == [
        ("PROTEST", "THAEDU", "THAGOV", "the Thai government")]


def test_events_actor_text_ignores_an_apposition_parsed_past_the_verb(coder):
    events = coder.code("Serbia eased emergency measures on Wednesday in Montenegro province, the "
                        "scene of ethnic violence last March.", date="1990-01-01").events
    assert [e.source.text for e in events] == ["Serbia"]


def test_events_a_city_attacked_or_acted_in_is_its_people(coder):
    assert _targets(coder, "Syrian jets bombed Aleppo.") == [("ASSAULT", "SYRMIL", "SYRCVL",
                                                              "Aleppo")]
    assert _targets(coder, "The Algerian president imposed a curfew in Algiers.")[0][2] == \
        "DZACVL"
    # a protest in a capital is against whoever governs there
    assert _targets(coder, "Thousands of Kenyan students protested in Nairobi.")[0][2] == \
        "KENGOV"


def test_events_a_complement_with_a_country_outranks_a_placeless_one(coder):
    got = _targets(coder, "The Kyrgyz president received a mission of observers from the OSCE.")
    assert [t[2] for t in got] == ["IGOEUR"]


def test_events_a_promised_withdrawal_of_inspectors_is_a_threat(coder):
    events = coder.code("The UN said it will withdraw its inspectors from Iraq.").events
    assert [(e.type, e.cameo, e.target.code) for e in events] == [("THREATEN", "136", "IRQ")]
    events = coder.code("Russia will withdraw its troops from Syria.").events
    assert [(e.type, e.cameo) for e in events] == [("AGREE", "034")]


def test_events_a_condition_is_no_act(coder):
    events = coder.code("Hezbollah threatened to shell Haifa if Israel hits Beirut.").events
    assert [e.type for e in events] == ["THREATEN"]


def test_events_what_a_demand_asks_for_is_no_act(coder):
    events = coder.code("North Korea reiterated its demand that the United States ease "
                        "sanctions.").events
    assert [e.type for e in events] == ["REQUEST"]
    events = coder.code("Fatah activists staged rallies against Abbas, saying he must "
                        "resign.").events
    assert "RETREAT" not in [e.type for e in events]


def test_events_what_a_protest_demands_is_the_protest(coder):
    events = coder.code("Algerian students blocked roads in Algiers demanding that he be "
                        "reinstated.").events
    assert [e.type for e in events] == ["PROTEST"]


def test_events_troops_sent_to_keep_the_peace_are_aid(coder):
    events = coder.code("Japan is sending troops to the UN peacekeeping force in South "
                        "Sudan.").events
    assert [(e.type, e.cameo) for e in events] == [("AID", "074")]
    events = coder.code("Russia sent troops to Syria.").events
    assert [e.type for e in events] == ["MOBILIZE"]


def test_events_withdrawn_peacekeepers_halt_involvement(coder):
    events = coder.code("Qatar withdrew its peacekeepers from Djibouti.").events
    assert [(e.type, e.cameo, e.mode) for e in events] == [("SANCTION", "166", "withdraw")]
    events = coder.code("Russia withdrew its troops from Syria.").events
    assert [e.type for e in events] == ["RETREAT"]


def test_events_a_past_attack_named_as_a_time_is_no_event(coder):
    assert _types(coder, "Peru has been calm since last month's Chilean invasion.") == []


def test_events_war_games_held_together_are_military_cooperation(coder):
    events = coder.code("Brazil and Argentina held war games in October.").events
    assert {(e.type, e.cameo) for e in events} == {("COOPERATE", "062")}
    events = coder.code("Iran held war games near the Strait of Hormuz.").events
    assert [(e.type, e.cameo) for e in events] == [("MOBILIZE", "150")]


def test_events_a_warning_that_predicts_is_no_threat(coder):
    assert _types(coder, "The Kenyan central bank warned that prices would rise.") == []
    assert [t for t, _, _ in _types(coder, "Iran warned that it would retaliate against "
                                           "Israel.")] == ["THREATEN"]
    assert [t for t, _, _ in _types(coder, "Russia warned Ukraine.")] == ["THREATEN"]


def test_events_an_attraction_is_no_appeal(coder):
    assert _types(coder, "The new Mexican tax plan appeals to voters.") == []
    assert [t for t, _, _ in _types(coder, "Haiti appealed to the United States for "
                                           "help.")] == ["REQUEST"]


def test_events_people_who_evacuated_are_no_aid(coder):
    assert _types(coder, "Kenyan employees who had evacuated to the car park were safe.") == []
    events = coder.code("Ten thousand people evacuated from Haiti by the United States were "
                        "safe.").events
    assert [e.type for e in events] == ["AID"]


def test_events_a_multiword_protest_targets_whom_it_is_against(coder):
    events = coder.code("Ethnic Turks began a hunger strike to protest against Sweden's "
                        "decision.").events
    assert [(e.type, e.target.code) for e in events] == [("PROTEST", "SWE")]


def test_events_a_cause_blamed_is_no_accusation(coder):
    assert _types(coder, "North Korea blames sanctions for the crisis.") == []
    assert [t for t, _, _ in _types(coder, "Israel blamed the attack on Hamas.")] == ["ACCUSE"]


def test_events_a_disaster_is_no_assault(coder):
    assert _types(coder, "A fire in Dhaka that killed more than a hundred Bangladeshis "
                         "shocked Brazil.") == []
    assert _types(coder, "The flood killed 40 Kenyans.") == []


def test_events_an_act_hoped_for_is_no_act(coder):
    assert _types(coder, "Turkey voiced hope that Greece will help Turkey.") == []
    assert _types(coder, "Iran hopes Japan will persuade Biden to lift the sanctions.") == []


def test_events_a_possessed_thing_is_written_without_what_it_is_for(coder):
    assert _targets(coder, "Kenya rejected Uganda's request for talks on the border.") == [
        ("REJECT", "KEN", "UGA", "Uganda's request")]


def test_events_a_relative_pronoun_target_is_written_as_its_antecedent(coder):
    events = coder.code("A Kenyan court freed the Ugandan activists, whom police had arrested "
                        "in May.", date="2019-01-01").events
    assert [(e.type, e.target.text) for e in events] == [
        ("RETREAT", "the Ugandan activists"), ("COERCE", "the Ugandan activists")]
    assert events[1].target.code == "UGASOC"


def test_events_a_things_purpose_carries_whom_it_concerns(coder):
    events = coder.code("The South Korean president accepted an invitation to meet with Kim Jong "
                        "Un.", date="2019-01-01").events
    assert [(e.type, e.target.text, e.target.code) for e in events] == [
        ("AGREE", "Kim Jong Un", "PRKGOV")]


def test_events_a_pronoun_subject_of_a_relative_clause_is_no_relative_pronoun(coder):
    events = coder.code("Kenya freed a Ugandan journalist it had arrested in May.",
                        date="2019-01-01").events
    assert [(e.type, e.source.text) for e in events] == [("RETREAT", "Kenya"), ("COERCE", "Kenya")]


def test_events_receiving_an_act_is_the_givers_act_receiving_someone_is_hosting(coder):
    assert _types(coder, "Ukraine received military aid from Poland.") == [("AID", "POL", "UKR")]
    assert _types(coder, "The Malian army received weapons from France.")[0][:2] == ("AID", "FRA")
    assert _types(coder, "Putin received the Syrian president in Moscow.") == [
        ("CONSULT", "RUSGOV", "SYRGOV")]


def test_events_a_name_the_parser_reads_as_a_verb_is_still_the_target(coder):
    # en_core_web_sm parses the acronym "IS" in "bombing IS targets" as the verb "is"
    for text in ("Jordan had begun bombing IS targets with help from its allies.",
                 "Kurdish forces stepped up shelling IS positions near Raqqa."):
        events = coder.code(text, date="2015-10-20").events
        assert [(e.type, e.target.code, e.target.text) for e in events] == [
            ("ASSAULT", "IMG", "IS")], text


def test_events_a_slot_preposition_hanging_off_the_object_or_its_quantity():
    lex = Lexicon(parse_lines([HEADER, "v:withdraw\tRETREAT\twithdraw\t0874\t10\tprep:from\t\tex\n"],
                              "t.tsv"))
    ext = EventExtractor(lex, speech_verbs={"say"})
    # "Russia withdrew the batch of troops from Syria": "from Syria" hangs off "troops"
    doc, mentions = parse("Russia/Russia/PROPN/nsubj/1 withdrew/withdraw/VERB/ROOT/1 the/the/DET/det/3"
                          " batch/batch/NOUN/dobj/1 of/of/ADP/prep/3 troops/troop/NOUN/pobj/4"
                          " from/from/ADP/prep/5 Syria/Syria/PROPN/pobj/6")
    assert [triple(e) for e in ext.extract(doc, mentions)] == [
        ("RETREAT", "RUS", "SYR", "asserted")]


def test_events_a_light_verbs_indirect_object_receives_the_act():
    lex = Lexicon(parse_lines([HEADER, "v:give\tLIGHT\t\t\t\t\t\tex\n",
                               "n:warning\tTHREATEN\t\t130\t-4.4\tprep:to\t\tex\n"], "t.tsv"))
    ext = EventExtractor(lex, speech_verbs={"say"})
    doc, mentions = parse("Israel/Israel/PROPN/nsubj/1 gave/give/VERB/ROOT/1 Iran/Iran/PROPN/dative/1"
                          " a/a/DET/det/4 warning/warning/NOUN/dobj/1")
    assert [triple(e) for e in ext.extract(doc, mentions)] == [
        ("THREATEN", "ISR", "IRN", "asserted")]


def test_events_a_long_list_on_one_side_is_one_event_per_member(coder):
    text = ("Germany, Russia, Switzerland, Sweden, Norway, Finland and Denmark have provided "
            "donations to Palestinians.")
    events = [e for e in coder.code(text).events if e.type == "AID"]
    assert [e.source.country for e in events] == ["DEU", "RUS", "CHE", "SWE", "NOR", "FIN", "DNK"]
    assert {e.target.country for e in events} == {"PSE"}


def test_events_the_object_a_pattern_names_is_no_target():
    lex = Lexicon(parse_lines([HEADER, "v:violate >ceasefire\tASSAULT\t\t190\t-10\t\t\tex\n",
                               "v:lift >emergency\tCONCEDE\t\t0863\t7\t\t\tex\n"], "t.tsv"))
    ext = EventExtractor(lex, speech_verbs={"say"})
    doc, mentions = parse("Russia/Russia/PROPN/nsubj/1 violated/violate/VERB/ROOT/1 the/the/DET/det/3"
                          " ceasefire/ceasefire/NOUN/dobj/1")
    evs = ext.extract(doc, mentions)
    assert [triple(e) for e in evs] == [("ASSAULT", "RUS", None, "asserted")]
    assert evs[0].target_tok is None  # not written as "the ceasefire"
    doc, mentions = parse("Iraq/Iraq/PROPN/nsubj/1 lifted/lift/VERB/ROOT/1 a/a/DET/det/3"
                          " state/state/NOUN/dobj/1 of/of/ADP/prep/3"
                          " emergency/emergency/NOUN/pobj/4")
    evs = ext.extract(doc, mentions)
    assert [triple(e) for e in evs] == [("CONCEDE", "IRQ", None, "asserted")]
    assert evs[0].target_tok is None


def test_events_a_sum_or_a_conjunction_is_no_target(coder):
    appeal = coder.code("The United Nations launched an appeal for $80 million.").events
    assert [(e.type, e.target) for e in appeal] == [("REQUEST", None)]
    lex = Lexicon(parse_lines([HEADER, "v:demand\tREQUEST\t\t100\t-5\t\t\tex\n"], "t.tsv"))
    # the parser's slip: "that" as the subject of a clause read as the object of "demanded"
    doc, mentions = parse("Iran/Iran/PROPN/nsubj/1 demanded/demand/VERB/ROOT/1"
                          " that/that/SCONJ/dobj/1 ././PUNCT/punct/1")
    evs = EventExtractor(lex).extract(doc, mentions)
    assert [(triple(e), e.target_tok) for e in evs] == [(("REQUEST", "IRN", None, "asserted"), None)]


def test_events_a_noun_modifying_a_noun_names_a_kind_of_thing_no_act(coder):
    assert _types(coder, "Britain's parliament rejected the EU withdrawal agreement again.") == [
        ("REJECT", "GBRLEG", "IGOEUR")]


def test_events_a_threatened_act_named_by_a_light_verb_is_no_event_of_its_own(coder):
    # as "threatened to attack": the threat is the event, the offensive its content
    assert _types(coder, "Iran threatened to launch a military offensive in the Gulf.") == [
        ("THREATEN", "IRN", None)]


def test_events_a_demand_that_the_parser_hangs_from_the_verb_still_names_who_must_act(coder):
    assert _types(coder, "Egypt renewed its demand on Sunday that Ethiopia stop filling the "
                         "dam.") == [("REQUEST", "EGY", "ETH")]


def test_events_what_must_be_done_is_the_demands_content_all_of_it(coder):
    assert _types(coder, "Kenya said Uganda must pay compensation to help the victims.") == [
        ("REQUEST", "KEN", "UGA")]
    # a clause with its own subject says something else: a past act, one's own promise
    assert _types(coder, "Russia said Japan must return the islands which it seized in "
                         "1945.")[1][0] == "COERCE"
    assert _types(coder, "The US president said Iran must stop enriching uranium before "
                         "Washington would support lifting the sanctions on Iran.")[1] == (
        "SUPPORT", "USAGOV", "IRN")


def test_events_an_attack_prepared_is_a_show_of_force_one_declared_ready_for_a_threat(coder):
    events = coder.code("The Ethiopian army prepared to resume shelling Eritrean positions.",
                        date="2019-01-01").events
    assert [(e.type, e.cameo, e.target.code) for e in events] == [
        ("MOBILIZE", "150", "ERI")]
    assert _types(coder, "Russia is prepared to use force against Ukraine.")[0][0] == "THREATEN"


def test_events_forces_mobilized_are_the_mobilizers_own_the_target_whom_they_face(coder):
    assert _types(coder, "Greece mobilized its reservists for a possible war against "
                         "Turkey.") == [("MOBILIZE", "GRC", "TUR")]
    assert _types(coder, "Armenia mobilized its army.") == [("MOBILIZE", "ARM", None)]


def test_events_a_decisions_purpose_is_its_owners_act(coder):
    assert _types(coder, "Germany welcomed Russia's decision to release the journalist.")[1][:2] \
        == ("RETREAT", "RUS")
    assert _types(coder, "Iran criticized the decision by Britain to expel its diplomats.")[1][:2] \
        == ("SANCTION", "GBR")
    # with no owner it is the governing subject's: "in a bid to help"
    assert _types(coder, "Kenya sent troops to Somalia in a bid to help the government.")[1][:2] \
        == ("AID", "KEN")


def test_events_an_act_named_as_the_reason_for_another_is_no_event_of_its_own(coder):
    assert _types(coder, "The United States sanctioned the militia for its support of "
                         "al-Qaeda.") == [("SANCTION", "USA", "PRM")]
    # what one asks for is no reason: it stays the act asked for
    assert [t for t, _, _ in _types(coder, "Ukraine asked for Germany's military aid.")] == [
        "REQUEST", "AID"]


def test_events_aid_named_by_a_noun_needs_a_recipient(coder):
    # AID needs a recipient (ONTOLOGY.md): a possession or a budget is no act of aid
    assert _types(coder, "Iran's weapons worried Israel.") == []
    assert _types(coder, "The Danish government's aid budget grew last year.") == []
    assert _types(coder, "Iran's weapons shipments to the Houthis continued.") == [
        ("AID", "IRN", "YEMREB")]
    # given with a verb of giving, it is aid even with no recipient named
    assert _types(coder, "Turkey delivered weapons last week.") == [("AID", "TUR", None)]
    # who asks for aid is to receive it
    assert ("AID", "DEU", "UKR") in _types(coder, "Ukraine asked for Germany's military aid.")


def test_events_a_war_named_as_a_setting_or_topic_is_no_event(coder):
    assert _types(coder, "Britain completed its withdrawal of troops from Iraq, ending the Iraq "
                         "War.") == [("RETREAT", "GBR", "IRQ")]
    assert _types(coder, "Iran will mobilize more troops for its war with Iraq.") == [
        ("THREATEN", "IRN", None)]
    # a war that does something is one
    assert ("ASSAULT", "ETH", "ERI") in _types(coder, "Ethiopia's war against Eritrea "
                                                      "dragged on.")


def test_events_coordinated_parties_to_a_mutual_act_are_each_its_source(coder):
    # PLOVER's compound actor: "X and Y agreed" is X's agreement and Y's, neither the target
    assert _types(coder, "Kenya and Tanzania have agreed to reopen their shared border.") == [
        ("AGREE", "KEN", None), ("AGREE", "TZA", None)]


def test_events_coordinated_nationalities_of_one_noun_are_two_actors(coder):
    assert _types(coder, "Senior Kenyan and Ugandan officials met in Nairobi on Monday.") == [
        ("CONSULT", "KENGOV", None), ("CONSULT", "UGAGOV", None)]
    # a demand alone in its sentence is split as any other event
    assert _types(coder, "The Red Cross said US and British forces must protect civilians.") == [
        ("REQUEST", "IGOMED", "USAMIL"), ("REQUEST", "IGOMED", "GBRMIL")]


def test_events_a_pronoun_target_standing_for_the_source_is_no_target(coder):
    assert _types(coder, "The United States returned a stolen painting to its owner.") == [
        ("RETREAT", "USA", None)]
    assert _types(coder, "Senior Kenyan and Ugandan officials agreed that their countries "
                         "should cooperate.") == [("AGREE", "KENGOV", None),
                                                  ("AGREE", "UGAGOV", None)]


def test_events_an_object_the_parser_made_the_subject_of_a_participle_is_still_the_object(coder):
    # en_core_web_sm reads "officers holed up in ..." as a clause, leaving "to" with no object
    assert _types(coder, "Chile granted asylum to four Bolivian officials holed up in its "
                         "embassy since the coup, the ministry said.") == [("AID", "CHL", "BOLGOV")]


def test_events_a_country_named_as_a_province_is_where_the_act_takes_place(coder):
    assert _types(coder, "Indonesia eased security measures on Monday in East Timor "
                         "province.") == [("CONCEDE", "IDN", "TLS")]


def test_events_kyrgyz_is_kyrgyzstans_adjective(coder):
    # the country packages give only "Kirghiz"; news writes "Kyrgyz" (countries_extra.tsv)
    assert _types(coder, "Kyrgyz police arrested two opposition leaders.")[0][:2] == (
        "COERCE", "KGZCOP")


def test_events_a_light_verb_without_subject_takes_its_doer_from_the_parse(coder):
    # en_core_web_sm makes "force" the root and "carried" a clause hanging from it
    assert _types(coder, "The Jordanian air force carried out at least three air strikes in "
                         "southern Syria, killing several dozens of Islamic State fighters.")[:1] \
        == [("ASSAULT", "JORMIL", "SYR")]
    # the agent of a passive light verb; coordinated agents do it jointly
    assert _types(coder, "The war games were staged by Egyptian troops and Saudi marines.") == [
        ("COOPERATE", "EGYMIL", None), ("COOPERATE", "SAUMIL", None)]


def test_events_an_event_noun_naming_a_possessed_thing_is_the_possessors(coder):
    assert _types(coder, "The Japanese government's aid package for Nepal included food and "
                         "tents.") == [("AID", "JPNGOV", "NPL")]
    # a programme is no bundle of the act: "its weapons program" gives no weapons
    assert _types(coder, "North Korea said its weapons program was a deterrent.") == []


def test_events_who_is_responsible_for_an_act_did_it_unless_denied(coder):
    assert _types(coder, "Al-Shabaab is responsible for the bombing of a hotel in Kismayo.") \
        == [("ASSAULT", "IMG", "SOM")]
    assert _types(coder, "Kenya said Al-Shabaab was not responsible for the bombing.") == []
    # a claim of responsibility is a statement (CAMEO 01), as the quad gold codes it
    assert _types(coder, "Al-Shabaab claimed responsibility for the bombing.") == []


def test_events_dying_of_a_violent_act_makes_the_dead_its_target(coder):
    assert _types(coder, "A Saudi activist died in detention in Riyadh.") == [
        ("COERCE", None, "SAUSOC")]
    assert _types(coder, "An Egyptian journalist died as a result of torture.") == [
        ("ASSAULT", None, "EGYJRN")]
    assert _types(coder, "An Egyptian journalist died of cancer.") == []
    # "after" says what the death came of, not only when it happened
    assert _types(coder, "A Bahraini activist died after torture in prison.") == [
        ("ASSAULT", None, "BHRSOC")]


def test_events_a_named_organisation_the_tables_lack_keeps_its_event(coder):
    events = coder.code("The Kaduna Civic Forum demanded a new election.").events
    assert [(e.type, e.source.text, e.source.code) for e in events] == [
        ("REQUEST", "The Kaduna Civic Forum", None)]
    # a named sufferer of a material act whose doer goes unnamed, as a known one is
    assert _types(coder, "Ingabire was arrested in Kigali for collaborating with rebels.")[:1] \
        == [("COERCE", None, None)]
    # a named person as doer is too often a reporter or pundit
    assert coder.code("Jake Morrow demanded a new election.").events == ()
    # an unnamed, unresolved doer still says nothing an analyst can use
    assert coder.code("The group demanded the return of the ship.").events == ()


def test_events_arriving_for_an_act_is_that_act(coder):
    assert _types(coder, "Bangladeshi peacekeepers arrived in Mali for a peacekeeping "
                         "mission.") == [("AID", "BGDMIL", "MLI")]
    assert _types(coder, "The Iranian foreign minister arrived in Moscow on Monday.") == []


def test_events_a_double_object_the_parser_made_a_clause_is_still_the_object(coder):
    # en_core_web_sm parses "allowed aid workers access" as "workers" the subject of "access"
    assert _types(coder, "Sudan allowed aid workers access to Darfur.")[:1] == [
        ("RETREAT", "SDN", None)]


def test_events_a_particle_the_parser_hangs_from_the_object_still_counts(coder):
    assert _types(coder, "Islamic State forces hold several hundred families as human "
                         "shields in Mosul.")[:1] == [("ASSAULT", "IMG", "CVL")]


def test_events_a_symmetric_act_between_two_parties_is_each_ones(coder):
    # as for "Russia and Ukraine held talks": each party is a source, as PLOVER codes a
    # compound actor
    assert _types(coder, "Talks between Russia and Ukraine resumed in Istanbul.") == [
        ("CONSULT", "RUS", None), ("CONSULT", "UKR", None)]


def test_events_a_city_naming_an_attack_is_where_it_happened_not_who_did_it(coder):
    assert _types(coder, "Canada sent condolences to the families of those who died in the "
                         "Nairobi terrorist attack.") == []
    # a possessive city is its government, as before
    assert _types(coder, "Moscow's air strikes hit rebel positions near Idlib.")[0][:2] == (
        "ASSAULT", "RUSGOV")


def test_events_seeking_refuge_is_asked_of_where_it_is_sought(coder):
    events = coder.code("Thousands of Eritreans sought refuge in Ethiopia's Tigray region.").events
    assert [(e.type, e.target.country, e.target.text) for e in events] == [
        ("REQUEST", "ETH", "Ethiopia's Tigray region")]


def test_events_a_later_slot_naming_an_actor_outranks_a_thing():
    lex = Lexicon(parse_lines([HEADER, "v:announce\tLIGHT\t\t\t\t\t\tex\n",
                               "n:suspension\tSANCTION\t\t160\t-4\tprep:of,prep:to\t\tex\n"],
                              "t.tsv"))
    # "Israel announced a suspension of aid to Iran": "to Iran" hangs off the suspension
    doc, mentions = parse("Israel/Israel/PROPN/nsubj/1 announced/announce/VERB/ROOT/1"
                          " a/a/DET/det/3 suspension/suspension/NOUN/dobj/1 of/of/ADP/prep/3"
                          " aid/aid/NOUN/pobj/4 to/to/ADP/prep/3 Iran/Iran/PROPN/pobj/6")
    evs = EventExtractor(lex).extract(doc, mentions)
    assert [triple(e) for e in evs] == [("SANCTION", "ISR", "IRN", "asserted")]


def test_events_cooperation_on_a_thing_in_a_country_is_with_that_country(coder):
    support = coder.code("The European Union supports peace building in Colombia.").events
    assert [(e.type, e.target.text, e.target.country) for e in support] == [
        ("SUPPORT", "Colombia", "COL")]
    # an act of force on a thing in a country stays on the thing
    attack = coder.code("Taliban fighters attacked an army base in Kandahar.").events
    assert [e.target.text for e in attack if e.type == "ASSAULT"] == ["an army base in Kandahar"]


def test_events_forces_mobilized_are_no_target():
    lex = Lexicon(parse_lines([HEADER, "v:mobilize\tMOBILIZE\ttroops\t153\t-7.2\tdobj\t\tex\n"],
                              "t.tsv"))
    doc, mentions = parse("Russia/Russia/PROPN/nsubj/1 mobilized/mobilize/VERB/ROOT/1"
                          " troops/troop/NOUN/dobj/1")
    troops = Mention(start=2, end=3, start_char=doc[2].idx, end_char=doc[2].idx + 6,
                     text="troops", name=None, country=None, sector="MIL", code="MIL",
                     kind="sector", entity=-1, head=2)
    evs = EventExtractor(lex).extract(doc, [*mentions, troops])
    assert [(triple(e), e.target_tok) for e in evs] == [(("MOBILIZE", "RUS", None, "asserted"),
                                                        None)]


def test_events_ending_a_protest_concedes_to_whom_it_was_against(coder):
    assert _types(coder, "Kenyan nurses called off their strike after talks with the "
                         "health ministry.") == [("CONCEDE", "KENMED", "GOV")]
    assert _types(coder, "Ghanaian teachers called off a strike on Monday.") == [
        ("CONCEDE", "GHAEDU", "GHAGOV")]


def test_events_what_a_things_purpose_acts_on_carries_whom_it_concerns(coder):
    assert _types(coder, "Hamas rejected an invitation to attend a meeting of Egyptian "
                         "officials.") == [("REJECT", "PSEREB", "EGYGOV")]


def test_events_a_thing_coded_by_a_pronoun_possessor_carries_whom_it_is_for(coder):
    assert _types(coder, "President Uhuru Kenyatta has reneged on his commitment to the Kenyan "
                         "people for holding a referendum.") == [("REJECT", "KENGOV", "KENCVL")]


def test_events_refugees_are_not_of_the_country_the_story_is_about(coder):
    assert _types(coder, "Jordan says it will not accept any more refugees.") == [
        ("REJECT", "JOR", "REF")]
    # the country they flee is theirs
    assert _types(coder, "Kenya gave food aid to refugees fleeing the war in South Sudan.") == [
        ("AID", "KEN", "SSDREF")]


def test_events_the_red_cross_is_coded_as_an_intergovernmental_actor(coder):
    assert _types(coder, "The Red Cross suspended aid deliveries to Yemen.")[0][:2] == (
        "SANCTION", "IGOMED")


def test_events_a_plan_or_bill_with_no_actor_threatens_no_one(coder):
    assert _types(coder, "The bill threatens thousands of Kenyan jobs.") == []
    # its author's plan is the author's act
    assert _types(coder, "Trump's plan threatens Mexico.") == [("THREATEN", "USAGOV", "MEX")]


def test_events_a_market_thing_that_helps_is_a_cause_no_aid(coder):
    assert _types(coder, "Low oil prices helped Venezuela's government survive.") == []
    assert _types(coder, "Kenya helped Somalia fight al-Shabab.")[0] == ("AID", "KEN", "SOM")


def test_events_agreeing_that_something_is_so_is_an_opinion(coder):
    assert _types(coder, "Analysts agree that Russia is weakening.") == []
    assert _types(coder, "Egypt and Sudan agreed that the dam threatened their water supply.") \
        == []
    # what the parties agree shall be is an agreement
    assert _types(coder, "Israel and Hamas agreed that prisoners be exchanged.") == [
        ("AGREE", "ISR", None), ("AGREE", "PSEREB", None)]


def test_events_a_text_with_no_actor_named_is_no_actor(coder):
    assert _types(coder, "The treaty banned the development of Iranian missiles.") == []
    assert _types(coder, "The lawsuit, accusing the Kenyan police of torture, was filed on "
                         "Monday.") == []
    # a text its author's name goes with is the author's
    assert _types(coder, "The UN report criticized Ethiopia.") == [("ACCUSE", "IGOUNO", "ETH")]


def test_events_a_question_asked_is_no_request(coder):
    assert _types(coder, "Asked whether Chile would raise taxes, the Chilean minister said no.") == []
    assert _types(coder, "\"Why now?\" the Belgian premier asked.") == []
    assert _types(coder, "The Kenyan senator asked the minister three questions.") == []
    assert _types(coder, "The Peruvian reporter asked the general if troops had fired.") == []
    assert ("REQUEST", "GRC", "DEU") in _types(coder, "Greece asked Germany for debt relief.")
    assert ("REQUEST", "POL", "EST") in _types(coder, "Poland asked Estonia to send troops.")
    assert "REQUEST" in [t for t, _, _ in _types(coder, "Egypt asked that the Sudanese "
                                                        "tariffs be lifted.")]


def test_events_a_danger_foretold_is_no_threat(coder):
    assert _types(coder, "Kenyan doctors warned of a cholera outbreak in the camps.") == []
    assert _types(coder, "The Danish minister warned, however, that this is a hard time for "
                         "farmers.") == []
    assert [t for t, _, _ in _types(coder, "Iran warned of severe military action against "
                                           "Israel.")] == ["THREATEN"]
    assert [t for t, _, _ in _types(coder, "The Turkish president warned that he could close "
                                           "the border.")] == ["THREATEN"]


def test_events_idioms_of_seizing_and_meeting_words_are_no_events(coder):
    assert _types(coder, "The Greek premier seized the opportunity to call an early vote.") == []
    assert _types(coder, "Kenyan opposition leaders seized on the governor's speech.") == []
    assert _types(coder, "The Czech premier's news conference in Prague lasted an hour.") == []
    assert _types(coder, "Thousands attended the Brazilian senator's campaign rally.") == []
    assert [t for t, _, _ in _types(coder, "Iran seized a British tanker.")] == ["COERCE"]


def test_events_hitting_someone_for_a_reason_is_criticism(coder):
    assert [t for t, _, _ in _types(coder, "The Spanish premier hit the Catalan leader for "
                                           "his silence.")] == ["ACCUSE"]
    assert [t for t, _, _ in _types(coder, "The Polish opposition attacked the minister for "
                                           "raising taxes.")] == ["ACCUSE"]
    assert [t for t, _, _ in _types(coder, "Rebels attacked the army post in Mali for the "
                                           "second time.")] == ["ASSAULT"]


def test_events_a_politician_attacking_an_unarmed_compatriot_is_criticism(coder):
    assert _types(coder, "The Brazilian president attacked the Brazilian judges in a "
                         "speech.") == [("ACCUSE", "BRAGOV", "BRAJUD")]
    assert _types(coder, "The Kenyan senator attacked Kenyan journalists on "
                         "television.") == [("ACCUSE", "KENLEG", "KENJRN")]
    assert _types(coder, "Putin attacked Ukraine in February.") == [("ASSAULT", "RUSGOV", "UKR")]
    assert [t for t, _, _ in _types(coder, "The Colombian president attacked the "
                                           "rebels.")] == ["ASSAULT"]


def test_events_beating_a_rival_in_a_vote_is_no_beating(coder):
    assert _types(coder, "The Mongolian candidate beat the premier in the presidential "
                         "election.") == []
    assert _types(coder, "The Texas senator beat three rivals for the Republican "
                         "nomination.") == []
    assert [t for t, _, _ in _types(coder, "Riot police beat protesters in Minsk.")] == \
        ["ASSAULT"]


def test_events_an_event_noun_inside_a_name_is_no_event(coder):
    assert _types(coder, "The Kenya Conference of Catholic Bishops opened a school in "
                         "Nairobi.") == []
    assert _types(coder, "Egypt held a conference with Sudan on the dam.") == \
        [("CONSULT", "EGY", "SDN")]


def test_events_a_sense_that_is_no_event_takes_only_its_own_particles_noun(coder):
    events = _types(coder, "Kenyan senators are seizing on the budget as a sign that Nairobi "
                           "can find common ground if Uganda drops its demand for lower "
                           "tariffs.")
    assert [(t, s) for t, s, _ in events] == [("REQUEST", "UGA")]


def test_events_demonstrating_something_is_showing_it(coder):
    assert _types(coder, "The Indonesian election demonstrated the strength of the "
                         "opposition.") == []
    assert _types(coder, "The Ghanaian report demonstrates that the Ghanaian police lied.") == []
    assert [t for t, _, _ in _types(coder, "Students demonstrated against the Chilean "
                                           "government.")] == ["PROTEST"]


def test_events_a_political_fight_is_no_assault(coder):
    assert _types(coder, "Chilean lawmakers fought for months over the pension bill.") == []
    assert _types(coder, "The Kenyan union fought the Kenyan airline over wages.") == []
    assert [t for t, _, _ in _types(coder, "Kurdish forces fought Islamic State in "
                                           "Kobani.")] == ["ASSAULT"]
