"""Byte streams that survive damage: gzip that keeps what it decoded, lines, WARC records.

The batch readers (:mod:`articlekit.batch`) read crawls that are often damaged: a gzip file
cut short or with a corrupt block, a binary line in a JSON Lines file, a WARC record whose
``Content-Length`` is wrong, garbage between WARC records. Everything here streams (memory
stays that of one record, whatever the file's size) and turns damage into a marker in the
stream instead of an exception that would lose what comes before or after it:

- :func:`gunzip_chunks` yields the decompressed bytes of a (multi-member) gzip stream; at a
  corrupt or truncated point it yields every byte decoded before it, then a :class:`Gap`;
  with ``resync`` it looks for the next gzip member and goes on, else it stops there.
- :func:`split_lines` cuts chunks into lines (a :class:`Gap` passes through, and the partial
  line before it is dropped: it is part of the damage).
- :func:`warc_records` cuts a WARC byte stream into records, checking each
  ``Content-Length`` against the next ``WARC/1.x`` header (or the end of the stream), so a
  wrong length gives one damaged part, never a record glued to the next ones.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, TypeVar

#: Bytes read from a file at a time.
CHUNK = 1 << 16
#: The largest WARC header block that is believed: a longer one is damage.
MAX_WARC_HEADER = 1 << 16
#: WARC records that are not pages (requests, images, videos) and longer than this are
#: streamed past instead of being held in memory.
MAX_SKIPPED_HOLD = 1 << 23
#: The compressed bytes of one gzip member kept to search again from its start after damage.
MAX_MEMBER_HOLD = 1 << 26
#: The longest page (a kept WARC record) held in memory; a longer one is an error.
MAX_PAGE = 1 << 26

_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_START = b"WARC/1."
# A WARC header's first line, where reading can go on after damage (at a line start or not:
# garbage need not end with a line end).
_WARC_LINE = re.compile(rb"(WARC/1\.[0-9]\r?\n)")

T = TypeVar("T", bytes, str)


@dataclass(frozen=True)
class Gap:
    """A damaged stretch of a stream: what was lost there, and where (a byte offset).

    ``whole_before`` is True when every byte before it passed its checks (the damage starts
    at a gzip member's start): what ends right before it is whole.
    """

    message: str
    offset: int
    whole_before: bool = False


def file_chunks(stream: IO[bytes]) -> Iterator[bytes]:
    """The bytes of a binary stream, a chunk at a time."""
    while chunk := stream.read(CHUNK):
        yield chunk


def _decompress_until_error(
    decompressor: zlib._Decompress, data: bytes
) -> tuple[zlib._Decompress, bytes, int | None]:
    """Feed ``data``; on a zlib error, the output up to the failing byte and its index.

    Returns the decompressor (a fresh state when it failed), the output, and the index in
    ``data`` of the byte that failed (None when all went in).
    """
    before = decompressor.copy()
    try:
        return decompressor, decompressor.decompress(data), None
    except zlib.error:
        pass
    # Only on damage: again, smaller and smaller, to keep every byte decoded before it.
    out = bytearray()
    state = before
    start = 0
    for step in (4096, 64, 1):
        while start < len(data):
            trial = state.copy()
            try:
                out += trial.decompress(data[start : start + step])
            except zlib.error:
                break
            state = trial
            start += step
            if state.eof:
                return state, bytes(out), None
    return state, bytes(out), min(start, len(data) - 1) if data else 0


def gunzip_chunks(
    chunks: Iterable[bytes], *, resync_prefix: bytes | None = None
) -> Iterator[bytes | Gap]:
    """Decompress a gzip stream (one or more members) chunk by chunk.

    Args:
        chunks: The compressed bytes.
        resync_prefix: After damage, look for the next gzip member whose data starts with
            these bytes (``b"WARC/1."``: a WARC record) and go on from there; None stops at
            the first damage.

    Yields:
        The decompressed bytes; at damage (a corrupt block, a truncated member, bytes that
        are not gzip) a :class:`Gap` after every byte decoded before it.
    """
    source = iter(chunks)
    pending = b""  # compressed bytes not fed yet
    offset = 0  # compressed offset of pending[0]
    decompressor: zlib._Decompress | None = None
    member_start = 0
    # With resync, the compressed bytes of the current member are kept (up to a bound), so
    # that the search for the next member starts right after this one's start: a damaged
    # header can make zlib read on into the next member before it fails.
    member: bytearray | None = None
    emitted = 0  # bytes the current member gave so far
    while True:
        if not pending:
            pending = next(source, b"")
        if not pending:
            if decompressor is None:
                return
            gap = Gap(
                f"the gzip data stops short after compressed byte {offset} (truncated)",
                offset,
                whole_before=emitted == 0,
            )
            decompressor = None
            if member is None:
                yield gap
                return
            # A damaged header can make a member swallow the ones after it: search again.
            pending, offset = bytes(member[1:]), member_start + 1
            member = None
        elif decompressor is None:
            # Between members: NUL padding is allowed, anything else must be a member.
            stripped = pending.lstrip(b"\0")
            offset += len(pending) - len(stripped)
            pending = stripped
            if not pending:
                continue
            if len(pending) < len(_GZIP_MAGIC) and (more := next(source, b"")):
                pending += more
                continue
            if pending.startswith(_GZIP_MAGIC):
                decompressor = zlib.decompressobj(31)
                member_start = offset
                member = bytearray() if resync_prefix is not None else None
                emitted = 0
                continue
            gap = Gap(f"not gzip data at compressed byte {offset}", offset, whole_before=True)
            pending, offset = pending[1:], offset + 1
        else:
            decompressor, out, failed = _decompress_until_error(decompressor, pending)
            if out:
                emitted += len(out)
                yield out
            if failed is None:
                if decompressor.eof:
                    rest = decompressor.unused_data
                    offset += len(pending) - len(rest)
                    pending = rest
                    decompressor = None
                else:
                    offset += len(pending)
                    if member is not None:
                        member += pending
                        if len(member) > MAX_MEMBER_HOLD:
                            member = None
                    pending = b""
                continue
            where = offset + failed
            gap = Gap(
                f"corrupt gzip data at compressed byte {where} (member from byte {member_start})",
                where,
                whole_before=emitted == 0,
            )
            if member is not None:
                # Search again from just after this member's start (``member`` holds its
                # bytes fed before ``pending``).
                pending, offset = (bytes(member) + pending)[1:], member_start + 1
            else:
                pending, offset = pending[failed + 1 :], where + 1
            member = None
            decompressor = None
        yield gap
        if resync_prefix is None:
            return
        found = yield from _resync_gzip(pending, offset, source, resync_prefix)
        if found is None:
            return
        decompressor, fed, pending, offset, member_start = found
        member = bytearray(fed)
        emitted = 1  # (its first output is out)
        if decompressor.eof:
            rest = decompressor.unused_data
            pending, offset = rest + pending, offset - len(rest)
            decompressor = None


def _resync_gzip(
    pending: bytes, offset: int, source: Iterator[bytes], prefix: bytes
) -> Generator[bytes, None, tuple[zlib._Decompress, bytes, bytes, int, int] | None]:
    """Find the next gzip member whose data starts with ``prefix``; yield its first output.

    Returns the decompressor, the compressed bytes it was fed, those after them, their offset
    and the member's offset; None when the stream ends first.
    """
    while True:
        at = pending.find(_GZIP_MAGIC)
        if at < 0:
            keep = pending[-2:]
            offset += len(pending) - len(keep)
            chunk = next(source, b"")
            if not chunk:
                return None
            pending = keep + chunk
            continue
        pending, offset = pending[at:], offset + at
        trial = zlib.decompressobj(31)
        fed = 0
        out = b""
        ok = True
        # Feed until the member has shown enough of its data to be judged.
        while len(out) < len(prefix) and not trial.eof:
            if fed >= len(pending):
                chunk = next(source, b"")
                if not chunk:
                    break
                pending += chunk
            piece = pending[fed : fed + 512]
            try:
                out += trial.decompress(piece)
            except zlib.error:
                ok = False
                break
            fed += len(piece)
        if ok and out.startswith(prefix):
            yield out
            return trial, pending[:fed], pending[fed:], offset + fed, offset
        pending, offset = pending[1:], offset + 1


def split_lines(chunks: Iterable[T | Gap], newline: T) -> Iterator[T | Gap]:
    """Cut chunks into lines (each with its newline, the last maybe without).

    A :class:`Gap` passes through; the partial line before it is dropped (it is damaged).
    """
    parts: list[T] = []
    for chunk in chunks:
        if isinstance(chunk, Gap):
            parts = []
            yield chunk
            continue
        start = 0
        while (end := chunk.find(newline, start)) >= 0:
            if parts:
                parts.append(chunk[start : end + 1])
                yield newline[:0].join(parts)
                parts = []
            else:
                yield chunk[start : end + 1]
            start = end + 1
        if start < len(chunk):
            parts.append(chunk[start:])
    if parts:
        yield newline[:0].join(parts)


# --- WARC ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class WarcPiece:
    """A WARC record cut from the stream, or a damaged part (``error`` set).

    Attributes:
        offset: Where it starts in the (decompressed) stream.
        record_type: The WARC-Type ("" for damage).
        data: The whole record (header, block and the closing CRLFs), for a record that is
            kept; empty for a skipped one and for damage.
        error: What is wrong, for damage.
    """

    offset: int
    record_type: str
    data: bytes = b""
    error: str | None = None


class _Segment:
    """A buffer over decompressed chunks, up to the next :class:`Gap` or the end."""

    def __init__(self, chunks: Iterator[bytes | Gap]) -> None:
        self.chunks = chunks
        self.buf = bytearray()
        self.start = 0  # stream offset of buf[0]
        self.gap: Gap | None = None
        self.ended = False  # no more bytes in this segment (gap or end of stream)
        self.finished = False  # end of the whole stream

    def fill(self) -> bool:
        """Add a chunk; False at the end of the segment."""
        if self.ended:
            return False
        item = next(self.chunks, None)
        if item is None:
            self.ended = self.finished = True
            return False
        if isinstance(item, Gap):
            self.ended = True
            self.gap = item
            return False
        self.buf += item
        return True

    def need(self, size: int) -> bool:
        """Have at least ``size`` bytes buffered, if the segment holds them."""
        while len(self.buf) < size:
            if not self.fill():
                return False
        return True

    def drop(self, size: int) -> None:
        del self.buf[:size]
        self.start += size

    def next_segment(self) -> bool:
        """After a gap, go on with the bytes after it; False at the end of the stream."""
        if self.finished:
            return False
        self.start += len(self.buf)
        self.buf.clear()
        self.gap = None
        self.ended = False
        return True


def _header_fields(header: bytes) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in header.split(b"\n")[1:]:
        name, sep, value = line.partition(b":")
        if sep:
            fields[name.strip().decode("latin-1").lower()] = value.strip().decode("latin-1")
    return fields


def warc_records(
    chunks: Iterable[bytes | Gap], *, keep: Callable[[str, bytes], bool]
) -> Iterator[WarcPiece]:
    """Cut a WARC byte stream into records, each damaged part once.

    Args:
        chunks: The decompressed stream (:class:`Gap` where it was damaged).
        keep: Whether a record is wanted, from its WARC-Type and the first bytes of its block
            (its HTTP headers): wanted records are held in memory, others streamed past.

    Yields:
        A piece per record (``data`` empty for one not kept) and one per damaged part.
    """
    seg = _Segment(iter(chunks))
    while True:
        # Skip the blank lines between records.
        while True:
            if not seg.buf and not seg.fill():
                break
            stripped = seg.buf.lstrip(b"\r\n")
            seg.drop(len(seg.buf) - len(stripped))
            if seg.buf:
                break
        if not seg.buf:
            if seg.gap is not None:
                yield WarcPiece(seg.gap.offset, "", error=seg.gap.message)
            if not seg.next_segment():
                return
            continue
        seg.need(len(_WARC_START))
        if not seg.buf.startswith(_WARC_START):
            yield _skip_garbage(seg, "not a valid WARC record", seg.start)
            continue
        while (end := seg.buf.find(b"\r\n\r\n")) < 0 and len(seg.buf) < MAX_WARC_HEADER:
            if not seg.fill():
                break
        if end < 0 or end > MAX_WARC_HEADER:
            yield _skip_garbage(seg, "a WARC header that does not end", seg.start)
            continue
        fields = _header_fields(bytes(seg.buf[:end]))
        body_at = end + 4
        try:
            length = int(fields["content-length"])
            if length < 0:
                raise ValueError
        except (KeyError, ValueError):
            what = "a WARC header without a valid Content-Length"
            yield _skip_garbage(seg, what, seg.start)
            continue
        record_type = fields.get("warc-type", "")
        seg.need(body_at + min(length, 8192))
        wanted = keep(record_type, bytes(seg.buf[body_at : body_at + min(length, 8192)]))
        yield from _read_block(seg, record_type, body_at, length, wanted=wanted)


def _skip_garbage(seg: _Segment, what: str, offset: int) -> WarcPiece:
    """One damaged piece from ``offset`` to the next ``WARC/1.x`` line or the segment's end.

    Searching starts after the buffer's first byte (where a damaged record starts).
    """
    scan = 1
    while (match := _WARC_LINE.search(seg.buf, scan)) is None:
        # Memory stays flat: what was searched goes (but a line start split across chunks).
        keep = min(len(seg.buf), 16)
        seg.drop(len(seg.buf) - keep)
        scan = 0
        if not seg.fill():
            break
    if match is not None:
        seg.drop(match.start(1))
        return WarcPiece(offset, "", error=f"{what} (bytes {offset} to {seg.start - 1})")
    seg.drop(len(seg.buf))
    rest = f"; then {seg.gap.message}" if seg.gap is not None else ""
    seg.gap = None
    return WarcPiece(offset, "", error=f"{what} (from byte {offset} to the end{rest})")


def _inner_warc(buf: bytearray, start: int, end: int) -> int:
    """Where a ``WARC/1.x`` line starts before ``end + 4`` (where the next record may start).

    Searching from ``start``; -1 when there is none. Such a line inside a block is the sign
    of a Content-Length that runs over the next record.
    """
    match = _WARC_LINE.search(buf, max(start - 1, 0))
    if match is None or match.start(1) >= end + 4:
        return -1
    return match.start(1)


def _read_block(
    seg: _Segment, record_type: str, body_at: int, length: int, *, wanted: bool
) -> Iterator[WarcPiece]:
    """Read a record's block and check that the next record (or the end) follows it."""
    offset = seg.start
    end = body_at + length
    too_large = wanted and length > MAX_PAGE
    if not too_large and (wanted or length <= MAX_SKIPPED_HOLD):
        seg.need(end + 16)
        inner = _inner_warc(seg.buf, body_at, end)
        if inner < 0 and len(seg.buf) >= end and _follows_well(seg, end, body_at):
            data = bytes(seg.buf[:end]) + b"\r\n\r\n" if wanted else b""
            seg.drop(end)
            yield WarcPiece(offset, record_type, data)
            return
        yield _damaged(seg, offset, length, inner, end)
        return
    # A long record that is not kept: stream past it, watching for a WARC header inside it
    # (where to go on if its length turns out wrong).
    remaining = end
    while True:
        seg.need(min(remaining, CHUNK) + 16)
        inner = _inner_warc(seg.buf, body_at, remaining)
        if inner >= 0:
            yield _damaged(seg, offset, length, inner, remaining)
            return
        # (The last bytes stay for the next search, unless the stream ends here.)
        take = min(remaining, len(seg.buf) if seg.ended else max(0, len(seg.buf) - 16))
        if take == 0:
            break
        seg.drop(take)
        remaining -= take
        body_at = max(0, body_at - take)
    if remaining == 0 and _follows_well(seg, 0):
        if too_large:
            what = f"a page of {length} bytes, more than the {MAX_PAGE} a record may hold"
            yield WarcPiece(offset, "", error=f"the WARC record at byte {offset} is {what}")
        else:
            yield WarcPiece(offset, record_type)
        return
    yield _damaged(seg, offset, length, -1, remaining)


def _follows_well(seg: _Segment, end: int, block: int | None = None) -> bool:
    """True when the block ending at ``end`` is followed by the CRLFs that close a record.

    Exactly two CRLFs (what the WARC format asks for) is enough: what comes after it
    is the next record's business (garbage there is damage of its own). Otherwise any line
    ends, then a WARC header or the end of the stream.
    """
    seg.need(end + 4 + len(_WARC_START))
    closed = seg.buf[end : end + 4] == b"\r\n\r\n"
    gap = seg.gap
    if closed and gap is not None and not gap.whole_before and not seg.buf[end:].strip(b"\r\n"):
        closed = False  # what ends at damage (a gzip member that fails its check) is damaged
    # An HTTP message cut before the end of its headers is a Content-Length too short.
    if closed and (
        block is None
        or not seg.buf.startswith(b"HTTP/", block)
        or seg.buf.find(b"\r\n\r\n", block, end) >= 0
    ):
        return True
    at = end
    while True:
        seg.need(at + len(_WARC_START))
        while at < len(seg.buf) and seg.buf[at] in b"\r\n":
            at += 1
        if at < len(seg.buf) or seg.ended or at - end > 4096:
            break
    rest = bytes(seg.buf[at : at + len(_WARC_START)])
    if not rest:
        # The end of the stream, or damage right after the block (a gzip member that
        # fails its check at its end: the record itself may be what is damaged).
        return seg.ended and (seg.gap is None or seg.gap.whole_before)
    return rest == _WARC_START or (seg.ended and _WARC_START.startswith(rest))


def _damaged(seg: _Segment, offset: int, length: int, inner: int, end: int) -> WarcPiece:
    """A record whose block does not end where its Content-Length says: one damaged piece.

    It goes on at the WARC header found inside the block when there is one, else at the
    next ``WARC/1.x`` line after where the block should end.
    """
    head = f"the WARC record at byte {offset}"
    if inner >= 0:
        at = seg.start + inner
        seg.drop(inner)
        what = f"has a Content-Length ({length}) that runs over the next record (at byte {at})"
        return WarcPiece(offset, "", error=f"{head} {what}")
    gap = seg.gap
    if seg.ended and gap is not None and not gap.whole_before and not seg.buf[end:].strip(b"\r\n"):
        seg.drop(len(seg.buf))
        seg.gap = None
        return WarcPiece(offset, "", error=f"{head} is damaged ({gap.message})")
    if len(seg.buf) >= end:
        seg.drop(max(end - 2, 0))
        what = f"{head} does not end where its Content-Length ({length}) says"
        return _skip_garbage(seg, what, offset)
    seg.drop(len(seg.buf))
    cause = seg.gap.message if seg.gap is not None else "the file ends"
    seg.gap = None
    return WarcPiece(offset, "", error=f"{head} is cut short (Content-Length {length}; {cause})")
