"""econind from Python through its C API (econind.h) with ctypes: no compiler, no build step.

Needs a shared libeconind (built with -DBUILD_SHARED_LIBS=ON). It is looked for at the path in
the ECONIND_LIBRARY environment variable, else wherever the system's loader finds "econind".

    import econind_ctypes as econind
    extractor = econind.Extractor()      # build once, then share (it is thread-safe)
    for i in extractor.extract(text):    # a list of Indicator
        print(i.kind, i.value, i.unit, i.subject.id if i.subject else None)

Values are decimal.Decimal, exactly as the text says; begin/end are byte offsets into the UTF-8
encoding of the text.
"""
import ctypes
import ctypes.util
import os
from decimal import Decimal
from typing import List, NamedTuple, Optional, Sequence

FIND_MONEY, FIND_PERCENT, FIND_COUNT, FIND_RANK = 1, 2, 4, 8
FIND_ALL = 15
_SUBJECT, _INDUSTRY, _METRIC = 0, 1, 2
_ID, _NAME, _NAME_EN, _TYPE = 0, 1, 2, 3


class Error(Exception):
    """An error the library reported: `code` is its name ("bad_config", ...)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class Entity(NamedTuple):
    id: str
    name: str
    name_en: str
    type: str


class Indicator(NamedTuple):
    kind: str  # money percent count rank rank_change
    value: Decimal
    value_max: Optional[Decimal]
    unit: str
    qualifier: str
    text: str
    begin: int
    end: int
    subject: Optional[Entity]
    industry: Optional[Entity]
    metric: Optional[Entity]
    year: Optional[int]
    rank_of: Optional[int]


def _load(path: Optional[str] = None) -> ctypes.CDLL:
    path = path or os.environ.get("ECONIND_LIBRARY") or ctypes.util.find_library("econind")
    if not path:
        raise OSError("libeconind not found: set ECONIND_LIBRARY to the shared library's path")
    lib = ctypes.CDLL(path)
    P, S, I, D, C = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_double, ctypes.c_char_p
    PP = ctypes.POINTER(ctypes.c_void_p)
    signatures = {
        "econind_version": (C, []),
        "econind_error_code": (I, [P]),
        "econind_error_message": (C, [P]),
        "econind_error_free": (None, [P]),
        "econind_code_name": (C, [I]),
        "econind_string_free": (None, [P]),
        "econind_extractor_new_ex": (P, [ctypes.c_uint, ctypes.POINTER(C), S, PP]),
        "econind_extractor_free": (None, [P]),
        "econind_extract_dated": (P, [P, C, S, C, C, PP]),
        "econind_parse": (P, [ctypes.c_uint, C, S, PP]),
        "econind_result_free": (None, [P]),
        "econind_result_count": (S, [P]),
        "econind_indicator_kind": (C, [P, S]),
        "econind_indicator_value": (C, [P, S]),
        "econind_indicator_value_max": (C, [P, S]),
        "econind_indicator_unit": (C, [P, S]),
        "econind_indicator_qualifier": (C, [P, S]),
        "econind_indicator_text": (C, [P, S]),
        "econind_indicator_begin": (S, [P, S]),
        "econind_indicator_end": (S, [P, S]),
        "econind_indicator_year": (I, [P, S]),
        "econind_indicator_rank_of": (ctypes.c_int64, [P, S]),
        "econind_indicator_entity": (C, [P, S, I, I]),
        "econind_result_to_jsonl": (P, [P, C, S, C, PP]),
    }
    for name, (restype, argtypes) in signatures.items():
        f = getattr(lib, name)
        f.restype, f.argtypes = restype, argtypes
    return lib


_lib: Optional[ctypes.CDLL] = None


def library() -> ctypes.CDLL:
    global _lib
    if _lib is None:
        _lib = _load()
    return _lib


def version() -> str:
    return library().econind_version().decode()


def _check(handle, err: ctypes.c_void_p):
    if handle:
        return handle
    lib = library()
    code = lib.econind_code_name(lib.econind_error_code(err)).decode()
    message = lib.econind_error_message(err).decode("utf-8", "replace")
    lib.econind_error_free(err)
    raise Error(code, message)


def _str(p: Optional[bytes]) -> Optional[str]:
    return None if p is None else p.decode("utf-8", "replace")


def _indicators(result) -> List[Indicator]:
    lib = library()

    def entity(i: int, role: int) -> Optional[Entity]:
        if lib.econind_indicator_entity(result, i, role, _ID) is None:
            return None
        return Entity(*(_str(lib.econind_indicator_entity(result, i, role, f)) for f in (_ID, _NAME, _NAME_EN, _TYPE)))

    out = []
    for i in range(lib.econind_result_count(result)):
        value_max = lib.econind_indicator_value_max(result, i)
        out.append(Indicator(
            kind=_str(lib.econind_indicator_kind(result, i)),
            value=Decimal(_str(lib.econind_indicator_value(result, i))),
            value_max=None if value_max is None else Decimal(value_max.decode()),
            unit=_str(lib.econind_indicator_unit(result, i)),
            qualifier=_str(lib.econind_indicator_qualifier(result, i)),
            text=_str(lib.econind_indicator_text(result, i)),
            begin=lib.econind_indicator_begin(result, i),
            end=lib.econind_indicator_end(result, i),
            subject=entity(i, _SUBJECT),
            industry=entity(i, _INDUSTRY),
            metric=entity(i, _METRIC),
            year=lib.econind_indicator_year(result, i) or None,
            rank_of=lib.econind_indicator_rank_of(result, i) or None,
        ))
    return out


class Extractor:
    """The built-in ontology plus `ontology_files` (TSV, loaded in order); `find`: FIND_* flags."""

    def __init__(self, ontology_files: Sequence[str] = (), find: int = FIND_ALL):
        lib = library()
        files = (ctypes.c_char_p * max(1, len(ontology_files)))(*(os.fsencode(f) for f in ontology_files))
        err = ctypes.c_void_p()
        self._handle = _check(lib.econind_extractor_new_ex(find, files, len(ontology_files), ctypes.byref(err)), err)

    def extract(self, text: str, doc_id: str = "", date: Optional[str] = None) -> List[Indicator]:
        return self._run(text, doc_id, date, lambda result, data: _indicators(result))

    def to_jsonl(self, text: str, doc_id: str = "", date: Optional[str] = None) -> str:
        """The indicators as JSON lines, the same as `econind extract --format jsonl`."""

        def jsonl(result, data):
            err = ctypes.c_void_p()
            p = _check(library().econind_result_to_jsonl(result, data, len(data), None, ctypes.byref(err)), err)
            try:
                return ctypes.string_at(p).decode("utf-8", "replace")
            finally:
                library().econind_string_free(p)

        return self._run(text, doc_id, date, jsonl)

    def _run(self, text: str, doc_id: str, date: Optional[str], read):
        lib = library()
        data = text.encode("utf-8", "surrogateescape")
        err = ctypes.c_void_p()
        result = _check(lib.econind_extract_dated(self._handle, data, len(data), doc_id.encode(),
                                                  date.encode() if date else None, ctypes.byref(err)), err)
        try:
            return read(result, data)
        finally:
            lib.econind_result_free(result)

    def close(self) -> None:
        handle, self._handle = getattr(self, "_handle", None), None
        if handle and _lib is not None:
            _lib.econind_extractor_free(handle)

    def __enter__(self) -> "Extractor":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()


def _parse(find: int, text: str) -> Optional[Indicator]:
    lib = library()
    data = text.encode("utf-8")
    err = ctypes.c_void_p()
    result = _check(lib.econind_parse(find, data, len(data), ctypes.byref(err)), err)
    try:
        found = _indicators(result)
    finally:
        lib.econind_result_free(result)
    return found[0] if found else None


def parse_money(text: str) -> Optional[Indicator]:
    return _parse(FIND_MONEY, text)


def parse_percent(text: str) -> Optional[Indicator]:
    return _parse(FIND_PERCENT, text)


def parse_count(text: str) -> Optional[Indicator]:
    return _parse(FIND_COUNT, text)


def parse_rank(text: str) -> Optional[Indicator]:
    return _parse(FIND_RANK, text)
