"""Every status symbol is drawn as a shape: the poster face has none of them."""
from lofte.content import statuses
from lofte.outputs.posters import symbols


def test_every_status_in_the_vocabulary_has_a_shape():
    assert {s.symbol for s in statuses.BY_KEY.values()} <= set(symbols.SHAPES)


def test_shapes_differ_from_each_other_and_are_the_size_asked_for():
    masks = {symbol: symbols.mask(symbol, 90) for symbol in symbols.SHAPES}
    assert all(m.size == (90, 90) for m in masks.values())
    assert len({m.tobytes() for m in masks.values()}) == len(masks)
    assert all(m.getextrema() == (0, 255) for m in masks.values())
