#!/usr/bin/env python3
"""Runs the shell snippets of the README's "Command-line tool" and "Scaling out" sections.

usage: readme_snippets.py CLI SOURCE_DIR

Every ```sh block of those sections runs with bash -e, in order, in one scratch directory holding
a copy of examples/, with the CLI's directory first on the PATH. When a ```text block follows a
```sh block, the snippet's standard output must equal it exactly. Fails when a snippet fails, when
an output differs, or when the sections have no snippets at all.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

SECTIONS = ("Command-line tool", "Scaling out")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.S | re.M)


def section(readme, title):
    m = re.search(r"^## %s\n(.*?)(?=^## |\Z)" % re.escape(title), readme, re.S | re.M)
    if not m:
        raise SystemExit("README.md has no section '## %s'" % title)
    return m.group(1)


def snippets(text):
    """(command, expected output or None) for each ```sh block, in order."""
    blocks = [(m.group(1), m.group(2), m.start(), m.end()) for m in FENCE.finditer(text)]
    out = []
    for i, (lang, body, _, end) in enumerate(blocks):
        if lang != "sh":
            continue
        expected = None
        if i + 1 < len(blocks) and blocks[i + 1][0] == "text" and not text[end:blocks[i + 1][2]].strip():
            expected = blocks[i + 1][1]
        out.append((body, expected))
    return out


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    cli, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(src, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    work = tempfile.mkdtemp(prefix="econind-readme-")
    try:
        shutil.copytree(os.path.join(src, "examples"), os.path.join(work, "examples"),
                        ignore=shutil.ignore_patterns("CMakeLists.txt", "*.cpp", "*.hpp"))
        env = dict(os.environ, PATH=os.path.dirname(cli) + os.pathsep + os.environ.get("PATH", ""),
                   LC_ALL="C.UTF-8")
        failures, count = 0, 0
        for title in SECTIONS:
            found = snippets(section(readme, title))
            if not found:
                print("FAIL: no ```sh snippets in '## %s'" % title)
                failures += 1
            for command, expected in found:
                count += 1
                p = subprocess.run(["bash", "-e", "-c", command], cwd=work, env=env, capture_output=True)
                out = p.stdout.decode("utf-8", "replace")
                if p.returncode != 0:
                    print("FAIL (exit status %d): %s\n%s" % (p.returncode, command, p.stderr.decode("utf-8", "replace")))
                    failures += 1
                elif expected is not None and out != expected:
                    print("FAIL (output differs): %s--- expected\n%s--- got\n%s" % (command, expected, out))
                    failures += 1
                else:
                    print("ok: %s" % command.splitlines()[0])
        print("%d snippets, %d failed" % (count, failures))
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
