"""Chroma's HNSW vector files, read for their layout: to check them before native code follows their links, and to
zero the slots a deleted entry may leave behind. The layout is Chroma 1.x's (hnswlib's header after Chroma's
version number); a layout this module does not know is reported, never guessed."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import numpy as np

# header.bin of Chroma's HNSW segments (hnswlib's header after Chroma's version number), Chroma 1.x
_HNSW_HEADER = struct.Struct("<i6QiI3QdQ")
_HNSW_FILES = ("data_level0.bin", "length.bin", "link_lists.bin", "index_metadata.pickle")


def vector_files_problem(folder: Path) -> str | None:
    """Why an HNSW segment's files could crash or mislead the native code that reads them, or None when they
    are whole: the header's numbers agree with each other and with the file sizes, and every neighbour list
    names only elements that exist. Reads the files once (a few MB for ten thousand entries)."""
    if not (folder / "header.bin").exists():
        return None  # vectors not persisted yet: they live in SQLite
    try:
        raw = (folder / "header.bin").read_bytes()
        header = _HNSW_HEADER.unpack(raw)
    except (OSError, struct.error):
        return "its header is unreadable"
    version, offset0, capacity, elements, slot, label_offset, offset_data = header[:7]
    maxlevel, enter, max_m, max_m0 = header[7], header[8], header[9], header[10]
    block0, block = 4 + 4 * max_m0, 4 + 4 * max_m
    if version == 1 and elements == 0 and capacity >= 0:
        return None  # an empty segment (no element, no entry point): nothing for native code to follow
    if (
        version != 1
        or offset0 != 0
        or not 0 <= elements <= capacity
        or offset_data != block0
        or label_offset + 8 != slot
        or slot <= offset_data
        or not 0 <= maxlevel < 64
        or (elements and enter >= elements)
    ):
        return "its header does not describe a vector index"
    sizes = {name: (folder / name).stat().st_size if (folder / name).exists() else -1 for name in _HNSW_FILES}
    if sizes["data_level0.bin"] < elements * slot or sizes["data_level0.bin"] % slot:
        return "data_level0.bin is truncated"
    if sizes["length.bin"] < elements * 4 or sizes["index_metadata.pickle"] <= 0:  # length.bin: a float each
        return "length.bin or index_metadata.pickle is missing or truncated"
    level0 = np.fromfile(folder / "data_level0.bin", dtype=np.uint8, count=elements * slot).reshape(
        elements, slot
    )
    counts = level0[:, :4].copy().view(np.uint32)[:, 0] & 0xFFFF
    links = level0[:, 4:block0].copy().view(np.uint32)
    used = np.arange(max_m0) < counts[:, None]
    if (counts > max_m0).any() or (links[used] >= elements).any():
        return "data_level0.bin holds links to elements that do not exist"
    # link_lists.bin: for each element, its size (uint32) then that many bytes of upper-level neighbour lists.
    upper = np.fromfile(folder / "link_lists.bin", dtype=np.uint8)
    spans, offset = [], 0
    for _ in range(elements):
        if offset + 4 > upper.size:
            return "link_lists.bin is truncated"
        size = int(upper[offset : offset + 4].view(np.uint32)[0])
        offset += 4
        if size % block or size > maxlevel * block or offset + size > upper.size:
            return "link_lists.bin is damaged"
        if size:
            spans.append(upper[offset : offset + size])
        offset += size
    if offset != upper.size:
        return "link_lists.bin has bytes no element owns"
    if spans:
        blocks = np.concatenate(spans).reshape(-1, block)
        counts = blocks[:, :4].copy().view(np.uint32)[:, 0] & 0xFFFF
        used = np.arange(max_m) < counts[:, None]
        if (counts > max_m).any() or (blocks[:, 4:].copy().view(np.uint32)[used] >= elements).any():
            return "link_lists.bin holds links to elements that do not exist"
    return None


def zero_unused_vector_slots(folder: Path) -> bool:
    """Overwrite the unused slots of an HNSW segment's files with zeros; False when the format is unknown.

    Until a segment first persists its vectors (``sync_threshold`` of them), Chroma writes its files at full
    capacity from uninitialised memory, so they hold whatever the process's memory held — measured: an
    entry's SQLite row, text included, after the entry was deleted. Only slots past the element count are
    touched; Chroma never uses them.
    """
    try:
        header = _HNSW_HEADER.unpack((folder / "header.bin").read_bytes())
    except (FileNotFoundError, struct.error):
        return False
    version, _offset0, _capacity, elements, slot_size = header[:5]
    for name, unit in (("data_level0.bin", slot_size), ("length.bin", 4)):
        path = folder / name
        size = path.stat().st_size if path.exists() else 0
        if version != 1 or unit <= 0 or size % unit or size < elements * unit:
            return False
        with open(path, "r+b") as fh:
            fh.seek(elements * unit)
            fh.write(bytes(size - elements * unit))
            fh.flush()
            os.fsync(fh.fileno())
    return True
