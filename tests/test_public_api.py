import dyad


def test_public_api_exports_exactly_these_names():
    assert sorted(dyad.__all__) == sorted([
        "Actor", "ActorEntity", "Article", "CodedArticle", "Coder", "DataError", "DyadError",
        "Event", "EventDate", "InputError", "ModelError", "Place", "Quote", "StoreError",
        "TimeExpr", "__version__"])
    for name in dyad.__all__:
        assert hasattr(dyad, name)
