"""Hand-built WARC records for the tests that read crawls (batch, Dask).

Importable from any test module: pytest puts ``tests/`` on ``sys.path`` for its conftest.
"""

from __future__ import annotations

import zlib


def warc_record(
    uri: str, body: bytes, *, ctype: str = "text/html", kind: str = "response"
) -> bytes:
    """One WARC/1.0 record holding an HTTP response (or request) with ``body``."""
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
    block = http.encode() + body
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Record-ID: <urn:uuid:{zlib.crc32(uri.encode()):08d}>\r\n"
        "WARC-Date: 2025-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"
