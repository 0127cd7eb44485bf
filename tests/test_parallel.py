from dyad.records import Article

TEXTS = [
    "Turkish jets struck Kurdish militant camps in northern Iraq on Sunday, the army said.",
    "The Chilean government expelled two Bolivian diplomats on Tuesday.",
    "Egypt's foreign minister met his Ethiopian counterpart in Cairo to discuss the dam.",
    "Police in Lagos arrested dozens of protesters after clashes near the governor's office.",
    "Japan and South Korea signed an agreement to share military intelligence.",
]


def _articles():
    return [Article(id=f"p{i}", text=t, date="2019-03-0" + str(i + 1)) for i, t in enumerate(TEXTS)]


def test_parallel_pipe_matches_one_process_in_order(coder):
    one = [c.to_dict() for c in coder.pipe(_articles(), batch_size=2)]
    two = [c.to_dict() for c in coder.pipe(_articles(), n_process=2, batch_size=2)]
    assert [c["id"] for c in two] == ["p0", "p1", "p2", "p3", "p4"]
    assert two == one
    assert sum(len(c["events"]) for c in two) >= 4


def test_parallel_pipe_of_nothing_yields_nothing(coder):
    assert list(coder.pipe([], n_process=2)) == []
