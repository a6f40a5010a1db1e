"""Frames and values between the test process and the student's process (both ends use this file).

A frame is a 4-byte big-endian length, one tag byte (0: between the two Python processes, relayed by the
JVM; 1: from or for the JVM itself), and a payload. A payload is a 4-byte header length, a JSON header, and
the binary blobs the header lists (numpy arrays as .npy bytes, bytes objects).

Values are plain data only: None, bool, int, float, str, bytes, complex, list, tuple, dict, set, numpy
arrays and scalars without object fields. Anything else crosses as a handle that names an object living
in the student's process. Nothing is ever unpickled: np.load runs with allow_pickle=False.
"""
import io
import json
import os
import struct

MAX_FRAME = 64 << 20
MAX_DEPTH = 64
TAG_PEER = 0
TAG_JVM = 1


class WireError(Exception):
    pass


def _numpy():
    try:
        import numpy
        return numpy
    except ImportError:
        return None


class Channel:
    """One end of a frame pipe: reads frames from fd_in, writes them to fd_out."""

    def __init__(self, fd_in, fd_out):
        self._in = io.FileIO(fd_in, "rb", closefd=True)
        self._out = io.FileIO(fd_out, "wb", closefd=True)

    def _read_exact(self, n):
        buf = bytearray(n)
        view = memoryview(buf)
        got = 0
        while got < n:
            k = self._in.readinto(view[got:])
            if not k:
                raise EOFError("channel closed")
            got += k
        return buf

    def read(self):
        (length,) = struct.unpack(">I", self._read_exact(4))
        if length < 1 or length > MAX_FRAME + 1:
            raise WireError("frame of %d bytes" % length)
        frame = self._read_exact(length)
        return frame[0], memoryview(frame)[1:]

    def write(self, tag, parts):
        total = 1 + sum(len(p) for p in parts)
        if total > MAX_FRAME + 1:
            raise WireError("message of %d bytes is over the %d MiB limit" % (total, MAX_FRAME >> 20))
        for part in [struct.pack(">IB", total, tag)] + list(parts):
            view = memoryview(part).cast("B")
            while len(view):
                n = self._out.write(view)
                view = view[n:]


def pack(header, blobs=()):
    header = dict(header)
    header["blobs"] = [len(b) for b in blobs]
    text = json.dumps(header, allow_nan=True, separators=(",", ":")).encode("utf-8")
    return [struct.pack(">I", len(text)), text] + list(blobs)


def unpack(payload):
    if len(payload) < 4:
        raise WireError("short message")
    (length,) = struct.unpack(">I", payload[:4])
    if 4 + length > len(payload):
        raise WireError("header runs past the message")
    header = json.loads(bytes(payload[4:4 + length]).decode("utf-8"))
    if not isinstance(header, dict):
        raise WireError("header is not an object")
    blobs = []
    offset = 4 + length
    sizes = header.get("blobs", [])
    if not isinstance(sizes, list):
        raise WireError("bad blob list")
    for size in sizes:
        if not isinstance(size, int) or size < 0 or offset + size > len(payload):
            raise WireError("blob runs past the message")
        blobs.append(payload[offset:offset + size])
        offset += size
    return header, blobs


class Encoder:
    """Turns a value into JSON-able data plus blobs; `remote(obj)` decides what non-plain objects become."""

    def __init__(self, remote):
        self.blobs = []
        self._remote = remote

    def _blob(self, data):
        self.blobs.append(data)
        return len(self.blobs) - 1

    def encode(self, value, depth=0):
        if depth > MAX_DEPTH:
            raise WireError("value nested more than %d levels deep" % MAX_DEPTH)
        kind = type(value)
        if value is None or kind in (bool, int, float, str):
            return value
        if kind is list:
            return [self.encode(v, depth + 1) for v in value]
        if kind is tuple:
            return {"$tuple": [self.encode(v, depth + 1) for v in value]}
        if kind is dict:
            return {"$dict": [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in value.items()]}
        if kind in (set, frozenset):
            return {"$" + kind.__name__: [self.encode(v, depth + 1) for v in value]}
        if kind in (bytes, bytearray):
            return {"$" + kind.__name__: self._blob(bytes(value))}
        if kind is complex:
            return {"$complex": [value.real, value.imag]}
        np = _numpy() if kind.__module__ == "numpy" else None
        if np is not None and kind is np.ndarray and not value.dtype.hasobject:
            out = io.BytesIO()
            np.save(out, value, allow_pickle=False)
            return {"$nd": self._blob(out.getbuffer())}
        if np is not None and isinstance(value, np.generic) and not value.dtype.hasobject:
            out = io.BytesIO()
            np.save(out, np.asarray(value), allow_pickle=False)
            return {"$np": self._blob(out.getbuffer())}
        return self._remote(value)


class Decoder:
    """The inverse of Encoder; `remote(node)` turns a handle node back into an object."""

    def __init__(self, blobs, remote):
        self._blobs = blobs
        self._remote = remote

    def _blob(self, index):
        if not isinstance(index, int) or not 0 <= index < len(self._blobs):
            raise WireError("bad blob reference")
        return self._blobs[index]

    def decode(self, node, depth=0):
        if depth > MAX_DEPTH:
            raise WireError("value nested too deeply")
        if node is None or type(node) in (bool, int, float, str):
            return node
        if type(node) is list:
            return [self.decode(v, depth + 1) for v in node]
        if type(node) is not dict or len(node) < 1:
            raise WireError("bad value")
        tag = next(iter(node))
        body = node[tag]
        if tag == "$tuple":
            return tuple(self.decode(v, depth + 1) for v in body)
        if tag == "$dict":
            return {self.decode(k, depth + 1): self.decode(v, depth + 1) for k, v in body}
        if tag == "$set":
            return {self.decode(v, depth + 1) for v in body}
        if tag == "$frozenset":
            return frozenset(self.decode(v, depth + 1) for v in body)
        if tag == "$bytes":
            return bytes(self._blob(body))
        if tag == "$bytearray":
            return bytearray(self._blob(body))
        if tag == "$complex":
            return complex(float(body[0]), float(body[1]))
        if tag in ("$nd", "$np"):
            np = _numpy()
            if np is None:
                raise WireError("numpy is not installed here")
            array = np.load(io.BytesIO(self._blob(body)), allow_pickle=False)
            if type(array) is not np.ndarray:
                raise WireError("not an array")
            return array if tag == "$nd" else array[()]
        return self._remote(node)
