import dyad


def test_public_api_exports_exactly_these_names():
    assert sorted(dyad.__all__) == sorted([
        "Actor", "ActorEntity", "Article", "CodedArticle", "Coder", "DataError", "DyadError",
        "Event", "EventDate", "InputError", "ModelError", "Place", "Quote", "StoreError",
        "TimeExpr", "__version__"])
    for name in dyad.__all__:
        assert hasattr(dyad, name)


def test_public_api_coder_times_its_knowledge_loads(coder):
    assert set(coder.load_seconds) == {"actors", "patterns", "gazetteer"}
    assert all(v > 0 for v in coder.load_seconds.values())
