"""The README's code blocks marked `<!-- snippet: <path> -->` are those files, character for
character, so that what a reader copies is what the tests build and run:
python3 check_readme.py <source dir> <path that must be a snippet>..."""
import os
import re
import sys

source, required = sys.argv[1], sys.argv[2:]
with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
    readme = f.read()
snippets = re.findall(r"^<!-- snippet: (\S+) -->\n```[\w+-]*\n(.*?)^```$", readme, re.M | re.S)
marks = re.findall(r"^<!-- snippet: (\S+) -->", readme, re.M)
if len(marks) != len(snippets):
    sys.exit("README.md: every <!-- snippet: path --> must be followed directly by a fenced code block")
errors = []
for path, block in snippets:
    try:
        with open(os.path.join(source, path), encoding="utf-8") as f:
            content = f.read()
    except OSError as e:
        errors.append(f"README.md shows {path}, which cannot be read: {e}")
        continue
    if block != content:
        block_lines, file_lines = block.splitlines(), content.splitlines()
        line = next((i for i, (a, b) in enumerate(zip(block_lines, file_lines)) if a != b),
                    min(len(block_lines), len(file_lines)))
        errors.append(f"README.md's copy of {path} differs from the file at its line {line + 1}")
for path in required:
    if path not in (p for p, _ in snippets):
        errors.append(f"README.md must show {path} (as <!-- snippet: {path} --> and a code block)")
if errors:
    sys.exit("\n".join(errors))
print(f"README.md shows {len(snippets)} files exactly: " + ", ".join(p for p, _ in snippets))
