"""Plain data produced by the prose stage."""
from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter

from ..records import record

_START = attrgetter("start")


@record
class Segment:
    """A run of sentence characters that sits on one source line."""

    start: int        # offset in the sentence text
    length: int
    doc_offset: int   # offset in Document.text of the run's first character
    page: int
    line: int
    file: str = ""

    def doc_offset_of(self, index: int) -> int:
        """The document offset of sentence offset ``index``, which this segment holds."""
        return self.doc_offset + min(index - self.start, max(self.length - 1, 0))


@record
class Sentence:
    id: int
    text: str
    paragraph: int
    section: tuple[str, ...]     # heading path, outermost first
    segments: tuple[Segment, ...]

    def segment_at(self, index: int) -> Segment:
        return self.segments[max(0, bisect_right(self.segments, index, key=_START) - 1)]

    @property
    def page(self) -> int:
        return self.segments[0].page if self.segments else 0

    @property
    def line(self) -> int:
        return self.segments[0].line if self.segments else 0


@record
class Paragraph:
    id: int
    section: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    heading: str = ""            # the item heading that opens it, if any

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.sentences)
