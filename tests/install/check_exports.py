"""Every function econind.h declares can be called from a shared libeconind (hidden visibility
must not hide one): python3 check_exports.py <econind.h> <libeconind.so>"""
import ctypes
import re
import sys

header, library = sys.argv[1], sys.argv[2]
with open(header, encoding="utf-8") as f:
    names = sorted(set(re.findall(r"^ECONIND_EXPORT[^(]*?\b(econind_\w+)\(", f.read(), re.M)))
if len(names) < 40:
    sys.exit(f"found only {len(names)} functions in {header}: has its layout changed?")
lib = ctypes.CDLL(library)
missing = [n for n in names if not hasattr(lib, n)]
if missing:
    sys.exit("not exported: " + ", ".join(missing))
print(f"all {len(names)} functions of econind.h are exported")
