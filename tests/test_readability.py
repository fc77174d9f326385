"""Sentences and LIX of Swedish Markdown."""
from lofte.authoring.readability import lix, sentences

TEXT = """Vi går **trygghetsvandringar** i parken. Det blir bra, t.ex. på kvällen!

- en punkt utan punkt
- [länken](https://example.se/a.b) räknas som text

## Rubrik
Text under rubriken.

| tabell | hoppas över |

```
kod hoppas över.
```
"""


def test_sentences_follow_markdown_blocks_and_keep_offsets():
    found = sentences(TEXT)
    assert [s.text for s in found] == [
        "Vi går trygghetsvandringar i parken.", "Det blir bra, t.ex. på kvällen!", "en punkt utan punkt",
        "länken räknas som text", "Rubrik", "Text under rubriken."]
    assert [TEXT[s.offset:s.offset + 6] for s in found] == ["Vi går", "Det bl", "en pun", "[länke", "Rubrik", "Text u"]
    assert found[1].words == ("Det", "blir", "bra", "t.ex", "på", "kvällen")


def test_lix_is_words_per_sentence_plus_percent_long_words():
    # 2 sentences, 8 words, 2 longer than six letters: 8/2 + 100*2/8 = 29
    assert lix(sentences("Polisen går i parken. Kommunen tänder fler lampor.")) == 29.0
    assert lix(sentences("")) is None
